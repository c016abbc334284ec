"""GBA Finance Zones: entry point. Loads the catalog, draws the shared filters, runs the page."""

from __future__ import annotations

import streamlit as st

from dashboard.controls import pop_notices, sidebar
from dashboard.filters import filtered
from dashboard.i18n import ui
from dashboard.loaders import cached_catalog
from dashboard.text_safety import md_escape
from dashboard.views import render_problems

st.set_page_config(page_title="GBA Finance Zones", page_icon=":material/map:", layout="wide")

catalog = cached_catalog()
if isinstance(catalog, list):
    render_problems(catalog)

view = sidebar(catalog)
lang = view.filters.lang
for notice in pop_notices():
    st.info(md_escape(notice))

pages = [
    st.Page(
        "dashboard/pages/map.py",
        title=ui("page_map", lang),
        icon=":material/map:",
        url_path="map",
        default=True,
    ),
    st.Page(
        "dashboard/pages/targets.py",
        title=ui("page_targets", lang),
        icon=":material/trending_up:",
        url_path="targets",
    ),
    st.Page(
        "dashboard/pages/projects.py",
        title=ui("page_projects", lang),
        icon=":material/list:",
        url_path="projects",
    ),
    st.Page(
        "dashboard/pages/sources.py",
        title=ui("page_sources", lang),
        icon=":material/description:",
        url_path="sources",
    ),
]
shown = filtered(catalog, view.filters)
st.title(ui("app_title", lang))
st.caption(
    ui("counts", lang, zones=len(shown.zones), projects=len(shown.projects), targets=len(shown.indicators))
)
st.navigation(pages, position="top").run()
