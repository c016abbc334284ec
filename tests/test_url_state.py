"""URL query string <-> view: round trips, unknown values ignored with notices, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.filters import FilterState
from dashboard.url_state import ViewState, Vocabulary, parse_query, to_query

VOCAB = Vocabulary(
    themes=("green_finance", "fintech", "cross_border"),
    cities=("广州", "深圳", "东莞"),
    sources=("plan_a", "plan_b"),
    basemaps=("light", "osm", "gaode", "none"),
    families=("deposits", "loans"),
)


def test_empty_query_is_the_default_view():
    assert parse_query({}, VOCAB) == (ViewState(), [])


def test_full_round_trip():
    view = ViewState(
        filters=FilterState(
            themes=("fintech", "green_finance"),
            match="all",
            cities=("深圳",),
            sources=("plan_b",),
            kinds=("cluster", "area"),
            search="前海 bay",
            lang="zh",
        ),
        basemap="gaode",
        family="loans",
        metric="growth",
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
        "family": ["loans"],
        "metric": ["growth"],
    }
    assert parse_query(query, VOCAB) == (view, [])


def test_defaults_are_left_out_of_links():
    assert to_query(ViewState()) == {}


@pytest.mark.parametrize(
    ("query", "expected_filters", "notice"),
    [
        (
            {"theme": ["gold", "fintech"]},
            FilterState(themes=("fintech",)),
            "Ignored unknown theme 'gold' in the link.",
        ),
        (
            {"city": ["Shenzhen", "Atlantis"]},
            FilterState(cities=("深圳",)),
            "Ignored unknown city 'Atlantis' in the link.",
        ),
        ({"match": ["some"]}, FilterState(), "Ignored unknown match 'some' in the link."),
        ({"lang": ["fr"]}, FilterState(), "Ignored unknown lang 'fr' in the link."),
        ({"kind": ["zone"]}, FilterState(), "Ignored unknown kind 'zone' in the link."),
        ({"utm_source": ["x"]}, FilterState(), "Ignored unknown parameter 'utm_source' in the link."),
    ],
)
def test_unknown_values_are_dropped_with_a_notice(query, expected_filters, notice):
    view, notices = parse_query(query, VOCAB)
    assert view.filters == expected_filters
    assert notices == [notice]


def test_repeated_keys_and_plain_strings():
    view, notices = parse_query({"theme": ["fintech", "fintech", "cross_border"], "lang": "zh"}, VOCAB)
    assert view.filters.themes == ("fintech", "cross_border")
    assert view.filters.lang == "zh"
    assert notices == []


def test_long_search_is_shortened():
    view, notices = parse_query({"q": ["x" * 5000]}, VOCAB)
    assert len(view.filters.search) == 200
    assert notices == ["Shortened the search text in the link to 200 characters."]


def test_hostile_values_are_quoted_short_in_notices():
    _, notices = parse_query({"theme": ["<script>alert(1)</script>" * 10]}, VOCAB)
    assert notices == ["Ignored unknown theme '<script>alert(1)</script><script>alert(1…' in the link."]


_text = st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.one_of(
            _text,
            st.sampled_from(
                ["theme", "city", "match", "lang", "q", "kind", "source", "basemap", "family", "metric"]
            ),
        ),
        st.one_of(_text, st.lists(_text, max_size=4)),
        max_size=8,
    )
)
def test_any_query_parses_to_a_valid_view(query):
    view, notices = parse_query(query, VOCAB)
    f = view.filters
    assert set(f.themes) <= set(VOCAB.themes)
    assert set(f.cities) <= set(VOCAB.cities)
    assert set(f.sources) <= set(VOCAB.sources)
    assert f.match in ("any", "all") and f.lang in ("zh", "en")
    assert view.basemap in VOCAB.basemaps and view.metric in ("target", "growth")
    assert all(isinstance(n, str) for n in notices)
    # what survives parsing is stable: parsing its own link again changes nothing
    assert parse_query(to_query(view), VOCAB) == (view, [])
