"""Bad geometry files give located problems (file, record, field), in the loader and in the app."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.catalog import DATA_DIR, DATA_DIR_ENV, CatalogError, Problem
from dashboard.geodata import load_layers
from dashboard.text_safety import md_escape

ROOT = Path(__file__).resolve().parent.parent
BOW_TIE = [[[113.30, 23.10], [113.32, 23.12], [113.32, 23.10], [113.30, 23.12], [113.30, 23.10]]]


@pytest.fixture
def data(tmp_path) -> Path:
    """A folder whose geo/ is a writable copy of the real geometry (the catalog is the real one)."""
    shutil.copytree(DATA_DIR / "geo", tmp_path / "data" / "geo")
    return tmp_path / "data"


def _edit_footprints(data: Path, edit) -> str:
    path = data / "geo" / "footprints.geojson"
    collection = json.loads(path.read_text("utf-8"))
    zone_id = edit(collection)
    path.write_text(json.dumps(collection, ensure_ascii=False), "utf-8")
    return zone_id


@pytest.fixture
def problems_of(real_catalog):
    def problems(data: Path) -> list[Problem]:
        with pytest.raises(CatalogError) as info:
            load_layers(real_catalog, data / "geo")
        return info.value.problems

    return problems


def _bow_tie(collection) -> str:
    feature = collection["features"][0]
    feature["geometry"] = {"type": "Polygon", "coordinates": BOW_TIE}
    return feature["properties"]["zone_id"]


def test_invalid_geometry_is_located(data, problems_of):
    zone_id = _edit_footprints(data, _bow_tie)
    [problem] = problems_of(data)
    assert (problem.file, problem.record, problem.field) == ("geo/footprints.geojson", zone_id, "geometry")
    assert problem.message.startswith("invalid: Self-intersection")


def test_wrong_crs_is_reported(data, problems_of):
    def label_as_web_mercator(collection):
        collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}

    _edit_footprints(data, label_as_web_mercator)
    [problem] = problems_of(data)
    assert (problem.file, problem.record, problem.field) == ("geo/footprints.geojson", "-", "crs")
    assert "expected EPSG:4326" in problem.message


def test_missing_footprint_names_the_zone(data, problems_of):
    removed = _edit_footprints(data, lambda c: c["features"].pop(0)["properties"]["zone_id"])
    [problem] = problems_of(data)
    assert (
        f"zone {removed}: geometry: 'approximate' but footprints has no footprint for it" in problem.message
    )


def test_unreadable_file(data, problems_of):
    (data / "geo" / "boundaries.geojson").write_text("{not json", "utf-8")
    [problem] = problems_of(data)
    assert (problem.file, problem.field) == ("geo/boundaries.geojson", "-")
    assert problem.message.startswith("cannot be read")


def test_map_page_shows_geometry_problems_not_a_traceback(real_data_copy, monkeypatch):
    data = real_data_copy
    zone_id = _edit_footprints(data, _bow_tie)
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    st.cache_data.clear()
    try:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    finally:
        st.cache_data.clear()
    assert not at.exception
    assert at.error[0].value.startswith("The data failed validation")
    problems = at.markdown[0].value
    assert md_escape(f"geo/footprints.geojson: record '{zone_id}', field 'geometry'") in problems
