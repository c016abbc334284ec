"""Widgets drawn from the parameter declarations: the shared sidebar and the Map page's controls.

A multi-valued parameter becomes a multiselect, a short vocabulary a radio, a longer one a
selectbox, free text a text input; labels and option names come from `dashboard.i18n`.
"""

from __future__ import annotations

import streamlit as st

from dashboard.catalog import Catalog
from dashboard.filters import FILTERS, MAX_SEARCH
from dashboard.i18n import Lang, ui
from dashboard.param import Param
from dashboard.text_safety import md_escape
from dashboard.ui.state import widget_key
from dashboard.url_state import Vocabulary
from dashboard.view_state import PARAMS_BY_KEY

_RADIO_MAX = 3


def param_widget(
    param: Param,
    catalog: Catalog,
    vocab: Vocabulary,
    lang: Lang,
    where=st,
    *,
    options=None,
    label_key: str | None = None,
    **extra,
) -> None:
    """The widget of one declared parameter, bound to its session-state key; `options` may reorder
    the vocabulary and `label_key` name another label for the same parameter."""
    key = widget_key(param.name)
    text = ui(label_key or param.label, lang)
    if param.choices is None:
        where.text_input(text, key=key, max_chars=MAX_SEARCH, **extra)
        return
    options = list(options if options is not None else vocab[param.name])
    names = dict(param.option_labels(catalog, lang)) if param.option_labels else {}
    shown = extra.pop("format_func", None) or (lambda value: names.get(value, value))
    if param.multi:
        where.multiselect(text, options, key=key, format_func=shown, placeholder=ui("choose", lang), **extra)
    elif len(options) <= _RADIO_MAX:
        # radio options are rendered as Markdown: data text in them must stay literal
        where.radio(
            text, options, key=key, horizontal=True, format_func=lambda v: md_escape(shown(v)), **extra
        )
    else:
        where.selectbox(text, options, key=key, format_func=shown, **extra)


def sidebar(catalog: Catalog, vocab: Vocabulary) -> None:
    """The language switch and every filter, in declaration order."""
    lang = st.session_state[widget_key("lang")]
    with st.sidebar:
        param_widget(PARAMS_BY_KEY["lang"], catalog, vocab, lang)
        lang = st.session_state[widget_key("lang")]
        st.header(ui("filters", lang))
        for param in FILTERS:
            param_widget(param, catalog, vocab, lang)


def map_controls(catalog: Catalog, vocab: Vocabulary, lang: Lang, family_names: dict[str, str]) -> None:
    """Basemap, overlay and shading of the Map page; kept for the session when another page shows."""
    c1, c2 = st.columns(2)
    param_widget(PARAMS_BY_KEY["basemap"], catalog, vocab, lang, c1, persist_state="session")
    param_widget(
        PARAMS_BY_KEY["family"],
        catalog,
        vocab,
        lang,
        c2,
        options=["", *family_names],
        label_key="overlay",
        persist_state="session",
        format_func=lambda f: family_names.get(f, ui("overlay_none", lang)),
    )
    if st.session_state.get(widget_key("family")):
        param_widget(PARAMS_BY_KEY["metric"], catalog, vocab, lang, persist_state="session")
