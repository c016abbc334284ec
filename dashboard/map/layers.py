"""The map's dynamic layers for one view: the indicator overlay, the zones, the selected outline."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from dashboard.i18n import Lang, names_by_id, ui
from dashboard.map.overlay import Overlay, overlay_features, overlay_layer
from dashboard.map.zones import outlined_layer, selected_layer, zone_features, zone_layer


def map_layers(
    themes: pd.DataFrame,
    zones: gpd.GeoDataFrame,
    overlay: Overlay | None,
    cities: gpd.GeoDataFrame,
    lang: Lang,
    selected: str = "",
    outlined: tuple[str, ...] = (),
) -> list[folium.FeatureGroup]:
    """The feature groups st_folium swaps in: the overlay (if any) beneath the zones, and the
    selected zone's outline on top (and the `outlined` zones', e.g. a designation's claimants).

    `zones` and `cities` must already be in the basemap's datum; `overlay` comes from
    `dashboard.map.overlay.overlay_values`.
    """
    names = names_by_id(themes, lang)
    colours = dict(zip(themes["id"], themes["colour"], strict=True))
    groups = []
    shaded = overlay is not None and not overlay.values.empty
    if shaded:
        groups.append(overlay_layer(overlay_features(cities, overlay.values), ui("overlay", lang)))
    # over a shaded overlay the zones become outlines with a light tint, so the shading shows
    collection = zone_features(zones, names, colours, lang, 0.08 if shaded else 0.35)
    groups.append(zone_layer(collection, ui("zones", lang)))
    if outlined:
        groups.append(outlined_layer(collection, outlined, ui("outlined_zones", lang)))
    if selected:
        groups.append(selected_layer(collection, selected, ui("selected_zone", lang)))
    return groups
