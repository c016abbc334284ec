"""The whole state of a view: one frozen record, one field per declared parameter."""

from __future__ import annotations

import dataclasses

import pytest

from dashboard.filters import FILTERS
from dashboard.view_state import PARAMS, PARAMS_BY_KEY, RECORD_KINDS, SETTINGS, ViewState

DEFAULTS = {
    "themes": (),
    "match": "any",
    "cities": (),
    "sources": (),
    "kinds": (),
    "stated_in": (),
    "search": "",
    "lang": "en",
    "basemap": "light",
    "family": "",
    "metric": "target",
    "zone": "",
    "record_kind": "zones",
    "record": "",
    "cite": "0",
}


def test_one_field_per_parameter_in_declaration_order():
    names = [f.name for f in dataclasses.fields(ViewState)]
    assert names == [p.name for p in PARAMS]
    assert PARAMS == FILTERS + SETTINGS
    assert set(DEFAULTS) <= set(names)
    assert names[: len(FILTERS)] == ["themes", "match", "cities", "sources", "kinds", "stated_in", "search"]


def test_defaults():
    state = ViewState()
    assert {name: getattr(state, name) for name in DEFAULTS} == DEFAULTS
    assert {p.name: p.default for p in PARAMS} == {
        f.name: getattr(state, f.name) for f in dataclasses.fields(state)
    }


def test_frozen_and_hashable():
    state = ViewState(themes=("fintech",), lang="zh")
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.lang = "en"
    assert hash(state) == hash(ViewState(themes=("fintech",), lang="zh"))
    assert state != ViewState(themes=("fintech",))


def test_keys_and_names_are_unique():
    assert len({p.key for p in PARAMS}) == len(PARAMS) == len(PARAMS_BY_KEY)
    assert len({p.name for p in PARAMS}) == len(PARAMS)
    assert PARAMS_BY_KEY["rtype"].name == "record_kind"
    assert PARAMS_BY_KEY["q"].name == "search"


def test_only_filters_and_the_language_reach_the_command_line():
    assert {p.name for p in PARAMS if p.cli} == {p.name for p in FILTERS} | {"lang"}


def test_settings_vocabularies(sample_catalog):
    choices = {p.name: p.choices(sample_catalog) for p in SETTINGS if p.choices is not None}
    assert choices["lang"][0] == "zh" and "en" in choices["lang"]
    assert choices["basemap"] == ("light", "osm", "gaode", "none")
    assert choices["metric"] == ("target", "growth")
    assert choices["family"] == ("",)  # each sample family has one place only: none is worth a map
    assert choices["zone"] == ("", "zone_a", "zone_b")
    assert choices["record_kind"] == (*RECORD_KINDS, "designations")  # claims open on the Sources page too
    assert set(RECORD_KINDS) >= {"zones", "projects", "indicators"}
    assert {"", "zone_a", "proj_1", "ind_fintech_firms"} <= set(choices["record"])
    assert choices["cite"] == ("0", "1")  # zone_b has two citations
