"""Indicator values made comparable: unit normalization, implied growth and families, on literal values."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.indicators import (
    NORMALIZED_MONEY_UNIT,
    comparable_values,
    family_labels,
    family_options,
    implied_cagr,
    linked_families,
    normalize,
)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (9.06, "万亿元", (90600.0, "亿元")),
        (2234.06, "亿元", (2234.06, "亿元")),
        (5000.0, "万元", (0.5, "亿元")),
        (9.5, "%", (9.5, "%")),
        (None, "万亿元", (None, "亿元")),
        (float("nan"), "家", (None, "家")),
        (120.0, "家", (120.0, "家")),
        (1.1, "万亿元", (11000.0, "亿元")),  # rounded: 1.1 * 10000 is 11000.000000000002 in floats
    ],
)
def test_normalize(value, unit, expected):
    assert normalize(value, unit) == expected
    assert NORMALIZED_MONEY_UNIT == "亿元"


@pytest.mark.parametrize(
    ("baseline", "target", "years", "expected"),
    [
        (100.0, 161.051, (2020, 2025), 0.10),
        (100.0, 100.0, (2020, 2025), 0.0),
        (200.0, 100.0, (2020, 2021), -0.5),
        (None, 100.0, (2020, 2025), None),
        (100.0, 200.0, (2020, None), None),  # a target with no year (a period as written) implies no growth
        (float("nan"), 100.0, (2020, 2025), None),
        (0.0, 100.0, (2020, 2025), None),
        (100.0, 0.0, (2020, 2025), None),
        (100.0, 200.0, (2025, 2025), None),
        (100.0, 200.0, (2025, 2020), None),
    ],
)
def test_implied_cagr(baseline, target, years, expected):
    result = implied_cagr(baseline, target, *years)
    assert result == (None if expected is None else pytest.approx(expected, abs=1e-6))


def _indicators() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["gz_dep", "sz_dep", "dg_dep", "gz_platforms", "sz_range_base", "gz_no_year"],
            "scope": ["广州", "深圳", "东莞", "广州", "深圳", "广州"],
            "name_zh": ["存款余额", "存款余额", "存款<b>余额", "交易平台", "机构", "企业"],
            "name_en": ["Deposits", "Deposits", "Deposits <script>", "Platforms", "Firms", "Firms"],
            "unit": ["万亿元", "亿元", "亿元", "个", "家", "家"],
            "family": ["deposits", "deposits", "deposits", None, None, None],
            "baseline_year": [2020, 2020, None, 2020, 2020, 2020],
            "baseline_value": [6.78, 100000.0, None, 1.0, 10.0, 10.0],
            "baseline_value_high": [None, None, None, None, 12.0, None],
            "baseline_qualifier": ["exact", "exact", None, "exact", "range", "exact"],
            "target_year": [2025, 2025, 2025, 2025, 2025, None],
            "target_value": [9.0, 140000.0, 20000.0, 1.0, 20.0, 20.0],
            "target_value_high": [None, None, None, 2.0, None, None],
            "target_text": ["9", "140000", "20000", "1—2", "20", "20"],
            "qualifier": ["over", "about", "at_least", "range", "exact", "exact"],
            "themes": [(), ("green_finance",), (), (), (), ()],
        },
        dtype=object,
    )


def test_comparable_values_normalize_and_grow():
    rows = comparable_values(_indicators())
    assert list(rows["normalized_target"]) == [90000.0, 140000.0, 20000.0, 1.0, 20.0, 20.0]
    assert list(rows["normalized_baseline"])[:2] == [67800.0, 100000.0]
    assert list(rows["normalized_unit"]) == ["亿元", "亿元", "亿元", "个", "家", "家"]
    assert rows["cagr"][0] == pytest.approx((9.0 / 6.78) ** 0.2 - 1)
    assert rows["cagr"][1] == pytest.approx(1.4**0.2 - 1)
    assert pd.isna(rows["cagr"][2])  # no baseline
    assert pd.isna(rows["cagr"][3])  # range target
    assert pd.isna(rows["cagr"][4])  # range baseline
    assert pd.isna(rows["cagr"][5])  # no target year


def test_comparable_values_leave_the_input_alone():
    indicators = _indicators()
    comparable_values(indicators)
    assert "cagr" not in indicators.columns


def test_family_options_need_two_places():
    assert family_options(_indicators()) == ["deposits"]
    single = _indicators().assign(scope="广州")
    assert family_options(single) == []


def test_family_labels_star_families_linked_to_selected_themes():
    indicators = _indicators()
    indicators.loc[3, "family"] = "platforms"
    indicators.loc[3, "scope"] = "深圳"
    indicators.loc[2, "family"] = "platforms"
    assert family_labels(indicators, (), "en") == {"deposits": "Deposits", "platforms": "Deposits <script>"}
    assert linked_families(indicators, ("green_finance",)) == ["deposits"]
    assert linked_families(indicators, ()) == []
    relinked = indicators.assign(themes=[(), (), (), ("fintech",), (), ()])
    labels = family_labels(relinked, ("fintech",), "zh")
    assert list(labels) == ["platforms", "deposits"]  # linked families first
    assert labels == {"platforms": "★ 存款<b>余额", "deposits": "存款余额"}


def test_real_families_are_comparable_within_one_unit(real_catalog):
    # a family is compared across places, so after normalization all its targets share one unit
    rows = comparable_values(real_catalog.indicators)
    mixed = {
        family: sorted(set(group["normalized_unit"]))
        for family, group in rows.dropna(subset=["family"]).groupby("family")
        if group["normalized_unit"].nunique() > 1
    }
    assert mixed == {}
    assert len(family_options(real_catalog.indicators)) >= 3
