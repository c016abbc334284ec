"""GBA Finance Zones: entry point. Loads the catalog, draws the shared filters, builds the view once
and runs the page with it."""

from __future__ import annotations

import streamlit as st

from dashboard.catalog import CatalogError
from dashboard.data_files import data_key
from dashboard.i18n import counts_line, ui
from dashboard.ui.context import set_view
from dashboard.ui.loaders import FAVICON, cached_catalog, cached_layers, cached_localized, cached_vocabulary
from dashboard.ui.map_click import apply_map_click
from dashboard.ui.pages import forwards, navigation
from dashboard.ui.reconnect import rerun_on_reconnect
from dashboard.ui.render import render_notices, render_problems
from dashboard.ui.state import current_state, pop_notices, seed_from_link, write_link
from dashboard.ui.widgets import sidebar
from dashboard.view import build_view

try:
    key = data_key()
    catalog = cached_catalog(key)
    layers = cached_layers(catalog, key)
except CatalogError as exc:
    render_problems(exc.problems)

vocab = cached_vocabulary(catalog, key)
seed_from_link(vocab)
apply_map_click()
sidebar(catalog, vocab)
state = current_state()
write_link(state)
st.set_page_config(page_title=ui("app_title", state.lang), page_icon=str(FAVICON), layout="wide")
view = build_view(cached_localized(catalog, state.lang, key), state, layers, key)
set_view(view)

pages = navigation(view.lang)
if not forwards(pages):  # notices stay for the page the link forwards to
    render_notices(pop_notices(), view.lang)
st.title(ui("app_title", view.lang))
st.caption(ui("intro", view.lang))
st.caption(
    counts_line(len(view.shown.zones), len(view.shown.projects), len(view.shown.indicators), view.lang)
)
rerun_on_reconnect()
pages.run()
