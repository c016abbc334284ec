"""The SQLite database (sqlite-utils) and a real `datasette serve` on a free localhost port."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from dashboard.geodata import load_layers
from dashboard.publish.datasette import metadata_json
from dashboard.publish.package import write_package
from dashboard.publish.sqlite import write_sqlite
from tests.live_server import free_port

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 60


@pytest.fixture(scope="module")
def database(tmp_path_factory, real_catalog, real_layers) -> Path:
    return write_sqlite(real_catalog, tmp_path_factory.mktemp("db") / "gba.db", real_layers)


def test_tables_keys_and_counts(database, catalog):
    db = sqlite_utils.Database(database)
    assert db["zones"].count == len(catalog.zones)
    assert db["projects"].count == len(catalog.projects)
    assert db["indicators"].count == len(catalog.indicators)
    assert db["zones_geometry"].count == len(catalog.zones)
    assert db["source_texts"].count == len(catalog.sources)
    assert db["citations"].pks == ["record_table", "record_id", "position"]
    keys = {
        (fk.table, fk.column, fk.other_table, fk.other_column) for t in db.tables for fk in t.foreign_keys
    }
    assert {
        ("projects", "zone", "zones", "id"),
        ("zones", "parent", "zones", "id"),
        ("citations", "source", "sources", "id"),
        ("zones_geometry", "zone_id", "zones", "id"),
    } <= keys
    assert list(db.query("pragma foreign_key_check")) == []
    row = db["indicators"].get("gz_fin_value_added_share")
    assert row["baseline_value"] == 8.9 and row["target_year"] == 2025
    assert json.loads(db["zones"].get("gz_nansha")["districts"]) == ["南沙区"]


def test_from_a_package_folder_equals_from_the_catalog(tmp_path, catalog, database):
    folder = write_package(catalog, tmp_path / "pkg", load_layers(catalog))
    again = write_sqlite(folder, tmp_path / "again.db")
    first, second = sqlite_utils.Database(database), sqlite_utils.Database(again)
    for table in first.table_names():
        assert list(first[table].rows) == list(second[table].rows), table


def test_committed_datasette_metadata_is_current():
    assert (ROOT / "deploy" / "datasette-metadata.json").read_text("utf-8") == metadata_json()


@contextlib.contextmanager
def _datasette(db: Path, metadata: Path, log: Path):
    port = free_port()
    command = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(metadata)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--setting", "num_sql_threads", "1"]
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"datasette exited early:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"datasette not up in {STARTUP_SECONDS}s:\n{log.read_text()}"
                    ) from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def _get(url: str) -> dict | list:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def test_datasette_serves_a_row_and_a_filtered_query(database, tmp_path, catalog):
    metadata = tmp_path / "metadata.json"
    metadata.write_text(metadata_json(database="gba"), "utf-8")
    with _datasette(database, metadata, tmp_path / "datasette.log") as url:
        row = _get(f"{url}/gba/zones/gz_nansha.json?_shape=objects")
        (zone,) = row["rows"]
        assert zone["id"] == "gz_nansha" and zone["city"] == "广州" and zone["kind"] == "district"

        query = urllib.parse.urlencode(
            {"city": "深圳", "kind": "district", "_shape": "array", "_col": "name_en"}
        )
        districts = _get(f"{url}/gba/zones.json?{query}")
        assert districts and all(set(d) == {"id", "name_en"} for d in districts)
        expected = catalog.zones[(catalog.zones["city"] == "深圳") & (catalog.zones["kind"] == "district")]
        assert sorted(d["id"] for d in districts) == sorted(expected["id"])

        in_nansha = _get(f"{url}/gba/projects.json?zone=gz_nansha&_shape=array")
        assert {p["id"] for p in in_nansha} == set(
            catalog.projects.loc[catalog.projects["zone"] == "gz_nansha", "id"]
        )

        served = _get(f"{url}/-/metadata.json")
        assert served["license"] == "CC-BY-4.0"
        assert "1.0.0" in served["databases"]["gba"]["title"]
