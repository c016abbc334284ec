"""The zones layer: escaped tooltips, styling by primary theme and precision, the selected outline."""

from __future__ import annotations

import html
import re

import geopandas as gpd
import pytest
from shapely.geometry import box

from dashboard.map.zones import (
    APPROXIMATE_DASH,
    SELECTED_COLOUR,
    geojson_group,
    selected_layer,
    tooltip_html,
    zone_features,
    zone_layer,
)
from tests.hostile import HTML_HOSTILE

COLOURS = {"fintech": "#1f77b4", "green_finance": "#2e8b57"}
NAMES_ZH = {"fintech": "金融科技", "green_finance": "绿色<金融>"}
_TAG = re.compile(r"<[^>]*>")


def zones_frame(name_en: str = "Zone A") -> gpd.GeoDataFrame:
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


@pytest.mark.parametrize("hostile", HTML_HOSTILE)
def test_tooltips_escape_every_piece_of_text(hostile):
    tip = tooltip_html(hostile, hostile, [hostile, hostile], hostile)
    escaped = html.escape(hostile)
    assert escaped != hostile  # the corpus really is dangerous
    assert tip.count(escaped) == 5
    assert set(_TAG.findall(tip)) == {"<b>", "</b>", "<br>", "<i>", "</i>"}  # markup only from the tooltip


def test_tooltip_without_precision_note():
    assert (
        tooltip_html("甲区", "区级定位", ["绿色金融", "金融科技"], None)
        == "<b>甲区</b><br>区级定位<br>绿色金融 · 金融科技"
    )


def test_zone_features_order_style_and_precision_note():
    collection = zone_features(zones_frame(), NAMES_ZH, COLOURS, "zh")
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == ["big", "small"]  # small drawn last, on top
    big, small = (f["properties"] for f in collection["features"])
    assert big == {
        "zone_id": "big",
        "fill": "#2e8b57",  # the primary (first) theme's colour
        "dash": None,
        "opacity": 0.35,
        "tip": "<b>大区</b><br>区级定位<br>绿色&lt;金融&gt; · 金融科技",
    }
    assert small["dash"] == APPROXIMATE_DASH
    assert small["tip"] == "<b>小区</b><br>金融集聚区<br>金融科技<br><i>示意范围（近似）</i>"
    assert collection["features"][0]["geometry"]["type"] == "Polygon"


def test_zone_features_in_english_with_a_fill_opacity():
    collection = zone_features(
        zones_frame(), {"fintech": "Fintech", "green_finance": "Green"}, COLOURS, "en", 0.08
    )
    small = collection["features"][1]["properties"]
    assert small["tip"] == "<b>Zone A</b><br>Cluster<br>Fintech<br><i>approximate footprint</i>"
    assert {f["properties"]["opacity"] for f in collection["features"]} == {0.08}


def test_no_zones_no_features():
    assert zone_features(zones_frame().iloc[:0], {}, {}, "en") == {
        "type": "FeatureCollection",
        "features": [],
    }
    group = zone_layer({"type": "FeatureCollection", "features": []}, "Zones")
    assert group.layer_name == "Zones" and not group._children  # nothing drawn, nothing clickable


def test_zone_layer_carries_the_escaped_tip_as_its_only_tooltip():
    group = zone_layer(zone_features(zones_frame(), NAMES_ZH, COLOURS, "zh"), "功能区")
    [geojson] = group._children.values()
    [tooltip] = geojson._children.values()
    assert type(tooltip).__name__ == "GeoJsonTooltip" and tooltip.fields == ["tip"]
    style = geojson.style_function(geojson.data["features"][1])
    assert style == {
        "fillColor": "#1f77b4",
        "color": "#1f77b4",
        "weight": 1.5,
        "fillOpacity": 0.35,
        "dashArray": APPROXIMATE_DASH,
    }


def test_selected_layer_outlines_only_the_selected_zone_and_is_not_clickable():
    collection = zone_features(zones_frame(), NAMES_ZH, COLOURS, "zh")
    group = selected_layer(collection, "small", "所选功能区")
    [geojson] = group._children.values()
    assert [f["id"] for f in geojson.data["features"]] == ["small"]
    assert geojson.data["features"][0]["properties"] == {}  # no tooltip text to leak
    assert not geojson._children  # no tooltip
    assert geojson.options.get("interactive") is False
    assert geojson.style_function(geojson.data["features"][0])["color"] == SELECTED_COLOUR
    assert not selected_layer(collection, "nowhere", "x")._children


def test_geojson_group_without_tooltip():
    collection = zone_features(zones_frame(), NAMES_ZH, COLOURS, "zh")
    [geojson] = geojson_group(collection, "g", lambda _f: {}, tooltip=False)._children.values()
    assert not geojson._children
