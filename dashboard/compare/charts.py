"""The Compare page's Altair charts: the theme × city heatmap (its cells selectable), implied growth
side by side, and each plan's emphasis. Built from the same frames as the page's tables."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.i18n import Lang, ui

MATRIX_SELECTION = "cell"  # the heatmap's selection: the clicked cell's theme_id and city
_ROW_PX = 24
_LABEL_LIMIT = 200


def _order(values: pd.Series) -> list[str]:
    return list(dict.fromkeys(values))


def matrix_chart(cells: pd.DataFrame, of_label: str, lang: Lang) -> alt.LayerChart:
    """Theme rows, city columns, each cell coloured and labelled by its count; clicking a cell
    selects its theme_id and city (`MATRIX_SELECTION`)."""
    pick = alt.selection_point(name=MATRIX_SELECTION, fields=["theme_id", "city"], on="click")
    peak = max(int(cells["count"].max()) if len(cells) else 0, 1)
    labelled = cells.assign(label=[str(n) if n else "" for n in cells["count"]])
    base = alt.Chart(labelled).encode(
        x=alt.X(
            "city_label:N",
            sort=_order(cells["city_label"]),
            title=None,
            axis=alt.Axis(orient="top", labelAngle=-45, labelOverlap=False, labelFontSize=12),
        ),
        y=alt.Y(
            "theme:N",
            sort=_order(cells["theme"]),
            title=None,
            axis=alt.Axis(labelLimit=_LABEL_LIMIT, labelFontSize=12),
        ),
        tooltip=[
            alt.Tooltip("theme:N", title=ui("themes", lang)),
            alt.Tooltip("city_label:N", title=ui("city", lang)),
            alt.Tooltip("count:Q", title=of_label),
        ],
    )
    shade = alt.Color("count:Q", scale=alt.Scale(scheme="blues", domain=[0, peak]), legend=None)
    rects = base.mark_rect(stroke="white", strokeWidth=1.5, cursor="pointer").encode(
        color=alt.condition("datum.count > 0", shade, alt.value("#f3f4f6")),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.5)),
    )
    numbers = base.mark_text(fontSize=12, cursor="pointer").encode(
        text=alt.Text("label:N"),
        color=alt.condition(f"datum.count > {peak / 2}", alt.value("white"), alt.value("#1a1a1a")),
    )
    return (
        alt.layer(rects.add_params(pick), numbers)
        .properties(height=_ROW_PX * max(cells["theme"].nunique(), 1))
        .configure_view(strokeWidth=0)
    )


def growth_chart(growth: pd.DataFrame, lang: Lang) -> alt.Chart:
    """Implied annual growth of each member, grouped by family and coloured by city; families that
    cannot be compared are drawn faint (and their label says so)."""
    city, place = ui("city", lang), ui("chart_place", lang)
    return (
        alt.Chart(growth)
        .mark_bar()
        .encode(
            y=alt.Y("family:N", sort=_order(growth["family"]), title=None, axis=alt.Axis(labelLimit=320)),
            yOffset=alt.YOffset("place:N"),
            x=alt.X("cagr:Q", title=ui("implied_growth", lang), axis=alt.Axis(format="%")),
            color=alt.Color(
                "city:N", title=city, scale=alt.Scale(scheme="tableau10"), legend=alt.Legend(orient="bottom")
            ),
            opacity=alt.condition("datum.comparable", alt.value(1.0), alt.value(0.35)),
            tooltip=[
                alt.Tooltip("family:N", title=ui("family", lang)),
                alt.Tooltip("place:N", title=place),
                alt.Tooltip("cagr:Q", title=ui("implied_growth", lang), format=".1%"),
            ],
        )
        .properties(height=alt.Step(12))
    )


def emphasis_chart(emphasis: pd.DataFrame, theme_names: dict, of_labels: dict, lang: Lang) -> alt.FacetChart:
    """Themes × plans, one panel for zones and one for projects, each cell the plan's share (cells
    with none of the plan's records are left out)."""
    rows = []
    for r in emphasis.itertuples():
        for of, count, share in (
            ("zones", r.zone_count, r.zone_share),
            ("projects", r.project_count, r.project_share),
        ):
            if count:
                rows.append(
                    {"plan": r.source_id, "theme": theme_names[r.theme_id], "of": of_labels[of]}
                    | {"share": float(share), "count": int(count)}
                )
    frame = pd.DataFrame(rows, columns=["plan", "theme", "of", "share", "count"])
    plans = _order(emphasis["source_id"])
    base = alt.Chart().encode(
        x=alt.X(
            "plan:N",
            title=None,
            sort=plans,
            axis=alt.Axis(orient="top", labelAngle=-90, labelOverlap=False, labelLimit=_LABEL_LIMIT),
        ),
        y=alt.Y(
            "theme:N", title=None, sort=list(theme_names.values()), axis=alt.Axis(labelLimit=_LABEL_LIMIT)
        ),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "share:Q",
            title=ui("share", lang),
            scale=alt.Scale(scheme="oranges", domain=[0, 1]),
            legend=alt.Legend(format="%"),
        ),
        tooltip=[
            alt.Tooltip("plan:N", title=ui("plan", lang)),
            alt.Tooltip("theme:N", title=ui("themes", lang)),
            alt.Tooltip("count:Q", title=ui("count_label", lang)),
            alt.Tooltip("share:Q", title=ui("share", lang), format=".0%"),
        ],
    )
    text = base.mark_text(fontSize=10).encode(
        text=alt.Text("share:Q", format=".0%"),
        color=alt.condition("datum.share > 0.5", alt.value("white"), alt.value("#1a1a1a")),
    )
    return (
        alt.layer(cells, text, data=frame)
        .properties(width=alt.Step(44), height=alt.Step(20))
        .facet(column=alt.Column("of:N", title=None, sort=list(of_labels.values())))
    )
