"""A reconnect redraws the view: after a server restart or a lost replica, the browser's page would
otherwise keep showing what the old server drew while the new one holds an empty session.

A fragment with `run_every` makes Streamlit's page rerun the script whenever its connection comes
back; the rerun rebuilds the view from the URL (which always holds the latest state). Its own
timer is long and its body empty, so it costs nothing in between.
"""

from __future__ import annotations

import streamlit as st


@st.fragment(run_every="1h")
def rerun_on_reconnect() -> None:
    """Draws nothing; see the module docstring."""
