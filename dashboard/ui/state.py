"""The view state of a session: the link is the source, the widgets mirror it, and every run writes
the view back to the URL, so a copied link always reopens the current view on any page.

A link is read on a session's first run and whenever the URL changes from outside (a citation
link, the browser's back button, an edited address). Streamlit clears the query string when the
menu switches pages: an empty query keeps the current view. Between those, the widgets'
session-state values (one key per declared parameter, `flt_<name>`) hold the view.
"""

from __future__ import annotations

import streamlit as st

from dashboard.filters import FILTERS
from dashboard.url_state import Notice, Vocabulary, parse_query, to_query
from dashboard.view_state import PARAMS, ViewState

PREFIX = "flt_"
_SEEDED = PREFIX + "seeded"
_NOTICES = PREFIX + "notices"
_WRITTEN = PREFIX + "written"


def widget_key(name: str) -> str:
    """The session-state key of a parameter's widget."""
    return PREFIX + name


def seed_from_link(vocab: Vocabulary) -> None:
    """Put the link's view into the widgets' state on a session's first run and whenever the URL
    holds another view than the one this session last wrote."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    if st.session_state.get(_SEEDED) and (not params or params == st.session_state.get(_WRITTEN)):
        return
    state, notices = parse_query(params, vocab)
    for param in PARAMS:
        value = getattr(state, param.name)
        st.session_state[widget_key(param.name)] = list(value) if param.multi else value
    st.session_state[_NOTICES] = notices
    st.session_state[_SEEDED] = True


def current_state() -> ViewState:
    """The view as the widgets hold it now."""
    values = {}
    for param in PARAMS:
        value = st.session_state.get(widget_key(param.name), param.default)
        values[param.name] = tuple(value) if param.multi else value
    return ViewState(**values)


def set_param(name: str, value) -> None:
    """Change one parameter (e.g. the zone selected by a click) before the widgets are drawn."""
    st.session_state[widget_key(name)] = value


def write_link(state: ViewState) -> None:
    """Make the URL the link of this view."""
    query = to_query(state)
    st.query_params.from_dict(query)
    st.session_state[_WRITTEN] = query


def clear_filters() -> None:
    """Callback of the empty state's button: every filter back to its default."""
    for param in FILTERS:
        st.session_state[widget_key(param.name)] = list(param.default) if param.multi else param.default


def pop_notices() -> list[Notice]:
    """What the link held that could not be used, shown once."""
    return st.session_state.pop(_NOTICES, [])
