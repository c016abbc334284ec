"""Unit normalization, implied growth and overlay colours on literal values."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.overlay import (
    comparable_values,
    family_labels,
    family_options,
    implied_cagr,
    normalize,
    overlay_values,
)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (9.06, "万亿元", (90600.0, "亿元")),
        (2234.06, "亿元", (2234.06, "亿元")),
        (5000.0, "万元", (0.5, "亿元")),
        (9.5, "%", (9.5, "%")),
        (None, "万亿元", (None, "亿元")),
        (120.0, "家", (120.0, "家")),
    ],
)
def test_normalize(value, unit, expected):
    assert normalize(value, unit) == expected


@pytest.mark.parametrize(
    ("baseline", "target", "years", "expected"),
    [
        (100.0, 161.051, (2020, 2025), 0.10),
        (100.0, 100.0, (2020, 2025), 0.0),
        (None, 100.0, (2020, 2025), None),
        (0.0, 100.0, (2020, 2025), None),
        (100.0, 200.0, (2025, 2025), None),
    ],
)
def test_implied_cagr(baseline, target, years, expected):
    result = implied_cagr(baseline, target, *years)
    assert result == (None if expected is None else pytest.approx(expected, abs=1e-6))


def _indicators() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["gz_dep", "sz_dep", "dg_dep", "gz_platforms"],
            "scope": ["广州", "深圳", "东莞", "广州"],
            "name_zh": ["存款余额", "存款余额", "存款<b>余额", "交易平台"],
            "name_en": ["Deposits", "Deposits", "Deposits <script>", "Platforms"],
            "unit": ["万亿元", "亿元", "亿元", "个"],
            "family": ["deposits", "deposits", "deposits", None],
            "baseline_year": [2020, 2020, None, 2020],
            "baseline_value": [6.78, 100000.0, None, 1.0],
            "target_year": [2025, 2025, 2025, 2025],
            "target_value": [9.0, 140000.0, 20000.0, 1.0],
            "target_value_high": [None, None, None, 2.0],
            "target_text": ["9", "140000", "20000", "1—2"],
            "qualifier": ["over", "about", "at_least", "range"],
        },
        dtype=object,
    )


def test_comparable_values_normalize_and_grow():
    rows = comparable_values(_indicators())
    assert list(rows["normalized_target"]) == [90000.0, 140000.0, 20000.0, 1.0]
    assert list(rows["normalized_unit"]) == ["亿元", "亿元", "亿元", "个"]
    assert rows["cagr"][0] == pytest.approx((9.0 / 6.78) ** 0.2 - 1)
    assert pd.isna(rows["cagr"][2])  # no baseline
    assert pd.isna(rows["cagr"][3])  # range target


def test_family_options_need_two_places():
    assert family_options(_indicators()) == ["deposits"]


def test_overlay_by_target_colours_extremes_and_escapes():
    values = overlay_values(_indicators(), "deposits", "target", "en")
    assert list(values.index) == ["广州", "深圳", "东莞"]
    assert list(values["value"]) == [90000.0, 140000.0, 20000.0]
    assert values.loc["东莞", "colour"].lower().startswith("#f1eef6")
    assert values.loc["深圳", "colour"].lower().startswith("#045a8d")
    assert "Deposits &lt;script&gt;" in values.loc["东莞", "tip"]
    assert "<script>" not in values.loc["东莞", "tip"]


def test_overlay_by_growth_skips_places_without_baseline():
    values = overlay_values(_indicators(), "deposits", "growth", "zh")
    assert list(values.index) == ["广州", "深圳"]
    assert "年均增速" in values.loc["广州", "tip"]


def test_family_labels_star_families_linked_to_selected_themes():
    indicators = _indicators().assign(themes=[(), ("green_finance",), (), ()])
    indicators.loc[3, "family"] = "platforms"
    indicators.loc[3, "scope"] = "深圳"
    indicators.loc[2, "family"] = "platforms"
    assert family_labels(indicators, (), "en") == {"deposits": "Deposits", "platforms": "Deposits <script>"}
    labels = family_labels(indicators.assign(themes=[(), (), (), ("fintech",)]), ("fintech",), "en")
    assert list(labels) == ["platforms", "deposits"]
    assert labels["platforms"].startswith("★ ")
