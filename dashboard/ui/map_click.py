"""The zone selected by a click on the map, turned into the view's `zone` before anything is drawn,
so the outline, the detail panel and the link all show the same selection in the same run."""

from __future__ import annotations

import streamlit as st

from dashboard.ui.state import set_param, widget_key

MAP_KEY = "zone_map"
_LAST = "map_last_click"
_JUST_SELECTED = "map_just_selected"


def clicked_zone(value) -> str | None:
    """The zone id of st_folium's last clicked feature, if any."""
    drawing = (value or {}).get("last_active_drawing") or {}
    return (drawing.get("properties") or {}).get("zone_id")


RETURNED_OBJECTS = ["last_active_drawing", "last_object_clicked"]


def _click_of(value) -> tuple:
    """What identifies one click: the feature and the point clicked (a second click on the same
    zone, after clearing, is a new click)."""
    point = (value or {}).get("last_object_clicked") or {}
    return clicked_zone(value), point.get("lat"), point.get("lng")


def _take(click: tuple) -> bool:
    """Select the click's zone if it is a new click (remembered either way); whether it was."""
    new = bool(click[0]) and click != st.session_state.get(_LAST)
    if new:
        set_param("zone", click[0])
        st.session_state[_JUST_SELECTED] = True
    st.session_state[_LAST] = click
    return new


def apply_map_click() -> None:
    """A new click on a zone selects it; the same click seen again on a later run changes nothing."""
    _take(_click_of(st.session_state.get(MAP_KEY)))


def pop_just_selected() -> bool:
    """Whether this run follows a click that selected a zone (the detail is brought into view)."""
    return st.session_state.pop(_JUST_SELECTED, False)


def clear_selection() -> None:
    """Callback of the clear control: no zone selected."""
    st.session_state[widget_key("zone")] = ""


def caught_late(value) -> bool:
    """A click the map returned that the top of this run did not see (a session's first run after a
    reconnect knows the map's value only once the map is drawn): select it; the caller reruns."""
    return _take(_click_of(value))
