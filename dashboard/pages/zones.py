"""Zones page: the filtered zones as a table, with their CSV and GeoJSON.

A page of its own, not under the map: Streamlit's table code is most of a first visit's bytes, and
the Map draws without it."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import ui
from dashboard.tables import build_table
from dashboard.ui.context import current_view
from dashboard.ui.publish import zones_geojson_download
from dashboard.ui.render import table_with_download

view = current_view()
st.subheader(ui("zones_table", view.lang))
table = build_table("zones", view.shown.zones, view.catalog.themes, view.lang)
table_with_download(table, "zones", view.lang, view.catalog)
zones_geojson_download(view, table)
