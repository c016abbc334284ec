"""Where the map looks: the centre and whole zoom that fit a set of zones into the map's frame."""

from __future__ import annotations

import math

GBA_CENTER = (22.75, 113.6)
DEFAULT_ZOOM = 9
MAP_HEIGHT_PX = 600
MAP_WIDTH_PX = 520  # the map column at a common laptop width; fitting errs on showing more


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(
    bounds: tuple[float, float, float, float] | None,
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
    max_zoom: int = 14,
) -> tuple[tuple[float, float], int]:
    """Centre and the largest whole zoom at which `bounds` (minx, miny, maxx, maxy) fit the map."""
    if bounds is None or any(math.isnan(v) for v in bounds):
        return GBA_CENTER, DEFAULT_ZOOM
    minx, miny, maxx, maxy = bounds
    centre_lat = math.degrees(
        2 * math.atan(math.exp((_mercator_y(miny) + _mercator_y(maxy)) / 2)) - math.pi / 2
    )
    span_x = max(maxx - minx, 1e-6) / 360
    span_y = max(_mercator_y(maxy) - _mercator_y(miny), 1e-6) / (2 * math.pi)
    zoom = math.floor(min(math.log2(width_px / 256 / span_x), math.log2(height_px / 256 / span_y)))
    return (round(centre_lat, 5), round((minx + maxx) / 2, 5)), max(1, min(max_zoom, zoom))
