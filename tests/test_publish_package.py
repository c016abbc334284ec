"""The data package: valid by frictionless (and the check can fail), exact round trip, ZIP, tables
added by one declaration."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from frictionless import validate

from dashboard.catalog import load_catalog
from dashboard.publish import package as package_module
from dashboard.publish.fields import Field, Table
from dashboard.publish.package import package_zip_bytes, write_package
from dashboard.publish.reader import read_package
from dashboard.publish.resources import TABLES
from dashboard.publish.version import dataset_version
from tests.conftest import edit_yaml

BUILT = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


def _errors(report) -> list[tuple]:
    return [(task.name, error.type, error.note) for task in report.tasks for error in task.errors]


@pytest.fixture(scope="module")
def written(tmp_path_factory, real_catalog, real_layers) -> Path:
    return write_package(real_catalog, tmp_path_factory.mktemp("pkg") / "gba", real_layers, built=BUILT)


def test_the_package_is_valid(written):
    report = validate(written / "datapackage.json")
    assert report.valid, _errors(report)
    names = [task.name for task in report.tasks]
    assert {"zones", "projects", "indicators", "sources", "themes", "citations"} <= set(names)


def test_the_validation_can_fail(written, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for path in written.rglob("*"):
        if path.is_file():
            target = broken / path.relative_to(written)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    rows = list(csv.reader(io.StringIO((broken / "projects.csv").read_text("utf-8-sig"), newline="")))
    header = rows[0]
    rows[1][header.index("zone")] = "no_such_zone"
    rows[1][header.index("kind")] = "spaceship"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    (broken / "projects.csv").write_text("\ufeff" + out.getvalue(), "utf-8", newline="")
    descriptor = json.loads((broken / "datapackage.json").read_text("utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("bytes"), resource.pop("hash")
    (broken / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), "utf-8")
    report = validate(broken / "datapackage.json")
    kinds = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert not report.valid
    assert ("projects", "foreign-key") in kinds
    assert ("projects", "constraint-error") in kinds


def test_descriptor_states_version_date_licences_and_keys(written, catalog):
    descriptor = json.loads((written / "datapackage.json").read_text("utf-8"))
    assert descriptor["version"] == dataset_version() == "1.0.0"
    assert descriptor["created"] == "2026-12-02T08:00:00Z"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    by_name = {r["name"]: r for r in descriptor["resources"]}
    assert by_name["zones_geometry"]["licenses"][0]["name"] == "MIT"
    assert by_name["text-gz-finance-14fyp"]["licenses"][0]["name"] == "other-pd"
    projects = by_name["projects"]["schema"]
    assert projects["primaryKey"] == ["id"]
    assert {"fields": ["zone"], "reference": {"resource": "zones", "fields": ["id"]}} in projects[
        "foreignKeys"
    ]
    kind = next(f for f in projects["fields"] if f["name"] == "kind")
    assert kind["constraints"]["enum"] == ["institution", "platform", "infrastructure", "programme", "event",
                                           "policy", "fund"]  # fmt: skip
    themes = next(f for f in projects["fields"] if f["name"] == "themes")
    assert themes["type"] == "array"
    assert themes["arrayItem"]["constraints"]["enum"] == list(catalog.themes["id"])
    for resource in descriptor["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            assert field["description_en"] and field["description_zh"], (resource["name"], field["name"])


def test_csv_headers_are_stable_ids_and_rows_one_per_record(written, catalog):
    header = (written / "zones.csv").read_text("utf-8-sig").splitlines()[0]
    assert header == (
        "id,name_zh,name_en,city,districts,parent,kind,precision,themes,positioning_zh,positioning_en"
    )
    package = read_package(written)
    assert len(package.tables["zones"]) == len(catalog.zones)
    assert len(package.tables["citations"]) == sum(
        len(r.citations)
        for frame in (catalog.zones, catalog.projects, catalog.indicators, catalog.places)
        for r in frame.itertuples()
    )
    nansha = next(z for z in package.tables["zones"] if z["id"] == "gz_nansha")
    assert nansha["districts"] == ["南沙区"] and nansha["parent"] is None
    geometry = json.loads((written / "zones.geojson").read_text("utf-8"))
    assert {f["properties"]["zone_id"] for f in geometry["features"]} == set(catalog.zones["id"])


def test_cells_round_trip_exactly_and_stay_spreadsheet_safe(data_copy, tmp_path):
    hostile = ["=1+1", "'quoted", "'=x", "-5 yuan", "@SUM(A1)", '"; DROP', "a;b", '["not a list"]']

    def edit(records):
        records[0]["name_en"] = hostile[0]
        records[0]["lead_units"] = hostile

    edit_yaml(data_copy / "projects" / "sample.yaml", edit)
    catalog = load_catalog(data_copy)
    out = write_package(catalog, tmp_path / "pkg", built=BUILT, version="1.0.0")
    assert validate(out / "datapackage.json").valid
    row = read_package(out).tables["projects"][0]
    assert row["name_en"] == "=1+1" and row["lead_units"] == hostile
    cells = [c for r in csv.reader(io.StringIO((out / "projects.csv").read_text("utf-8-sig"))) for c in r]
    assert "'=1+1" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_zip_holds_the_package_and_is_reproducible(catalog, layers, written):
    first = package_zip_bytes(catalog, layers, built=BUILT)
    assert first == package_zip_bytes(catalog, layers, built=BUILT)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = archive.namelist()
        assert all(n.startswith("gba-finance-zones-1.0.0/") for n in names)
        for name in names:
            relative = name.split("/", 1)[1]
            assert archive.read(name) == (written / relative).read_bytes(), relative


def test_a_new_table_is_one_declaration(monkeypatch, sample_catalog, tmp_path):
    def landmarks(_table, catalog):
        for zone in catalog.zones.itertuples():
            yield {"id": f"landmark_{zone.id}", "name_zh": zone.name_zh, "zone": zone.id}

    extra = Table(
        "landmarks", "Landmarks", "地标", "Named landmarks.", "地标。",
        (
            Field("id", "string", "Place id", "地点编号", required=True),
            Field("name_zh", "string", "Name", "名称", required=True),
            Field("zone", "string", "Zone", "功能区"),
        ),
        foreign_keys=(package_module.TABLES[2].foreign_keys[0].__class__(("zone",), "zones", ("id",)),),
        rows=landmarks,
    )  # fmt: skip
    monkeypatch.setattr(package_module, "TABLES", (*TABLES, extra))
    out = write_package(sample_catalog, tmp_path / "pkg", built=BUILT, version="1.0.0")
    report = validate(out / "datapackage.json")
    assert report.valid, _errors(report)
    assert [r["id"] for r in read_package(out).tables["landmarks"]] == ["landmark_zone_a", "landmark_zone_b"]


def test_an_existing_foreign_folder_is_not_replaced(sample_catalog, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(OSError, match="not replacing"):
        write_package(sample_catalog, folder, version="1.0.0")
    assert (folder / "notes.txt").read_text() == "keep me"
