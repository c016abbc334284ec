"""Display simplification: lean geometries for the map that still look right at the GBA zoom levels.

Boundaries form a coverage (districts tile their city, cities tile the province), so they are
simplified together with ``shapely.coverage_simplify``: each shared border is simplified once, and
neighbours keep sharing it exactly (no slivers, no overlaps). Zones nest and overlap, so they are
simplified one by one instead.

The array-level helpers work in the geometries' own units; the frame-level functions expect
EPSG:4326 (longitude/latitude degrees) and raise on anything else.
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import Transformer

from geo.crs import WGS84_CRS, require_crs

#: Coverage simplification tolerance in degrees (~260 m): about one screen pixel at the map's
#: default zoom 9 over the GBA (~280 m), so borders look the same as at full resolution there;
#: this is what keeps the default map within its 300 KB budget.
DISPLAY_TOLERANCE_DEG = 0.0025
#: Display coordinates are rounded to 5 decimals (~1 m).
DISPLAY_DECIMALS = 5
#: Isolated parts (islets) smaller than this are dropped from the display layer: 0.5 km² is a square
#: of ~700 m, about two pixels across at the default zoom 9, i.e. a speck at the default view.
MIN_PART_AREA_KM2 = 0.5
#: Equal-area CRS used to measure areas (NSIDC EASE-Grid 2.0 Global, metres).
EQUAL_AREA_EPSG = 6933

AreaFunction = Callable[[NDArray], NDArray]


def simplify_coverage(geometries: NDArray, tolerance: float) -> NDArray:
    """Simplify polygons that tile without overlaps so that shared edges stay shared.

    Raises ValueError when the input is not a valid coverage (overlaps or edges that nearly but not
    exactly match): coverage simplification would otherwise open gaps between the neighbours.
    """
    geometries = np.asarray(geometries, dtype=object)
    if not shapely.coverage_is_valid(geometries):
        bad = [i for i, e in enumerate(shapely.coverage_invalid_edges(geometries)) if not e.is_empty]
        raise ValueError(f"not a valid polygonal coverage; invalid edges at positions {bad}")
    return shapely.coverage_simplify(geometries, tolerance, simplify_boundary=True)


def round_coordinates(geometries: NDArray, decimals: int) -> NDArray:
    """Round every vertex to `decimals`, drop repeated points, and repair any polygon the rounding
    made invalid (rounding is per coordinate, so vertices shared by neighbours stay shared)."""
    original = np.asarray(geometries, dtype=object)
    rounded = shapely.transform(original, lambda xy: np.round(xy, decimals))
    rounded = shapely.remove_repeated_points(rounded)
    for i in np.flatnonzero(~shapely.is_valid(rounded)):
        rounded[i] = _repair(original[i], rounded[i], 10.0**-decimals)
    return rounded


def _repair(original: shapely.Geometry, rounded: shapely.Geometry, grid: float) -> shapely.Geometry:
    """A valid version of `rounded`: GEOS snap-rounding of the original, else make_valid."""
    try:
        return shapely.set_precision(original, grid)
    except shapely.errors.GEOSException:  # pragma: no cover - GEOS snap-rounding rarely gives up
        return shapely.make_valid(rounded, method="structure")


def drop_islets(geometries: NDArray, min_area: float, area: AreaFunction = shapely.area) -> NDArray:
    """Remove isolated polygon parts smaller than `min_area`, keeping at least one part per geometry.

    A part is isolated when it touches no other geometry of the array; parts on a shared border are
    kept whatever their size, so dropping never opens a gap between neighbours. `area` maps an array
    of parts to their areas (in the unit of `min_area`), e.g. an equal-area measure for degrees.
    """
    geometries = np.asarray(geometries, dtype=object)
    parts, owner = shapely.get_parts(geometries, return_index=True)
    if len(parts) == 0:
        return geometries.copy()
    part_area = np.asarray(area(parts), dtype=float)
    tree = shapely.STRtree(geometries)
    keep = part_area >= min_area
    for i in np.flatnonzero(~keep):
        touching = tree.query(parts[i], predicate="intersects")
        keep[i] = bool((touching != owner[i]).any())
    result = geometries.copy()
    for g in range(len(geometries)):
        mine = np.flatnonzero(owner == g)
        if len(mine) == 0:
            continue
        kept = mine[keep[mine]]
        if len(kept) == len(mine):
            continue
        if len(kept) == 0:
            kept = mine[[int(np.argmax(part_area[mine]))]]
        result[g] = shapely.multipolygons(parts[kept]) if len(kept) > 1 else parts[kept[0]]
    return result


def equal_area_km2(geometries: NDArray) -> NDArray:
    """Areas in km² of lon/lat (EPSG:4326) geometries, measured in EPSG:6933."""
    to_metres = Transformer.from_crs(WGS84_CRS, EQUAL_AREA_EPSG, always_xy=True)
    projected = shapely.transform(
        np.asarray(geometries, dtype=object),
        lambda xy: np.column_stack(to_metres.transform(xy[:, 0], xy[:, 1])),
    )
    return shapely.area(projected) / 1e6


def _as_multipolygons(geometries: NDArray) -> NDArray:
    """Promote Polygons to one-part MultiPolygons so a layer has one geometry type."""
    out = np.asarray(geometries, dtype=object).copy()
    single = shapely.get_type_id(out) == shapely.GeometryType.POLYGON
    out[single] = [shapely.MultiPolygon([g]) for g in out[single]]
    return out


def simplify_display_coverage(
    frame: gpd.GeoDataFrame,
    tolerance: float = DISPLAY_TOLERANCE_DEG,
    min_area_km2: float = MIN_PART_AREA_KM2,
    decimals: int = DISPLAY_DECIMALS,
) -> gpd.GeoDataFrame:
    """The display version of a coverage of boundaries (EPSG:4326): coverage-simplified, islets
    dropped, rounded, exteriors counter-clockwise (RFC 7946), as MultiPolygons."""
    require_crs(frame, WGS84_CRS, "coverage")
    geoms = simplify_coverage(frame.geometry.values.to_numpy(), tolerance)
    geoms = drop_islets(geoms, min_area_km2, area=equal_area_km2)
    geoms = round_coordinates(geoms, decimals)
    geoms = _as_multipolygons(shapely.orient_polygons(geoms))
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=WGS84_CRS))


def simplify_zones_for_display(
    frame: gpd.GeoDataFrame, tolerance: float = DISPLAY_TOLERANCE_DEG, decimals: int = DISPLAY_DECIMALS
) -> gpd.GeoDataFrame:
    """Display geometries for zones (EPSG:4326), each simplified on its own.

    Zones nest and overlap, so they are not a coverage: each is simplified with topology
    preserved (it stays valid and keeps its holes), then rounded like the boundaries. A zone that
    would vanish at this tolerance keeps its unsimplified shape.
    """
    require_crs(frame, WGS84_CRS, "zones")
    original = frame.geometry.values.to_numpy()
    geoms = shapely.simplify(original, tolerance, preserve_topology=True)
    geoms = round_coordinates(geoms, decimals)
    empty = shapely.is_empty(geoms)
    geoms[empty] = original[empty]
    geoms = shapely.orient_polygons(geoms)
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=WGS84_CRS))
