"""The theme × city matrix counts exactly the rows of the filtered tables, for every kind of filter,
and each cell's link opens a view with exactly that many rows."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.compare.matrix import (
    PAGE_OF,
    TABLE_OF,
    cell_link,
    cell_state,
    links_table,
    matrix_axes,
    matrix_table,
    theme_city_matrix,
)
from dashboard.filters import apply_filters, filtered
from dashboard.i18n import city_column
from dashboard.url_state import parse_query, vocabulary
from dashboard.view_state import COMPARE_OF, ViewState

STATES = {
    "everything": ViewState(),
    "two themes, any": ViewState(themes=("green_finance", "fintech")),
    "two themes, all": ViewState(themes=("fintech", "cross_border"), match="all"),
    "cities": ViewState(cities=("广州", "东莞")),
    "kinds": ViewState(kinds=("cluster", "platform")),
    "sources": ViewState(sources=("gz_gba_hub_opinions", "sz_finance_14fyp")),
    "search": ViewState(search="Nansha"),
    "everything at once": ViewState(
        themes=("sci_tech_finance", "green_finance"), cities=("深圳", "广州"), sources=("gz_finance_14fyp",)
    ),
    "zh": ViewState(lang="zh", themes=("insurance",)),
}


def _expected(frame, table: str, theme: str, city: str) -> int:
    city_col = "scope" if table == "indicators" else "city"
    return sum(1 for ts, c in zip(frame["themes"], frame[city_col], strict=True) if theme in ts and c == city)


@pytest.mark.parametrize("of", COMPARE_OF)
@pytest.mark.parametrize("name", list(STATES))
def test_every_cell_counts_the_filtered_rows(real_catalog, name, of):
    state = STATES[name]
    table = TABLE_OF[of]
    rows = getattr(filtered(real_catalog, state), table)
    counts = theme_city_matrix(real_catalog, filtered(real_catalog, state), state, of)
    assert counts.size > 0
    for theme in counts.index:
        for city in counts.columns:
            assert counts.loc[theme, city] == _expected(rows, table, theme, city), (theme, city)


@pytest.mark.parametrize("of", COMPARE_OF)
@pytest.mark.parametrize("name", ["everything", "kinds", "sources", "everything at once"])
def test_a_cells_view_has_exactly_its_count_of_rows(real_catalog, name, of):
    state = STATES[name]
    counts = theme_city_matrix(real_catalog, filtered(real_catalog, state), state, of)
    table = TABLE_OF[of]
    for theme in counts.index:
        for city in counts.columns:
            opened = apply_filters(getattr(real_catalog, table), table, cell_state(state, theme, city))
            assert len(opened) == counts.loc[theme, city], (theme, city)


def test_axes_follow_the_selection_in_catalog_order(real_catalog):
    state = ViewState(themes=("insurance", "green_finance"), cities=("东莞", "广州"))
    assert matrix_axes(real_catalog, state, "zones") == (("green_finance", "insurance"), ("广州", "东莞"))
    themes, cities = matrix_axes(real_catalog, ViewState(), "targets")
    assert themes == tuple(real_catalog.themes["id"])
    assert cities == ("广东", "广州", "深圳", "东莞")  # the places that set targets
    assert matrix_axes(real_catalog, ViewState(), "zones")[1] == ("广州", "深圳", "东莞", "珠海")


def test_matrix_table_has_stable_ids_and_the_counts(real_catalog):
    state = ViewState(themes=("green_finance",))
    counts = theme_city_matrix(real_catalog, filtered(real_catalog, state), state, "zones")
    table = matrix_table(counts, real_catalog.themes, "en")
    assert list(table.columns) == ["theme_id", "theme", "guangzhou", "shenzhen", "dongguan", "zhuhai"]
    assert table.iloc[0].tolist()[:2] == ["green_finance", "Green finance"]
    assert table.iloc[0].tolist()[2:] == [int(counts.loc["green_finance", c]) for c in counts.columns]
    assert city_column("香港") == "hong_kong"


def test_links_open_the_page_of_the_record_kind_with_the_cell_in_the_query(real_catalog):
    state = ViewState(lang="zh", kinds=("district",))
    counts = theme_city_matrix(real_catalog, filtered(real_catalog, state), state, "zones")
    links = links_table(counts, real_catalog.themes, state, "zones")
    assert (links["count"] > 0).all()
    assert len(links) == int((counts > 0).sum().sum())
    first = links.iloc[0]
    parsed = urlsplit(first["map_link"])
    assert parsed.path == "./map"
    opened, notices = parse_query(parse_qs(parsed.query), vocabulary(real_catalog))
    assert notices == []
    assert opened == cell_state(state, first["theme_id"], opened.cities[0])
    assert opened.kinds == ("district",) and opened.lang == "zh"
    assert cell_link(ViewState(), "projects", "fintech", "深圳").startswith("./projects?theme=fintech&city=")
    assert cell_link(ViewState(), "targets", "fintech", "深圳").startswith("./targets?")


def test_the_pages_a_cell_opens_exist():
    from dashboard.ui.pages import PAGES

    assert set(PAGE_OF.values()) <= {path for *_rest, path in PAGES}
