"""Projects page: the filtered key projects, platforms and institutions with their lead units."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import ui
from dashboard.tables import build_table
from dashboard.ui.context import current_view
from dashboard.ui.render import table_with_download

view = current_view()
st.subheader(ui("page_projects", view.lang))
table_with_download(
    build_table("projects", view.shown.projects, view.catalog.themes, view.lang),
    "projects",
    view.lang,
    view.catalog,
)

st.subheader(ui("places_title", view.lang))
st.caption(ui("places_note", view.lang))
table_with_download(
    build_table("places", view.shown.places, view.catalog.themes, view.lang), "places", view.lang
)
