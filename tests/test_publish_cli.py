"""`dashboard.publish.cli.run`: every command, errors as one line with exit code 2 (usage) or 1 (data,
I/O), no traceback, and outputs written atomically (nothing half-written or left behind)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dashboard.export import main as run
from dashboard.publish import atomic

ROOT = Path(__file__).resolve().parent.parent


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_package_folder_zip_and_diff(tmp_path, capsys):
    assert run(["package", "-o", str(tmp_path / "a"), "--no-geometry"]) == 0
    assert run(["package", "-o", str(tmp_path / "a")]) == 0  # an earlier package is replaced
    assert (tmp_path / "a" / "zones.geojson").is_file()
    assert run(["package", "-o", str(tmp_path / "all.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        assert "gba-finance-zones-1.0.0/datapackage.json" in archive.namelist()
    assert run(["package", "-o", str(tmp_path / "b"), "--no-geometry"]) == 0
    capsys.readouterr()
    assert run(["diff", str(tmp_path / "b"), str(tmp_path / "a"), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["level"] == "minor" and list(result["resources"]) == ["zones_geometry"]
    assert _leftovers(tmp_path) == []


def test_sqlite_cite_map_and_cff(tmp_path, capsys):
    db, metadata = tmp_path / "gba.db", tmp_path / "gba.json"
    assert run(["sqlite", "-o", str(db), "--no-geometry", "--metadata", str(metadata)]) == 0
    assert db.stat().st_size > 0 and "gba" in json.loads(metadata.read_text("utf-8"))["databases"]
    assert run(["cite", "gz_nansha", "--format", "bibtex", "--lang", "zh"]) == 0
    assert capsys.readouterr().out.startswith("@misc{gz_finance_14fyp,")
    filters = ["--theme", "green_finance", "--city", "Guangzhou", "--lang", "zh"]
    assert run(["map", *filters, "-o", str(tmp_path / "m.html")]) == 0
    assert (tmp_path / "m.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert run(["cff", "--check", "-o", str(ROOT / "CITATION.cff")]) == 0
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        ([], 2, "required: COMMAND"),
        (["publish"], 2, "invalid choice"),
        (["cite", "no_such_record"], 2, "unknown record id 'no_such_record'"),
        (["cite", "gz_nansha", "--index", "99"], 2, "citation(s)"),
        (["map", "--theme", "nope", "-o", "x.html"], 2, "Valid themes: green_finance"),
        (["map", "--city", "Atlantis", "-o", "x.html"], 2, "unknown city 'Atlantis'"),
        (["map", "--kind", "moon", "-o", "x.html"], 2, "Valid kinds: district"),
        (["map", "-o", "/no/such/folder/m.html"], 1, "folder /no/such/folder does not exist"),
        (["diff", "/no/such/a", "/no/such/b"], 1, "No such file or directory"),
        (["package", "-o", str(ROOT / "dashboard")], 1, "not replacing it"),
    ],
)
def test_errors_are_one_line_with_their_exit_code(argv, code, message, capsys):
    assert run(argv) == code
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and message in err, err


def test_a_broken_data_folder_is_one_line_and_code_1(data_copy, capsys):
    (data_copy / "themes.yaml").write_text("- {id: Bad Id}\n", "utf-8")
    assert run(["cite", "zone_a"], data_dir=data_copy) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "problem(s) in the data" in err


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "m.html"
    target.write_text("old", "utf-8")
    with pytest.raises(RuntimeError), atomic.atomic_file(target) as temporary:
        temporary.write_text("half", "utf-8")
        raise RuntimeError("disk full")
    assert target.read_text("utf-8") == "old" and _leftovers(tmp_path) == []
    folder = tmp_path / "pkg"
    with atomic.atomic_dir(folder, "datapackage.json") as staging:
        (staging / "datapackage.json").write_text("{}", "utf-8")
    with pytest.raises(RuntimeError), atomic.atomic_dir(folder, "datapackage.json") as staging:
        (staging / "half.csv").write_text("x", "utf-8")
        raise RuntimeError("interrupted")
    assert [p.name for p in folder.iterdir()] == ["datapackage.json"] and _leftovers(tmp_path) == []


def test_module_entry_point_runs_without_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.export", "cite", "nope"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == "error: unknown record id 'nope': give the id of a zone, project or indicator\n"
