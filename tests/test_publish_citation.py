"""Citations of one zone, one project and one indicator as text, BibTeX and CSL-JSON; CITATION.cff
validated by cffconvert (from its own tool venv, `.venv-tools/`, made by `scripts/setup.sh --dev`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from dashboard.publish.bibtex import escape
from dashboard.publish.cff import citation_cff_text
from dashboard.publish.citation import CiteError, cite
from dashboard.publish.version import dataset_version, release_date

ROOT = Path(__file__).resolve().parent.parent
CFFCONVERT = ROOT / ".venv-tools" / "bin" / "cffconvert"
GZ = "广州市金融发展“十四五”规划"
GZ_EN = "Guangzhou Financial Development Plan for the 14th Five-Year Period"
DG = "东莞市金融业“十四五”发展规划"
SZ_EN = "Shenzhen Plan for High-quality Development of the Financial Industry in the 14th Five-Year Period"


def _citation(catalog, record_id, index=0):
    for frame in (catalog.zones, catalog.projects, catalog.indicators):
        match = frame[frame["id"] == record_id]
        if not match.empty:
            return match.iloc[0]["citations"][index]
    raise AssertionError(record_id)


def test_zone_text_in_both_languages(catalog):
    c = _citation(catalog, "gz_nansha")
    assert cite(catalog, "gz_nansha", "text", "zh") == (
        f"广州市人民政府办公厅. {GZ}: 穗府办〔2021〕9号. 2021. {c.locator}：“{c.quote}”\n"
        "引自：粤港澳大湾区金融功能区. 粤港澳大湾区金融功能区数据集："
        "广东五份金融规划中的金融功能区、重点项目与目标[DS/CSV]. 2026. 版本 1.0.0，记录 gz_nansha。\n"
    )
    assert cite(catalog, "gz_nansha", "text", "en") == (
        f"General Office of the Guangzhou Municipal People's Government. 2021. {GZ_EN}. 穗府办〔2021〕9号. "
        f"{c.locator}: “{c.quote}”\n"
        "Cited from: GBA Finance Zones. 2026. “GBA Finance Zones: Finance Zones, Key Projects and Targets of "
        "Five Guangdong Plans”. Version 1.0.0, record gz_nansha.\n"
    )


def test_project_of_a_plan_without_issuer_or_date(catalog):
    c = _citation(catalog, "dg_x01")
    text = cite(catalog, "dg_x01", "text", "zh")
    assert text.startswith(f"{DG}. {c.locator}：“{c.quote}”\n")
    assert "版本 1.0.0，记录 dg_x01。" in text
    bib = cite(catalog, "dg_x01", "bibtex", "zh")
    assert bib.startswith(
        "@misc{dg_finance_14fyp,\n  title = {东莞市金融业“十四五”发展规划},\n  language = {chinese},\n"
    )
    assert "author" not in bib.split("\n\n")[0] and "year" not in bib.split("\n\n")[0]
    assert f"note = {{{c.locator}: “{c.quote}”. 引自" in bib and "版本 1.0.0，记录 dg\\_x01}" in bib
    items = json.loads(cite(catalog, "dg_x01", "csl", "en"))
    assert set(items[0]) == {"id", "type", "title", "original-title", "language", "note", "custom"}
    assert items[0]["custom"] == {"locator": c.locator, "quote": c.quote, "record_table": "projects",
                                  "record_id": "dg_x01"}  # fmt: skip


def test_indicator_in_bibtex_and_csl(catalog):
    c = _citation(catalog, "sz_fin_value_added")
    bib = cite(catalog, "sz_fin_value_added", "bibtex", "en")
    plan, dataset = bib.strip().split("\n\n")
    assert plan == (
        "@misc{sz_finance_14fyp,\n"
        f"  title = {{{SZ_EN}}},\n"
        "  origtitle = {深圳市金融业高质量发展“十四五”规划},\n"
        "  year = {2022},\n  month = {1},\n  date = {2022-01},\n  language = {chinese},\n"
        f"  note = {{{c.locator}: “{c.quote}”. Cited from GBA Finance Zones: finance zones, key projects and "
        "targets of five Guangdong plans, version 1.0.0, record sz\\_fin\\_value\\_added},\n}"
    )
    assert dataset.startswith("@misc{gba_finance_zones_1_0_0,\n") and "  version = {1.0.0},\n" in dataset
    items = json.loads(cite(catalog, "sz_fin_value_added", "csl", "en"))
    assert items[0]["title"] == SZ_EN and items[0]["issued"] == {"date-parts": [[2022, 1]]}
    assert "author" not in items[0] and "number" not in items[0]
    assert items[0]["custom"]["locator"] == c.locator
    assert items[1]["type"] == "dataset" and items[1]["version"] == "1.0.0"
    text = cite(catalog, "sz_fin_value_added", "text", "en")
    assert text.startswith(f"{SZ_EN}. 2022. {c.locator}: “{c.quote}”\n")


def test_a_later_citation_by_index_and_errors(catalog):
    multi = next(z for z in catalog.zones.itertuples() if len(z.citations) > 1)
    second = multi.citations[1]
    assert f"{second.locator}: “{second.quote}”" in cite(catalog, multi.id, "text", "en", index=1)
    with pytest.raises(CiteError, match="citation"):
        cite(catalog, multi.id, "text", "en", index=len(multi.citations))
    with pytest.raises(CiteError, match="unknown record id"):
        cite(catalog, "nowhere", "text", "en")
    with pytest.raises(CiteError, match="format"):
        cite(catalog, "gz_nansha", "ris", "en")


def test_bibtex_escapes_what_could_end_an_entry():
    assert escape("a}b{c\\d%e#f&g$h_i^j~k") == (
        r"a\}b\{c\textbackslash{}d\%e\#f\&g\$h\_i\^{}j\~{}k"
    )  # fmt: skip
    assert escape("two\n lines") == "two lines"


def test_citation_cff_is_current_and_names_the_version(catalog):
    committed = (ROOT / "CITATION.cff").read_text("utf-8")
    assert committed == citation_cff_text(catalog)
    assert f"version: {dataset_version()}\n" in committed
    assert f"date-released: '{release_date()}'\n" in committed


def _cffconvert(path: Path) -> subprocess.CompletedProcess:
    if not CFFCONVERT.exists():
        pytest.fail(f"{CFFCONVERT} is missing: run bash scripts/setup.sh --dev")
    return subprocess.run(
        [str(CFFCONVERT), "--validate", "-i", str(path)], capture_output=True, text=True, timeout=120
    )


def test_citation_cff_validates(tmp_path):
    result = _cffconvert(ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "CITATION.cff"
    broken.write_text((ROOT / "CITATION.cff").read_text("utf-8").replace("cff-version: 1.2.0\n", ""), "utf-8")
    assert _cffconvert(broken).returncode != 0
