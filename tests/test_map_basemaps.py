"""The basemaps a user can choose and the datum their tiles are drawn in."""

from __future__ import annotations

from dashboard.map.basemaps import BASEMAP_IDS, BASEMAPS, basemap_by_id


def test_basemaps():
    assert [b.id for b in BASEMAPS] == ["light", "osm", "gaode", "none"] == list(BASEMAP_IDS)
    assert {b.id: b.datum for b in BASEMAPS} == {
        "light": "wgs84",
        "osm": "wgs84",
        "gaode": "gcj02",
        "none": "wgs84",
    }
    assert basemap_by_id("none").tiles is None
    assert all(b.tiles.startswith("https://") and b.attribution for b in BASEMAPS if b.id != "none")


def test_an_unknown_basemap_falls_back_to_the_default():
    assert basemap_by_id("nope").id == "light"
    assert basemap_by_id("").id == "light"
