"""The static part of the map: tiles and quiet context outlines that never change with filters or
language, so st_folium renders it once and only swaps the feature groups on top."""

from __future__ import annotations

import folium
import geopandas as gpd

from dashboard.i18n import bilingual, bilingual_label
from dashboard.map.assets import use_local_assets
from dashboard.map.basemaps import Basemap
from dashboard.map.context_files import fetched_layer
from dashboard.map.viewport import DEFAULT_ZOOM, GBA_CENTER

# solid lines only: a dashed outline means an approximate zone footprint on this map
_DISTRICT_STYLE = {"color": "#8a94a3", "weight": 0.7, "fill": False, "opacity": 0.8}
_OUTLINE_STYLE = {"color": "#5f6b7a", "weight": 1.2, "fill": False, "opacity": 0.8}


def context_geojson(context: gpd.GeoDataFrame) -> tuple[str, str]:
    """The context outlines as two GeoJSON texts (districts; cities, Hong Kong, Macao, province).

    `context` holds display boundaries in the basemap's datum with a `level` column
    (province | city | district | sar). Only geometry is kept: the outlines carry no text.
    """
    districts = context[context["level"] == "district"]
    outlines = context[context["level"].isin(["city", "sar", "province"])]
    # the datum is the basemap's; GeoJSON carries no CRS (GCJ-02 has no URN, which would only warn)
    return tuple(
        f[["geometry"]].set_crs(None, allow_override=True).to_json(drop_id=True)
        for f in (districts, outlines)
    )


def _context_layer(geojson: str, name: str, style: dict) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=name, control=True)
    folium.GeoJson(geojson, style_function=lambda _feature: style, interactive=False, control=False).add_to(
        group
    )
    return group


def _stable_ids(element, prefix: str = "gba") -> None:
    """Name every element by its position, so the same map renders to the same HTML on every run."""
    for index, child in enumerate(element._children.values()):
        child._id = f"{prefix}{index}"
        _stable_ids(child, f"{prefix}{index}x")


def base_map(basemap: Basemap, context: tuple[str, str], urls: tuple[str, str] | None = None) -> folium.Map:
    """Tiles and context outlines, with no language-dependent text.

    Built afresh on each run (folium objects are mutated by st_folium, so they cannot be shared
    between runs or sessions) but with stable element ids, so its HTML does not change and
    st_folium never re-renders it. `context` comes from `context_geojson`; with `urls` (its published
    files, `map.context_files.published_urls`) the browser loads it instead of the map carrying it.
    """
    # keyboard=False: Leaflet's keyboard handler focuses the map on mousedown, which scrolls the
    # component's frame (the map jumps, a focus box appears) and can swallow the click on a zone
    m = folium.Map(
        location=GBA_CENTER, zoom_start=DEFAULT_ZOOM, tiles=None, control_scale=True, keyboard=False
    )
    m._id = "gbamap"
    use_local_assets(m)
    if basemap.tiles:
        folium.TileLayer(
            tiles=basemap.tiles,
            attr=basemap.attribution,
            name=bilingual_label("basemap", basemap.id),
            subdomains=basemap.subdomains,
            max_zoom=18,
        ).add_to(m)
    names = (bilingual("layer_districts"), bilingual("layer_outlines"))
    styles = (_DISTRICT_STYLE, _OUTLINE_STYLE)
    if urls is not None:  # published files (see `map.context_files`): loaded by URL, not inlined
        for url, name, style in zip(urls, names, styles, strict=True):
            fetched_layer(url, name, style).add_to(m)
    else:
        for geojson, name, style in zip(context, names, styles, strict=True):
            _context_layer(geojson, name, style).add_to(m)
    _stable_ids(m)
    return m
