"""The export CLI: one subcommand per table taking only the filters that narrow it, labels or ids as
headers, the app's exact bytes, and failures as one line with exit code 2 (usage) or 1 (data, I/O).

Whether a failure ever reaches the user as a traceback can only be seen from outside the process,
so those checks run the CLI as a subprocess (several at once, to keep them quick)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import shapely.geometry

from dashboard.export import TABLES, build_parser, export_bytes, main
from dashboard.filters import apply_filters, filters_for
from dashboard.tables import build_table, csv_bytes
from dashboard.view_state import ViewState
from tests.conftest import FIXTURE_DATA, ROOT

TABLE_COMMANDS = ("zones", "projects", "indicators", "places")


def _export(tmp_path, *args: str, data_dir=FIXTURE_DATA) -> bytes:
    out = tmp_path / "out.csv"
    assert main([*args, "-o", str(out)], data_dir=data_dir) == 0
    return out.read_bytes()


def _rows(payload: bytes) -> list[list[str]]:
    assert payload.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline="")))


def _ids(tmp_path, *args: str) -> list[str]:
    return [row[0] for row in _rows(_export(tmp_path, *args, "--header", "ids"))[1:]]


# ---------------------------------------------------------------- the commands and their options


def _options(table: str) -> set[str]:
    subparsers = next(a for a in build_parser()._actions if a.dest == "table")
    return {o for a in subparsers.choices[table]._actions for o in a.option_strings}


def test_one_command_per_table():
    assert TABLES == TABLE_COMMANDS
    subparsers = next(a for a in build_parser()._actions if a.dest == "table")
    assert set(TABLE_COMMANDS) <= set(subparsers.choices)


@pytest.mark.parametrize("table", TABLE_COMMANDS)
def test_each_table_accepts_exactly_the_filters_that_narrow_it(table):
    filters = {f"--{p.flag or p.key}" for p in filters_for(table) if p.cli}
    output = {"-h", "--help", "--lang", "--header", "-o", "--output"}
    assert _options(table) == filters | output | ({"--format"} if table == "zones" else set())


def test_zone_kind_is_not_an_option_of_the_targets(capsys):
    assert main(["indicators", "--kind", "district"], data_dir=FIXTURE_DATA) == 2
    assert "unrecognized arguments: --kind district" in capsys.readouterr().err


# ---------------------------------------------------------------- headers and rows


def test_zones_headed_by_labels_by_default_and_by_ids_on_request(tmp_path):
    labels = _rows(_export(tmp_path, "zones"))
    ids = _rows(_export(tmp_path, "zones", "--header", "ids"))
    assert labels[0][:5] == ["Zone ID", "Name", "Name (Chinese)", "City", "Kind"]
    assert ids[0][:5] == ["zone_id", "name", "name_zh", "city", "kind"]
    assert labels[1:] == ids[1:]
    assert ids[2][:8] == [
        "zone_b",
        "District B",
        "乙区",
        "Shenzhen",
        "Cluster",
        "",
        "福田区",
        "Fintech;Cross-border finance",
    ]


def test_lang_zh_translates_headers_and_labels(tmp_path):
    rows = _rows(_export(tmp_path, "projects", "--lang", "zh"))
    assert rows[0][:4] == ["项目编号", "名称", "城市", "所属区域"]
    assert rows[1][:9] == [
        "proj_1",
        "示范银行",
        "广州",
        "",
        "越秀区",
        "机构",
        "绿色金融",
        "绿色金融 — 「绿色金融示范银行」",
        "市地方金融监管局;甲区政府",
    ]


def test_indicators_and_places(tmp_path):
    rows = _rows(_export(tmp_path, "indicators", "--header", "ids"))
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert {
        k: first[k] for k in ("indicator_id", "scope", "unit", "baseline", "target", "target_text_zh")
    } == {
        "indicator_id": "ind_value_added",
        "scope": "Guangzhou",
        "unit": "100 million yuan",
        "baseline": "2234.06",
        "target": "≈3000",
        "target_text_zh": "3000左右",
    }
    assert [r[0] for r in _rows(_export(tmp_path, "places"))[1:]] == ["place_green_base"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("table", TABLE_COMMANDS)
def test_the_cli_writes_the_bytes_of_the_table_the_app_builds(tmp_path, sample_catalog, table, lang):
    state = ViewState(themes=("green_finance", "fintech"), lang=lang)
    records = apply_filters(getattr(sample_catalog, table), table, state)
    expected = csv_bytes(build_table(table, records, sample_catalog.themes, lang), lang)
    cli = _export(tmp_path, table, "--theme", "green_finance", "--theme", "fintech", "--lang", lang)
    assert cli == expected
    args = build_parser().parse_args(
        [table, "--theme", "green_finance", "--theme", "fintech", "--lang", lang]
    )
    assert export_bytes(sample_catalog, args, FIXTURE_DATA) == expected


# ---------------------------------------------------------------- filters


@pytest.mark.parametrize(
    ("table", "args", "ids"),
    [
        ("zones", ["--theme", "fintech"], ["zone_b"]),
        ("zones", ["--theme", "fintech", "--theme", "green_finance"], ["zone_a", "zone_b"]),
        ("zones", ["--theme", "fintech", "--theme", "green_finance", "--match", "all"], []),
        ("zones", ["--theme", "fintech", "--theme", "cross_border", "--match", "all"], ["zone_b"]),
        ("zones", ["--city", "广州"], ["zone_a"]),
        ("zones", ["--city", "shenzhen"], ["zone_b"]),
        ("zones", ["--city", "Guangzhou", "--city", "广州"], ["zone_a"]),
        ("zones", ["--kind", "district"], ["zone_a"]),
        ("zones", ["--source", "plan_b"], ["zone_b"]),
        ("zones", ["--search", "乙"], ["zone_b"]),
        ("projects", ["--kind", "cluster"], []),
        ("projects", ["--kind", "district"], ["proj_1"]),
        ("projects", ["--city", "深圳"], []),
        ("indicators", ["--theme", "fintech"], ["ind_listed", "ind_fintech_firms"]),
        ("indicators", ["--search", "上市"], ["ind_listed"]),
        ("indicators", ["--source", "plan_b"], []),
        ("indicators", ["--stated", "text"], ["ind_fintech_firms"]),
        ("indicators", ["--stated", "table", "--theme", "fintech"], ["ind_listed"]),
        ("places", ["--theme", "fintech"], []),
        ("places", ["--city", "广州"], ["place_green_base"]),
    ],
)
def test_filters(tmp_path, table, args, ids):
    assert _ids(tmp_path, table, *args) == ids


# ---------------------------------------------------------------- errors, in process


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["zones", "--theme", "gold"],
            "error: unknown theme 'gold'. Valid themes: green_finance, fintech, cross_border",
        ),
        (["zones", "--city", "Atlantis"], "error: unknown city 'Atlantis'. Valid cities: 广州, 深圳"),
        (["projects", "--source", "plan_z"], "error: unknown source 'plan_z'. Valid sources: plan_a, plan_b"),
        (
            ["zones", "--kind", "zone"],
            "error: unknown kind 'zone'. Valid kinds: district, cluster, platform, area",
        ),
        (["zones", "--match", "some"], "error: unknown match 'some'. Valid match: any, all"),
    ],
)
def test_unknown_values_exit_2_with_one_line_listing_the_valid_ones(capsys, args, message):
    assert main(args, data_dir=FIXTURE_DATA) == 2
    captured = capsys.readouterr()
    assert captured.err == message + "\n" and captured.out == ""


@pytest.mark.parametrize(
    "args",
    [
        ["zones", "--lang", "fr"],
        ["projects", "--format", "geojson"],
        ["zones", "--header", "names"],
        ["zones", "--them", "fintech"],  # never abbreviated
        ["regions"],
        [],
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, args):
    assert main(args, data_dir=FIXTURE_DATA) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert re.search(r" \(see python -m dashboard\.export( [a-z]+)? --help\)\n$", err), err


def test_bad_data_exits_1_with_located_problems(capsys, data_copy):
    (data_copy / "themes.yaml").write_text(
        "- {id: Bad Id, name_zh: x, name_en: y, colour: red}\n", encoding="utf-8"
    )
    assert main(["zones"], data_dir=data_copy) == 1
    err = capsys.readouterr().err
    assert err.startswith("problem(s) in the data:", err.index(" ") + 1)
    assert "themes.yaml: record 'Bad Id', field 'id'" in err


def test_a_failed_write_leaves_the_old_file(tmp_path, capsys):
    out = tmp_path / "zones.csv"
    out.write_bytes(b"old")
    assert main(["zones", "-o", str(tmp_path / "missing" / "zones.csv")], data_dir=FIXTURE_DATA) == 1
    assert capsys.readouterr().err.startswith("error: ")
    assert out.read_bytes() == b"old"


def test_stdout_with_dash_or_no_output(capsysbinary):
    assert main(["zones", "--lang", "zh", "-o", "-"], data_dir=FIXTURE_DATA) == 0
    dashed = capsysbinary.readouterr().out
    assert main(["zones", "--lang", "zh"], data_dir=FIXTURE_DATA) == 0
    assert capsysbinary.readouterr().out == dashed
    assert dashed.startswith("\ufeff区域编号,".encode())


# ---------------------------------------------------------------- geojson


def test_geojson_export_is_wgs84_with_the_table_cells(tmp_path, real_catalog):
    precision = dict(zip(real_catalog.zones["id"], real_catalog.zones["precision"], strict=True))
    out = tmp_path / "zones.geojson"
    assert main(["zones", "--format", "geojson", "--city", "深圳", "-o", str(out)]) == 0
    collection = json.loads(out.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection  # RFC 7946: WGS-84
    rows = _rows(_export(tmp_path, "zones", "--city", "深圳", "--header", "ids", data_dir=None))
    assert [f["properties"]["zone_id"] for f in collection["features"]] == [r[0] for r in rows[1:]]
    assert {precision[f["properties"]["zone_id"]] for f in collection["features"]} == {"admin", "approximate"}
    for feature in collection["features"]:
        shape = shapely.geometry.shape(feature["geometry"])
        assert shape.is_valid and 113.7 < shape.centroid.x < 114.7 and 22.4 < shape.centroid.y < 22.9


# ---------------------------------------------------------------- from outside the process


def _run_all(cases: dict[str, tuple[list[str], dict[str, str]]]) -> dict[str, subprocess.CompletedProcess]:
    """Run the CLI once per case, all at once; each case is (arguments, extra environment)."""
    running = {
        name: subprocess.Popen(
            [sys.executable, "-m", "dashboard.export", *args],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for name, (args, env) in cases.items()
    }
    results = {}
    for name, process in running.items():
        out, err = process.communicate(timeout=120)
        results[name] = subprocess.CompletedProcess(process.args, process.returncode, out, err)
    return results


def test_failures_seen_from_outside_are_one_line_never_a_traceback(tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURE_DATA, broken)
    (broken / "zones" / "sample.yaml").write_bytes(b"- id: \xff\xfe\n")
    fixture = {"GBA_DATA_DIR": str(FIXTURE_DATA)}
    (tmp_path / "a_dir").mkdir()
    cases = {
        "unknown theme": (["zones", "--theme", "<script>"], fixture),
        "unknown option": (["zones", "--colour", "red"], fixture),
        "bad data": (["zones"], {"GBA_DATA_DIR": str(broken)}),
        "device full": (["zones", "-o", "/dev/full"], fixture),
        "missing folder": (["zones", "-o", str(tmp_path / "none" / "z.csv")], fixture),
        "a directory": (["zones", "-o", str(tmp_path / "a_dir")], fixture),
    }
    expected = {
        "unknown theme": (2, "error: unknown theme '<script>'. Valid themes: "),
        "unknown option": (
            2,
            "error: unrecognized arguments: --colour red (see python -m dashboard.export --help)\n",
        ),
        "bad data": (1, "N problem(s) in the data:\n  - zones/sample.yaml: record '-', field '-': not UTF-8"),
        "device full": (1, "error: /dev/full: No space left on device"),
        "missing folder": (1, f"error: {tmp_path / 'none' / 'z.csv'}: the directory "),
        "a directory": (1, f"error: {tmp_path / 'a_dir'}: is a directory"),
    }
    results = _run_all(cases)
    seen = {}
    for name, result in results.items():
        err = result.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, (name, err)
        err = re.sub(r"^\d+ problem", "N problem", err)  # how many follow from one broken file may vary
        seen[name] = (result.returncode, err[: len(expected[name][1])])
        if name != "bad data":  # that one lists every problem, one per line
            assert err.count("\n") == 1, (name, err)
        assert result.stdout == b"", name
    assert seen == expected


def test_a_reader_that_closes_early_ends_the_run_quietly():
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard.export", "projects"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # like `| head` exiting before the export writes
    err = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert err == b""


def test_stdout_is_the_file_bytes(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.export", "zones", "--lang", "zh"],
        cwd=ROOT,
        env={**os.environ, "GBA_DATA_DIR": str(FIXTURE_DATA)},
        capture_output=True,
        check=True,
    )
    assert result.stdout == _export(tmp_path, "zones", "--lang", "zh")
    assert result.stderr == b""
