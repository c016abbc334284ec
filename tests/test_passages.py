"""The address of a cited passage: a Sources-page link that reopens that citation, in the language."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from dashboard.passages import passage_link, record_option_labels
from dashboard.url_state import parse_query, vocabulary
from dashboard.view_state import ViewState


def test_the_link_opens_the_citation_on_the_sources_page(sample_catalog):
    link = passage_link("zones", "zone_b", 1, "zh")
    parts = urlsplit(link)
    assert parts.path == "./sources"
    view, notices = parse_query(parse_qs(parts.query), vocabulary(sample_catalog))
    assert notices == []
    assert view == ViewState(lang="zh", record_kind="zones", record="zone_b", cite="1")


def test_defaults_are_left_out_of_the_link():
    assert passage_link("zones", "zone_a", 0, "en") == "./sources?record=zone_a"
    assert passage_link("indicators", "ind_listed", 0, "en") == "./sources?rtype=indicators&record=ind_listed"


def test_ids_are_quoted_in_the_link():
    assert passage_link("projects", "a&b=c", 0, "en").endswith("record=a%26b%3Dc")


def test_the_record_picker_offers_id_and_both_names(sample_catalog):
    assert record_option_labels(sample_catalog.zones) == {
        "zone_a": "zone_a · 甲区 · District A",
        "zone_b": "zone_b · 乙区 · District B",
    }
