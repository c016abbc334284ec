"""Shared designations: one row per claim, shared = two or more cities or plans, filters narrow the
claims but never the sharing, and the zones a designation's claims place it in."""

from __future__ import annotations

import pytest

from dashboard.compare.cli import claims_table
from dashboard.compare.designations import (
    claimants,
    claiming_zones,
    claims_frame,
    filter_claims,
    shared_designations,
    view_claims,
)
from dashboard.view_state import ViewState

INSURANCE = "gba_insurance_service_centre"


@pytest.fixture(scope="module")
def claims(real_catalog):
    return claims_frame(real_catalog.designations)


def test_one_row_per_claim_in_catalog_order(real_catalog, claims):
    assert len(claims) == sum(len(cs) for cs in real_catalog.designations["claims"])
    first = real_catalog.designations.iloc[0]
    rows = claims[claims["designation_id"] == first["id"]]
    assert list(rows["cite"]) == list(range(len(first["claims"])))
    assert list(rows["quote"]) == [c.quote for c in first["claims"]]


def test_the_insurance_centre_is_claimed_by_four_places_and_five_plans(claims):
    groups = claimants(claims, INSURANCE)
    assert list(groups) == ["广东", "深圳", "广州", "东莞"]
    assert {city: len(rows) for city, rows in groups.items()} == {"广东": 1, "深圳": 1, "广州": 8, "东莞": 1}
    rows = claims[claims["designation_id"] == INSURANCE]
    assert rows["shared"].all()
    assert set(rows["source_id"]) == {
        "gd_capital_market_2021",
        "sz_finance_14fyp",
        "gz_finance_14fyp",
        "gz_gba_hub_opinions",
        "dg_finance_14fyp",
    }
    assert shared_designations(claims).iloc[0].tolist()[:1] == [INSURANCE]


def test_shared_means_two_cities_or_two_plans(real_catalog, claims):
    for d in real_catalog.designations.itertuples():
        cities, plans = {c.city for c in d.claims}, {c.source for c in d.claims}
        expected = len(cities) >= 2 or len(plans) >= 2
        assert set(claims.loc[claims["designation_id"] == d.id, "shared"]) == {expected}, d.id
    assert shared_designations(claims)["designation_id"].nunique() == 55


def test_the_fixture_designations(sample_catalog):
    claims = claims_frame(sample_catalog.designations)
    shared = shared_designations(claims)
    assert shared[["designation_id", "n_cities", "n_plans", "n_claims"]].values.tolist() == [
        ["green_pilot_zone", 2, 2, 2]
    ]
    assert claiming_zones(sample_catalog, "green_pilot_zone") == ("zone_a", "zone_b")
    # demo_bank's only claim names a project in 越秀区: the project sits in zone_a (that district's zone)
    assert claiming_zones(sample_catalog, "demo_bank") == ("zone_a",)
    assert claiming_zones(sample_catalog, "") == ()
    assert claiming_zones(sample_catalog, "nowhere") == ()


def test_filters_narrow_claims_but_not_sharing(real_catalog, claims):
    dongguan = filter_claims(claims, ViewState(cities=("东莞",)))
    assert set(dongguan["city"]) == {"东莞"}
    assert INSURANCE in set(dongguan["designation_id"])
    assert dongguan.loc[dongguan["designation_id"] == INSURANCE, "shared"].all()  # shared with other cities
    hub = filter_claims(claims, ViewState(sources=("gz_gba_hub_opinions",)))
    assert set(hub["source_id"]) == {"gz_gba_hub_opinions"}
    named = filter_claims(claims, ViewState(search="REITs"))
    assert set(named["designation_id"]) == {"infrastructure_reits_pilot", "reits_regional_exchange"}
    # themes and zone kinds do not apply to claims
    assert len(view_claims(real_catalog, ViewState(themes=("fintech",), kinds=("district",)))) == len(claims)


def test_claiming_zones_include_the_zones_of_claimed_projects(real_catalog):
    assert claiming_zones(real_catalog, INSURANCE) == ("gz_nansha", "sz_qianhai")


def test_claims_table_has_the_export_columns_in_every_language(real_catalog):
    ids = [
        "designation_id",
        "name_zh",
        "name_en",
        "shared",
        "city",
        "zone_id",
        "project_id",
        "stance",
        "source_id",
        "locator",
        "quote",
    ]
    en = claims_table(real_catalog, ViewState(cities=("深圳",)))
    zh = claims_table(real_catalog, ViewState(cities=("深圳",), lang="zh"))
    assert list(en.columns) == ids == list(zh.columns)
    row = en[en["designation_id"] == INSURANCE].iloc[0].tolist()
    assert row[3:9] == ["yes", "Shenzhen", "sz_qianhai", "sz_x07", "seeks", "sz_finance_14fyp"]
    zh_row = zh[zh["designation_id"] == INSURANCE].iloc[0].tolist()
    assert zh_row[3:8] == ["是", "深圳", "sz_qianhai", "sz_x07", "争取"]
