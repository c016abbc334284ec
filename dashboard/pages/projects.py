"""Projects page: the filtered key projects, platforms and institutions with their lead units."""

from __future__ import annotations

import streamlit as st

from dashboard.controls import page_context
from dashboard.downloads import filtered_table
from dashboard.i18n import ui
from dashboard.views import csv_download

catalog, view = page_context()
lang = view.filters.lang
st.subheader(ui("page_projects", lang))
table = filtered_table(catalog, "projects", view.filters)
st.dataframe(table, hide_index=True, width="stretch")
csv_download(table, "projects", lang)
