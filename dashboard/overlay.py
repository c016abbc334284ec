"""Indicator values made comparable: units normalized, implied growth computed, colours assigned.

Plans state money in 亿元 or 万亿元 (and occasionally 万元); comparisons convert to 亿元. Other
units (%, 家, 个 ...) are compared only within the same unit and are left as written.
"""

from __future__ import annotations

import html
import math

import pandas as pd
from branca.colormap import LinearColormap

from dashboard.i18n import Lang, city_label
from dashboard.tables import format_number

TO_YI_YUAN = {"万亿元": 10000.0, "亿元": 1.0, "万元": 0.0001}
NORMALIZED_MONEY_UNIT = "亿元"
SEQUENTIAL = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")


def normalize(value: float | None, unit: str) -> tuple[float | None, str]:
    """A value in 亿元 when its unit is money, else unchanged, with the unit it is now in."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, NORMALIZED_MONEY_UNIT if unit in TO_YI_YUAN else unit
    if unit in TO_YI_YUAN:
        return round(value * TO_YI_YUAN[unit], 6), NORMALIZED_MONEY_UNIT
    return value, unit


def implied_cagr(
    baseline: float | None, target: float | None, baseline_year: int | None, target_year: int | None
) -> float | None:
    """Compound annual growth from baseline to target, or None where either end is missing."""
    if None in (baseline, target, baseline_year, target_year):
        return None
    years = target_year - baseline_year
    if years <= 0 or baseline <= 0 or target <= 0:
        return None
    return (target / baseline) ** (1 / years) - 1


def comparable_values(indicators: pd.DataFrame) -> pd.DataFrame:
    """Add normalized baseline/target, their unit and the implied CAGR to an indicator table.

    For a range target (1—2) the lower end is used, and no growth is implied.
    """
    out = indicators.copy()
    baseline = [normalize(v, u) for v, u in zip(out["baseline_value"], out["unit"], strict=True)]
    target = [normalize(v, u) for v, u in zip(out["target_value"], out["unit"], strict=True)]
    out["normalized_baseline"] = [b for b, _ in baseline]
    out["normalized_target"] = [t for t, _ in target]
    out["normalized_unit"] = [u for _, u in target]
    out["cagr"] = [
        None if q == "range" else implied_cagr(b, t, by, ty)
        for b, t, by, ty, q in zip(
            out["normalized_baseline"],
            out["normalized_target"],
            out["baseline_year"],
            out["target_year"],
            out["qualifier"],
            strict=True,
        )
    ]
    return out


def family_options(indicators: pd.DataFrame) -> list[str]:
    """Families with a value for at least two places, the ones worth a map."""
    counts = indicators.dropna(subset=["family"]).groupby("family")["scope"].nunique()
    return sorted(counts[counts >= 2].index)


def overlay_values(indicators: pd.DataFrame, family: str, metric: str, lang: Lang) -> pd.DataFrame:
    """One row per place for an indicator family: value to shade, colour and escaped tooltip.

    metric: "target" shades by the normalized 2025 target, "growth" by the implied CAGR.
    Places whose value is missing for the metric are left out (and so left unshaded).
    """
    rows = comparable_values(indicators[indicators["family"] == family])
    column = "normalized_target" if metric == "target" else "cagr"
    rows = rows[rows[column].notna()].drop_duplicates("scope")
    if rows.empty:
        return pd.DataFrame(columns=["value", "colour", "tip"])
    values = rows[column].astype(float)
    scale = LinearColormap(SEQUENTIAL, vmin=values.min(), vmax=max(values.max(), values.min() + 1e-9))
    tips = [_tip(r, lang) for r in rows.itertuples()]
    return pd.DataFrame(
        {"value": values.to_numpy(), "colour": [scale(v) for v in values], "tip": tips},
        index=rows["scope"].to_numpy(),
    )


def _tip(row, lang: Lang) -> str:
    name = row.name_zh if lang == "zh" else row.name_en
    growth = "" if pd.isna(row.cagr) else f"{row.cagr * 100:.1f}%"
    baseline = "—" if pd.isna(row.baseline_value) else f"{format_number(row.baseline_value)} {row.unit}"
    labels = ("基期", "目标", "年均增速") if lang == "zh" else ("Baseline", "Target", "Implied CAGR")
    lines = [
        f"<b>{html.escape(city_label(row.scope, lang))}</b>: {html.escape(name)}",
        f"{labels[0]} {html.escape(format_number(row.baseline_year))}: {html.escape(baseline)}",
        f"{labels[1]} {row.target_year}: {html.escape(_with_unit(row.target_text, row.unit))}",
    ]
    if growth:
        lines.append(f"{labels[2]}: {growth}")
    return "<br>".join(lines)


def _with_unit(text: str, unit: str) -> str:
    """The target as written, with its unit unless the text already carries it ("15家左右")."""
    return text if unit in text else f"{text} {unit}"


def family_labels(indicators: pd.DataFrame, themes: tuple[str, ...], lang: Lang) -> dict[str, str]:
    """Each family's display name, in display order: families linked to a selected theme first,
    starred."""
    name = "name_zh" if lang == "zh" else "name_en"
    wanted = set(themes)
    labels = {}
    for family in family_options(indicators):
        rows = indicators[indicators["family"] == family]
        linked = bool(wanted) and any(not wanted.isdisjoint(ts) for ts in rows["themes"])
        labels[family] = ("★ " if linked else "") + rows[name].iloc[0]
    starred_first = sorted(labels, key=lambda f: not labels[f].startswith("★"))
    return {f: labels[f] for f in starred_first}
