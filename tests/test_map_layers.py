"""The map's dynamic layers for one view, and the whole map page they make with the base map."""

from __future__ import annotations

import html
import json

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from dashboard.map.base import base_map
from dashboard.map.basemaps import basemap_by_id
from dashboard.map.layers import map_layers
from dashboard.map.overlay import Overlay
from tests.hostile import HTML_HOSTILE
from tests.test_map_legend import THEMES
from tests.test_map_zones import zones_frame

EMPTY_CONTEXT = ('{"type": "FeatureCollection", "features": []}',) * 2
CITIES = gpd.GeoDataFrame(
    {"city": ["广州", "深圳"]}, geometry=[box(113, 22.5, 114, 23.5), box(114, 22.4, 114.6, 22.9)], crs=4326
)


def _data(group) -> dict:
    return next(iter(group._children.values())).data


def test_zones_alone_in_the_language():
    groups = map_layers(THEMES, zones_frame(), None, CITIES, "en")
    assert [g.layer_name for g in groups] == ["Zones"]
    assert {f["properties"]["opacity"] for f in _data(groups[0])["features"]} == {0.35}
    assert "Fintech" in _data(groups[0])["features"][1]["properties"]["tip"]


def test_overlay_goes_beneath_tinted_zones_and_the_selection_on_top():
    values = pd.DataFrame(
        {"value": [9.0], "colour": ["#045a8d"], "tip": ["<b>广州</b>: 存款"]}, index=["广州"]
    )
    overlay = Overlay(values, 9.0, 9.0, "亿元", ("深圳",))
    groups = map_layers(THEMES, zones_frame(), overlay, CITIES, "zh", selected="small")
    assert [g.layer_name for g in groups] == ["指标叠加", "功能区", "所选功能区"]
    assert [f["properties"]["fill"] for f in _data(groups[0])["features"]] == ["#045a8d"]  # 深圳 has no value
    assert {f["properties"]["opacity"] for f in _data(groups[1])["features"]} == {0.08}
    assert [f["id"] for f in _data(groups[2])["features"]] == ["small"]


def test_an_empty_overlay_shades_nothing_and_leaves_the_zones_as_they_are():
    empty = Overlay(pd.DataFrame(columns=["value", "colour", "tip"]), 0.0, 0.0, "%", ("广州",))
    groups = map_layers(THEMES, zones_frame(), empty, CITIES, "en")
    assert [g.layer_name for g in groups] == ["Zones"]
    assert {f["properties"]["opacity"] for f in _data(groups[0])["features"]} == {0.35}


def _embedded(text: str) -> str:
    """How the map's HTML carries a tooltip text: HTML-escaped once, then as a JSON string in a script
    (non-ASCII as \\u escapes, and <, > and & as \\u escapes so no tag can close the script)."""
    return (
        json.dumps(html.escape(text))[1:-1]
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
    )


def test_hostile_names_render_as_text_in_the_map_html():
    themes = THEMES.assign(name_en=list(HTML_HOSTILE[:3]))
    m = base_map(basemap_by_id("none"), EMPTY_CONTEXT)
    for group in map_layers(themes, zones_frame("".join(HTML_HOSTILE)), None, CITIES, "en", selected="small"):
        group.add_to(m)
    page = m.get_root().render()
    for text in HTML_HOSTILE:
        assert text not in page
        assert _embedded(text) in page, text
