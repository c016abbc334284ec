"""Tables and chart data of the Targets page, built from the indicator table without Streamlit."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import Lang, city_label, column_label
from dashboard.overlay import comparable_values
from dashboard.tables import format_number, theme_labels, theme_names


def targets_view_table(indicators: pd.DataFrame, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Baseline, target as written, normalized values and implied CAGR, labelled in the language."""
    rows = comparable_values(indicators)
    names = theme_labels(themes, lang)
    table = pd.DataFrame(
        {
            "indicator_id": rows["id"],
            "scope": rows["scope"].map(lambda s: city_label(s, lang)),
            "name_zh" if lang == "zh" else "name_en": rows["name_zh" if lang == "zh" else "name_en"],
            "unit": rows["unit"],
            "baseline_year": rows["baseline_year"].map(format_number),
            "baseline_value": rows["baseline_value"].map(format_number),
            "target_year": rows["target_year"].map(format_number),
            "target_text": rows["target_text"],
            "normalized_baseline": rows["normalized_baseline"].map(format_number),
            "normalized_target": rows["normalized_target"].map(format_number),
            "normalized_unit": rows["normalized_unit"],
            "cagr": rows["cagr"].map(lambda g: "" if g is None or pd.isna(g) else f"{g * 100:.1f}%"),
            "themes": rows["themes"].map(lambda ts: ";".join(theme_names(ts, names))),
        }
    )
    table.columns = [column_label(c, lang) for c in table.columns]
    return table


def comparison_chart_data(indicators: pd.DataFrame, family: str, lang: Lang) -> pd.DataFrame:
    """Normalized baseline and target per place for one family, indexed by place name."""
    rows = comparable_values(indicators[indicators["family"] == family]).drop_duplicates("scope")
    baseline_label = "基期" if lang == "zh" else "Baseline"
    target_label = "目标" if lang == "zh" else "Target"
    return pd.DataFrame(
        {
            baseline_label: pd.to_numeric(rows["normalized_baseline"], errors="coerce").to_numpy(),
            target_label: pd.to_numeric(rows["normalized_target"], errors="coerce").to_numpy(),
        },
        index=[city_label(s, lang) for s in rows["scope"]],
    )
