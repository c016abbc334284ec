"""Projects page: the filtered key projects, platforms and institutions with their lead units."""

from __future__ import annotations

import streamlit as st

from dashboard.controls import page_context
from dashboard.downloads import download_bytes, filtered_table
from dashboard.i18n import ui

catalog, view = page_context()
lang = view.filters.lang
st.subheader(ui("page_projects", lang))
st.dataframe(filtered_table(catalog, "projects", view.filters), hide_index=True, width="stretch")
st.download_button(
    ui("download_csv", lang),
    download_bytes(catalog, "projects", view.filters),
    file_name="projects.csv",
    mime="text/csv",
    key="dl_projects_csv",
)
