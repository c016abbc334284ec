"""The folium map as pure functions: a base map that never changes with filters or language, and
feature groups (zones, indicator overlay) that st_folium swaps in without re-rendering the map.

All text reaching the map's HTML is escaped here: folium's GeoJSON tooltip puts property values
into `innerHTML`, so each feature carries a ready, escaped `tip` and nothing else textual.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd

from dashboard.assets import use_local_assets
from dashboard.i18n import PRECISION, ZONE_KIND, Lang, pick, ui

GBA_CENTER = (22.75, 113.6)
DEFAULT_ZOOM = 9
MAP_HEIGHT_PX = 600
MAP_WIDTH_PX = 520  # the map column at a common laptop width; fitting errs on showing more
APPROXIMATE_DASH = "6 4"


@dataclass(frozen=True)
class Basemap:
    """A tile layer and the datum its tiles are drawn in."""

    id: str
    label_zh: str
    label_en: str
    tiles: str | None
    attribution: str
    datum: str  # "wgs84" or "gcj02"
    subdomains: str = "abc"


BASEMAPS: tuple[Basemap, ...] = (
    Basemap(
        "light",
        "浅色底图",
        "Light (CARTO)",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
        'contributors &copy; <a href="https://carto.com/attributions">CARTO</a>',
        "wgs84",
        "abcd",
    ),
    Basemap(
        "osm",
        "OpenStreetMap",
        "OpenStreetMap",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        "wgs84",
    ),
    Basemap(
        "gaode",
        "高德地图（GCJ-02）",
        "Gaode / Amap (GCJ-02)",
        "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
        "&copy; Gaode.com",
        "gcj02",
        "1234",
    ),
    Basemap("none", "无底图", "None", None, "", "wgs84"),
)
BASEMAP_IDS = tuple(b.id for b in BASEMAPS)


def basemap_by_id(basemap_id: str) -> Basemap:
    """The basemap with this id; the default one for an unknown id."""
    return next((b for b in BASEMAPS if b.id == basemap_id), BASEMAPS[0])


def context_geojson(context: gpd.GeoDataFrame) -> tuple[str, str]:
    """The context outlines as two GeoJSON texts (districts; cities, Hong Kong, Macao, province).

    `context` holds display boundaries in the basemap's datum with a `level` column
    (province | city | district | sar). Only geometry is kept: the outlines carry no text.
    """
    districts = context[context["level"] == "district"]
    outlines = context[context["level"].isin(["city", "sar", "province"])]
    return districts[["geometry"]].to_json(drop_id=True), outlines[["geometry"]].to_json(drop_id=True)


def _context_layer(geojson: str, name: str, style: dict) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=name, control=True)
    folium.GeoJson(geojson, style_function=lambda _feature: style, interactive=False, control=False).add_to(
        group
    )
    return group


# solid lines only: a dashed outline means an approximate zone footprint on this map
_DISTRICT_STYLE = {"color": "#8a94a3", "weight": 0.7, "fill": False, "opacity": 0.8}
_OUTLINE_STYLE = {"color": "#5f6b7a", "weight": 1.2, "fill": False, "opacity": 0.8}


def _stable_ids(element, prefix: str = "gba") -> None:
    """Name every element by its position, so the same map renders to the same HTML on every run."""
    for index, child in enumerate(element._children.values()):
        child._id = f"{prefix}{index}"
        _stable_ids(child, f"{prefix}{index}x")


def base_map(basemap: Basemap, context: tuple[str, str]) -> folium.Map:
    """The static part of the map: tiles and quiet context outlines, no language-dependent text.

    Built afresh on each run (folium objects are mutated by st_folium, so they cannot be shared
    between runs or sessions) but with stable element ids, so its HTML does not change and
    st_folium never re-renders it. `context` comes from `context_geojson`.
    """
    m = folium.Map(location=GBA_CENTER, zoom_start=DEFAULT_ZOOM, tiles=None, control_scale=True)
    m._id = "gbamap"
    use_local_assets(m)
    if basemap.tiles:
        folium.TileLayer(
            tiles=basemap.tiles,
            attr=basemap.attribution,
            name=basemap.label_en,
            subdomains=basemap.subdomains,
            max_zoom=18,
        ).add_to(m)
    districts, outlines = context
    _context_layer(districts, "区界 District boundaries", _DISTRICT_STYLE).add_to(m)
    _context_layer(outlines, "市界 / 港澳 City outlines, Hong Kong, Macao", _OUTLINE_STYLE).add_to(m)
    _stable_ids(m)
    return m


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
                        z["name_zh"] if lang == "zh" else z["name_en"],
                        pick(ZONE_KIND[z["kind"]], lang),
                        [theme_names[t] for t in z["themes"]],
                        pick(PRECISION["approximate"], lang) if approximate else None,
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


def _geojson_layer(collection: dict, name: str, style, highlight=None) -> folium.FeatureGroup:
    """A feature group holding one GeoJSON layer with the escaped `tip` as its tooltip."""
    group = folium.FeatureGroup(name=name)
    if collection["features"]:
        folium.GeoJson(
            collection,
            style_function=style,
            highlight_function=highlight,
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
        ).add_to(group)
    return group


def zone_layer(collection: dict, name: str) -> folium.FeatureGroup:
    """The zones as one feature group for st_folium's `feature_group_to_add`."""
    return _geojson_layer(collection, name, _zone_style, _zone_highlight)


def fit_view(
    bounds: tuple[float, float, float, float] | None,
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
    max_zoom: int = 14,
) -> tuple[tuple[float, float], int]:
    """Centre and the largest whole zoom at which `bounds` (minx, miny, maxx, maxy) fit the map."""
    if bounds is None or any(math.isnan(v) for v in bounds):
        return GBA_CENTER, DEFAULT_ZOOM
    minx, miny, maxx, maxy = bounds

    def mercator_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    centre_lat = math.degrees(
        2 * math.atan(math.exp((mercator_y(miny) + mercator_y(maxy)) / 2)) - math.pi / 2
    )
    span_x = max(maxx - minx, 1e-6) / 360
    span_y = max(mercator_y(maxy) - mercator_y(miny), 1e-6) / (2 * math.pi)
    zoom = math.floor(min(math.log2(width_px / 256 / span_x), math.log2(height_px / 256 / span_y)))
    return (round(centre_lat, 5), round((minx + maxx) / 2, 5)), max(1, min(max_zoom, zoom))


def overlay_features(cities: gpd.GeoDataFrame, values: pd.DataFrame, colours: dict[str, str]) -> dict:
    """City polygons shaded for the indicator overlay; `values` is indexed by city with a `tip`."""
    features = []
    for _, city in cities.iterrows():
        if city["city"] not in values.index:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"fill": colours[city["city"]], "tip": values.loc[city["city"], "tip"]},
                "geometry": city.geometry.__geo_interface__,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _overlay_style(feature: dict) -> dict:
    return {"fillColor": feature["properties"]["fill"], "color": "#444444", "weight": 1, "fillOpacity": 0.55}


def overlay_layer(collection: dict, name: str) -> folium.FeatureGroup:
    """The indicator overlay as a feature group, drawn beneath the zones."""
    return _geojson_layer(collection, name, _overlay_style)


def legend_html(themes: pd.DataFrame, primary_themes: Iterable[str], lang: Lang) -> str:
    """The legend beside the map: the primary themes shown, and what solid and dashed outlines mean.

    Rendered by Streamlit rather than inside the map, so the map needs no extra scripts.
    """
    shown = set(primary_themes)
    rows = []
    for theme in themes.itertuples():
        if theme.id not in shown:
            continue
        name = theme.name_zh if lang == "zh" else theme.name_en
        rows.append(
            f'<span class="legend-item"><span class="legend-swatch" style="background:{theme.colour}">'
            f"</span>{html.escape(name)}</span>"
        )
    solid, dashed = ui("legend_admin", lang), ui("legend_approximate", lang)
    rows.append(f'<span class="legend-item"><span class="legend-swatch legend-solid"></span>{solid}</span>')
    rows.append(f'<span class="legend-item"><span class="legend-swatch legend-dashed"></span>{dashed}</span>')
    style = (
        "<style>.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:0.85rem}"
        ".legend-item{display:inline-flex;align-items:center;gap:5px}"
        ".legend-swatch{display:inline-block;width:16px;height:12px;border:1.5px solid #555;opacity:.75}"
        ".legend-solid{background:transparent}.legend-dashed{background:transparent;border-style:dashed}"
        "</style>"
    )
    return style + '<div class="legend">' + "".join(rows) + "</div>"


def map_layers(
    themes: pd.DataFrame,
    zones: gpd.GeoDataFrame,
    overlay: pd.DataFrame | None,
    cities: gpd.GeoDataFrame,
    lang: Lang,
) -> list[folium.FeatureGroup]:
    """The dynamic layers for st_folium: the indicator overlay (if any) beneath the zones.

    `zones` and `cities` must already be in the basemap's datum; `overlay` comes from
    `dashboard.overlay.overlay_values`.
    """
    names = dict(zip(themes["id"], themes["name_zh" if lang == "zh" else "name_en"], strict=True))
    colours = dict(zip(themes["id"], themes["colour"], strict=True))
    groups = []
    shaded = overlay is not None and not overlay.empty
    if shaded:
        collection = overlay_features(cities, overlay, dict(overlay["colour"]))
        groups.append(overlay_layer(collection, ui("overlay", lang)))
    # over a shaded overlay the zones become outlines with a light tint, so the shading shows
    opacity = 0.08 if shaded else 0.35
    groups.append(zone_layer(zone_features(zones, names, colours, lang, opacity), ui("zones", lang)))
    return groups
