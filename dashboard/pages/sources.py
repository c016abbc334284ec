"""Sources page: the five plans with their metadata, and any citation shown inside its plan."""

from __future__ import annotations

import streamlit as st

from dashboard.citations import context, highlighted_html
from dashboard.controls import page_context
from dashboard.i18n import ui
from dashboard.source_views import citation_choices, sources_table
from dashboard.text_safety import md_escape

catalog, view = page_context()
lang = view.filters.lang
st.subheader(ui("sources_table", lang))
st.dataframe(sources_table(catalog.sources, lang), hide_index=True, width="stretch")
st.caption(ui("licence_note", lang))

st.subheader(ui("viewer", lang))
kinds = ("zones", "projects", "indicators")
kind = st.radio(
    ui("record_type", lang),
    kinds,
    horizontal=True,
    key="viewer_kind",
    format_func=lambda k: ui(f"record_{k}", lang),
)
choices = citation_choices(getattr(catalog, kind), lang)
label = st.selectbox(ui("record", lang), list(choices), key=f"viewer_record_{kind}")
if label is not None:
    citations = choices[label]
    index = st.radio(
        ui("citation", lang),
        range(len(citations)),
        horizontal=True,
        key="viewer_citation",
        format_func=lambda i: f"{i + 1}: {citations[i].locator}",
    )
    citation = citations[index if index is not None and index < len(citations) else 0]
    passage = context(catalog.texts[citation.source], citation.quote)
    titles = dict(
        zip(catalog.sources["id"], catalog.sources["title_zh" if lang == "zh" else "title_en"], strict=True)
    )
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
        st.markdown(
            "<style>.plan-passage{font-size:0.95rem;line-height:1.7;padding:0.6rem 0.8rem;"
            "background:#fafafa;border-left:3px solid #c8a600}.plan-passage mark{background:#ffe066}"
            "</style>" + highlighted_html(passage),
            unsafe_allow_html=True,
        )
