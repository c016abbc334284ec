"""The bytes of every download, for the app and the CLI alike."""

from __future__ import annotations

from typing import Literal

from dashboard.catalog import Catalog
from dashboard.csv_safety import to_csv_bytes
from dashboard.filters import FilterState, filter_indicators, filter_projects, filter_zones
from dashboard.tables import indicators_table, projects_table, zones_table

Table = Literal["zones", "projects", "indicators"]
TABLES: tuple[Table, ...] = ("zones", "projects", "indicators")


def filtered_table(catalog: Catalog, table: Table, state: FilterState):
    """The labelled download table of one kind for the filter state."""
    if table == "zones":
        return zones_table(filter_zones(catalog.zones, state), catalog.themes, state.lang)
    if table == "projects":
        return projects_table(filter_projects(catalog.projects, state), catalog.themes, state.lang)
    return indicators_table(filter_indicators(catalog.indicators, state), catalog.themes, state.lang)


def download_bytes(catalog: Catalog, table: Table, state: FilterState, fmt: str = "csv") -> bytes:
    """CSV (or, for zones, GeoJSON) bytes of the filtered table."""
    if fmt == "geojson":
        raise NotImplementedError("GeoJSON export needs the zone geometry layer")
    return to_csv_bytes(filtered_table(catalog, table, state))
