"""Every quote in the real data occurs verbatim in its plan; every indicator number in its quote.

The catalog loader enforces the same rules; these tests state them per record so a failure names
exactly which citation is wrong, and they guard the loader itself against silently passing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dashboard.catalog import DATA_DIR, load_catalog, normalize_whitespace, number_tokens

SOURCES = {s["id"]: s for s in yaml.safe_load((DATA_DIR / "sources.yaml").read_text("utf-8"))}
TEXTS = {sid: normalize_whitespace((DATA_DIR / s["file"]).read_text("utf-8")) for sid, s in SOURCES.items()}


def _records(folder: str) -> list[tuple[str, dict]]:
    out = []
    for path in sorted((DATA_DIR / folder).glob("*.yaml")):
        for record in yaml.safe_load(path.read_text("utf-8")) or []:
            out.append((f"{folder}/{path.name}", record))
    return out


CITED = [*_records("zones"), *_records("projects"), *_records("indicators")]
CITATIONS = [
    pytest.param(record["id"], c, id=f"{record['id']}#{i}")
    for _, record in CITED
    for i, c in enumerate(record.get("citations", []))
]
INDICATORS = [pytest.param(r, id=r["id"]) for _, r in _records("indicators")]


def test_real_catalog_loads():
    catalog = load_catalog()
    assert len(catalog.zones) >= 40
    assert len(catalog.projects) >= 60
    assert len(catalog.indicators) >= 40


def test_every_record_has_a_citation():
    assert [r["id"] for _, r in CITED if not r.get("citations")] == []


@pytest.mark.parametrize(("record_id", "citation"), CITATIONS)
def test_quote_occurs_verbatim_in_source(record_id, citation):
    assert citation["source"] in TEXTS, f"{record_id}: unknown source {citation['source']}"
    assert normalize_whitespace(citation["quote"]) in TEXTS[citation["source"]]
    assert citation["locator"].strip()


@pytest.mark.parametrize("indicator", INDICATORS)
def test_indicator_numbers_occur_in_quote(indicator):
    quoted = set().union(*(number_tokens(c["quote"]) for c in indicator["citations"]))
    for field in ("baseline_value", "target_value", "target_value_high"):
        value = indicator.get(field)
        if value is not None:
            assert float(value) in quoted, f"{field} {value} not in the quotes"


def test_source_texts_are_the_published_plans():
    # the five plans are stored unchanged; their sizes are pinned so an accidental edit shows up
    sizes = {sid: (DATA_DIR / s["file"]).stat().st_size for sid, s in SOURCES.items()}
    assert sizes == {
        "gd_capital_market_2021": 18637,
        "gz_finance_14fyp": 183879,
        "gz_gba_hub_opinions": 52351,
        "sz_finance_14fyp": 94303,
        "dg_finance_14fyp": 82690,
    }


def test_number_tokens_match_values_not_substrings():
    assert number_tokens("金融业总资产（万亿元） 9.06 11") == {9.06, 11.0}
    assert 9.6 not in number_tokens("96")
    assert 20 not in number_tokens("2020年")


def test_sources_directory_has_only_listed_texts():
    listed = {Path(s["file"]).name for s in SOURCES.values()}
    assert {p.name for p in (DATA_DIR / "sources").iterdir()} == listed
