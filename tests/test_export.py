"""The export CLI: filters, languages, CSV format and safety, clear errors."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.catalog import load_catalog
from dashboard.csv_safety import neutralize_cell, to_csv_bytes
from dashboard.export import main
from tests.conftest import FIXTURE_DATA

ROOT = Path(__file__).resolve().parent.parent


def _export(tmp_path, *args: str, data_dir=FIXTURE_DATA) -> bytes:
    out = tmp_path / "out.csv"
    assert main([*args, "-o", str(out)], data_dir=data_dir) == 0
    return out.read_bytes()


def _rows(payload: bytes) -> list[list[str]]:
    assert payload.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline="")))


def test_zones_header_and_row(tmp_path):
    rows = _rows(_export(tmp_path, "zones"))
    assert rows[0] == [
        "zone_id",
        "name_zh",
        "name_en",
        "city",
        "districts",
        "parent_zone",
        "kind",
        "themes",
        "positioning_zh",
        "positioning_en",
        "project_count",
        "source_ids",
        "locators",
    ]
    assert rows[2] == [
        "zone_b",
        "乙区",
        "District B",
        "Shenzhen",
        "福田区",
        "",
        "Cluster",
        "Fintech;Cross-border finance",
        "金融科技和跨境金融",
        "Fintech and cross-border finance",
        "0",
        "plan_a",
        "第一章",
    ]


def test_projects_and_indicators_columns(tmp_path):
    assert _rows(_export(tmp_path, "projects"))[0][:11] == [
        "project_id",
        "name_zh",
        "name_en",
        "city",
        "zone_id",
        "themes",
        "kind",
        "lead_units",
        "source_id",
        "locator",
        "quote",
    ]
    rows = _rows(_export(tmp_path, "indicators"))
    assert rows[0][:16] == [
        "indicator_id",
        "scope",
        "name_zh",
        "name_en",
        "unit",
        "baseline_year",
        "baseline_value",
        "target_year",
        "target_value",
        "target_text",
        "qualifier",
        "nature",
        "themes",
        "source_id",
        "locator",
        "quote",
    ]
    assert rows[1][:12] == [
        "ind_value_added",
        "Guangzhou",
        "金融业增加值",
        "Financial-sector value added",
        "亿元",
        "2020",
        "2234.06",
        "2025",
        "3000",
        "3000左右",
        "about",
        "",
    ]


def test_lang_zh_translates_headers_and_labels(tmp_path):
    rows = _rows(_export(tmp_path, "projects", "--lang", "zh"))
    assert rows[0][:4] == ["项目编号", "中文名称", "英文名称", "城市"]
    assert rows[1][3:8] == ["广州", "", "绿色金融", "机构", "市地方金融监管局;甲区政府"]


@pytest.mark.parametrize(
    ("args", "zone_ids"),
    [
        (["--theme", "fintech"], ["zone_b"]),
        (["--theme", "fintech", "--theme", "green_finance"], ["zone_a", "zone_b"]),
        (["--theme", "fintech", "--theme", "green_finance", "--match", "all"], []),
        (["--theme", "fintech", "--theme", "cross_border", "--match", "all"], ["zone_b"]),
        (["--city", "广州"], ["zone_a"]),
        (["--city", "shenzhen"], ["zone_b"]),
        (["--kind", "district"], ["zone_a"]),
        (["--search", "乙"], ["zone_b"]),
    ],
)
def test_zone_filters(tmp_path, args, zone_ids):
    rows = _rows(_export(tmp_path, "zones", *args))
    assert [r[0] for r in rows[1:]] == zone_ids


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["zones", "--theme", "gold"], "unknown theme 'gold'. Valid themes: green_finance, fintech"),
        (["zones", "--city", "Atlantis"], "unknown city 'Atlantis'. Valid cities: 广东 (Guangdong)"),
        (["zones", "--source", "plan_z"], "unknown source 'plan_z'. Valid sources: plan_a"),
        (["projects", "--format", "geojson"], "--format geojson is available for the zones table"),
    ],
)
def test_unknown_values_exit_2_with_valid_list(capsys, args, message):
    assert main(args, data_dir=FIXTURE_DATA) == 2
    assert message in capsys.readouterr().err


def test_argparse_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["zones", "--match", "some"], data_dir=FIXTURE_DATA)
    assert info.value.code == 2


def test_bad_data_exits_1_with_located_problems(capsys, data_copy):
    (data_copy / "themes.yaml").write_text(
        "- {id: Bad Id, name_zh: x, name_en: y, colour: red}\n", encoding="utf-8"
    )
    assert main(["zones"], data_dir=data_copy) == 1
    err = capsys.readouterr().err
    assert "themes.yaml: record 'Bad Id', field 'id'" in err


def test_stdout_when_no_output_file():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.export", "zones", "--lang", "zh"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    assert result.stdout.startswith(b"\xef\xbb\xbf\xe5\x8c\xba\xe5\x9f\x9f")  # BOM + 区域


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3.5", "-3.5"),
        ("前海", "前海"),
        (None, ""),
    ],
)
def test_formula_cells_are_neutralized(cell, written):
    assert neutralize_cell(cell) == written


def test_csv_is_rfc4180_with_crlf():
    import pandas as pd

    payload = to_csv_bytes(pd.DataFrame({"a": ['say "hi", ok', "line\nbreak"], "b": ["x", "y"]}))
    assert payload == b'\xef\xbb\xbfa,b\r\n"say ""hi"", ok",x\r\n"line\nbreak",y\r\n'


def test_geojson_export_is_wgs84_with_csv_properties_and_precision(tmp_path):
    import json

    import shapely.geometry

    zones = load_catalog().zones
    geometry_kind = dict(zip(zones["id"], zones["precision"], strict=True))
    out = tmp_path / "zones.geojson"
    assert main(["zones", "--format", "geojson", "--city", "深圳", "-o", str(out)]) == 0
    collection = json.loads(out.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection  # RFC 7946: WGS-84
    csv_path = tmp_path / "zones.csv"
    assert main(["zones", "--city", "深圳", "-o", str(csv_path)]) == 0
    rows = _rows(csv_path.read_bytes())
    assert [f["properties"]["zone_id"] for f in collection["features"]] == [r[0] for r in rows[1:]]
    assert {f["properties"]["precision"] for f in collection["features"]} == {"admin", "approximate"}
    for feature, row in zip(collection["features"], rows[1:], strict=True):
        assert list(feature["properties"]) == [*rows[0], "precision"]
        assert [str(v) for v in list(feature["properties"].values())[:-1]] == row
        assert feature["properties"]["precision"] == geometry_kind[feature["properties"]["zone_id"]]
        shape = shapely.geometry.shape(feature["geometry"])
        assert shape.is_valid and 113.7 < shape.centroid.x < 114.7 and 22.4 < shape.centroid.y < 22.9
