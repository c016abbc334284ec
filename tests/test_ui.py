"""The Streamlit package's own pieces: one widget per declared parameter under `flt_<name>`, of the
kind its declaration asks for, and the zone a map click names."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.filters import FILTERS
from dashboard.ui.map_click import clicked_zone
from dashboard.ui.state import PREFIX, widget_key
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("app_error_details")


def test_widget_keys():
    assert PREFIX == "flt_"
    assert widget_key("themes") == "flt_themes"


@pytest.mark.parametrize(
    ("value", "zone"),
    [
        (None, None),
        ({}, None),
        ({"last_active_drawing": None}, None),
        ({"last_active_drawing": {"properties": {"zone_id": "gz_nansha", "tip": "<b>x</b>"}}}, "gz_nansha"),
        ({"last_active_drawing": {"properties": {}}}, None),  # the selected outline carries no id
    ],
)
def test_the_clicked_zone(value, zone):
    assert clicked_zone(value) == zone


def test_the_sidebar_has_one_widget_per_filter_of_the_declared_kind():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    kinds = {}
    for param in FILTERS:
        key = widget_key(param.name)
        for kind in ("multiselect", "radio", "selectbox", "text_input"):
            if any(w.key == key for w in getattr(at.sidebar, kind)):
                kinds[param.name] = kind
    expected = {
        p.name: "text_input" if p.choices is None else "multiselect" if p.multi else "radio" for p in FILTERS
    }
    assert kinds == expected
    assert at.sidebar.radio(key="flt_lang").value == "en"
