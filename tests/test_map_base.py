"""The static base map: app-served Leaflet only, the same HTML on every build and in every language."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from shapely.geometry import box

from dashboard.map.base import base_map, context_geojson
from dashboard.map.basemaps import BASEMAPS, basemap_by_id

EMPTY_CONTEXT = ('{"type": "FeatureCollection", "features": []}',) * 2
POINT_CONTEXT = (
    '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
    '"geometry": {"type": "Point", "coordinates": [113.3, 23.1]}}]}',
) * 2
CDNS = ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "netdna.bootstrapcdn", "unpkg.com")


@pytest.mark.parametrize("basemap", BASEMAPS, ids=lambda b: b.id)
def test_base_map_uses_only_app_served_assets(basemap):
    page = base_map(basemap, EMPTY_CONTEXT).get_root().render()
    assert "/app/static/vendor/leaflet/leaflet.js" in page
    assert "/app/static/vendor/leaflet/leaflet.css" in page
    assert [cdn for cdn in CDNS if cdn in page] == []


def test_base_map_html_is_identical_across_builds():
    # st_folium re-renders (and the map blinks) whenever the base map's HTML changes
    first = base_map(basemap_by_id("light"), POINT_CONTEXT).get_root().render()
    second = base_map(basemap_by_id("light"), POINT_CONTEXT).get_root().render()
    assert first == second


def test_base_map_names_its_layers_in_both_languages_at_once():
    m = base_map(basemap_by_id("gaode"), EMPTY_CONTEXT)
    names = [getattr(child, "layer_name", None) for child in m._children.values()]
    assert names == [
        "高德地图（GCJ-02） Gaode / Amap (GCJ-02)",
        "区界 District boundaries",
        "市界 / 港澳 City outlines, Hong Kong, Macao",
    ]
    assert "webrd0{s}.is.autonavi.com" in m.get_root().render()


def test_no_tiles_for_the_empty_basemap():
    page = base_map(basemap_by_id("none"), EMPTY_CONTEXT).get_root().render()
    assert "tileLayer" not in page and "L.tileLayer" not in page


def test_context_geojson_keeps_geometry_only_split_by_level():
    context = gpd.GeoDataFrame(
        {
            "level": ["district", "city", "sar", "province", "district"],
            "name_zh": ["越秀区", "东莞", "香港", "广东", "福田区"],
        },
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1), box(-1, -1, 4, 2), box(3, 0, 4, 1)],
        crs=4326,
    )
    districts, outlines = (json.loads(text) for text in context_geojson(context))
    assert len(districts["features"]) == 2 and len(outlines["features"]) == 3
    for feature in (*districts["features"], *outlines["features"]):
        assert feature["properties"] == {} and "id" not in feature  # the outlines carry no text
