"""The declared filters and the pure functions applying them: literal cases on the fixture catalog,
and every combination checked against a plain re-statement of the rules on the real catalog."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from dashboard.filters import FILTERS, MAX_SEARCH, TABLES, Filtered, apply_filters, filtered, filters_for
from dashboard.schema import CITIES, MATCH_MODES, ZONE_KINDS
from dashboard.view_state import ViewState

ALL_IND = ["ind_value_added", "ind_listed", "ind_fintech_firms"]


def test_the_declarations():
    assert [p.name for p in FILTERS] == [
        "themes",
        "match",
        "cities",
        "sources",
        "kinds",
        "stated_in",
        "search",
    ]
    assert [p.key for p in FILTERS] == ["theme", "match", "city", "source", "kind", "stated", "q"]
    assert [p.multi for p in FILTERS] == [True, False, True, True, True, True, False]
    assert TABLES == ("zones", "projects", "indicators", "places")
    assert MAX_SEARCH == 200
    by_name = {p.name: p for p in FILTERS}
    assert dict(by_name["kinds"].columns) == {"zones": "kind", "projects": "zone_kind"}
    assert dict(by_name["cities"].columns) == {
        "zones": "city",
        "projects": "city",
        "indicators": "scope",
        "places": "city",
        "designations": "city",
    }
    assert dict(by_name["stated_in"].columns) == {"indicators": "stated_in"}
    assert by_name["match"].mask is None and not by_name["match"].columns


def test_filters_for_each_table():
    common = ["themes", "match", "cities", "sources"]
    assert [p.name for p in filters_for("zones")] == [*common, "kinds", "search"]
    assert [p.name for p in filters_for("projects")] == [*common, "kinds", "search"]
    assert [p.name for p in filters_for("indicators")] == [*common, "stated_in", "search"]
    assert [p.name for p in filters_for("places")] == [*common, "search"]
    assert filters_for("sources") == ()


def test_vocabularies_from_the_catalog(sample_catalog, real_catalog):
    by_name = {p.name: p for p in FILTERS}
    assert by_name["themes"].choices(sample_catalog) == ("green_finance", "fintech", "cross_border")
    assert by_name["match"].choices(sample_catalog) == MATCH_MODES
    assert by_name["cities"].choices(sample_catalog) == ("广州", "深圳")  # only cities with records
    assert by_name["sources"].choices(sample_catalog) == ("plan_a", "plan_b")
    assert by_name["kinds"].choices(sample_catalog) == ZONE_KINDS
    assert by_name["search"].choices is None
    assert by_name["cities"].choices(real_catalog)[:4] == ("广东", "广州", "深圳", "东莞")
    assert by_name["cities"].option_labels(sample_catalog, "en") == {"广州": "Guangzhou", "深圳": "Shenzhen"}
    assert by_name["themes"].option_labels(sample_catalog, "zh")["cross_border"] == "跨境金融"
    assert by_name["cities"].resolve("shenzhen") == "深圳"


@pytest.mark.parametrize(
    ("state", "zones", "projects", "indicators"),
    [
        (ViewState(), ["zone_a", "zone_b"], ["proj_1"], ALL_IND),
        (ViewState(themes=("fintech",)), ["zone_b"], [], ["ind_listed", "ind_fintech_firms"]),
        (
            ViewState(themes=("fintech", "green_finance")),
            ["zone_a", "zone_b"],
            ["proj_1"],
            ["ind_listed", "ind_fintech_firms"],
        ),
        (ViewState(themes=("fintech", "cross_border"), match="all"), ["zone_b"], [], []),
        (ViewState(themes=("fintech", "green_finance"), match="all"), [], [], []),
        (ViewState(themes=("green_finance",), match="all"), ["zone_a"], ["proj_1"], []),
        (ViewState(match="all"), ["zone_a", "zone_b"], ["proj_1"], ALL_IND),  # a modifier only
        (ViewState(cities=("深圳",)), ["zone_b"], [], []),
        (ViewState(cities=("广州",)), ["zone_a"], ["proj_1"], ALL_IND),
        (ViewState(cities=("广州", "深圳")), ["zone_a", "zone_b"], ["proj_1"], ALL_IND),
        (ViewState(kinds=("cluster",)), ["zone_b"], [], ALL_IND),  # targets belong to no kind of zone
        (ViewState(kinds=("district",)), ["zone_a"], ["proj_1"], ALL_IND),  # the project by its zone
        (ViewState(kinds=("platform",)), [], [], ALL_IND),
        (ViewState(sources=("plan_b",)), ["zone_b"], [], []),
        (ViewState(stated_in=("text",)), ["zone_a", "zone_b"], ["proj_1"], ["ind_fintech_firms"]),
        (ViewState(stated_in=("table", "text")), ["zone_a", "zone_b"], ["proj_1"], ALL_IND),
        (ViewState(sources=("plan_a",)), ["zone_a", "zone_b"], ["proj_1"], ALL_IND),
        (ViewState(search="district b"), ["zone_b"], [], []),
        (ViewState(search="DISTRICT A"), ["zone_a"], [], []),
        (ViewState(search="  上市 "), [], [], ["ind_listed"]),
        (ViewState(search="金融科技"), [], [], ["ind_fintech_firms"]),
        (ViewState(search="示范"), [], ["proj_1"], []),
        (ViewState(search="   "), ["zone_a", "zone_b"], ["proj_1"], ALL_IND),  # blank is no filter
        (ViewState(search="(.*"), [], [], []),  # text, never a pattern
        (ViewState(search="District\nB"), [], [], []),  # the two names are not searched as one
        (ViewState(cities=("广州",), themes=("fintech",)), [], [], ["ind_listed", "ind_fintech_firms"]),
        (ViewState(lang="zh", basemap="gaode", zone="zone_b"), ["zone_a", "zone_b"], ["proj_1"], ALL_IND),
    ],
)
def test_filters(sample_catalog, state, zones, projects, indicators):
    for table, expected in (("zones", zones), ("projects", projects), ("indicators", indicators)):
        assert list(apply_filters(getattr(sample_catalog, table), table, state)["id"]) == expected
    shown = filtered(sample_catalog, state)
    assert isinstance(shown, Filtered)
    assert (list(shown.zones["id"]), list(shown.projects["id"]), list(shown.indicators["id"])) == (
        zones,
        projects,
        indicators,
    )


def test_filtering_keeps_rows_whole_and_the_catalog_unchanged(sample_catalog):
    before = sample_catalog.zones.copy()
    shown = apply_filters(sample_catalog.zones, "zones", ViewState(themes=("fintech",)))
    pd.testing.assert_frame_equal(shown, before.iloc[[1]])
    pd.testing.assert_frame_equal(sample_catalog.zones, before)


# ---------------------------------------------------------------- against a plain re-statement


def _expected(frame: pd.DataFrame, table: str, state: ViewState) -> list[str]:
    """The rules in words: every active filter declared to narrow the table must hold."""
    narrows = {p.name: p.columns.get(table) for p in FILTERS}
    kept = []
    for record in frame.itertuples():
        if state.themes and narrows["themes"]:
            themes = set(getattr(record, narrows["themes"]))
            if not (set(state.themes) <= themes if state.match == "all" else set(state.themes) & themes):
                continue
        if state.cities and narrows["cities"] and getattr(record, narrows["cities"]) not in state.cities:
            continue
        if (
            state.sources
            and narrows["sources"]
            and not {c.source for c in record.citations} & set(state.sources)
        ):
            continue
        if state.kinds and narrows["kinds"] and getattr(record, narrows["kinds"]) not in state.kinds:
            continue
        if (
            state.stated_in
            and narrows["stated_in"]
            and getattr(record, narrows["stated_in"]) not in state.stated_in
        ):
            continue
        needle = state.search.strip().lower()
        if (
            needle
            and narrows["search"]
            and needle not in record.name_zh.lower() + "\n" + record.name_en.lower()
        ):
            continue
        kept.append(record.id)
    return kept


@settings(max_examples=60, deadline=None)
@given(data=hs.data())
def test_any_state_keeps_exactly_the_records_that_match(real_catalog, data):
    vocab = {p.name: p.choices(real_catalog) for p in FILTERS if p.choices is not None}
    pick = {
        name: data.draw(hs.lists(hs.sampled_from(vocab[name]), max_size=3, unique=True)) for name in vocab
    }
    state = ViewState(
        themes=tuple(pick["themes"]),
        match=data.draw(hs.sampled_from(MATCH_MODES)),
        cities=tuple(c for c in pick["cities"] if c in CITIES),
        sources=tuple(pick["sources"][:1]),
        kinds=tuple(pick["kinds"]),
        stated_in=tuple(pick["stated_in"]),
        search=data.draw(hs.sampled_from(["", " ", "区", "Finance", "fund", "金融", "深圳"])),
    )
    for table in TABLES:
        frame = getattr(real_catalog, table)
        assert list(apply_filters(frame, table, state)["id"]) == _expected(frame, table, state), table
