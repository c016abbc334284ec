"""The `stated_in` filter, added as one declaration: it narrows the targets, reaches the URL and the
CLI (for the indicators table only) and the sidebar, all from that declaration."""

from __future__ import annotations

from dashboard.export import build_parser, main
from dashboard.filters import apply_filters, filters_for
from dashboard.url_state import parse_query, to_query, vocabulary
from dashboard.view_state import ViewState


def test_it_narrows_the_targets_to_those_stated_in_the_text(real_catalog):
    shown = apply_filters(real_catalog.indicators, "indicators", ViewState(stated_in=("text",)))
    assert len(shown) > 0
    assert set(shown["stated_in"]) == {"text"}
    assert len(shown) == (real_catalog.indicators["stated_in"] == "text").sum()


def test_it_applies_to_the_indicators_only():
    assert [
        t
        for t in ("zones", "projects", "indicators", "places")
        if "stated_in" in {p.name for p in filters_for(t)}
    ] == ["indicators"]


def test_its_link_round_trips_and_an_unknown_value_is_a_notice(real_catalog):
    state = ViewState(stated_in=("table",))
    assert to_query(state) == {"stated": ["table"]}
    parsed, notices = parse_query({"stated": ["table", "nope"]}, vocabulary(real_catalog))
    assert parsed.stated_in == ("table",)
    assert [(n.kind, n.key, n.value) for n in notices] == [("value", "stated", "nope")]


def test_the_cli_offers_it_for_indicators_and_refuses_it_elsewhere(capsys):
    assert main(["zones", "--stated", "text"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err
    assert main(["indicators", "--stated", "tabel"]) == 2
    assert "Valid stated_in: table, text" in capsys.readouterr().err
    assert "--stated" in build_parser()._subparsers._group_actions[0].choices["indicators"].format_help()
