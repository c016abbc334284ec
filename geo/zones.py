"""Zone geometry: turn zone records into polygons.

A zone is drawn one of two ways (its ``geometry`` field):

``admin``
    Exactly the union of its districts' full-resolution boundaries. The district names are looked
    up within the zone's city, so 南山区 can only mean Shenzhen's.
``approximate``
    Its footprint from ``data/geo/footprints.geojson``: a hand-drawn outline (or, for Dongguan's
    片区, a Thiessen tiling of town seats), never an official boundary.

Every input is in EPSG:4326 and is checked; a zone that cannot be resolved is an error that names
the zone and the field, never a silently missing polygon.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

from geo.boundaries import find_district
from geo.crs import WGS84_CRS, require_crs

PRECISIONS = ("admin", "approximate")
_ZONE_COLUMNS = ("id", "city", "districts", "geometry")
_FOOTPRINT_COLUMNS = ("zone_id", "note", "geometry")


def _require_columns(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    """Raise ValueError naming the columns `what` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} lacks columns {missing}")


def _footprint_index(footprints: gpd.GeoDataFrame) -> dict[str, shapely.Geometry]:
    """Footprints by zone id; a zone id drawn twice is an error."""
    counts = footprints["zone_id"].value_counts()
    twice = sorted(counts[counts > 1].index)
    if twice:
        raise ValueError(f"zone {twice[0]}: footprint: drawn {counts[twice[0]]} times in footprints")
    return dict(zip(footprints["zone_id"], footprints.geometry, strict=True))


def _admin_geometry(zone: pd.Series, boundaries: gpd.GeoDataFrame) -> shapely.Geometry:
    """Union of the zone's districts, looked up within its city."""
    districts = list(zone["districts"])
    if not districts:
        raise ValueError(f"zone {zone['id']}: districts: geometry 'admin' needs at least one district")
    shapes = []
    for name in districts:
        shape = find_district(boundaries, zone["city"], name)
        if shape is None:
            raise ValueError(f"zone {zone['id']}: districts: no district '{name}' in {zone['city']}")
        shapes.append(shape)
    return shapely.union_all(shapes) if len(shapes) > 1 else shapes[0]


def _approximate_geometry(zone: pd.Series, footprints: dict[str, shapely.Geometry]) -> shapely.Geometry:
    """The zone's footprint, checked to be a valid, non-empty polygon."""
    footprint = footprints.get(zone["id"])
    if footprint is None:
        raise ValueError(f"zone {zone['id']}: geometry: 'approximate' but footprints has no footprint for it")
    if footprint.is_empty or not footprint.is_valid or footprint.geom_type not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"zone {zone['id']}: footprint: not a valid, non-empty (Multi)Polygon")
    return footprint


def zone_geometries(
    zones: pd.DataFrame, boundaries: gpd.GeoDataFrame, footprints: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    """The polygon of every zone, in the order of `zones`.

    Parameters
    ----------
    zones
        One row per zone with columns ``id``, ``city`` (short name, e.g. 广州), ``districts``
        (list of official district names) and ``geometry`` (``'admin'`` or ``'approximate'``).
    boundaries
        Full-resolution boundaries (``data/geo/boundaries.geojson``), EPSG:4326.
    footprints
        Approximate footprints (``data/geo/footprints.geojson``), EPSG:4326, columns ``zone_id``,
        ``note``, ``geometry``. Footprints of ids not in `zones` are ignored, so a filtered
        catalog can be passed.

    Returns
    -------
    GeoDataFrame
        Columns ``zone_id``, ``precision`` (``'admin'`` | ``'approximate'``), ``geometry``; EPSG:4326.

    Raises
    ------
    ValueError
        Naming the zone id and field, when a CRS is not EPSG:4326, a district is unknown in the
        zone's city, an approximate zone has no footprint, or an admin zone has one.
    """
    require_crs(boundaries, WGS84_CRS, "boundaries")
    require_crs(footprints, WGS84_CRS, "footprints")
    _require_columns(zones, _ZONE_COLUMNS, "zones")
    _require_columns(footprints, _FOOTPRINT_COLUMNS, "footprints")
    drawn = _footprint_index(footprints)
    geometries = []
    for _, zone in zones.iterrows():
        kind = zone["geometry"]
        if kind not in PRECISIONS:
            raise ValueError(f"zone {zone['id']}: geometry: expected 'admin' or 'approximate', got {kind!r}")
        if kind == "admin":
            if zone["id"] in drawn:
                raise ValueError(
                    f"zone {zone['id']}: geometry: 'admin' but footprints also has a footprint for it"
                )
            geometries.append(_admin_geometry(zone, boundaries))
        else:
            geometries.append(_approximate_geometry(zone, drawn))
    return gpd.GeoDataFrame(
        {"zone_id": list(zones["id"]), "precision": list(zones["geometry"])},
        geometry=geometries,
        crs=WGS84_CRS,
    )


def representative_points(zone_geoms: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One point per zone guaranteed to lie inside it (for labels and markers), EPSG:4326.

    A centroid can fall outside a crescent or a multi-part zone; ``point_on_surface`` cannot.
    """
    require_crs(zone_geoms, WGS84_CRS, "zone geometries")
    _require_columns(zone_geoms, ("zone_id",), "zone geometries")
    points = shapely.point_on_surface(zone_geoms.geometry.values.to_numpy())
    return gpd.GeoDataFrame({"zone_id": list(zone_geoms["zone_id"])}, geometry=points, crs=WGS84_CRS)
