"""The filters, each declared once (`FILTERS`), and the pure functions applying them to the tables.

Each declaration (`dashboard.param.Param`) says its name, URL key and CLI flag, label, whether it
takes several values, its vocabulary and default, and which column of which table it narrows with
which mask. The state (`dashboard.view_state.ViewState`), the URL round trip
(`dashboard.url_state`), the sidebar (`dashboard.ui.widgets`) and the export CLI
(`dashboard.export`) are all derived from these declarations: adding a filter is a declaration
here, its mask, and a test.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from dashboard.i18n import city_label, labels, names_by_id
from dashboard.param import Param
from dashboard.schema import CITIES, MATCH_MODES, STATED_IN, ZONE_KINDS, resolve_city

if TYPE_CHECKING:
    from dashboard.catalog import Catalog

TABLES = ("zones", "projects", "indicators", "places")
MAX_SEARCH = 200


def _theme_mask(frame: pd.DataFrame, column: str, wanted, state) -> pd.Series:
    wanted_set = set(wanted)
    if state.match == "all":
        return frame[column].map(wanted_set.issubset)
    return frame[column].map(lambda ts: not wanted_set.isdisjoint(ts))


def _in_mask(frame: pd.DataFrame, column: str, wanted, _state) -> pd.Series:
    return frame[column].isin(wanted)


def _any_of_mask(frame: pd.DataFrame, column: str, wanted, _state) -> pd.Series:
    wanted_set = set(wanted)
    return frame[column].map(lambda values: not wanted_set.isdisjoint(values))


def _search_mask(frame: pd.DataFrame, _column: str, text, _state) -> pd.Series:
    needle = str(text).strip().casefold()
    names = frame["name_zh"].str.casefold() + "\n" + frame["name_en"].str.casefold()
    return names.str.contains(needle, regex=False)


def _themes(catalog: Catalog) -> tuple[str, ...]:
    return tuple(catalog.themes["id"])


def _cities(catalog: Catalog) -> tuple[str, ...]:
    present = set(catalog.zones["city"]) | set(catalog.indicators["scope"]) | set(catalog.projects["city"])
    return tuple(c for c in CITIES if c in present)


FILTERS: tuple[Param, ...] = (
    Param(
        "themes",
        "theme",
        "themes",
        True,
        (),
        _themes,
        lambda c, lang: names_by_id(c.themes, lang),
        "theme id; repeat for several (see data/themes.yaml)",
        columns=MappingProxyType(
            {"zones": "themes", "projects": "themes", "indicators": "themes", "places": "themes"}
        ),
        mask=_theme_mask,
    ),
    Param(
        "match",
        "match",
        "match",
        False,
        "any",
        lambda _c: MATCH_MODES,
        lambda _c, lang: labels("match", lang),
        "with several themes: records having any (default) or all of them",
    ),
    Param(
        "cities",
        "city",
        "city",
        True,
        (),
        _cities,
        lambda c, lang: {city: city_label(city, lang) for city in _cities(c)},
        "city (or target scope) by its Chinese or English name, e.g. Guangzhou; repeat for several",
        columns=MappingProxyType(
            {
                "zones": "city",
                "projects": "city",
                "indicators": "scope",
                "places": "city",
                "designations": "city",  # a claim's city (the Compare page's claims table)
            }
        ),
        mask=_in_mask,
        resolve=resolve_city,
    ),
    Param(
        "sources",
        "source",
        "source",
        True,
        (),
        lambda c: tuple(c.sources["id"]),
        lambda c, lang: names_by_id(c.sources, lang, "title"),
        "source plan id; repeat for several (see data/sources.yaml)",
        columns=MappingProxyType(
            {
                "zones": "source_ids",
                "projects": "source_ids",
                "indicators": "source_ids",
                "places": "source_ids",
                "designations": "source_ids",
            }
        ),
        mask=_any_of_mask,
    ),
    Param(
        "kinds",
        "kind",
        "kind",
        True,
        (),
        lambda _c: ZONE_KINDS,
        lambda _c, lang: labels("zone_kind", lang),
        "zone kind: district, cluster, platform or area (zones, and projects by their zone)",
        columns=MappingProxyType({"zones": "kind", "projects": "zone_kind"}),
        mask=_in_mask,
    ),
    Param(
        "stated_in",
        "stated",
        "stated_in",
        True,
        (),
        lambda _c: STATED_IN,
        lambda _c, lang: labels("stated_in", lang),
        "targets stated in the plan's indicator table or in its body text: table, text",
        columns=MappingProxyType({"indicators": "stated_in"}),
        mask=_in_mask,
    ),
    Param(
        "search",
        "q",
        "search",
        False,
        "",
        None,
        None,
        "keep records whose Chinese or English name contains TEXT",
        columns=MappingProxyType(
            {
                "zones": "name",
                "projects": "name",
                "indicators": "name",
                "places": "name",
                "designations": "name",
            }
        ),
        mask=_search_mask,
        flag="search",
    ),
)


def filters_for(table: str) -> tuple[Param, ...]:
    """The filters that narrow `table` (plus `match`, which modifies the theme filter)."""
    return tuple(
        p for p in FILTERS if table in p.columns or (p.name == "match" and table in FILTERS[0].columns)
    )


def apply_filters(frame: pd.DataFrame, table: str, state) -> pd.DataFrame:
    """The rows of `table` matching every active filter that applies to it, in catalog order."""
    mask = pd.Series(True, index=frame.index)
    for param in FILTERS:
        value = getattr(state, param.name)
        if param.mask is not None and table in param.columns and param.active(value):
            mask &= param.mask(frame, param.columns[table], value, state).astype(bool)
    return frame[mask]


class Filtered(NamedTuple):
    zones: pd.DataFrame
    projects: pd.DataFrame
    indicators: pd.DataFrame
    places: pd.DataFrame


def filtered(catalog: Catalog, state) -> Filtered:
    """All three tables narrowed by the same state, each once."""
    return Filtered(*(apply_filters(getattr(catalog, table), table, state) for table in TABLES))
