"""Compare page: where the plans agree, overlap and compete — the theme × city matrix, shared
designations, zone vs zone, targets side by side and each plan's emphasis."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import ui
from dashboard.ui.compare import render_emphasis, render_matrix, render_shared, render_targets, render_zones
from dashboard.ui.context import current_view
from dashboard.ui.loaders import cached_vocabulary
from dashboard.ui.state import current_state, write_link

view = current_view()
lang = view.lang
vocab = cached_vocabulary(view.catalog, view.data_key)

st.subheader(ui("page_compare", lang))
with st.expander(ui("compare_how_title", lang)):
    st.markdown(ui("compare_how", lang))

render_matrix(view, vocab)
st.divider()
render_shared(view, vocab)
st.divider()
render_zones(view, vocab)
st.divider()
render_targets(view)
st.divider()
render_emphasis(view)
write_link(current_state())  # the designation picker may have moved to the first shared one
