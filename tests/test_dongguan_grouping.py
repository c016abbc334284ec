"""Dongguan's 片区: dongguan_towns.csv is the one statement of their towns, and everything that
lists them (footprint notes, FOOTPRINTS.md, the detail panel's note, zone parents) agrees with it."""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import pytest
import yaml

from geo.build_cli import run_build
from geo.build_footprints import DATA_DIR, OUTPUT_FILE, SOURCE_FILE, TOWN_TILING
from geo.dongguan import (
    TOWNS_PATH,
    TownSeat,
    footprint_note,
    grouping,
    grouping_note,
    members_text,
    read_town_seats,
)
from geo.simplify import equal_area_km2

ZONES_FILE = Path(__file__).resolve().parents[1] / "data" / "zones" / "dongguan.yaml"
DOC = (DATA_DIR / "FOOTPRINTS.md").read_text(encoding="utf-8")


def _seat(name: str, kind: str, zone: str, name_en: str = "X") -> TownSeat:
    return TownSeat(name, name_en, kind, zone, 113.8, 23.0)


@pytest.fixture(scope="module")
def seats() -> list[TownSeat]:
    return read_town_seats()


@pytest.fixture(scope="module")
def csv_grouping(seats) -> dict[str, set[str]]:
    return {zone: {s.short_zh for s in members} for zone, members in grouping(seats).items()}


def doc_grouping(doc: str) -> dict[str, set[str]]:
    """The 片区 table of FOOTPRINTS.md: zone id → member names (a remark in brackets dropped)."""
    section = doc.split("## Dongguan's six 片区")[1].split("\n## ")[0]
    rows = re.findall(r"^\| [^|`]+ \| `(dg_[a-z_]+)` \| ([^|]+) \|$", section, flags=re.M)
    return {zone: {n.strip() for n in re.sub(r"\(.*?\)", "", names).split(",")} for zone, names in rows}


# ---------------------------------------------------------------- the grouping file


def test_the_file_states_where_the_grouping_comes_from() -> None:
    header = "".join(line for line in TOWNS_PATH.read_text("utf-8").splitlines(True) if line.startswith("#"))
    assert "园区统筹组团" in header
    assert "dg_finance_14fyp" in header and "not their towns" in header


def test_comment_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "towns.csv"
    path.write_text(
        "# a comment\nname_zh,name_en,kind,zone_id,lon,lat\n# another\n石碣镇,Shijie,town,dg_a,113.8,23.1\n",
        encoding="utf-8",
    )
    assert read_town_seats(path) == [TownSeat("石碣镇", "Shijie", "town", "dg_a", 113.8, 23.1)]


def test_huangjiang_and_xiegang_are_in_the_eastern_industrial_area(csv_grouping) -> None:
    assert {"黄江", "谢岗"} <= csv_grouping["dg_eastern_industrial"]
    assert not {"黄江", "谢岗"} & csv_grouping["dg_southeast_shenzhen"]


# ---------------------------------------------------------------- what is derived from it


def test_the_footprints_doc_table_is_the_csv_grouping(csv_grouping) -> None:
    assert doc_grouping(DOC) == csv_grouping


def test_the_doc_comparison_notices_a_moved_town(csv_grouping) -> None:
    moved = DOC.replace("企石, 横沥, 黄江 |", "企石, 横沥 |").replace(
        "凤岗, 樟木头 |", "凤岗, 樟木头, 黄江 |"
    )
    assert moved != DOC
    assert doc_grouping(moved) != csv_grouping


def test_tiled_footprint_notes_list_exactly_the_csv_members(seats) -> None:
    notes = dict(
        gpd.read_file(DATA_DIR / OUTPUT_FILE)[["zone_id", "note"]].itertuples(index=False, name=None)
    )
    for zone, members in grouping(seats).items():
        assert members_text(members) in notes[zone]
        others = {s.short_zh for s in seats} - {s.short_zh for s in members}
        assert [name for name in others if name in notes[zone]] == [], zone


def test_the_drawing_source_lists_no_towns_by_hand(seats) -> None:
    entries = yaml.safe_load((DATA_DIR / SOURCE_FILE).read_text("utf-8"))
    tiled = [e for e in entries if e.get("tiling") == TOWN_TILING]
    assert len(tiled) == 6
    names = {s.short_zh for s in seats}
    assert {e["zone_id"]: [n for n in names if n in e["note"]] for e in tiled} == {
        e["zone_id"]: [] for e in tiled
    }


def test_note_format() -> None:
    members = (
        _seat("莞城街道", "street", "z"),
        _seat("东城街道", "street", "z"),
        _seat("松山湖", "park", "z"),
        _seat("石碣镇", "town", "z"),
    )
    assert members_text(members) == "莞城 and 东城 streets; 松山湖 park; 石碣 town"
    assert footprint_note("Approximate: cells.", members) == (
        "Approximate: cells. Members (dongguan_towns.csv: the city's 园区统筹组团 grouping as commonly "
        "reported; the plan names the six 片区 but not their towns): 莞城 and 东城 streets; 松山湖 park; "
        "石碣 town."
    )


def test_the_detail_panel_note_names_the_grouping_file_not_the_plan() -> None:
    zh, en = grouping_note("dg_eastern_industrial")
    assert "dongguan_towns.csv" in zh and "并非出自规划" in zh and "黄江、谢岗" in zh
    assert "not from the plan" in en and "Huangjiang (黄江)" in en
    assert grouping_note("dg_yinping") is None  # a platform, not one of the six 片区
    literal = [_seat("石碣镇", "town", "dg_a", "Shijie")]
    assert grouping_note("dg_a", literal)[1].endswith("This area: Shijie (石碣).")


# ---------------------------------------------------------------- the zone data


def test_zones_nested_in_a_dongguan_area_lie_mostly_in_it(seats) -> None:
    areas = set(grouping(seats))
    drawn = gpd.read_file(DATA_DIR / OUTPUT_FILE).set_index("zone_id").geometry
    shares = {}
    for zone in yaml.safe_load(ZONES_FILE.read_text("utf-8")):
        if zone["parent"] in areas:
            shape = drawn[zone["id"]]
            inside = shape.intersection(drawn[zone["parent"]])
            shares[zone["id"]] = float(equal_area_km2([inside])[0] / equal_area_km2([shape])[0])
    assert len(shares) == 5
    assert {z: round(v, 2) for z, v in shares.items() if v < 0.5} == {}


# ---------------------------------------------------------------- the build command line


def test_the_build_command_writes_then_checks(tmp_path: Path, capsys) -> None:
    def build(folder: Path) -> dict[str, str]:
        return {"a.geojson": '{"type":"FeatureCollection","features":[\n{}\n]}\n', "b.json": "{}\n"}

    options = {"command": "python -m x", "description": "x", "build": build, "inputs": "the sources"}

    def run(*argv: str) -> int:
        return run_build(list(argv), folder_option="--dir", default_dir=tmp_path, **options)

    assert run("--check") == 1
    assert (
        "a.geojson, b.json differ from a rebuild from the sources; run `python -m x`"
        in capsys.readouterr().err
    )
    assert run() == 0
    assert "a.geojson (47 bytes, 1 feature)" in capsys.readouterr().out
    assert run("--check") == 0
    assert capsys.readouterr().out == "a.geojson, b.json: up to date\n"
