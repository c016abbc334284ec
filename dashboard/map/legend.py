"""The legends beside the map, as HTML that Streamlit renders (the map itself needs no extra scripts).

All data text is escaped here; markup only comes from this module.
"""

from __future__ import annotations

import html

import pandas as pd

from dashboard.i18n import Lang, city_label, field, join_names, ui
from dashboard.map.overlay import SEQUENTIAL, Overlay
from dashboard.tables.format import format_number, format_percent

_STYLE = (
    "<style>.legend{display:flex;flex-wrap:wrap;gap:2px 12px;font-size:0.78rem;line-height:1.35;"
    "margin:0 0 4px}"
    ".legend-title{font-weight:600;width:100%}"
    ".legend-item{display:inline-flex;align-items:center;gap:5px}"
    ".legend-swatch{display:inline-block;width:16px;height:12px;border:1.5px solid #555;opacity:.8}"
    ".legend-solid{background:transparent}.legend-dashed{background:transparent;border-style:dashed}"
    ".legend-scale{display:inline-block;width:160px;height:12px;border:1px solid #555}"
    "</style>"
)


def _item(swatch_style: str, text: str, extra_class: str = "") -> str:
    return (
        f'<span class="legend-item"><span class="legend-swatch {extra_class}" style="{swatch_style}">'
        f"</span>{html.escape(text)}</span>"
    )


def zone_legend_html(themes: pd.DataFrame, primary_themes, selected: tuple[str, ...], lang: Lang) -> str:
    """The primary themes on the map (selected themes first) and what solid and dashed outlines mean."""
    shown = set(primary_themes) | set(selected)
    order = [t for t in selected if t in shown] + [
        t for t in themes["id"] if t in shown and t not in selected
    ]
    by_id = themes.set_index("id")
    name = field("name", lang)
    rows = [f'<span class="legend-title">{html.escape(ui("legend_colour", lang))}</span>']
    rows += [_item(f"background:{by_id.loc[t, 'colour']}", by_id.loc[t, name]) for t in order]
    rows.append(_item("", ui("legend_admin", lang), "legend-solid"))
    rows.append(_item("", ui("legend_approximate", lang), "legend-dashed"))
    return _STYLE + '<div class="legend zone-legend">' + "".join(rows) + "</div>"


def overlay_legend_html(
    overlay: Overlay, family_name: str, metric: str, metric_label: str, lang: Lang
) -> str:
    """The overlay's colour scale from its lowest to its highest value, its unit, and the places
    of the family that have no value and so stay unshaded."""
    show = format_percent if metric == "growth" else format_number
    gradient = "linear-gradient(to right," + ",".join(SEQUENTIAL) + ")"
    title = ui("legend_overlay", lang, family=family_name, metric=metric_label, unit=overlay.unit)
    parts = [
        f'<span class="legend-title">{html.escape(title)}</span>',
        f'<span class="legend-item">{html.escape(show(overlay.vmin))}'
        f'<span class="legend-scale" style="background:{gradient}"></span>'
        f"{html.escape(show(overlay.vmax))}</span>",
    ]
    if overlay.unshaded:
        cities = join_names([city_label(c, lang) for c in overlay.unshaded], lang)
        parts.append(
            f'<span class="legend-item">{html.escape(ui("legend_unshaded", lang, cities=cities))}</span>'
        )
    return _STYLE + '<div class="legend overlay-legend">' + "".join(parts) + "</div>"
