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


def download_bytes(
    catalog: Catalog, table: Table, state: FilterState, fmt: str = "csv", layers=None
) -> bytes:
    """CSV bytes of the filtered table, or for zones GeoJSON (which needs the geometry `layers`)."""
    if fmt == "geojson":
        if table != "zones" or layers is None:
            raise ValueError("GeoJSON is available for zones, given their geometry layers")
        from dashboard.geodata import zones_geojson  # geometry stack only when asked for

        zone_ids = list(filter_zones(catalog.zones, state)["id"])
        return zones_geojson(filtered_table(catalog, "zones", state), zone_ids, layers)
    return to_csv_bytes(filtered_table(catalog, table, state))
