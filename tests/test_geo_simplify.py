"""Display simplification on literal fixtures (planar units unless a CRS is given)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo.crs import GCJ02_CRS
from geo.simplify import (
    drop_islets,
    equal_area_km2,
    round_coordinates,
    simplify_coverage,
    simplify_display_coverage,
    simplify_zones_for_display,
)

# A jagged border from (10, 0) up to (10, 10), zig-zagging by 0.1 either side.
JAGGED = [(10.0, 0.0), *((10.0 + (0.1 if i % 2 else -0.1), float(i)) for i in range(1, 10)), (10.0, 10.0)]
WEST = shapely.Polygon([(0, 0), *JAGGED, (0, 10)])
EAST = shapely.Polygon([*JAGGED, (20, 10), (20, 0)])


def test_adjacent_squares_keep_sharing_a_simplified_jagged_edge() -> None:
    west, east = simplify_coverage(np.array([WEST, EAST]), tolerance=1.0)
    # The zig-zag is gone ...
    assert shapely.get_num_coordinates(west) < shapely.get_num_coordinates(WEST)
    assert shapely.get_num_coordinates(east) < shapely.get_num_coordinates(EAST)
    # ... but both sides drew the same new border: no gap, no overlap.
    assert west.intersection(east).area == 0.0
    assert shapely.union_all([west, east]).area == pytest.approx(200.0, abs=1e-9)
    assert shapely.equals(
        west.boundary.intersection(east.boundary), east.boundary.intersection(west.boundary)
    )
    assert west.boundary.intersection(east.boundary).length == pytest.approx(10.0, abs=0.1)


def test_simplify_coverage_rejects_overlapping_polygons() -> None:
    with pytest.raises(ValueError, match="not a valid polygonal coverage"):
        simplify_coverage(np.array([shapely.box(0, 0, 2, 2), shapely.box(1, 0, 3, 2)]), tolerance=0.1)


def test_round_coordinates_rounds_and_keeps_shared_vertices() -> None:
    a = shapely.Polygon([(0.123456, 0.0), (1.0, 0.0), (1.0, 1.0), (0.123456, 1.000004)])
    b = shapely.Polygon([(0.123456, 0.0), (0.123456, 1.000004), (-1.0, 1.0), (-1.0, 0.0)])
    ra, rb = round_coordinates(np.array([a, b]), 5)
    assert shapely.get_coordinates(ra).tolist() == [
        [0.12346, 0.0],
        [1.0, 0.0],
        [1.0, 1.0],
        [0.12346, 1.0],
        [0.12346, 0.0],
    ]
    assert ra.intersection(rb).area == 0.0
    assert ra.boundary.intersection(rb.boundary).length == pytest.approx(1.0)


def test_round_coordinates_repairs_a_polygon_the_rounding_would_break() -> None:
    # A thin spike collapses onto itself at 1 decimal.
    spiky = shapely.Polygon([(0, 0), (2, 0), (2, 1), (1.04, 1), (1.0, 3), (0.96, 1), (0, 1)])
    (rounded,) = round_coordinates(np.array([spiky]), 1)
    assert rounded.is_valid
    assert rounded.area == pytest.approx(2.0, abs=0.01)


def test_drop_islets_removes_only_small_isolated_parts() -> None:
    mainland = shapely.box(0, 0, 10, 10)
    islet = shapely.box(20, 20, 20.5, 20.5)  # 0.25, isolated: dropped
    border_speck = shapely.box(10, 0, 10.5, 0.5)  # 0.25 but touches the neighbour: kept
    neighbour = shapely.box(10.5, 0, 15, 10)
    lone = shapely.MultiPolygon([shapely.box(30, 30, 30.2, 30.2), shapely.box(40, 40, 40.1, 40.1)])
    out = drop_islets(
        np.array([shapely.MultiPolygon([mainland, islet, border_speck]), neighbour, lone], dtype=object),
        min_area=1.0,
    )
    assert shapely.equals(out[0], shapely.MultiPolygon([mainland, border_speck]))
    assert shapely.equals(out[1], neighbour)
    # Every part of `lone` is a small islet: its largest part is kept so the feature survives.
    assert shapely.equals(out[2], shapely.box(30, 30, 30.2, 30.2))


def test_drop_islets_uses_the_given_area_measure() -> None:
    two = np.array([shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(5, 5, 6, 6)])], dtype=object)
    doubled = drop_islets(two, min_area=1.5, area=lambda parts: shapely.area(parts) * 2)
    assert shapely.get_num_geometries(doubled[0]) == 2
    halved = drop_islets(two, min_area=1.5, area=shapely.area)
    assert shapely.get_num_geometries(halved[0]) == 1


def test_equal_area_of_a_one_kilometre_square_near_guangzhou() -> None:
    # 0.01° of latitude is ~1.107 km; 0.01° of longitude at 23.1° N is ~1.025 km.
    (area,) = equal_area_km2(np.array([shapely.box(113.30, 23.10, 113.31, 23.11)]))
    assert area == pytest.approx(1.107 * 1.025, rel=0.01)


def _frame(geoms, crs="EPSG:4326") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"id": [f"z{i}" for i in range(len(geoms))]}, geometry=geoms, crs=crs)


def test_simplify_display_coverage_keeps_rows_and_rounds() -> None:
    west = shapely.affinity.scale(WEST, 0.001, 0.001, origin=(0, 0))
    east = shapely.affinity.scale(EAST, 0.001, 0.001, origin=(0, 0))
    frame = _frame([shapely.affinity.translate(g, 113.3, 23.1) for g in (west, east)])
    out = simplify_display_coverage(frame, tolerance=0.001, min_area_km2=0.0, decimals=5)
    assert list(out["id"]) == ["z0", "z1"]
    assert set(out.geom_type) == {"MultiPolygon"}
    coords = shapely.get_coordinates(out.geometry.values.to_numpy())
    np.testing.assert_array_equal(coords, np.round(coords, 5))
    assert out.geometry.iloc[0].intersection(out.geometry.iloc[1]).area == 0.0
    # Exteriors counter-clockwise, as RFC 7946 asks.
    assert all(p.exterior.is_ccw for g in out.geometry for p in g.geoms)


@pytest.mark.parametrize("crs", ["EPSG:3857", GCJ02_CRS])
def test_display_functions_refuse_other_crs(crs) -> None:
    frame = _frame([shapely.box(0, 0, 1, 1)], crs=crs)
    with pytest.raises(ValueError, match="expected WGS 84"):
        simplify_display_coverage(frame)
    with pytest.raises(ValueError, match="expected WGS 84"):
        simplify_zones_for_display(frame)


def test_zones_are_simplified_one_by_one_even_when_they_overlap() -> None:
    circle = shapely.Point(113.30, 23.10).buffer(0.05, quad_segs=64)
    inner = shapely.Point(113.31, 23.10).buffer(0.01, quad_segs=64)
    tiny = shapely.box(113.4, 23.2, 113.4001, 23.2001)  # smaller than the tolerance: must not vanish
    frame = _frame([circle, inner, tiny])
    out = simplify_zones_for_display(frame, tolerance=0.001, decimals=5)
    assert list(out["id"]) == ["z0", "z1", "z2"]
    assert out.geometry.is_valid.all() and not out.geometry.is_empty.any()
    assert shapely.get_num_coordinates(out.geometry.iloc[0]) < shapely.get_num_coordinates(circle)
    # Douglas-Peucker moves no border by more than the tolerance (plus the rounding).
    assert out.geometry.iloc[0].hausdorff_distance(circle) <= 0.001 + 1e-5
    assert out.geometry.iloc[0].contains(out.geometry.iloc[1].centroid)
    assert out.geometry.iloc[2].area > 0 and out.geometry.iloc[2].within(tiny.buffer(1e-5))
    coords = shapely.get_coordinates(out.geometry.values.to_numpy())
    np.testing.assert_array_equal(coords, np.round(coords, 5))
