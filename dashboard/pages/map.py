"""Map page: zones by primary theme, optional indicator overlay, detail panel, zone table."""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard.assets import leaflet_installed
from dashboard.controls import map_controls, page_context
from dashboard.downloads import filtered_table
from dashboard.filters import filter_zones
from dashboard.geodata import display_zones, in_datum, layers_key
from dashboard.i18n import ui
from dashboard.loaders import cached_geojson, cached_layers, fresh_base_map
from dashboard.map_view import basemap_by_id, fit_view, legend_html, map_layers
from dashboard.overlay import family_labels, overlay_values
from dashboard.views import csv_download, render_problems, render_zone_detail

catalog, view = page_context()
lang = view.filters.lang
labels = family_labels(catalog.indicators, view.filters.themes, lang)
map_controls(lang, list(labels), labels)

layers = cached_layers(catalog, layers_key(catalog))
if isinstance(layers, list):
    render_problems(layers)
zones = filter_zones(catalog.zones, view.filters)
datum = basemap_by_id(view.basemap).datum
shown = display_zones(layers, zones, datum)
overlay = overlay_values(catalog.indicators, view.family, view.metric, lang) if view.family else None
groups = map_layers(catalog.themes, shown, overlay, in_datum(layers.cities, datum), lang)
center, zoom = fit_view(tuple(shown.total_bounds) if len(shown) else None)

map_column, detail_column = st.columns([3, 2], gap="medium")
with map_column:
    if not leaflet_installed():
        st.warning(ui("assets_missing", lang))
    result = st_folium(
        fresh_base_map(view.basemap, layers, layers_key(catalog)),
        key="zone_map",
        feature_group_to_add=groups,
        center=center,
        zoom=zoom,
        height=600,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        layer_control=folium.LayerControl(collapsed=True),
    )
    st.markdown(legend_html(catalog.themes, [t[0] for t in shown["themes"]], lang), unsafe_allow_html=True)

clicked = (result or {}).get("last_active_drawing") or {}
selected = (clicked.get("properties") or {}).get("zone_id")
with detail_column:
    render_zone_detail(catalog, layers, selected, lang)

st.subheader(ui("zones_table", lang))
table = filtered_table(catalog, "zones", view.filters)
st.dataframe(table, hide_index=True, width="stretch")
c1, c2 = st.columns(2)
with c1:
    csv_download(table, "zones", lang)
c2.download_button(
    ui("download_geojson", lang),
    cached_geojson(catalog, layers, view.filters, layers_key(catalog)),
    file_name="zones.geojson",
    mime="application/geo+json",
    key="dl_zones_geojson",
)
