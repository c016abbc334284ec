"""Every user-facing word in every language: complete pairs, matching placeholders, a label for every
vocabulary value, and the helpers that pick a language's half."""

from __future__ import annotations

import string
from typing import get_args

import pandas as pd
import pytest

from dashboard import i18n
from dashboard.i18n import (
    COLUMNS,
    LANGS,
    UI,
    VOCABULARY_LABELS,
    bilingual,
    bilingual_label,
    city_label,
    column_label,
    count,
    counts_line,
    evidence_text,
    field,
    has_chinese_twin,
    headed,
    join_names,
    label,
    labels,
    localize,
    names_by_id,
    other_field,
    pick,
    ui,
)
from dashboard.map.basemaps import BASEMAP_IDS
from dashboard.schema import (
    CITIES,
    MATCH_MODES,
    METRICS,
    ZONE_KINDS,
    DesignationKind,
    DesignationLevel,
    GeometryKind,
    Nature,
    ProjectKind,
    Qualifier,
    Stance,
    StatedIn,
)
from dashboard.view_state import CITED_KINDS, COMPARE_OF


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


ALL_PAIRS = [
    *((f"UI[{k}]", v) for k, v in UI.items()),
    *((f"COLUMNS[{k}]", v) for k, v in COLUMNS.items()),
    *((f"{voc}[{k}]", v) for voc, values in VOCABULARY_LABELS.items() for k, v in values.items()),
]


def test_every_label_is_a_complete_pair():
    broken = [
        name for name, pair in ALL_PAIRS if len(pair) != 2 or not all(isinstance(s, str) and s for s in pair)
    ]
    assert broken == []


def test_both_halves_of_a_ui_string_take_the_same_placeholders():
    assert [k for k, (zh, en) in UI.items() if _placeholders(zh) != _placeholders(en)] == []


def test_english_labels_are_not_left_in_chinese():
    cjk = [name for name, (_zh, en) in ALL_PAIRS if any("\u4e00" <= ch <= "\u9fff" for ch in en)]
    # the few English labels that keep a Chinese term on purpose name it beside its translation
    assert set(cjk) <= {
        "UI[language]",
        "UI[overlay_note]",
        "zone_kind[area]",
        "unit[亿元]",
        "unit[%]",
    }, cjk


@pytest.mark.parametrize(
    ("vocabulary", "values"),
    [
        ("zone_kind", ZONE_KINDS),
        ("project_kind", get_args(ProjectKind)),
        ("qualifier", get_args(Qualifier)),
        ("nature", get_args(Nature)),
        ("stated_in", get_args(StatedIn)),
        ("precision", get_args(GeometryKind)),
        ("match", MATCH_MODES),
        ("metric", METRICS),
        ("basemap", BASEMAP_IDS),
        ("record_kind", CITED_KINDS),
        ("city", CITIES),
        ("stance", get_args(Stance)),
        ("designation_level", get_args(DesignationLevel)),
        ("designation_kind", get_args(DesignationKind)),
        ("compare_of", COMPARE_OF),
        ("shared", ("yes", "no")),
        ("comparable", ("yes", "no")),
    ],
)
def test_every_vocabulary_value_has_a_label_and_no_label_is_for_nothing(vocabulary, values):
    assert tuple(VOCABULARY_LABELS[vocabulary]) == tuple(values)


def test_every_unit_of_the_data_has_a_label(real_catalog):
    assert set(real_catalog.indicators["unit"]) - set(VOCABULARY_LABELS["unit"]) == set()


def test_pick_field_and_twins():
    assert pick(("甲", "A"), "zh") == "甲" and pick(("甲", "A"), "en") == "A"
    assert field("name", "zh") == "name_zh" and field("positioning", "en") == "positioning_en"
    assert other_field("name", "zh") == "name_en" and other_field("name", "en") == "name_zh"
    assert not has_chinese_twin("zh") and has_chinese_twin("en")
    assert LANGS[0] == "zh" and "en" in LANGS


def test_names_by_id(sample_catalog):
    assert names_by_id(sample_catalog.themes, "en") == {
        "green_finance": "Green finance",
        "fintech": "Fintech",
        "cross_border": "Cross-border finance",
    }
    assert names_by_id(sample_catalog.sources, "zh", "title") == {
        "plan_a": "示例规划甲",
        "plan_b": "示例规划乙",
    }


def test_labels_of_vocabulary_values():
    assert label("zone_kind", "cluster", "zh") == "金融集聚区"
    assert label("zone_kind", "cluster", "en") == "Cluster"
    assert label("unit", "万亿元", "en") == "trillion yuan"
    assert label("unit", "吨", "en") == "吨"  # a value without a label passes through
    assert list(labels("match", "en")) == ["any", "all"]
    assert labels("metric", "zh") == {"target": "2025 年目标值", "growth": "隐含年均增速"}
    assert city_label("深圳", "en") == "Shenzhen" and city_label("深圳", "zh") == "深圳"
    assert city_label("火星", "en") == "火星"
    with pytest.raises(KeyError):
        label("no_such_vocabulary", "x", "en")


def test_column_labels():
    assert column_label("zone_id", "en") == "Zone ID"
    assert column_label("zone_id", "zh") == "区域编号"
    assert column_label("name_zh", "en") == "Name (Chinese)"  # its own label
    assert column_label("districts_zh", "en") == "Districts (Chinese)"  # X_zh: X's label, marked
    assert column_label("quote_zh", "en") == "Quote (Chinese)"  # marked once
    assert column_label("districts_zh", "zh") == "所在区（中文）"
    with pytest.raises(KeyError):
        column_label("no_such_column", "en")
    with pytest.raises(KeyError):
        column_label("no_such_column_zh", "en")


def test_ui_strings_fill_their_placeholders():
    assert ui("page_map", "en") == "Map"
    assert ui("notice_search", "en", limit=200) == "Shortened the search text in the link to 200 characters."
    assert ui("notice_unknown", "zh", param="theme", value="gold") == "已忽略链接中无法识别的theme：gold"
    with pytest.raises(KeyError):
        ui("no_such_key", "en")


@pytest.mark.parametrize(
    ("n", "en", "zh"),
    [(0, "0 zones", "0 个功能区"), (1, "1 zone", "1 个功能区"), (2, "2 zones", "2 个功能区")],
)
def test_counts_take_the_right_number(n, en, zh):
    assert count("count_zones", n, "en") == en
    assert count("count_zones", n, "zh") == zh


def test_counts_line():
    assert counts_line(2, 1, 3, "en") == "2 zones, 1 project, 3 targets"
    assert counts_line(2, 1, 3, "zh") == "2 个功能区，1 个项目，3 项指标"


def test_running_text_and_headed_tables():
    assert join_names(["广州", "深圳"], "zh") == "广州、深圳"
    assert join_names(["Guangzhou", "Shenzhen"], "en") == "Guangzhou, Shenzhen"
    assert evidence_text("绿色金融", "鼓励发展绿色金融", "zh") == "绿色金融 — 「鼓励发展绿色金融」"
    table = headed({"id": ["a"], "name": ["甲"]}, "en")
    pd.testing.assert_frame_equal(table, pd.DataFrame({"ID": ["a"], "Name": ["甲"]}))


def test_bilingual_labels_do_not_change_with_the_language():
    assert bilingual("layer_districts") == "区界 District boundaries"
    assert bilingual_label("basemap", "osm") == "OpenStreetMap"  # one name in both languages, once
    assert bilingual_label("basemap", "none") == "无底图 None"


def test_traditional_chinese_is_converted_from_the_simplified_labels():
    if "zh-Hant" not in LANGS:
        pytest.fail("zh-Hant is no longer a language: update this test")
    assert ui("page_sources", "zh-Hant") == "規劃來源"
    assert label("zone_kind", "cluster", "zh-Hant") == "金融集聚區"
    assert field("name", "zh-Hant") == "name_zh" and not has_chinese_twin("zh-Hant")
    assert localize("绿色金融", "zh") == "绿色金融" and localize("Green", "en") == "Green"
    assert localize("", "zh-Hant") == ""


def test_the_module_declares_only_known_languages():
    assert set(i18n.LANG_NAMES) == set(LANGS)
