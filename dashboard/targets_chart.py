"""The Targets page's chart: for one indicator family, each place's baseline and target in the
family's common unit, floors and ranges marked as such, with the implied annual growth."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.i18n import Lang, city_label, label, ui
from dashboard.indicators import comparable_values
from dashboard.tables.format import format_number, format_percent, format_qualified


def chart_frame(indicators: pd.DataFrame, family: str, lang: Lang) -> pd.DataFrame:
    """One row per place and end (baseline, target): value, its year, the value as qualified
    ("≥13.5", "1–2") and the implied growth; places without a value for an end have no row."""
    rows = comparable_values(indicators[indicators["family"] == family]).drop_duplicates("scope")
    out = []
    for r in rows.itertuples():
        unit = label("unit", r.normalized_unit, lang)
        growth = format_percent(r.cagr) or "—"
        ends = (
            (
                "baseline",
                r.baseline_year,
                r.normalized_baseline,
                format_qualified(r.baseline_qualifier, r.normalized_baseline),
            ),
            (
                "target",
                r.target_year,
                r.normalized_target,
                format_qualified(r.qualifier, r.normalized_target),
            ),
        )
        for end, year, value, written in ends:
            if value is None or pd.isna(value):
                continue
            out.append(
                {
                    "place": city_label(r.scope, lang),
                    "end": f"{ui(end, lang)} {format_number(year)}",
                    "value": float(value),
                    "as_written": f"{written} {unit}",
                    "growth": growth,
                }
            )
    return pd.DataFrame(out, columns=["place", "end", "value", "as_written", "growth"])


def targets_chart(frame: pd.DataFrame, unit: str, lang: Lang) -> alt.Chart:
    """Grouped bars, baseline beside target for each place, with human axis titles and hover."""
    end_title, place_title = ui("chart_end", lang), ui("chart_place", lang)
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("place:N", title=place_title, sort=None),
            xOffset=alt.XOffset("end:N", sort=None),
            y=alt.Y("value:Q", title=ui("chart_value", lang, unit=unit)),
            color=alt.Color("end:N", title=end_title, sort=None),
            tooltip=[
                alt.Tooltip("place:N", title=place_title),
                alt.Tooltip("end:N", title=end_title),
                alt.Tooltip("as_written:N", title=ui("chart_value", lang, unit=unit)),
                alt.Tooltip("growth:N", title=ui("implied_growth", lang)),
            ],
        )
        .properties(height=320)
    )
