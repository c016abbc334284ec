"""The real data keeps its promise: every fact is in its plan's own words.

Each check below runs over the whole catalog and collects every failure, so one run names every
broken record. They are written afresh here (plan texts read from disk, whitespace squeezed with
`str.split`, numbers tokenized by their own pattern) rather than calling the loader's checks, so
a loader that silently stopped checking would not take these tests down with it. Each check is
also shown to fail: a companion test breaks one record and expects exactly that record reported.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from dashboard.catalog import DATA_DIR, Catalog
from tests.conftest import FIXTURE_DATA

CITED_TABLES = ("zones", "projects", "indicators", "places")
EVIDENCED_TABLES = ("zones", "projects", "places")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def squeeze(text: str) -> str:
    """The text without any whitespace (str.split knows every Unicode space, 　 included)."""
    return "".join(text.split())


def numbers_in(text: str) -> set[Decimal]:
    """The numbers written in a text, as exact decimals: 11 equals 11.0, 9.6 never matches 96."""
    return {Decimal(token).normalize() for token in _NUMBER.findall(text)}


def as_decimal(value: float) -> Decimal:
    return Decimal(repr(float(value))).normalize()


def plan_files(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Each plan's text file by source id, read from sources.yaml itself."""
    return {s["id"]: s["file"] for s in yaml.safe_load((data_dir / "sources.yaml").read_text("utf-8"))}


def plan_texts(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Each plan's text read from disk, squeezed."""
    return {sid: squeeze((data_dir / file).read_text("utf-8")) for sid, file in plan_files(data_dir).items()}


# ---------------------------------------------------------------- the checks


def quote_failures(catalog: Catalog, texts: dict[str, str]) -> tuple[list[str], int]:
    """Citations whose quote is not verbatim in their plan (or that have no plan or locator), and
    how many citations were checked."""
    failures, checked = [], 0
    for table in CITED_TABLES:
        for record in getattr(catalog, table).itertuples():
            if not record.citations:
                failures.append(f"{table}/{record.id}: no citation")
            for i, citation in enumerate(record.citations):
                checked += 1
                where = f"{table}/{record.id} citation {i}"
                if citation.source not in texts:
                    failures.append(f"{where}: unknown plan {citation.source!r}")
                elif squeeze(citation.quote) not in texts[citation.source]:
                    failures.append(f"{where}: quote not in {citation.source}: {citation.quote[:40]!r}")
                if not citation.locator.strip():
                    failures.append(f"{where}: empty locator")
    return failures, checked


def number_failures(catalog: Catalog) -> tuple[list[str], int]:
    """Indicator numbers that no quote of the indicator prints, values that their text as written
    does not state, and texts as written that no quote contains; and how many values were checked."""
    failures, checked = [], 0
    for ind in catalog.indicators.itertuples():
        quotes = [c.quote for c in ind.citations]
        quoted = set().union(*(numbers_in(q) for q in quotes))
        written = {"baseline": ind.baseline_text or "", "target": ind.target_text}
        for field in ("baseline_value", "baseline_value_high", "target_value", "target_value_high"):
            value = getattr(ind, field)
            if value is None:
                continue
            checked += 1
            if as_decimal(value) not in quoted:
                failures.append(f"indicators/{ind.id}: {field} {value} is in no quote")
            end = field.split("_")[0]
            if as_decimal(value) not in numbers_in(written[end]):
                failures.append(f"indicators/{ind.id}: {field} {value} is not in {end} text {written[end]!r}")
        for field in ("baseline_text", "target_text"):
            text = getattr(ind, field)
            if text is not None and not any(squeeze(text) in squeeze(q) for q in quotes):
                failures.append(f"indicators/{ind.id}: {field} {text!r} is in no quote")
    return failures, checked


def phrase_failures(catalog: Catalog) -> tuple[list[str], int]:
    """Themes whose evidence phrase is not in the quote of the citation it names, evidence that
    names no citation or an unknown theme, and evidence that disagrees with the themes column."""
    failures, checked = [], 0
    known = set(catalog.themes["id"])
    for table in EVIDENCED_TABLES:
        for record in getattr(catalog, table).itertuples():
            if tuple(t for t, _, _ in record.theme_evidence) != tuple(record.themes):
                failures.append(f"{table}/{record.id}: evidence themes differ from themes")
            for theme, cite, phrase in record.theme_evidence:
                checked += 1
                where = f"{table}/{record.id} theme {theme}"
                if theme not in known:
                    failures.append(f"{where}: unknown theme")
                if not 0 <= cite < len(record.citations):
                    failures.append(f"{where}: no citation {cite}")
                elif squeeze(phrase) not in squeeze(record.citations[cite].quote):
                    failures.append(f"{where}: phrase {phrase!r} not in citation {cite}")
    return failures, checked


def claim_failures(catalog: Catalog, texts: dict[str, str]) -> tuple[list[str], int]:
    """Designation claims whose quote is not verbatim in their plan, or that name an unknown zone
    or project; and how many claims were checked."""
    failures, checked = [], 0
    zones, projects = set(catalog.zones["id"]), set(catalog.projects["id"])
    for designation in catalog.designations.itertuples():
        if not designation.claims:
            failures.append(f"designations/{designation.id}: no claim")
        for i, claim in enumerate(designation.claims):
            checked += 1
            where = f"designations/{designation.id} claim {i}"
            if claim.source not in texts:
                failures.append(f"{where}: unknown plan {claim.source!r}")
            elif squeeze(claim.quote) not in texts[claim.source]:
                failures.append(f"{where}: quote not in {claim.source}: {claim.quote[:40]!r}")
            if claim.zone is not None and claim.zone not in zones:
                failures.append(f"{where}: unknown zone {claim.zone!r}")
            if claim.project is not None and claim.project not in projects:
                failures.append(f"{where}: unknown project {claim.project!r}")
    return failures, checked


# ---------------------------------------------------------------- the real catalog passes them


@pytest.fixture(scope="module")
def real_texts() -> dict[str, str]:
    return plan_texts(DATA_DIR)


def test_real_catalog_is_the_published_size(real_catalog):
    assert len(real_catalog.zones) >= 40
    assert len(real_catalog.projects) >= 60
    assert len(real_catalog.indicators) >= 40
    assert len(real_catalog.places) >= 1
    assert list(real_catalog.sources["id"]) == [
        "gd_capital_market_2021",
        "gz_finance_14fyp",
        "gz_gba_hub_opinions",
        "sz_finance_14fyp",
        "dg_finance_14fyp",
    ]


def test_every_quote_is_verbatim_in_its_plan(real_catalog, real_texts):
    failures, checked = quote_failures(real_catalog, real_texts)
    assert failures == []
    assert checked >= len(real_catalog.zones) + len(real_catalog.projects) + len(real_catalog.indicators)


def test_every_indicator_number_is_in_its_quotes(real_catalog):
    failures, checked = number_failures(real_catalog)
    assert failures == []
    assert checked >= len(real_catalog.indicators)


def test_every_theme_phrase_is_in_its_cited_quote(real_catalog):
    failures, checked = phrase_failures(real_catalog)
    assert failures == []
    assert checked >= len(real_catalog.zones) + len(real_catalog.projects)


@pytest.mark.parametrize("catalog_name", ["real_catalog", "sample_catalog"])
def test_every_claim_quote_is_verbatim_in_its_plan(request, catalog_name):
    # the real designations file may still be empty; the sample one has a designation two cities claim
    catalog = request.getfixturevalue(catalog_name)
    texts = plan_texts(DATA_DIR if catalog_name == "real_catalog" else FIXTURE_DATA)
    failures, checked = claim_failures(catalog, texts)
    assert failures == []
    assert checked == sum(len(d.claims) for d in catalog.designations.itertuples())


def test_source_texts_are_the_published_plans():
    # the five plans are stored unchanged; their sizes are pinned so an accidental edit shows up
    sizes = {path.name: path.stat().st_size for path in (DATA_DIR / "sources").iterdir()}
    assert sizes == {
        "gd_capital_market_2021.txt": 18637,
        "gz_finance_14fyp.txt": 183879,
        "gz_gba_hub_opinions.txt": 52351,
        "sz_finance_14fyp.txt": 94303,
        "dg_finance_14fyp.txt": 82690,
    }


def test_sources_directory_has_only_listed_texts():
    listed = {Path(f).name for f in plan_files(DATA_DIR).values()}
    assert {p.name for p in (DATA_DIR / "sources").iterdir()} == listed


def test_real_data_has_no_formula_like_names(real_catalog):
    # the plans never start a name with a formula character; the CSV would neutralize one anyway,
    # but it would deserve a look
    names = [
        name
        for table in ("zones", "projects", "indicators", "places")
        for column in ("name_zh", "name_en")
        for name in getattr(real_catalog, table)[column]
    ]
    assert [n for n in names if n[:1] in "=+-@"] == []


# ---------------------------------------------------------------- each check can fail


def _with_record(catalog: Catalog, table: str, index: int, **changes) -> Catalog:
    """A copy of the catalog whose `table` row `index` has the given cells changed."""
    frame = getattr(catalog, table).copy()
    for column, value in changes.items():
        frame.at[frame.index[index], column] = value
    return dataclasses.replace(catalog, **{table: frame})


def _with_quote(catalog: Catalog, table: str, index: int, quote: str) -> Catalog:
    citations = getattr(catalog, table).iloc[index]["citations"]
    changed = (citations[0].model_copy(update={"quote": quote}), *citations[1:])
    return _with_record(catalog, table, index, citations=changed)


@pytest.mark.parametrize("table", CITED_TABLES)
def test_quote_check_reports_a_changed_quote(real_catalog, real_texts, table):
    index = len(getattr(real_catalog, table)) // 2
    record = getattr(real_catalog, table).iloc[index]
    broken = _with_quote(real_catalog, table, index, record["citations"][0].quote + "（改）")
    failures, _ = quote_failures(broken, real_texts)
    assert len(failures) == 1
    assert failures[0].startswith(f"{table}/{record['id']} citation 0: quote not in ")


def test_quote_check_allows_a_line_break_but_not_a_changed_character(sample_catalog):
    texts = plan_texts(FIXTURE_DATA)
    quote = sample_catalog.zones.iloc[0]["citations"][0].quote
    assert "打造绿色金融示范区。" in quote  # the plan breaks this line after 绿色金
    assert quote_failures(sample_catalog, texts) == ([], 8)
    broken = _with_quote(sample_catalog, "zones", 0, quote.replace("示范区。", "示范区."))
    assert quote_failures(broken, texts)[0] == [
        "zones/zone_a citation 0: quote not in plan_a: " + repr(quote.replace("示范区。", "示范区."))
    ]


def test_number_check_reports_a_number_no_quote_prints(real_catalog):
    index = int(real_catalog.indicators["baseline_value"].notna().to_numpy().argmax())
    indicator = real_catalog.indicators.iloc[index]
    broken = _with_record(real_catalog, "indicators", index, baseline_value=indicator["baseline_value"] + 0.5)
    failures, _ = number_failures(broken)
    assert failures[0].startswith(f"indicators/{indicator['id']}: baseline_value ")
    assert failures[0].endswith(" is in no quote")
    assert {f.split(":")[0] for f in failures} == {f"indicators/{indicator['id']}"}


def test_number_check_reports_a_text_no_quote_contains(sample_catalog):
    broken = _with_record(sample_catalog, "indicators", 1, target_text="突破300")
    assert number_failures(broken)[0] == [
        "indicators/ind_listed: target_value 200.0 is not in target text '突破300'",
        "indicators/ind_listed: target_text '突破300' is in no quote",
    ]


def test_number_check_compares_values_not_digits(sample_catalog):
    # 2234.06 is quoted; 223.406 has the same digits, 2234.060 is the same value
    assert number_failures(_with_record(sample_catalog, "indicators", 0, baseline_value=2234.060))[0] == []
    failures, _ = number_failures(_with_record(sample_catalog, "indicators", 0, baseline_value=223.406))
    assert failures[0] == "indicators/ind_value_added: baseline_value 223.406 is in no quote"


@pytest.mark.parametrize("table", EVIDENCED_TABLES)
def test_phrase_check_reports_a_phrase_not_in_its_quote(real_catalog, table):
    frame = getattr(real_catalog, table)
    index = len(frame) - 1
    record = frame.iloc[index]
    theme, cite, _ = record["theme_evidence"][0]
    evidence = ((theme, cite, "规划没有写的话"), *record["theme_evidence"][1:])
    failures, _ = phrase_failures(_with_record(real_catalog, table, index, theme_evidence=evidence))
    assert failures == [
        f"{table}/{record['id']} theme {theme}: phrase '规划没有写的话' not in citation {cite}"
    ]


def test_phrase_check_reports_a_missing_citation_and_an_unknown_theme(sample_catalog):
    evidence = (("gold", 5, "跨境金融"),)
    broken = _with_record(sample_catalog, "projects", 0, theme_evidence=evidence, themes=("gold",))
    assert phrase_failures(broken)[0] == [
        "projects/proj_1 theme gold: unknown theme",
        "projects/proj_1 theme gold: no citation 5",
    ]


def test_claim_check_reports_a_changed_quote_and_an_unknown_zone(sample_catalog):
    texts = plan_texts(FIXTURE_DATA)
    claims = sample_catalog.designations.iloc[0]["claims"]
    changed = (
        claims[0],
        claims[1].model_copy(update={"quote": "支持乙区建成绿色金融改革创新试验区。", "zone": "zone_x"}),
    )
    broken = _with_record(sample_catalog, "designations", 0, claims=changed)
    assert claim_failures(broken, texts)[0] == [
        "designations/green_pilot_zone claim 1: quote not in plan_b: '支持乙区建成绿色金融改革创新试验区。'",
        "designations/green_pilot_zone claim 1: unknown zone 'zone_x'",
    ]
