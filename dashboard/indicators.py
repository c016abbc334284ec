"""Indicator values made comparable: units normalized, implied growth computed, families listed.

Plans state money in 亿元 or 万亿元 (and occasionally 万元); comparisons convert to 亿元. Other
units (%, 家, 个 ...) are compared only within the same unit and are left as written.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.i18n import Lang, field
from dashboard.schema import COMMON_MONEY_UNIT as NORMALIZED_MONEY_UNIT
from dashboard.schema import MONEY_UNITS as TO_YI_YUAN


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def normalize(value: float | None, unit: str) -> tuple[float | None, str]:
    """A value in 亿元 when its unit is money, else unchanged, with the unit it is now in."""
    if _missing(value):
        return None, NORMALIZED_MONEY_UNIT if unit in TO_YI_YUAN else unit
    if unit in TO_YI_YUAN:
        return round(value * TO_YI_YUAN[unit], 6), NORMALIZED_MONEY_UNIT
    return value, unit


def implied_cagr(
    baseline: float | None, target: float | None, baseline_year: int | None, target_year: int | None
) -> float | None:
    """Compound annual growth from baseline to target, or None where either end is missing."""
    if any(_missing(v) for v in (baseline, target, baseline_year, target_year)):
        return None
    years = target_year - baseline_year
    if years <= 0 or baseline <= 0 or target <= 0:
        return None
    return (target / baseline) ** (1 / years) - 1


def comparable_values(indicators: pd.DataFrame) -> pd.DataFrame:
    """Add normalized baseline/target, their unit and the implied CAGR to an indicator table.

    For a range (1—2) the lower end is used, and no growth is implied from a range at either end.
    """
    out = indicators.copy()
    baseline = [normalize(v, u) for v, u in zip(out["baseline_value"], out["unit"], strict=True)]
    target = [normalize(v, u) for v, u in zip(out["target_value"], out["unit"], strict=True)]
    out["normalized_baseline"] = [b for b, _ in baseline]
    out["normalized_target"] = [t for t, _ in target]
    out["normalized_unit"] = [u for _, u in target]
    ranged = (out["qualifier"] == "range") | (out["baseline_qualifier"] == "range")
    out["cagr"] = [
        None if r else implied_cagr(b, t, by, ty)
        for b, t, by, ty, r in zip(
            out["normalized_baseline"],
            out["normalized_target"],
            out["baseline_year"],
            out["target_year"],
            ranged,
            strict=True,
        )
    ]
    return out


def family_options(indicators: pd.DataFrame) -> list[str]:
    """Families with a value for at least two places, the ones worth a map."""
    counts = indicators.dropna(subset=["family"]).groupby("family")["scope"].nunique()
    return sorted(counts[counts >= 2].index)


def linked_families(indicators: pd.DataFrame, themes: tuple[str, ...]) -> list[str]:
    """The families whose targets are linked to any of the themes: shown first and starred."""
    wanted = set(themes)
    if not wanted:
        return []
    return [
        family
        for family in family_options(indicators)
        if any(not wanted.isdisjoint(ts) for ts in indicators.loc[indicators["family"] == family, "themes"])
    ]


def family_labels(indicators: pd.DataFrame, themes: tuple[str, ...], lang: Lang) -> dict[str, str]:
    """Each family's display name in display order: families linked to a selected theme first,
    starred."""
    name = field("name", lang)
    linked = set(linked_families(indicators, themes))
    families = family_options(indicators)
    ordered = [f for f in families if f in linked] + [f for f in families if f not in linked]
    first_name = indicators.dropna(subset=["family"]).drop_duplicates("family").set_index("family")[name]
    return {f: ("★ " if f in linked else "") + first_name[f] for f in ordered}
