"""Targets side by side: one unit per family, implied growth, and each reason a family cannot be
compared, in the records' own words; families that cannot be compared are not ranked."""

from __future__ import annotations

import pytest

from dashboard.compare.targets import compare_family, compare_targets, cumulative_words, growth_frame, reasons
from dashboard.indicators import comparable_values
from dashboard.schema import Citation
from dashboard.tables.comparisons import target_compare_table


@pytest.fixture(scope="module")
def by_family(real_catalog):
    return {c.family: c for c in compare_targets(real_catalog.indicators, "en")}


def test_every_family_with_two_places_is_compared(by_family):
    assert list(by_family) == [
        "deposits",
        "direct_financing_share",
        "fin_value_added",
        "fin_value_added_share",
        "green_loans",
        "listed_companies",
        "loans",
        "premiums",
    ]
    assert {f for f, c in by_family.items() if c.comparable} == {"deposits", "fin_value_added", "premiums"}


def test_a_comparable_family_is_in_one_unit_and_ranked(by_family):
    deposits = by_family["deposits"].members.set_index("id")
    assert set(deposits["normalized_unit"]) == {"亿元"}
    assert deposits.loc["sz_deposits", "normalized_target"] == 135000  # 13.5 万亿元
    assert deposits.loc["dg_deposits", "normalized_target"] == 27000  # 27000 亿元 as written
    assert deposits["target_rank"].to_dict() == {"dg_deposits": "3", "gz_deposits": "2", "sz_deposits": "1"}
    assert deposits["growth_rank"].to_dict() == {"dg_deposits": "1", "gz_deposits": "3", "sz_deposits": "2"}
    assert round(deposits.loc["dg_deposits", "cagr"], 4) == round((27000 / 18232) ** (1 / 5) - 1, 4)


def test_a_cumulative_figure_beside_a_single_year_share_is_not_comparable(by_family):
    family = by_family["direct_financing_share"]
    assert not family.comparable
    assert family.reasons == (
        "different bases: Guangzhou: a single year's figure; "
        "Shenzhen: cumulative over the period (「累计增量」)",
    )
    assert set(family.members["target_rank"]) == {""} and set(family.members["growth_rank"]) == {""}


def test_a_period_as_written_and_body_text_targets_are_reasons(by_family):
    listed = by_family["listed_companies"].reasons
    assert listed[0] == (
        "different periods: Dongguan (Companies listed at home or abroad), Guangdong, Shenzhen: 2025; "
        "Dongguan (Companies listed at home or abroad (Kunpeng listing plan)): 三年内"
    )
    assert listed[1].startswith("stated in different places: ")
    assert listed[2].startswith("different baselines: ")
    assert by_family["fin_value_added_share"].reasons == (
        "stated in different places: Dongguan: body text; Guangzhou, Shenzhen: indicator table",
    )
    assert by_family["loans"].reasons[1] == (
        "different baselines: Dongguan, Guangzhou, Shenzhen: 2020; Guangdong: no baseline"
    )


def test_reasons_in_chinese(real_catalog):
    family = compare_family(real_catalog.indicators, "direct_financing_share", "zh")
    assert family.reasons == ("口径不同：广州：单一年份数值；深圳：期内累计（「累计增量」）",)


def test_units_that_stay_different_after_normalization(real_catalog):
    members = comparable_values(real_catalog.indicators[real_catalog.indicators["family"] == "premiums"])
    members = members.copy()
    members.loc[members["id"] == "gz_premiums", "normalized_unit"] = "%"
    assert reasons(members, "en") == ("different units: Dongguan, Shenzhen: 100 million yuan; Guangzhou: %",)
    # units that normalize to the same one are no reason: 亿元 beside 万亿元 deposits
    deposits = comparable_values(real_catalog.indicators[real_catalog.indicators["family"] == "deposits"])
    assert set(deposits["unit"]) == {"亿元", "万亿元"} and reasons(deposits, "en") == ()


def test_cumulative_words_are_quoted():
    quotes = [Citation(source="x", locator="y", quote="五年累计增量达到三成").quote, "另一句"]
    assert cumulative_words(quotes) == "累计增量"
    assert cumulative_words(["年末余额达到三万亿元"]) is None


def test_table_and_chart_rows(real_catalog, by_family):
    comparisons = list(by_family.values())
    table = target_compare_table(comparisons, real_catalog.themes, "en")
    assert len(table) == sum(len(c.members) for c in comparisons)
    assert list(table.columns[:7]) == [
        "family",
        "family_name",
        "comparable",
        "reason",
        "scope",
        "indicator_id",
        "name",
    ]
    row = table[table["indicator_id"] == "sz_deposits"].iloc[0]
    assert (row["comparable"], row["normalized_target"], row["cagr"], row["target_rank"]) == (
        "comparable",
        "≥135000",
        "6.0%",
        "1",
    )
    growth = growth_frame(comparisons, "en")
    assert len(growth) == int(sum(c.members["cagr"].notna().sum() for c in comparisons))
    assert growth.loc[growth["comparable"] == False, "family"].str.startswith("(not comparable) ").all()  # noqa: E712
