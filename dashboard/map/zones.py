"""The zones as a feature group: filled by primary theme, dashed where the footprint is approximate,
with an escaped tooltip; and the outline of the selected zone.

folium's GeoJSON tooltip puts property values into `innerHTML`, so each feature carries a ready,
escaped `tip` and nothing else textual.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import folium
import geopandas as gpd

from dashboard.i18n import Lang, field, label

APPROXIMATE_DASH = "6 4"
SELECTED_COLOUR = "#111111"
OUTLINED_COLOUR = "#d4007a"  # a designation's claiming zones: solid (dashes mean approximate here)


def tooltip_html(name: str, kind: str, themes: Iterable[str], precision_note: str | None) -> str:
    """The tooltip body: every piece of text escaped, markup only from here."""
    parts = [f"<b>{html.escape(name)}</b>", html.escape(kind), html.escape(" · ".join(themes))]
    if precision_note:
        parts.append(f"<i>{html.escape(precision_note)}</i>")
    return "<br>".join(parts)


def zone_features(
    zones: gpd.GeoDataFrame,
    theme_names: dict[str, str],
    theme_colours: dict[str, str],
    lang: Lang,
    fill_opacity: float = 0.35,
) -> dict:
    """A GeoJSON FeatureCollection of the zones to draw, larger ones first so small ones stay on top.

    `zones` carries catalog columns (id, name_zh, name_en, kind, themes) plus `precision` and the
    display geometry.
    """
    order = zones.to_crs(6933).area.sort_values(ascending=False).index if len(zones) else []
    name = field("name", lang)
    features = []
    for _, z in zones.loc[order].iterrows():
        approximate = z["precision"] == "approximate"
        features.append(
            {
                "type": "Feature",
                "id": z["id"],
                "properties": {
                    "zone_id": z["id"],
                    "fill": theme_colours[z["themes"][0]],
                    "dash": APPROXIMATE_DASH if approximate else None,
                    "opacity": fill_opacity,
                    "tip": tooltip_html(
                        z[name],
                        label("zone_kind", z["kind"], lang),
                        [theme_names[t] for t in z["themes"]],
                        label("precision", "approximate", lang) if approximate else None,
                    ),
                },
                "geometry": z.geometry.__geo_interface__,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _zone_style(feature: dict) -> dict:
    props = feature["properties"]
    return {
        "fillColor": props["fill"],
        "color": props["fill"],
        "weight": 1.5,
        "fillOpacity": props["opacity"],
        "dashArray": props["dash"],
    }


def _zone_highlight(_feature: dict) -> dict:
    return {"weight": 3, "fillOpacity": 0.55}


def geojson_group(
    collection: dict, name: str, style, highlight=None, tooltip: bool = True
) -> folium.FeatureGroup:
    """A feature group holding one GeoJSON layer, with the escaped `tip` property as its tooltip."""
    group = folium.FeatureGroup(name=name)
    if collection["features"]:
        folium.GeoJson(
            collection,
            style_function=style,
            highlight_function=highlight,
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True) if tooltip else None,
            interactive=tooltip,
        ).add_to(group)
    return group


def zone_layer(collection: dict, name: str) -> folium.FeatureGroup:
    """The zones as one feature group for st_folium's `feature_group_to_add`."""
    return geojson_group(collection, name, _zone_style, _zone_highlight)


def _selected_style(_feature: dict) -> dict:
    return {"color": SELECTED_COLOUR, "weight": 4, "fill": False, "opacity": 0.9}


def selected_layer(collection: dict, zone_id: str, name: str) -> folium.FeatureGroup:
    """A thick outline around the selected zone, drawn on top and not clickable."""
    chosen = [f for f in collection["features"] if f["id"] == zone_id]
    outline = {"type": "FeatureCollection", "features": [{**f, "properties": {}} for f in chosen]}
    return geojson_group(outline, name, _selected_style, tooltip=False)


def _outlined_style(_feature: dict) -> dict:
    return {"color": OUTLINED_COLOUR, "weight": 3.5, "fill": False, "opacity": 0.95}


def outlined_layer(collection: dict, zone_ids, name: str) -> folium.FeatureGroup:
    """Outlines around several zones (e.g. those claiming one designation), on top, not clickable."""
    wanted = set(zone_ids)
    chosen = [f for f in collection["features"] if f["id"] in wanted]
    outline = {"type": "FeatureCollection", "features": [{**f, "properties": {}} for f in chosen]}
    return geojson_group(outline, name, _outlined_style, tooltip=False)
