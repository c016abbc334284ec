"""The map built as pure functions: escaping, styling, layers, view fitting, legend."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from dashboard.map_view import (
    APPROXIMATE_DASH,
    BASEMAPS,
    base_map,
    basemap_by_id,
    fit_view,
    legend_html,
    map_layers,
    tooltip_html,
    zone_features,
)

EMPTY_CONTEXT = ('{"type": "FeatureCollection", "features": []}',) * 2
HOSTILE = ["'", "`", "\\1", "${alert(1)}", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "\u202e"]
THEMES = pd.DataFrame(
    {
        "id": ["fintech", "green_finance"],
        "name_zh": ["金融科技", "绿色<金融>"],
        "name_en": ["Fintech", "Green"],
        "colour": ["#1f77b4", "#2e8b57"],
    }
)


def _zones(name_en: str = "Zone A") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "id": ["small", "big"],
            "name_zh": ["小区", "大区"],
            "name_en": [name_en, "Big"],
            "kind": ["cluster", "district"],
            "themes": [("fintech",), ("green_finance", "fintech")],
            "precision": ["approximate", "admin"],
        },
        geometry=[box(113.30, 23.10, 113.32, 23.12), box(113.2, 23.0, 113.5, 23.3)],
        crs="EPSG:4326",
    )


@pytest.mark.parametrize("hostile", HOSTILE)
def test_tooltips_escape_hostile_names(hostile):
    tip = tooltip_html(f"a{hostile}b", "Cluster", ["Fintech"], None)
    assert "<script>" not in tip
    assert tip.startswith("<b>a") and tip.count("<b>") == 1


def test_hostile_names_render_as_text_in_the_map_html():
    names = dict(zip(THEMES["id"], THEMES["name_en"], strict=True))
    colours = dict(zip(THEMES["id"], THEMES["colour"], strict=True))
    hostile = "".join(HOSTILE)
    collection = zone_features(_zones(hostile), names, colours, "en")
    tip = collection["features"][1]["properties"]["tip"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in tip
    m = base_map(basemap_by_id("none"), EMPTY_CONTEXT)
    for group in map_layers(THEMES, _zones(hostile), None, _zones().iloc[:0], "en"):
        group.add_to(m)
    page = m.get_root().render()
    assert "<script>alert(1)</script>" not in page
    # the data is embedded as JSON: the quote, backtick and ${} arrive as inert characters in a string
    assert "\\u0026lt;script\\u0026gt;alert(1)" in page


def test_zone_features_order_style_and_precision_note():
    names = {"fintech": "金融科技", "green_finance": "绿色<金融>"}
    colours = dict(zip(THEMES["id"], THEMES["colour"], strict=True))
    collection = zone_features(_zones(), names, colours, "zh")
    assert [f["id"] for f in collection["features"]] == ["big", "small"]  # small drawn on top
    big, small = (f["properties"] for f in collection["features"])
    assert big == {
        "zone_id": "big",
        "fill": "#2e8b57",
        "dash": None,
        "opacity": 0.35,
        "tip": "<b>大区</b><br>区级定位<br>绿色&lt;金融&gt; · 金融科技",
    }
    assert small["dash"] == APPROXIMATE_DASH
    assert small["tip"].endswith("<i>示意范围（近似）</i>")


def test_base_map_uses_only_app_served_assets():
    m = base_map(basemap_by_id("light"), EMPTY_CONTEXT)
    page = m.get_root().render()
    assert "/app/static/vendor/leaflet/leaflet.js" in page
    for cdn in ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "netdna.bootstrapcdn"):
        assert cdn not in page


def test_basemaps():
    assert [b.id for b in BASEMAPS] == ["light", "osm", "gaode", "none"]
    assert basemap_by_id("gaode").datum == "gcj02"
    assert basemap_by_id("nope").id == "light"


@pytest.mark.parametrize(
    ("bounds", "center", "zoom"),
    [
        (None, (22.75, 113.6), 9),
        ((113.0, 22.5, 114.0, 23.5), (23.00093, 113.5), 9),
        ((113.30, 23.10, 113.32, 23.12), (23.11, 113.31), 14),
    ],
)
def test_fit_view(bounds, center, zoom):
    got_center, got_zoom = fit_view(bounds, 760, 600)
    assert got_center == pytest.approx(center, abs=1e-4)
    assert got_zoom == zoom


def test_legend_lists_shown_primary_themes_escaped():
    html = legend_html(THEMES, ["green_finance"], "zh")
    assert "绿色&lt;金融&gt;" in html and "金融科技" not in html
    assert "虚线边框" in html


def test_base_map_html_is_identical_across_builds():
    # st_folium re-renders (and the map blinks) whenever the base map's HTML changes
    context = (
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
        '"geometry": {"type": "Point", "coordinates": [113.3, 23.1]}}]}',
    ) * 2
    first = base_map(basemap_by_id("light"), context).get_root().render()
    second = base_map(basemap_by_id("light"), context).get_root().render()
    assert first == second


def test_overlay_goes_beneath_translucent_zones():
    cities = gpd.GeoDataFrame(
        {"city": ["广州", "深圳"]},
        geometry=[box(113, 22.5, 114, 23.5), box(114, 22.4, 114.6, 22.9)],
        crs=4326,
    )
    overlay = pd.DataFrame(
        {"value": [9.0], "colour": ["#045a8d"], "tip": ["<b>广州</b>: 存款"]}, index=["广州"]
    )
    groups = map_layers(THEMES, _zones(), overlay, cities, "zh")
    assert [g.layer_name for g in groups] == ["指标叠加", "功能区"]
    overlay_json = next(iter(groups[0]._children.values())).data
    assert [f["properties"]["fill"] for f in overlay_json["features"]] == ["#045a8d"]  # 深圳 has no value
    zones_json = next(iter(groups[1]._children.values())).data
    assert {f["properties"]["opacity"] for f in zones_json["features"]} == {0.08}
