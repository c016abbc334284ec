"""`python -m dashboard.export designations` and `matrix`: the page's functions' bytes, stable ids,
the filters that apply, one-line errors with exit code 2, and the README documents them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.compare.cli import claims_csv, matrix_csv
from dashboard.export import main as export_main
from dashboard.localize import localized_catalog
from dashboard.view_state import ViewState

ROOT = Path(__file__).resolve().parent.parent
CLAIM_IDS = [
    "designation_id",
    "name_zh",
    "name_en",
    "shared",
    "city",
    "zone_id",
    "project_id",
    "stance",
    "source_id",
    "locator",
    "quote",
]


def _export(args: list[str], tmp_path: Path) -> bytes:
    out = tmp_path / "out.csv"
    assert export_main([*args, "-o", str(out)]) == 0
    return out.read_bytes()


def _rows(payload: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(payload.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_designations_is_the_pages_bytes(real_catalog, tmp_path, lang):
    cli = _export(
        ["designations", "--city", "Dongguan", "--source", "dg_finance_14fyp", "--lang", lang], tmp_path
    )
    state = ViewState(lang=lang, cities=("东莞",), sources=("dg_finance_14fyp",))
    assert cli == claims_csv(localized_catalog(real_catalog, lang), state)
    assert cli.startswith(b"\xef\xbb\xbf")


def test_designations_header_ids_and_one_row_per_claim(real_catalog, tmp_path):
    rows = _rows(_export(["designations", "--header", "ids"], tmp_path))
    assert rows[0] == CLAIM_IDS
    assert len(rows) - 1 == sum(len(cs) for cs in real_catalog.designations["claims"])
    insurance = [r for r in rows[1:] if r[0] == "gba_insurance_service_centre"]
    assert {r[4] for r in insurance} == {"Guangdong", "Shenzhen", "Guangzhou", "Dongguan"}
    assert {r[3] for r in insurance} == {"yes"}
    zh = _rows(
        _export(["designations", "--header", "ids", "--lang", "zh", "--search", "保险服务中心"], tmp_path)
    )
    assert zh[0] == CLAIM_IDS and {r[4] for r in zh[1:]} >= {"广东", "深圳", "广州", "东莞"}


@pytest.mark.parametrize(
    ("of", "args", "state"),
    [
        ("zones", [], ViewState()),
        ("zones", ["--kind", "cluster", "--city", "广州"], ViewState(kinds=("cluster",), cities=("广州",))),
        (
            "projects",
            ["--theme", "fintech", "--theme", "insurance"],
            ViewState(themes=("fintech", "insurance")),
        ),
        ("targets", ["--source", "sz_finance_14fyp"], ViewState(sources=("sz_finance_14fyp",))),
    ],
)
def test_matrix_is_the_pages_bytes(real_catalog, tmp_path, of, args, state):
    for lang in ("en", "zh"):
        cli = _export(["matrix", "--of", of, *args, "--lang", lang], tmp_path)
        view = ViewState(**{**state.__dict__, "lang": lang})
        assert cli == matrix_csv(localized_catalog(real_catalog, lang), view, of)


def test_matrix_header_ids(tmp_path):
    rows = _rows(_export(["matrix", "--of", "targets", "--header", "ids", "--theme", "insurance"], tmp_path))
    assert rows == [
        ["theme_id", "theme", "guangdong", "guangzhou", "shenzhen", "dongguan"],
        ["insurance", "Insurance", "0", "4", "1", "1"],
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["matrix", "--of", "targets", "--kind", "district"], "error: --kind does not narrow --of targets\n"),
        (["matrix", "--city", "Atlantis"], "error: unknown city 'Atlantis'. Valid cities: "),
        (["designations", "--source", "nope"], "error: unknown source 'nope'. Valid sources: "),
        (
            ["matrix", "--of", "people"],
            "error: argument --of: invalid choice",
        ),
        (["designations", "--theme", "fintech"], "error: unrecognized arguments: --theme"),
    ],
)
def test_errors_are_one_line_and_exit_2(args, message):
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.export", *args], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.count("\n") == 1


def test_the_readme_shows_both_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "python -m dashboard.export designations" in readme
    assert "python -m dashboard.export matrix --of" in readme
    assert "## Compare" in readme or "**Compare**" in readme
