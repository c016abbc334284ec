"""Targets page: the filtered indicator targets, normalized, with a baseline-vs-target chart."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import ui
from dashboard.indicators import family_labels
from dashboard.tables import build_table
from dashboard.targets_chart import chart_frame
from dashboard.ui.context import current_view
from dashboard.ui.render import table_with_download

view = current_view()
catalog, lang = view.catalog, view.lang
st.subheader(ui("page_targets", lang))
st.caption(ui("overlay_note", lang))
table_with_download(
    build_table("indicators", view.shown.indicators, catalog.themes, lang), "indicators", lang
)

labels = family_labels(view.shown.indicators, view.state.themes, lang)
if labels:
    st.subheader(ui("chart", lang))
    st.caption(ui("star_note", lang))
    family = st.selectbox(ui("family", lang), list(labels), format_func=labels.get, key="targets_family")
    st.bar_chart(chart_frame(view.shown.indicators, family, lang), stack=False, horizontal=False)
