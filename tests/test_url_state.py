"""URL query string <-> view: round trips, unknown values ignored with notices, never a traceback."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.url_state import Notice, parse_query, to_query, vocabulary
from dashboard.view_state import PARAMS, PARAMS_BY_KEY, ViewState


@pytest.fixture(scope="module")
def vocab(sample_catalog):
    return vocabulary(sample_catalog)


def test_vocabulary_from_the_catalog(vocab):
    assert vocab["themes"] == ("green_finance", "fintech", "cross_border")
    assert vocab["cities"] == ("广州", "深圳")
    assert vocab["sources"] == ("plan_a", "plan_b")
    assert vocab["kinds"] == ("district", "cluster", "platform", "area")
    assert vocab["match"] == ("any", "all")
    assert "search" not in vocab  # free text
    assert set(vocab) == {p.name for p in PARAMS if p.choices is not None}


def test_empty_query_is_the_default_view(vocab):
    assert parse_query({}, vocab) == (ViewState(), [])


def test_full_round_trip(vocab):
    view = ViewState(
        themes=("fintech", "green_finance"),
        match="all",
        cities=("深圳",),
        sources=("plan_b",),
        kinds=("cluster", "area"),
        search="前海 bay",
        lang="zh",
        basemap="gaode",
        metric="growth",
        zone="zone_b",
        record_kind="projects",
        record="proj_1",
        cite="1",
    )
    query = to_query(view)
    assert query == {
        "theme": ["fintech", "green_finance"],
        "match": ["all"],
        "city": ["深圳"],
        "source": ["plan_b"],
        "kind": ["cluster", "area"],
        "q": ["前海 bay"],
        "lang": ["zh"],
        "basemap": ["gaode"],
        "metric": ["growth"],
        "zone": ["zone_b"],
        "rtype": ["projects"],
        "record": ["proj_1"],
        "cite": ["1"],
    }
    assert parse_query(query, vocab) == (view, [])


def test_defaults_are_left_out_of_links():
    assert to_query(ViewState()) == {}
    assert to_query(ViewState(lang="en", match="any", cite="0")) == {}


@pytest.mark.parametrize(
    ("query", "expected", "notice"),
    [
        ({"theme": ["gold", "fintech"]}, {"themes": ("fintech",)}, Notice("value", "theme", "gold")),
        ({"city": ["Shenzhen", "Atlantis"]}, {"cities": ("深圳",)}, Notice("value", "city", "Atlantis")),
        ({"source": ["plan_z"]}, {}, Notice("value", "source", "plan_z")),
        ({"match": ["some"]}, {}, Notice("value", "match", "some")),
        ({"lang": ["fr"]}, {}, Notice("value", "lang", "fr")),
        ({"kind": ["zone"]}, {}, Notice("value", "kind", "zone")),
        ({"basemap": ["satellite"]}, {}, Notice("value", "basemap", "satellite")),
        ({"zone": ["zone_x"]}, {}, Notice("value", "zone", "zone_x")),
        ({"family": ["fin_value_added"]}, {}, Notice("value", "family", "fin_value_added")),  # one place only
        ({"cite": ["7"]}, {}, Notice("value", "cite", "7")),
        ({"utm_source": ["x"]}, {}, Notice("parameter", "", "utm_source")),
    ],
)
def test_unknown_values_are_dropped_with_a_notice(vocab, query, expected, notice):
    view, notices = parse_query(query, vocab)
    assert view == ViewState(**expected)
    assert notices == [notice]


def test_repeated_keys_and_plain_strings(vocab):
    view, notices = parse_query({"theme": ["fintech", "fintech", "cross_border"], "lang": "zh"}, vocab)
    assert view.themes == ("fintech", "cross_border")
    assert view.lang == "zh"
    assert notices == []


def test_a_single_valued_key_given_twice_keeps_the_last(vocab):
    assert parse_query({"lang": ["zh", "en"], "q": ["a", "b"]}, vocab) == (ViewState(search="b"), [])


def test_cities_by_either_name_are_stored_in_chinese(vocab):
    view, _ = parse_query({"city": ["guangzhou", "深圳", "SHENZHEN"]}, vocab)
    assert view.cities == ("广州", "深圳")
    assert to_query(view)["city"] == ["广州", "深圳"]


def test_long_search_is_shortened(vocab):
    view, notices = parse_query({"q": ["x" * 5000]}, vocab)
    assert view.search == "x" * 200
    assert notices == [Notice("search", "q", "200")]


def test_hostile_values_are_quoted_short_in_notices(vocab):
    _, notices = parse_query({"theme": ["<script>alert(1)</script>" * 10], "<b>" * 30: ["x"]}, vocab)
    assert notices == [
        Notice("parameter", "", ("<b>" * 30)[:40] + "…"),
        Notice("value", "theme", ("<script>alert(1)</script>" * 2)[:40] + "…"),
    ]


_text = st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.one_of(_text, st.sampled_from(sorted(PARAMS_BY_KEY))),
        st.one_of(
            _text,
            st.lists(st.one_of(_text, st.sampled_from(["fintech", "广州", "zh", "zone_a"])), max_size=4),
        ),
        max_size=8,
    )
)
def test_any_query_parses_to_a_valid_view(sample_catalog, query):
    vocab = vocabulary(sample_catalog)
    view, notices = parse_query(query, vocab)
    for param in PARAMS:
        value = getattr(view, param.name)
        if param.choices is None:
            assert isinstance(value, str) and len(value) <= 200
        elif param.multi:
            assert isinstance(value, tuple) and set(value) <= set(vocab[param.name])
            assert len(set(value)) == len(value)
        else:
            assert value in vocab[param.name]
    assert all(isinstance(n, Notice) and len(n.value) <= 41 for n in notices)
    # what survives parsing is stable: parsing its own link again changes nothing
    assert parse_query(to_query(view), vocab) == (view, [])
    assert dataclasses.replace(view) == view
