"""Targets page: the filtered indicator targets, normalized, with a baseline-vs-target chart."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import label, ui
from dashboard.indicators import comparable_values, family_labels
from dashboard.tables import build_table
from dashboard.targets_chart import chart_frame, targets_chart
from dashboard.ui.context import current_view
from dashboard.ui.loaders import cached_vocabulary
from dashboard.ui.render import render_empty, table_with_download
from dashboard.ui.state import set_param, widget_key
from dashboard.ui.widgets import param_widget
from dashboard.view_state import PARAMS_BY_KEY

view = current_view()
catalog, lang, indicators = view.catalog, view.lang, view.shown.indicators
st.subheader(ui("page_targets", lang))
st.caption(ui("overlay_note", lang))
if view.state.kinds:
    st.caption(ui("kind_not_targets", lang))
if indicators.empty:
    render_empty(lang)
table_with_download(build_table("indicators", indicators, catalog.themes, lang), "indicators", lang, catalog)

families = family_labels(indicators, view.state.themes, lang)
if families:
    st.subheader(ui("chart", lang))
    st.caption(ui("star_note", lang) + " " + ui("chart_floor_note", lang))
    if st.session_state.get(widget_key("chart_family")) not in families:
        set_param("chart_family", next(iter(families)))
    param_widget(
        PARAMS_BY_KEY["chart"],
        catalog,
        cached_vocabulary(catalog, view.data_key),
        lang,
        options=list(families),
        persist_state="session",
        format_func=families.get,
    )
    family = st.session_state[widget_key("chart_family")]
    unit = comparable_values(indicators[indicators["family"] == family])["normalized_unit"].iloc[0]
    st.altair_chart(targets_chart(chart_frame(indicators, family, lang), label("unit", unit, lang), lang))
