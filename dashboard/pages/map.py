"""Map page: zones by primary theme, optional indicator overlay, detail panel, downloads of the
shown zones."""

from __future__ import annotations

import folium
import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

from dashboard.compare.designations import claiming_zones
from dashboard.geodata import display_zones, in_datum
from dashboard.i18n import label, ui
from dashboard.map.assets import leaflet_installed
from dashboard.map.basemaps import basemap_by_id
from dashboard.map.layers import map_layers
from dashboard.map.legend import overlay_legend_html, zone_legend_html
from dashboard.map.overlay import overlay_values
from dashboard.map.viewport import MAP_HEIGHT_PX, fit_view
from dashboard.tables import build_table
from dashboard.ui.context import current_view
from dashboard.ui.loaders import cached_family_labels, cached_vocabulary, fresh_base_map
from dashboard.ui.map_click import MAP_KEY, RETURNED_OBJECTS, caught_late, clear_selection, pop_just_selected
from dashboard.ui.outline import render_outline_note
from dashboard.ui.pages import page_script
from dashboard.ui.publish import map_download, zones_geojson_download
from dashboard.ui.render import csv_download, render_empty, render_zone_detail
from dashboard.ui.widgets import map_controls

DETAIL_ANCHOR = "zone-detail"
# on a narrow screen the detail column sits below the map: scroll it into view after a click
_BRING_DETAIL_INTO_VIEW = (
    "<script>const w = window.parent; if (w.innerWidth < 768) "
    f"w.document.getElementById('{DETAIL_ANCHOR}')?.scrollIntoView({{behavior: 'smooth'}});</script>"
)

view = current_view()
catalog, state, lang = view.catalog, view.state, view.lang
families = cached_family_labels(catalog, view.data_key, state.themes, lang)

if view.shown.zones.empty:
    render_empty(lang)
map_column, side_column = st.columns([3, 2], gap="medium")
with side_column:
    map_controls(catalog, cached_vocabulary(catalog, view.data_key), lang, families)

datum = basemap_by_id(state.basemap).datum
shown = display_zones(view.layers, view.shown.zones, datum)
overlay = overlay_values(catalog.indicators, state.family, state.metric, lang) if state.family else None
outlined = claiming_zones(catalog, state.designation)  # a designation's claimants, from the Compare page
groups = map_layers(
    catalog.themes, shown, overlay, in_datum(view.layers.cities, datum), lang, state.zone, outlined
)
focus = shown[shown["id"].isin(outlined)] if outlined else shown
center, zoom = fit_view(tuple(focus.total_bounds) if len(focus) else None)

with map_column:
    if not leaflet_installed():
        st.warning(ui("assets_missing", lang))
    returned = st_folium(
        fresh_base_map(state.basemap, view.layers, view.data_key),
        key=MAP_KEY,
        feature_group_to_add=groups,
        center=center,
        zoom=zoom,
        height=MAP_HEIGHT_PX,
        use_container_width=True,
        returned_objects=RETURNED_OBJECTS,
        layer_control=folium.LayerControl(collapsed=True),
    )
    if caught_late(returned):
        st.rerun()

with side_column:
    if overlay is not None and not overlay.values.empty:
        metric = label("metric", state.metric, lang)
        st.html(
            overlay_legend_html(overlay, families.get(state.family, state.family), state.metric, metric, lang)
        )
    st.html(zone_legend_html(catalog.themes, [t[0] for t in shown["themes"]], state.themes, lang))
    render_outline_note(catalog, state)
    st.html(f'<span id="{DETAIL_ANCHOR}"></span>')
    if pop_just_selected():
        components.html(_BRING_DETAIL_INTO_VIEW, height=0)
    if state.zone:
        st.button(ui("clear_selection", lang), on_click=clear_selection, key="clear_zone")
    render_zone_detail(catalog, view.layers, state)

# the shown zones as files here; as a table on their own page (see dashboard/pages/zones.py)
zones_table = build_table("zones", view.shown.zones, catalog.themes, lang)
csv_download(zones_table, "zones", lang)
zones_geojson_download(view, zones_table)
map_download(catalog, view.layers, view.data_key, state)
st.page_link(page_script("zones"), label=ui("zones_as_table", lang), icon=":material/table_rows:")
