"""The indicator overlay: which places are shaded by what value, the scale, escaped tooltips."""

from __future__ import annotations

import html

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from dashboard.map.overlay import SEQUENTIAL, Overlay, overlay_features, overlay_layer, overlay_values
from tests.hostile import HTML_HOSTILE
from tests.test_indicators import _indicators


def test_overlay_by_target_scales_from_lowest_to_highest():
    overlay = overlay_values(_indicators(), "deposits", "target", "en")
    assert isinstance(overlay, Overlay)
    assert list(overlay.values.index) == ["广州", "深圳", "东莞"]
    assert list(overlay.values["value"]) == [90000.0, 140000.0, 20000.0]
    assert (overlay.vmin, overlay.vmax, overlay.unit, overlay.unshaded) == (
        20000.0,
        140000.0,
        "100 million yuan",
        (),
    )
    assert overlay.values.loc["东莞", "colour"].lower().startswith(SEQUENTIAL[0])
    assert overlay.values.loc["深圳", "colour"].lower().startswith(SEQUENTIAL[-1])


def test_overlay_tip_states_baseline_target_and_growth():
    tips = overlay_values(_indicators(), "deposits", "target", "en").values["tip"]
    assert tips["广州"] == (
        "<b>Guangzhou</b>: Deposits<br>Baseline 2020: 6.78 trillion yuan<br>"
        "Target 2025: &gt;9 trillion yuan<br>Implied CAGR: 5.8%"
    )
    assert "Deposits &lt;script&gt;" in tips["东莞"] and "<script>" not in tips["东莞"]


def test_overlay_tip_without_a_baseline_reads_cleanly():
    tip = overlay_values(_indicators(), "deposits", "target", "en").values.loc["东莞", "tip"]
    lines = tip.split("<br>")
    assert lines[1] == "Baseline: —", lines  # no year, no value: no dangling space before the colon
    assert lines[2] == "Target 2025: ≥20000 100 million yuan"
    assert len(lines) == 3  # no growth without a baseline


def test_overlay_by_growth_leaves_places_without_a_baseline_unshaded():
    overlay = overlay_values(_indicators(), "deposits", "growth", "zh")
    assert list(overlay.values.index) == ["广州", "深圳"]
    assert overlay.unshaded == ("东莞",)
    assert overlay.unit == "%"
    assert overlay.vmin == pytest.approx((9.0 / 6.78) ** 0.2 - 1)
    assert "年均增速: 5.8%" in overlay.values.loc["广州", "tip"]


def test_a_family_without_values_gives_an_empty_overlay():
    overlay = overlay_values(_indicators(), "no_such_family", "target", "en")
    assert overlay.values.empty and list(overlay.values.columns) == ["value", "colour", "tip"]
    assert (overlay.vmin, overlay.vmax, overlay.unshaded) == (0.0, 0.0, ())


@pytest.mark.parametrize("hostile", HTML_HOSTILE)
def test_overlay_tips_escape_hostile_names(hostile):
    indicators = _indicators().assign(name_en=hostile)
    for tip in overlay_values(indicators, "deposits", "target", "en").values["tip"]:
        assert html.escape(hostile) in tip
        assert hostile not in tip


def test_overlay_features_and_layer():
    cities = gpd.GeoDataFrame(
        {"city": ["广州", "深圳", "珠海"]},
        geometry=[box(113, 22.5, 114, 23.5), box(114, 22.4, 114.6, 22.9), box(113.1, 22, 113.6, 22.4)],
        crs=4326,
    )
    values = pd.DataFrame(
        {"value": [9.0], "colour": ["#045a8d"], "tip": ["<b>广州</b>: 存款"]}, index=["广州"]
    )
    collection = overlay_features(cities, values)
    assert [f["properties"] for f in collection["features"]] == [
        {"fill": "#045a8d", "tip": "<b>广州</b>: 存款"}
    ]
    group = overlay_layer(collection, "指标叠加")
    [geojson] = group._children.values()
    assert geojson.style_function(collection["features"][0])["fillColor"] == "#045a8d"
