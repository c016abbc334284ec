"""The filter state shared by every page and the export CLI, and the pure functions applying it.

Each filter applies to the tables that carry its field: themes, city, source plan and search
narrow zones, projects and indicators alike; zone kind narrows zones only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

import pandas as pd

from dashboard.i18n import Lang

if TYPE_CHECKING:
    from dashboard.catalog import Catalog

Match = Literal["any", "all"]


@dataclass(frozen=True)
class FilterState:
    """What the user asked to see. Empty tuples mean 'no restriction'."""

    themes: tuple[str, ...] = ()
    match: Match = "any"
    cities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    search: str = ""
    lang: Lang = "en"


def _theme_mask(themes: pd.Series, wanted: tuple[str, ...], match: Match) -> pd.Series:
    if not wanted:
        return pd.Series(True, index=themes.index)
    wanted_set = set(wanted)
    if match == "all":
        return themes.map(lambda ts: wanted_set.issubset(ts))
    return themes.map(lambda ts: not wanted_set.isdisjoint(ts))


def _in_mask(values: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    if not wanted:
        return pd.Series(True, index=values.index)
    return values.isin(wanted)


def _any_source_mask(source_ids: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    if not wanted:
        return pd.Series(True, index=source_ids.index)
    wanted_set = set(wanted)
    return source_ids.map(lambda ids: not wanted_set.isdisjoint(ids))


def _search_mask(frame: pd.DataFrame, search: str) -> pd.Series:
    needle = search.strip().casefold()
    if not needle:
        return pd.Series(True, index=frame.index)
    names = frame["name_zh"].str.casefold() + "\n" + frame["name_en"].str.casefold()
    return names.str.contains(needle, regex=False)


def _common_mask(frame: pd.DataFrame, state: FilterState, city_column: str) -> pd.Series:
    return (
        _theme_mask(frame["themes"], state.themes, state.match)
        & _in_mask(frame[city_column], state.cities)
        & _any_source_mask(frame["source_ids"], state.sources)
        & _search_mask(frame, state.search)
    )


def filter_zones(zones: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """Zones matching every active filter, in catalog order."""
    mask = _common_mask(zones, state, "city") & _in_mask(zones["kind"], state.kinds)
    return zones[mask]


def filter_projects(projects: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """Projects matching the theme, city, source and search filters."""
    return projects[_common_mask(projects, state, "city")]


def filter_indicators(indicators: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """Indicators whose linked themes, scope, source and name match."""
    return indicators[_common_mask(indicators, state, "scope")]


class Filtered(NamedTuple):
    zones: pd.DataFrame
    projects: pd.DataFrame
    indicators: pd.DataFrame


def filtered(catalog: Catalog, state: FilterState) -> Filtered:
    """All three tables narrowed by the same state."""
    return Filtered(
        filter_zones(catalog.zones, state),
        filter_projects(catalog.projects, state),
        filter_indicators(catalog.indicators, state),
    )
