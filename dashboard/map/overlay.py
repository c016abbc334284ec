"""The indicator overlay: cities shaded by a family's target or implied growth, with a colour scale."""

from __future__ import annotations

import html
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd
from branca.colormap import LinearColormap

from dashboard.i18n import Lang, city_label, field, label, ui
from dashboard.indicators import comparable_values
from dashboard.map.zones import geojson_group
from dashboard.tables.format import format_number, format_percent, format_qualified

SEQUENTIAL = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")


@dataclass(frozen=True)
class Overlay:
    """One row per shaded place (value, colour, escaped tooltip), the scale's ends and its unit,
    and the places of the family that have no value for the metric."""

    values: pd.DataFrame
    vmin: float
    vmax: float
    unit: str
    unshaded: tuple[str, ...]


def overlay_values(indicators: pd.DataFrame, family: str, metric: str, lang: Lang) -> Overlay:
    """The family's places to shade by "target" (normalized) or "growth" (implied CAGR)."""
    rows = comparable_values(indicators[indicators["family"] == family]).drop_duplicates("scope")
    column = "normalized_target" if metric == "target" else "cagr"
    shaded = rows[rows[column].notna()]
    unshaded = tuple(rows.loc[rows[column].isna(), "scope"])
    unit = label("unit", rows["normalized_unit"].iloc[0], lang) if metric == "target" and len(rows) else "%"
    if shaded.empty:
        return Overlay(pd.DataFrame(columns=["value", "colour", "tip"]), 0.0, 0.0, unit, unshaded)
    values = shaded[column].astype(float)
    vmin, vmax = float(values.min()), float(values.max())
    scale = LinearColormap(SEQUENTIAL, vmin=vmin, vmax=max(vmax, vmin + 1e-9))
    frame = pd.DataFrame(
        {
            "value": values.to_numpy(),
            "colour": [scale(v) for v in values],
            "tip": [_tip(r, lang) for r in shaded.itertuples()],
        },
        index=shaded["scope"].to_numpy(),
    )
    return Overlay(frame, vmin, vmax, unit, unshaded)


def _tip(row, lang: Lang) -> str:
    unit = label("unit", row.unit, lang)
    baseline = format_qualified(getattr(row, "baseline_qualifier", "exact"), row.baseline_value)
    target = format_qualified(row.qualifier, row.target_value, row.target_value_high)
    name = getattr(row, field("name", lang))
    baseline_text = f"{baseline} {unit}" if baseline else "—"
    baseline_year, target_year = format_number(row.baseline_year), format_number(row.target_year)
    lines = [
        f"<b>{html.escape(city_label(row.scope, lang))}</b>: {html.escape(name)}",
        f"{' '.join(filter(None, (ui('baseline', lang), html.escape(baseline_year))))}: "
        + html.escape(baseline_text),
        f"{ui('target', lang)} {html.escape(target_year)}: {html.escape(f'{target} {unit}')}",
    ]
    if not pd.isna(row.cagr):
        lines.append(f"{ui('implied_growth', lang)}: {format_percent(row.cagr)}")
    return "<br>".join(lines)


def overlay_features(cities: gpd.GeoDataFrame, values: pd.DataFrame) -> dict:
    """City polygons shaded for the overlay; `values` is indexed by city with `colour` and `tip`."""
    features = []
    for _, city in cities.iterrows():
        if city["city"] not in values.index:
            continue
        row = values.loc[city["city"]]
        features.append(
            {
                "type": "Feature",
                "properties": {"fill": row["colour"], "tip": row["tip"]},
                "geometry": city.geometry.__geo_interface__,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _overlay_style(feature: dict) -> dict:
    return {"fillColor": feature["properties"]["fill"], "color": "#444444", "weight": 1, "fillOpacity": 0.55}


def overlay_layer(collection: dict, name: str) -> folium.FeatureGroup:
    """The indicator overlay as a feature group, drawn beneath the zones."""
    return geojson_group(collection, name, _overlay_style)
