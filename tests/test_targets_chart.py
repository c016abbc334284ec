"""The Targets chart's data: each place's baseline and target of one family in its common unit."""

from __future__ import annotations

import pytest

from dashboard.targets_chart import chart_frame, targets_chart
from tests.test_indicators import _indicators


def test_one_row_per_place_and_end_in_the_common_unit():
    frame = chart_frame(_indicators(), "deposits", "en")
    assert list(frame.columns) == ["place", "end", "value", "as_written", "growth"]
    assert frame.values.tolist() == [
        ["Guangzhou", "Baseline 2020", 67800.0, "67800 100 million yuan", "5.8%"],
        ["Guangzhou", "Target 2025", 90000.0, ">90000 100 million yuan", "5.8%"],
        ["Shenzhen", "Baseline 2020", 100000.0, "100000 100 million yuan", "7.0%"],
        ["Shenzhen", "Target 2025", 140000.0, "≈140000 100 million yuan", "7.0%"],
        ["Dongguan", "Target 2025", 20000.0, "≥20000 100 million yuan", "—"],  # no baseline, no bar
    ]


def test_chinese_labels_and_an_unknown_family():
    frame = chart_frame(_indicators(), "deposits", "zh")
    assert frame["place"].tolist()[:2] == ["广州", "广州"] and frame["end"].tolist()[:2] == [
        "基期 2020",
        "目标 2025",
    ]
    empty = chart_frame(_indicators(), "no_such_family", "en")
    assert empty.empty and list(empty.columns) == ["place", "end", "value", "as_written", "growth"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_chart_spec_names_its_axes_in_the_language(lang):
    spec = targets_chart(chart_frame(_indicators(), "deposits", lang), "亿元", lang).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "place" and spec["encoding"]["y"]["field"] == "value"
    assert "亿元" in spec["encoding"]["y"]["title"]
    assert len(spec["encoding"]["tooltip"]) == 4
