"""Geometry of the catalog: zone polygons (full and display), context outlines, city shapes.

Everything is stored and assembled in WGS-84 (EPSG:4326); `in_datum` moves a layer to GCJ-02
only at the last step, for the Gaode basemap.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.validation import explain_validity

from dashboard.catalog import Catalog, CatalogError, Problem, default_data_dir
from dashboard.schema import OVERLAY_CITIES
from geo.crs import frame_wgs84_to_gcj02
from geo.simplify import simplify_zones_for_display
from geo.zones import zone_geometries


@dataclass(frozen=True)
class GeoLayers:
    """zones: id, precision, full geometry; zones_display: the same simplified for the map;
    context: display boundaries (level, city, names); cities: one display shape per city."""

    zones: gpd.GeoDataFrame
    zones_display: gpd.GeoDataFrame
    context: gpd.GeoDataFrame
    cities: gpd.GeoDataFrame


def _city_shapes(context: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One shape per city: its outline if present, else the union of its districts."""
    shapes = []
    for city in OVERLAY_CITIES:
        rows = context[(context["city"] == city) & (context["level"] == "city")]
        if rows.empty:
            rows = context[(context["city"] == city) & (context["level"] == "district")]
        if not rows.empty:
            shapes.append({"city": city, "geometry": rows.geometry.union_all()})
    return gpd.GeoDataFrame(shapes, geometry="geometry", crs="EPSG:4326")


def _map_context(display: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """What the map draws for context: districts, the outlines of cities without districts, and
    Hong Kong and Macao. The province outline and the outlines of cities drawn district by district
    would only repeat borders (and bytes) already on the map."""
    with_districts = set(display.loc[display["level"] == "district", "city"])
    drop = (display["level"] == "province") | (
        (display["level"] == "city") & display["city"].isin(with_districts)
    )
    return display[~drop].reset_index(drop=True)


def _read_layer(path: Path, id_column: str, problems: list[Problem]) -> gpd.GeoDataFrame | None:
    """A geometry file, checked for CRS and geometry validity; problems name file, record, field."""
    name = f"geo/{path.name}"
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # any reader failure is reported, never raised into the UI
        problems.append(Problem(name, "-", "-", f"cannot be read: {exc}"))
        return None
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        problems.append(Problem(name, "-", "crs", f"expected EPSG:4326 (WGS-84), found {frame.crs}"))
    if id_column not in frame.columns:
        problems.append(Problem(name, "-", id_column, "column missing"))
        return None
    for record, geometry in zip(frame[id_column], frame.geometry, strict=True):
        if geometry is None or geometry.is_empty:
            problems.append(Problem(name, str(record), "geometry", "empty geometry"))
        elif not shapely.is_valid(geometry):
            problems.append(Problem(name, str(record), "geometry", f"invalid: {explain_validity(geometry)}"))
    return frame


def load_layers(catalog: Catalog, geo_dir: Path | None = None) -> GeoLayers:
    """Build every layer from the derived files in `data/geo/` and the catalog's zones.

    Raises `CatalogError` listing unreadable files, wrong CRSs, invalid geometries and zones
    whose polygon cannot be made.
    """
    geo_dir = geo_dir if geo_dir is not None else default_data_dir() / "geo"
    problems: list[Problem] = []
    boundaries = _read_layer(geo_dir / "boundaries.geojson", "adcode", problems)
    display = _read_layer(geo_dir / "boundaries_display.geojson", "adcode", problems)
    footprints = _read_layer(geo_dir / "footprints.geojson", "zone_id", problems)
    if problems:
        raise CatalogError(problems)
    try:
        return _assemble(catalog, boundaries, display, footprints)
    except ValueError as exc:  # geo.zones names the zone and field in its message
        raise CatalogError([Problem("zones/*.yaml + geo/footprints.geojson", "-", "-", str(exc))]) from exc


def _assemble(
    catalog: Catalog, boundaries: gpd.GeoDataFrame, display: gpd.GeoDataFrame, footprints: gpd.GeoDataFrame
) -> GeoLayers:
    zones = (
        catalog.zones[["id", "city", "districts", "precision"]]
        .rename(columns={"precision": "geometry"})
        .assign(districts=lambda z: z["districts"].map(list))
    )
    full = zone_geometries(zones, boundaries, footprints).rename(columns={"zone_id": "id"})
    # admin zones are drawn from the display districts themselves, so they line up with the
    # district outlines exactly; footprints are simplified the same way as everything else
    shown = zone_geometries(zones, display, simplify_zones_for_display(footprints))
    return GeoLayers(
        zones=full,
        zones_display=shown.rename(columns={"zone_id": "id"}),
        context=_map_context(display),
        cities=_city_shapes(display),
    )


def in_datum(frame: gpd.GeoDataFrame, datum: str) -> gpd.GeoDataFrame:
    """The frame as drawn on a basemap of this datum ("wgs84" or "gcj02")."""
    return frame_wgs84_to_gcj02(frame) if datum == "gcj02" else frame


def precision_of(layers: GeoLayers, zone_id: str | None) -> str | None:
    """How exact a zone's polygon is ("admin" or "approximate")."""
    match = layers.zones.loc[layers.zones["id"] == zone_id, "precision"]
    return None if match.empty else match.iloc[0]


def display_zones(layers: GeoLayers, zones: pd.DataFrame, datum: str) -> gpd.GeoDataFrame:
    """Display geometry joined to the (filtered) catalog zones, in catalog order and in the datum."""
    geometry = layers.zones_display.set_index("id")
    joined = zones.join(geometry[["geometry"]], on="id")
    return in_datum(gpd.GeoDataFrame(joined, geometry="geometry", crs="EPSG:4326"), datum)


def zones_geojson(table: pd.DataFrame, zone_ids: list[str], layers: GeoLayers) -> bytes:
    """The zones download as a WGS-84 FeatureCollection: the CSV's columns plus `precision`,
    full-resolution geometry. `table` is the labelled download table, one row per id."""
    full = layers.zones.set_index("id")
    features = []
    for zone_id, row in zip(zone_ids, table.to_dict(orient="records"), strict=True):
        features.append(
            {
                "type": "Feature",
                # the table's cells (its `precision` a label) and the geometry's precision as an id
                "properties": {**row, "precision_id": full.loc[zone_id, "precision"]},
                "geometry": full.loc[zone_id, "geometry"].__geo_interface__,
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
