"""The legends beside the map: escaped text, the themes shown, the outline styles, the overlay scale."""

from __future__ import annotations

import html

import pandas as pd
import pytest

from dashboard.map.legend import overlay_legend_html, zone_legend_html
from dashboard.map.overlay import Overlay
from tests.hostile import HTML_HOSTILE

THEMES = pd.DataFrame(
    {
        "id": ["fintech", "green_finance", "cross_border"],
        "name_zh": ["金融科技", "绿色<金融>", "跨境金融"],
        "name_en": ["Fintech", "Green", "Cross-border"],
        "colour": ["#1f77b4", "#2e8b57", "#d62728"],
    }
)


def test_zone_legend_lists_the_primary_themes_shown_escaped():
    legend = zone_legend_html(THEMES, ["green_finance"], (), "zh")
    assert "绿色&lt;金融&gt;" in legend and "金融科技" not in legend and "跨境金融" not in legend
    assert "background:#2e8b57" in legend
    assert "虚线边框：示意范围（近似）" in legend and "实线边框：行政区边界" in legend


def test_selected_themes_come_first_even_when_no_zone_has_them_first():
    legend = zone_legend_html(THEMES, ["fintech", "green_finance"], ("cross_border", "green_finance"), "en")
    assert legend.index("Cross-border") < legend.index("Green") < legend.index("Fintech")


@pytest.mark.parametrize("hostile", HTML_HOSTILE)
def test_legends_escape_hostile_names(hostile):
    themes = THEMES.assign(name_en=hostile)
    zone = zone_legend_html(themes, ["fintech"], (), "en")
    overlay = overlay_legend_html(
        Overlay(pd.DataFrame(), 1.0, 2.0, hostile, ()), hostile, "target", hostile, "en"
    )
    for legend in (zone, overlay):
        assert html.escape(hostile) in legend and hostile not in legend


def test_overlay_legend_gives_the_scale_its_unit_and_the_unshaded_places():
    overlay = Overlay(pd.DataFrame(), 0.05, 0.1234, "%", ("东莞", "深圳"))
    legend = overlay_legend_html(overlay, "Deposits", "growth", "implied annual growth", "en")
    assert "Deposits (implied annual growth, %)" in legend
    assert "5.0%" in legend and "12.3%" in legend
    assert "No value: Dongguan, Shenzhen" in legend
    zh = overlay_legend_html(
        Overlay(pd.DataFrame(), 2234.06, 90000.0, "亿元", ()), "存款", "target", "2025 年目标值", "zh"
    )
    assert "存款（2025 年目标值，亿元）" in zh and "2234.06" in zh and "90000" in zh
    assert "无数值" not in zh
