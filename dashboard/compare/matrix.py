"""The theme × city matrix: how many of the view's zones, projects or targets have each theme in each
city, counted from the filtered frames, so every cell equals the rows its link opens.

Rows are the selected themes (all themes when none is selected), columns the selected cities (the
cities the table has records for when none is selected), both in catalog order. A record with
several themes counts once in each of its rows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import pandas as pd

from dashboard.filters import FILTERS
from dashboard.i18n import Lang, city_column, city_label, names_by_id
from dashboard.schema import CITIES
from dashboard.url_state import to_query
from dashboard.view_state import COMPARE_OF, ViewState

if TYPE_CHECKING:
    from dashboard.catalog import Catalog
    from dashboard.filters import Filtered

TABLE_OF = {"zones": "zones", "projects": "projects", "targets": "indicators"}
# the page that lists each kind of record (url paths of `dashboard.ui.pages.PAGES`)
PAGE_OF = {"zones": "map", "projects": "projects", "targets": "targets"}
assert tuple(TABLE_OF) == COMPARE_OF
_CITY_FILTER = next(p for p in FILTERS if p.name == "cities")


def city_column_of(table: str) -> str:
    """The column holding a record's city in `table` (targets have a scope)."""
    return _CITY_FILTER.columns[table]


def matrix_axes(catalog: Catalog, state, of: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The matrix's theme ids (rows) and cities (columns) for the view."""
    table = TABLE_OF[of]
    themes = tuple(t for t in catalog.themes["id"] if not state.themes or t in state.themes)
    if state.cities:
        cities = tuple(c for c in CITIES if c in state.cities)
    else:
        present = set(getattr(catalog, table)[city_column_of(table)])
        cities = tuple(c for c in CITIES if c in present)
    return themes, cities


def count_matrix(records: pd.DataFrame, table: str, themes, cities) -> pd.DataFrame:
    """Counts indexed by theme id with one column per city: records having the theme in the city."""
    counts = {(t, c): 0 for t in themes for c in cities}
    for record_themes, city in zip(records["themes"], records[city_column_of(table)], strict=True):
        for theme in record_themes:
            if (theme, city) in counts:
                counts[(theme, city)] += 1
    frame = pd.DataFrame(
        [[counts[(t, c)] for c in cities] for t in themes], index=list(themes), columns=list(cities)
    )
    return frame.astype(int)


def theme_city_matrix(catalog: Catalog, shown: Filtered, state, of: str) -> pd.DataFrame:
    """The matrix of the view: `shown` holds the view's filtered frames (`dashboard.filters.filtered`)."""
    table = TABLE_OF[of]
    themes, cities = matrix_axes(catalog, state, of)
    return count_matrix(getattr(shown, table), table, themes, cities)


def cell_state(state, theme: str, city: str) -> ViewState:
    """The view a cell opens: the same filters and language, narrowed to the cell's theme and city."""
    filters = {p.name: getattr(state, p.name) for p in FILTERS}
    return replace(ViewState(lang=state.lang, **filters), themes=(theme,), cities=(city,), match="any")


def cell_query(state, theme: str, city: str) -> dict[str, list[str]]:
    """The query parameters of the page a cell opens."""
    return to_query(cell_state(state, theme, city))


def cell_link(state, of: str, theme: str, city: str) -> str:
    """The app-relative link of a cell: the page listing that kind of record, narrowed to the cell."""
    return f"./{PAGE_OF[of]}?{urlencode(cell_query(state, theme, city), doseq=True)}"


def matrix_table(counts: pd.DataFrame, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The matrix as a download table: theme id, theme name, then one column of counts per city."""
    names = names_by_id(themes, lang)
    table = pd.DataFrame({"theme_id": list(counts.index), "theme": [names[t] for t in counts.index]})
    for city in counts.columns:
        table[city_column(city)] = list(counts[city])
    return table


def cells_frame(counts: pd.DataFrame, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Every cell as a row (zeros included), in matrix order: what the heatmap draws."""
    names = names_by_id(themes, lang)
    rows = [
        {
            "theme_id": theme,
            "theme": names[theme],
            "city": city,
            "city_label": city_label(city, lang),
            "count": int(counts.loc[theme, city]),
        }
        for theme in counts.index
        for city in counts.columns
    ]
    return pd.DataFrame(rows, columns=["theme_id", "theme", "city", "city_label", "count"])


def links_table(counts: pd.DataFrame, themes: pd.DataFrame, state, of: str) -> pd.DataFrame:
    """The non-empty cells as a table of links, for a screen or browser that cannot click the chart."""
    cells = cells_frame(counts, themes, state.lang)
    cells = cells[cells["count"] > 0]
    links = [cell_link(state, of, t, c) for t, c in zip(cells["theme_id"], cells["city"], strict=True)]
    return pd.DataFrame(
        {
            "theme_id": cells["theme_id"],
            "theme": cells["theme"],
            "city": cells["city_label"],
            "count": cells["count"],
            "map_link": links,
        }
    ).reset_index(drop=True)
