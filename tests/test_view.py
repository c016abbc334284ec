"""One view per run: every table narrowed once by the same state."""

from __future__ import annotations

from dashboard.filters import filtered
from dashboard.view import build_view
from dashboard.view_state import ViewState


def test_the_view_holds_the_filtered_tables_and_the_language(sample_catalog):
    state = ViewState(themes=("fintech",), lang="zh")
    layers = object()  # the view only carries the layers along
    view = build_view(sample_catalog, state, layers, 7)
    assert (view.catalog, view.state, view.layers, view.data_key, view.lang) == (
        sample_catalog,
        state,
        layers,
        7,
        "zh",
    )
    expected = filtered(sample_catalog, state)
    assert [list(t["id"]) for t in view.shown] == [list(t["id"]) for t in expected]
    assert list(view.shown.zones["id"]) == ["zone_b"]
