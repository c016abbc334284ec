"""Sources page: any citation shown highlighted inside its plan (its address is in the URL), and
the five plans with their metadata."""

from __future__ import annotations

import streamlit as st
import streamlit.components.v1 as components

from dashboard.citations import context, highlighted_html
from dashboard.i18n import names_by_id, ui
from dashboard.passages import record_option_labels
from dashboard.publish.resources_common import CITED_TABLES
from dashboard.tables import build_table
from dashboard.text_safety import md_escape
from dashboard.ui.context import current_view
from dashboard.ui.loaders import cached_vocabulary
from dashboard.ui.publish import render_cite, zip_download
from dashboard.ui.render import table_with_download
from dashboard.ui.state import current_state, set_param, widget_key, write_link
from dashboard.ui.widgets import param_widget
from dashboard.view_state import PARAMS_BY_KEY

_SCROLL = (
    "<script>window.parent.document.querySelector('.plan-passage')?.scrollIntoView({block:'center'})</script>"
)
_STYLE = (
    "<style>.plan-passage{font-size:0.95rem;line-height:1.7;padding:0.6rem 0.8rem;"
    "background:#fafafa;border-left:3px solid #c8a600}.plan-passage mark{background:#ffe066}</style>"
)

view = current_view()
catalog, lang = view.catalog, view.lang
vocab = cached_vocabulary(catalog, view.data_key)

st.subheader(ui("viewer", lang))
param_widget(PARAMS_BY_KEY["rtype"], catalog, vocab, lang)
records = getattr(catalog, st.session_state[widget_key("record_kind")])
options = record_option_labels(records)
if st.session_state.get(widget_key("record")) not in options:
    set_param("record", next(iter(options)))
param_widget(PARAMS_BY_KEY["record"], catalog, vocab, lang, options=list(options), format_func=options.get)
record = records[records["id"] == st.session_state[widget_key("record")]].iloc[0]
citations = tuple(record["citations"])
numbers = [str(i) for i in range(len(citations))]
if st.session_state.get(widget_key("cite")) not in numbers:
    set_param("cite", "0")
param_widget(
    PARAMS_BY_KEY["cite"],
    catalog,
    vocab,
    lang,
    options=numbers,
    format_func=lambda i: f"{int(i) + 1}: {citations[int(i)].locator}",
)
citation = citations[int(st.session_state[widget_key("cite")])]
passage = context(catalog.texts[citation.source], citation.quote)
titles = names_by_id(catalog.sources, lang, "title")
if passage is not None:
    st.caption(
        md_escape(
            ui(
                "quote_line",
                lang,
                source=titles[citation.source],
                line=passage.line,
                locator=citation.locator,
            )
        )
    )
    st.html(_STYLE + highlighted_html(passage))
    if view.state.record:
        components.html(_SCROLL, height=0)
if st.session_state[widget_key("record_kind")] in CITED_TABLES:  # a designation's claims: shown, not cited
    render_cite(catalog, record["id"], int(st.session_state[widget_key("cite")]), lang, key="cite_source")

st.subheader(ui("sources_table", lang))
table_with_download(build_table("sources", catalog.sources, catalog.themes, lang), "sources", lang)
st.caption(ui("licence_note", lang))
zip_download(catalog, view.layers, view.data_key, lang)
write_link(current_state())  # the picker may have moved to the kind's first record or citation
