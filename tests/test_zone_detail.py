"""The detail panel's content, gathered without Streamlit: literal cases on the fixture catalog, and
the real catalog's nested zones and linked targets."""

from __future__ import annotations

import pytest

from dashboard.zone_detail import descendants, linked_targets, zone_detail


def test_unknown_zone_gives_none(sample_catalog):
    assert zone_detail(sample_catalog, "nowhere", "en") is None
    assert zone_detail(sample_catalog, "", "en") is None


def test_the_fixture_zone_in_english(sample_catalog):
    detail = zone_detail(sample_catalog, "zone_b", "en", precision="approximate")
    assert (detail.name, detail.other_name, detail.kind, detail.city) == (
        "District B",
        "乙区",
        "Cluster",
        "Shenzhen",
    )
    assert detail.precision == "approximate footprint"
    assert detail.positioning == "Fintech and cross-border finance"
    assert detail.themes == ["Fintech", "Cross-border finance"]
    assert detail.evidence == [("Fintech — 「金融科技」", 0), ("Cross-border finance — 「跨境金融」", 0)]
    assert detail.citations == tuple(sample_catalog.zones.iloc[1]["citations"])
    assert detail.projects.empty and list(detail.projects.columns) == ["ID", "Name", "Lead units"]
    assert detail.targets.empty  # no Shenzhen target in the fixture


def test_the_fixture_zone_in_chinese(sample_catalog):
    detail = zone_detail(sample_catalog, "zone_a", "zh")
    # in Chinese the panel gives no English name (c8d2247); the districts are Chinese
    assert (detail.name, detail.other_name, detail.kind, detail.city, detail.districts) == (
        "甲区",
        "",
        "区级定位",
        "广州",
        ("越秀区",),
    )
    assert detail.precision is None  # not given: the geometry is not at hand
    assert detail.evidence == [("绿色金融 — 「绿色金融改革创新试验区」", 0)]
    # its project is located by its district, with the lead units joined
    assert detail.projects.values.tolist() == [["proj_1", "示范银行", "市地方金融监管局;甲区政府"]]
    assert list(detail.projects.columns) == ["编号", "名称", "责任单位"]
    assert list(detail.targets.columns) == ["编号", "名称", "基期", "目标", "单位"]


def test_targets_are_of_the_zone_city_and_share_a_theme(sample_catalog):
    assert list(linked_targets(sample_catalog.indicators, "广州", ("fintech",))["id"]) == [
        "ind_listed",
        "ind_fintech_firms",
    ]
    assert linked_targets(sample_catalog.indicators, "深圳", ("fintech",)).empty
    assert linked_targets(sample_catalog.indicators, "广州", ()).empty


def test_descendants_follow_the_nesting(sample_catalog):
    zones = sample_catalog.zones.assign(parent=[None, "zone_a"])
    assert descendants(zones, "zone_a") == {"zone_a", "zone_b"}
    assert descendants(zones, "zone_b") == {"zone_b"}


def test_projects_include_those_of_nested_zones(real_catalog):
    detail = zone_detail(real_catalog, "gz_nansha", "zh")
    ids = set(detail.projects["编号"])
    # gz_p01 is tied to the futures park, which nests in Nansha; gz_p07 is located by 南沙区政府
    assert {"gz_p01", "gz_p07"} <= ids
    park = zone_detail(real_catalog, "gz_futures_park", "zh")
    assert "gz_p01" in set(park.projects["编号"]) and "gz_p07" not in set(park.projects["编号"])


def test_real_targets_are_of_the_zone_city_and_share_a_theme(real_catalog):
    detail = zone_detail(real_catalog, "gz_huadu", "en")
    assert len(detail.targets) > 0
    rows = real_catalog.indicators.set_index("id").loc[list(detail.targets["ID"])]
    assert (rows["scope"] == "广州").all()
    assert rows["themes"].map(lambda ts: "green_finance" in ts or "rural_finance" in ts).all()
    assert "gz_green_bonds_cumulative" in set(detail.targets["ID"])


def test_names_and_headers_follow_the_language(real_catalog):
    zh = zone_detail(real_catalog, "sz_qianhai", "zh", precision="approximate")
    en = zone_detail(real_catalog, "sz_qianhai", "en", precision="approximate")
    assert zh.name == "前海深港现代服务业合作区" and zh.other_name == ""
    assert en.name.startswith("Qianhai") and en.other_name == "前海深港现代服务业合作区"
    assert list(en.projects.columns) == ["ID", "Name", "Lead units"]
    assert list(en.targets.columns) == ["ID", "Name", "Baseline", "Target", "Unit"]
    assert zh.precision == "示意范围（近似）" and en.precision == "approximate footprint"
    assert en.themes[0] == "Cross-border finance and opening-up"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_zone_has_a_detail_with_clean_cells(real_catalog, lang):
    untidy = {}
    for zone_id in real_catalog.zones["id"]:
        detail = zone_detail(real_catalog, zone_id, lang)
        assert detail is not None and detail.name and detail.evidence, zone_id
        for table in (detail.projects, detail.targets):
            cells = [c for row in table.astype(str).values.tolist() for c in row]
            bad = [c for c in cells if c != c.strip() or c in ("nan", "None")]
            if bad:
                untidy[zone_id] = bad[:3]
    assert untidy == {}
