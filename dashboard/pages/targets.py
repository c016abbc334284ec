"""Targets page: the filtered indicator targets, normalized, with a baseline-vs-target chart."""

from __future__ import annotations

import streamlit as st

from dashboard.controls import page_context
from dashboard.downloads import filtered_table
from dashboard.filters import filter_indicators
from dashboard.i18n import ui
from dashboard.overlay import family_labels
from dashboard.target_views import comparison_chart_data, targets_view_table
from dashboard.views import csv_download

catalog, view = page_context()
lang = view.filters.lang
indicators = filter_indicators(catalog.indicators, view.filters)

st.subheader(ui("page_targets", lang))
st.caption(ui("overlay_note", lang))
st.dataframe(targets_view_table(indicators, catalog.themes, lang), hide_index=True, width="stretch")
csv_download(filtered_table(catalog, "indicators", view.filters), "indicators", lang)

labels = family_labels(catalog.indicators, view.filters.themes, lang)
if labels:
    st.subheader(ui("chart", lang))
    st.caption(ui("star_note", lang))
    family = st.selectbox(ui("family", lang), list(labels), format_func=labels.get, key="targets_family")
    chart = comparison_chart_data(catalog.indicators, family, lang)
    st.bar_chart(chart, stack=False, horizontal=False)
