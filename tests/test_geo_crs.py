"""GCJ-02 <-> WGS-84: offsets in the GBA, round trips, the no-shift zone, CRS checks."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod

from geo.crs import (
    GCJ02_CRS,
    WGS84_CRS,
    frame_gcj02_to_wgs84,
    frame_wgs84_to_gcj02,
    gcj02_to_wgs84,
    geometry_gcj02_to_wgs84,
    geometry_wgs84_to_gcj02,
    in_china,
    require_crs,
    wgs84_to_gcj02,
)

GEOD = Geod(ellps="WGS84")
# Longitude/latitude box covering the Greater Bay Area's nine cities, Hong Kong and Macao.
GBA_BOX = (111.3, 21.4, 115.5, 24.5)


def _metres(lon1, lat1, lon2, lat2) -> np.ndarray:
    return np.asarray(GEOD.inv(lon1, lat1, lon2, lat2)[2])


@pytest.mark.parametrize(
    ("place", "lon", "lat"),
    [
        ("Zhujiang New Town, Guangzhou", 113.3245, 23.1190),
        ("Futian CBD, Shenzhen", 114.0579, 22.5431),
        ("Hengqin, Zhuhai", 113.5340, 22.1270),
        ("Songshan Lake, Dongguan", 113.8830, 22.9220),
    ],
)
def test_gcj02_lies_east_and_south_of_wgs84_in_the_gba(place: str, lon: float, lat: float) -> None:
    g_lon, g_lat = wgs84_to_gcj02(lon, lat)
    d_lon, d_lat = float(g_lon - lon), float(g_lat - lat)
    assert 0.0045 < d_lon < 0.0060, place
    assert -0.0035 < d_lat < -0.0020, place
    assert 500 < _metres(lon, lat, g_lon, g_lat) < 700, place


def test_published_reference_value_shenzhen() -> None:
    # A widely used check value of the forward formula (WGS-84 -> GCJ-02) in Shenzhen.
    g_lon, g_lat = wgs84_to_gcj02(113.912316, 22.543847)
    assert float(g_lon) == pytest.approx(113.9171764808363, abs=1e-9)
    assert float(g_lat) == pytest.approx(22.540796131694766, abs=1e-9)


def test_round_trip_within_one_metre_over_the_gba() -> None:
    lon, lat = np.meshgrid(np.linspace(GBA_BOX[0], GBA_BOX[2], 60), np.linspace(GBA_BOX[1], GBA_BOX[3], 45))
    back_lon, back_lat = gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat))
    assert np.abs(back_lon - lon).max() < 1e-7
    assert np.abs(back_lat - lat).max() < 1e-7
    assert _metres(lon.ravel(), lat.ravel(), back_lon.ravel(), back_lat.ravel()).max() < 1.0


def test_inverse_then_forward_recovers_gcj02() -> None:
    lon, lat = np.array([113.26, 114.17, 113.55]), np.array([23.13, 22.28, 22.20])
    f_lon, f_lat = wgs84_to_gcj02(*gcj02_to_wgs84(lon, lat))
    np.testing.assert_allclose(f_lon, lon, atol=1e-7, rtol=0)
    np.testing.assert_allclose(f_lat, lat, atol=1e-7, rtol=0)


@pytest.mark.parametrize(("lon", "lat"), [(2.3522, 48.8566), (-0.1276, 51.5072), (151.21, -33.87)])
def test_points_outside_china_are_unchanged(lon: float, lat: float) -> None:
    assert not in_china(lon, lat)
    assert tuple(map(float, wgs84_to_gcj02(lon, lat))) == (lon, lat)
    assert tuple(map(float, gcj02_to_wgs84(lon, lat))) == (lon, lat)


def test_geometry_helpers_shift_every_vertex_and_keep_structure() -> None:
    square = shapely.Polygon(
        [(113.30, 23.10), (113.32, 23.10), (113.32, 23.12), (113.30, 23.12)],
        holes=[[(113.305, 23.105), (113.31, 23.105), (113.31, 23.11)]],
    )
    shifted = geometry_wgs84_to_gcj02(square)
    assert shifted.geom_type == "Polygon" and len(shifted.interiors) == 1
    expected = np.column_stack(wgs84_to_gcj02(*shapely.get_coordinates(square).T))
    np.testing.assert_array_equal(shapely.get_coordinates(shifted), expected)
    back = geometry_gcj02_to_wgs84(shifted)
    np.testing.assert_allclose(shapely.get_coordinates(back), shapely.get_coordinates(square), atol=1e-7)


def test_frames_round_trip_and_carry_their_crs() -> None:
    frame = gpd.GeoDataFrame(
        {"name": ["a", "b"]}, geometry=[shapely.Point(113.3, 23.1), shapely.Point(114.06, 22.54)], crs=4326
    )
    gcj = frame_wgs84_to_gcj02(frame)
    assert gcj.crs.equals(GCJ02_CRS) and not gcj.crs.equals(WGS84_CRS)
    assert list(gcj["name"]) == ["a", "b"]
    assert gcj.geometry.x.iloc[0] == pytest.approx(113.3 + 0.00537, abs=2e-4)
    back = frame_gcj02_to_wgs84(gcj)
    assert back.crs.equals(WGS84_CRS)
    np.testing.assert_allclose(back.geometry.x, frame.geometry.x, atol=1e-7)
    np.testing.assert_allclose(back.geometry.y, frame.geometry.y, atol=1e-7)
    assert frame.geometry.x.iloc[0] == 113.3  # the input is not modified


@pytest.mark.parametrize(
    ("convert", "crs", "message"),
    [
        (frame_gcj02_to_wgs84, "EPSG:4326", "is in WGS 84; expected GCJ-02"),
        (frame_gcj02_to_wgs84, "EPSG:3857", "expected GCJ-02"),
        (frame_wgs84_to_gcj02, GCJ02_CRS, "expected WGS 84"),
        (frame_wgs84_to_gcj02, "EPSG:3857", "is in WGS 84 / Pseudo-Mercator; expected WGS 84"),
        (frame_wgs84_to_gcj02, None, "has no CRS"),
    ],
)
def test_crs_mismatch_raises(convert, crs, message: str) -> None:
    frame = gpd.GeoDataFrame(geometry=[shapely.Point(113.3, 23.1)], crs=crs)
    with pytest.raises(ValueError, match=message):
        convert(frame)


def test_require_crs_accepts_the_expected_crs() -> None:
    require_crs(gpd.GeoSeries([shapely.Point(0, 0)], crs="EPSG:4326"), WGS84_CRS)
