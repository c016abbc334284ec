"""Where the map looks: the centre and whole zoom that fit the shown zones into the frame."""

from __future__ import annotations

import math

import pytest

from dashboard.map.viewport import DEFAULT_ZOOM, GBA_CENTER, MAP_HEIGHT_PX, MAP_WIDTH_PX, fit_view


@pytest.mark.parametrize(
    ("bounds", "center", "zoom"),
    [
        (None, (22.75, 113.6), 9),
        ((math.nan,) * 4, (22.75, 113.6), 9),
        ((113.0, 22.5, 114.0, 23.5), (23.00093, 113.5), 9),
        ((113.30, 23.10, 113.32, 23.12), (23.11, 113.31), 14),
        ((113.31, 23.11, 113.31, 23.11), (23.11, 113.31), 14),  # a point: the closest zoom allowed
        ((-180.0, -80.0, 180.0, 80.0), (0.0, 0.0), 1),  # the whole world: never below 1
    ],
)
def test_fit_view(bounds, center, zoom):
    got_center, got_zoom = fit_view(bounds, 760, 600)
    assert got_center == pytest.approx(center, abs=1e-4)
    assert got_zoom == zoom


def test_defaults_and_the_frame_size():
    assert (GBA_CENTER, DEFAULT_ZOOM, MAP_HEIGHT_PX, MAP_WIDTH_PX) == ((22.75, 113.6), 9, 600, 520)
    bounds = (113.0, 22.5, 114.0, 23.5)
    assert fit_view(bounds) == fit_view(bounds, MAP_WIDTH_PX, MAP_HEIGHT_PX)
    assert fit_view(bounds, 2000, 2000)[1] > fit_view(bounds, 300, 300)[1]  # a bigger frame zooms closer
    assert fit_view((113.30, 23.10, 113.32, 23.12), max_zoom=12)[1] == 12
