"""The view state of a session: seeded from the link once, then held by the widgets, and written
back to the URL on every run, so a copied link always reopens the current view on any page.

Streamlit clears query parameters when the page changes, so the link is read only on a session's
first run; after that, the widgets' session-state values are the state (one key per declared
parameter, `flt_<name>`), and the URL mirrors them.
"""

from __future__ import annotations

import streamlit as st

from dashboard.url_state import Notice, Vocabulary, parse_query, to_query
from dashboard.view_state import PARAMS, ViewState

PREFIX = "flt_"
_SEEDED = PREFIX + "seeded"
_NOTICES = PREFIX + "notices"


def widget_key(name: str) -> str:
    """The session-state key of a parameter's widget."""
    return PREFIX + name


def seed_from_link(vocab: Vocabulary) -> None:
    """On a session's first run, put the link's view into the widgets' state."""
    if st.session_state.get(_SEEDED):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
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
    st.query_params.from_dict(to_query(state))


def pop_notices() -> list[Notice]:
    """What the link held that could not be used, shown once."""
    return st.session_state.pop(_NOTICES, [])
