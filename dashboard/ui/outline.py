"""The Map page's note on the zones it outlines for a designation (opened from the Compare page)."""

from __future__ import annotations

import streamlit as st

from dashboard.catalog import Catalog
from dashboard.compare.designations import claiming_zones
from dashboard.i18n import field, join_names, names_by_id, ui
from dashboard.text_safety import md_escape
from dashboard.ui.state import widget_key
from dashboard.view_state import ViewState


def _clear_designation() -> None:
    st.session_state[widget_key("designation")] = ""


def render_outline_note(catalog: Catalog, state: ViewState) -> None:
    """Which designation's claiming zones are outlined, and a way to clear the outline."""
    if not state.designation:
        return
    lang = state.lang
    match = catalog.designations[catalog.designations["id"] == state.designation]
    zones = names_by_id(catalog.zones, lang)
    outlined = [zones[z] for z in claiming_zones(catalog, state.designation)]
    name = match.iloc[0][field("name", lang)]
    st.info(md_escape(ui("outlined_designation", lang, name=name, zones=join_names(outlined, lang))))
    st.button(ui("clear_designation", lang), on_click=_clear_designation, key="clear_designation")
