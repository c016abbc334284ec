"""The detail panel's content, gathered without Streamlit, on the real catalog."""

from __future__ import annotations

import pytest

from dashboard.catalog import load_catalog
from dashboard.zone_detail import zone_detail


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_unknown_zone_gives_none(catalog):
    assert zone_detail(catalog, "nowhere", "en") is None


def test_projects_include_those_of_nested_zones(catalog):
    detail = zone_detail(catalog, "gz_nansha", "zh")
    ids = set(detail.projects["编号"])
    # gz_p01 is tied to the futures park, which nests in Nansha; gz_p07 is located by 南沙区政府
    assert {"gz_p01", "gz_p07"} <= ids
    park = zone_detail(catalog, "gz_futures_park", "zh")
    assert "gz_p01" in set(park.projects["编号"]) and "gz_p07" not in set(park.projects["编号"])


def test_targets_are_of_the_zone_city_and_share_a_theme(catalog):
    detail = zone_detail(catalog, "gz_huadu", "en")
    assert len(detail.targets) > 0
    rows = catalog.indicators.set_index("id").loc[list(detail.targets["id"])]
    assert (rows["scope"] == "广州").all()
    assert rows["themes"].map(lambda ts: "green_finance" in ts or "rural_finance" in ts).all()
    assert "gz_green_bonds_cumulative" in set(detail.targets["id"])


def test_names_and_headers_follow_the_language(catalog):
    zh = zone_detail(catalog, "sz_qianhai", "zh", precision="approximate")
    en = zone_detail(catalog, "sz_qianhai", "en", precision="approximate")
    assert zh.name == "前海深港现代服务业合作区" and zh.other_name.startswith("Qianhai")
    assert en.name.startswith("Qianhai") and en.other_name == "前海深港现代服务业合作区"
    assert list(zh.projects.columns) == ["编号", "名称", "责任单位"]
    assert list(en.projects.columns) == ["id", "name", "lead_units"]
    assert list(zh.targets.columns) == ["编号", "名称", "基期", "目标", "单位"]
    assert zh.precision == "示意范围（近似）" and en.precision != zh.precision
    assert en.themes[0] == "Cross-border finance and opening-up"


def test_citations_are_the_zone_records(catalog):
    detail = zone_detail(catalog, "gz_huadu", "en")
    zone = catalog.zones.set_index("id").loc["gz_huadu"]
    assert detail.citations == tuple(zone["citations"])
