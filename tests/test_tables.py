"""Every table declared as columns: stable ids, the screen's labels, the CSV of the same cells, and in
English the plans' Chinese kept in `_zh` columns identical to the Chinese table's."""

from __future__ import annotations

import csv
import io
import re

import pytest

from dashboard.i18n import LANGS, VOCABULARY_LABELS, column_label
from dashboard.tables import HEADERS, TABLE_SPECS, build_table, csv_bytes, labelled

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
ENGLISH_LABELS = {en for values in VOCABULARY_LABELS.values() for _zh, en in values.values()}


def _table(catalog, name: str, lang: str):
    return build_table(name, getattr(catalog, name), catalog.themes, lang)


def _rows(payload: bytes) -> list[list[str]]:
    assert payload.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline="")))


def test_zones_table_in_english(sample_catalog):
    table = _table(sample_catalog, "zones", "en")
    assert list(table.columns) == [
        "zone_id",
        "name",
        "name_zh",
        "city",
        "kind",
        "parent_zone",
        "districts_zh",
        "themes",
        "theme_evidence_zh",
        "positioning",
        "positioning_zh",
        "project_count",
        "precision",
        "source_ids",
        "locators_zh",
        "passage",
    ]
    row = table.iloc[1].to_dict()
    row.pop("theme_evidence_zh")  # its content: test_a_zh_column_holds_exactly_what_the_chinese_table_shows
    assert row == {
        "zone_id": "zone_b",
        "name": "District B",
        "name_zh": "乙区",
        "city": "Shenzhen",
        "kind": "Cluster",
        "parent_zone": "",
        "districts_zh": "福田区",
        "themes": "Fintech;Cross-border finance",
        "positioning": "Fintech and cross-border finance",
        "positioning_zh": "金融科技和跨境金融",
        "project_count": "0",
        "precision": "approximate footprint",
        "source_ids": "plan_a;plan_b",
        "locators_zh": "第一章;第一条",
        "passage": "./sources?record=zone_b",
    }
    assert list(labelled(table, "en").columns)[:4] == ["Zone ID", "Name", "Name (Chinese)", "City"]


def test_zones_table_in_chinese(sample_catalog):
    table = _table(sample_catalog, "zones", "zh")
    assert list(labelled(table, "zh").columns) == [
        "区域编号",
        "名称",
        "城市",
        "类型",
        "上级区域",
        "所在区",
        "主题",
        "主题依据",
        "功能定位",
        "项目数",
        "几何精度",
        "来源编号",
        "出处",
        "原文位置",
    ]
    assert list(table.iloc[0]) == [
        "zone_a",
        "甲区",
        "广州",
        "区级定位",
        "",
        "越秀区",
        "绿色金融",
        "绿色金融 — 「绿色金融改革创新试验区」",
        "绿色金融改革创新试验区核心区",
        "1",
        "行政区边界（精确）",
        "plan_a",
        "第一章",
        "./sources?lang=zh&record=zone_a",
    ]


def test_projects_table(sample_catalog):
    en = _table(sample_catalog, "projects", "en")
    assert list(en.columns) == [
        "project_id",
        "name",
        "name_zh",
        "city",
        "zone_id_ref",
        "district_zh",
        "kind",
        "themes",
        "theme_evidence_zh",
        "lead_units_zh",
        "source_id",
        "locator_zh",
        "quote_zh",
        "passage",
    ]
    assert list(en.drop(columns="theme_evidence_zh").iloc[0]) == [
        "proj_1",
        "Demonstration bank",
        "示范银行",
        "Guangzhou",
        "",
        "越秀区",
        "Institution",
        "Green finance",
        "市地方金融监管局;甲区政府",
        "plan_a",
        "第一章",
        "推进设立绿色金融示范银行。",
        "./sources?rtype=projects&record=proj_1",
    ]
    zh = _table(sample_catalog, "projects", "zh")
    assert list(labelled(zh, "zh").columns)[:4] == ["项目编号", "名称", "城市", "所属区域"]
    assert list(zh.iloc[0])[3:9] == [
        "",
        "越秀区",
        "机构",
        "绿色金融",
        "绿色金融 — 「绿色金融示范银行」",
        "市地方金融监管局;甲区政府",
    ]


def test_indicators_table(sample_catalog):
    en = _table(sample_catalog, "indicators", "en").set_index("indicator_id")
    assert en.loc["ind_value_added"].to_dict() == {
        "scope": "Guangzhou",
        "name": "Financial-sector value added",
        "name_zh": "金融业增加值",
        "stated_in": "indicator table",
        "unit": "100 million yuan",
        "unit_zh": "亿元",
        "baseline_year": "2020",
        "baseline": "2234.06",
        "target_year": "2025",
        "period_zh": "",
        "target": "≈3000",
        "target_text_zh": "3000左右",
        "qualifier": "about",
        "nature": "",
        "normalized_unit": "100 million yuan",
        "normalized_baseline": "2234.06",
        "normalized_target": "≈3000",
        "cagr": "6.1%",
        "baseline_value": "2234.06",
        "target_value": "3000",
        "target_value_high": "",
        "family": "fin_value_added",
        "themes": "",
        "source_id": "plan_a",
        "locator_zh": "专栏1",
        "quote_zh": "金融业增加值（亿元） 2234.06 3000左右",
        "passage": "./sources?rtype=indicators&record=ind_value_added",
    }
    # a target stated in the text with a period, no year and no baseline
    row = en.loc["ind_fintech_firms"]
    assert (row["stated_in"], row["target_year"], row["period_zh"], row["target"], row["cagr"]) == (
        "body text",
        "",
        "“十四五”期间",
        "≥50",
        "",
    )
    assert (row["baseline_year"], row["baseline"], row["baseline_value"]) == ("", "", "")
    zh = _table(sample_catalog, "indicators", "zh").set_index("indicator_id")
    assert (
        zh.loc["ind_listed", "qualifier"],
        zh.loc["ind_listed", "nature"],
        zh.loc["ind_listed", "stated_in"],
    ) == (
        "超过",
        "预期性",
        "指标表",
    )
    assert zh.loc["ind_fintech_firms", "period"] == "“十四五”期间"


def test_places_and_sources_tables(sample_catalog):
    places = _table(sample_catalog, "places", "en")
    assert list(places.iloc[0])[:5] == [
        "place_green_base",
        "Green finance service base",
        "绿色金融服务基地",
        "Guangzhou",
        "Platform",
    ]
    sources = _table(sample_catalog, "sources", "en")
    assert sources.values.tolist() == [
        ["plan_a", "Sample plan A", "示例规划甲", "—", "—", "2021-09", "Guangzhou"],
        [
            "plan_b",
            "Sample plan B",
            "示例规划乙",
            "Sample city government",
            "示〔2022〕1号",
            "2022",
            "Shenzhen",
        ],
    ]
    assert list(labelled(sources, "en").columns) == [
        "ID",
        "Title",
        "Title (Chinese)",
        "Issued by",
        "Document number (Chinese)",
        "Date",
        "Scope",
    ]
    zh = _table(sample_catalog, "sources", "zh")
    assert list(labelled(zh, "zh").columns) == ["编号", "标题", "发布机关", "文号", "日期", "范围"]
    assert zh.values.tolist()[1] == ["plan_b", "示例规划乙", "示例市政府", "示〔2022〕1号", "2022", "深圳"]


def test_no_records_give_an_empty_table_with_its_headers(sample_catalog):
    for name in TABLE_SPECS:
        empty = build_table(name, getattr(sample_catalog, name).iloc[:0], sample_catalog.themes, "en")
        full = _table(sample_catalog, name, "en")
        assert empty.empty and list(empty.columns) == list(full.columns)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(TABLE_SPECS))
def test_every_column_has_a_distinct_label(real_catalog, name, lang):
    table = _table(real_catalog, name, lang)
    assert len(table) == len(getattr(real_catalog, name))
    headers = list(labelled(table, lang).columns)
    assert len(set(headers)) == len(headers), headers
    assert len(set(table.columns)) == len(table.columns)


@pytest.mark.parametrize("name", list(TABLE_SPECS))
def test_english_keeps_the_plans_chinese_in_zh_columns_only(real_catalog, name):
    table = _table(real_catalog, name, "en")
    stray = {
        column: sorted({v for v in table[column] if CJK.search(v) and v not in ENGLISH_LABELS})[:3]
        for column in table.columns
        if not column.endswith("_zh")
    }
    assert {c: v for c, v in stray.items() if v} == {}


@pytest.mark.parametrize("name", list(TABLE_SPECS))
def test_a_zh_column_holds_exactly_what_the_chinese_table_shows(real_catalog, name):
    english, chinese = _table(real_catalog, name, "en"), _table(real_catalog, name, "zh")
    assert not [c for c in chinese.columns if c.endswith("_zh") and c[:-3] in chinese.columns]
    differing = [
        column
        for column in english.columns
        if column.endswith("_zh")
        and column[:-3] in chinese.columns
        and list(english[column]) != list(chinese[column[:-3]])
    ]
    assert differing == []


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_csv_holds_the_cells_of_the_table_under_labels_or_ids(sample_catalog, lang, header):
    table = _table(sample_catalog, "indicators", lang)
    rows = _rows(csv_bytes(table, lang, header))
    expected_header = (
        [column_label(c, lang) for c in table.columns] if header == "labels" else list(table.columns)
    )
    assert rows[0] == expected_header
    assert rows[1:] == table.values.tolist()


def test_csv_labels_are_the_screen_headers(sample_catalog):
    table = _table(sample_catalog, "zones", "en")
    assert csv_bytes(table, "en") == csv_bytes(table, "en", "labels")
    assert _rows(csv_bytes(table, "en"))[0] == list(labelled(table, "en").columns)
    assert _rows(csv_bytes(table, "en", "ids"))[0][:3] == ["zone_id", "name", "name_zh"]
