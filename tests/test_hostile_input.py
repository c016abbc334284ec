"""Hostile text in the data and hostile arguments: neutralized in CSV, rendered as text on screen,
never an uncaught exception. Every string of the corpus (tests/hostile.py) is dangerous, and each test
looks for the neutralized form, so a test that passes has really seen the text made harmless."""

from __future__ import annotations

import csv
import io
import os
import shutil
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from streamlit.testing.v1 import AppTest

from dashboard.catalog import DATA_DIR, DATA_DIR_ENV, load_catalog
from dashboard.export import main as export_main
from dashboard.i18n import column_label
from dashboard.tables import build_table, csv_bytes
from dashboard.tables.csv_safety import neutralize_cell
from dashboard.text_safety import md_escape
from tests.conftest import FIXTURE_DATA, ROOT
from tests.hostile import TEXT_HOSTILE

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
pytestmark = pytest.mark.usefixtures("app_error_details")


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    """The fixture data plus one zone and one project per hostile string, in every free-text field."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for folder in ("zones", "projects"):
        path = data / folder / "sample.yaml"
        records = yaml.safe_load(path.read_text("utf-8"))
        template = records[-1]
        for i, text in enumerate(TEXT_HOSTILE):
            record = {**template, "id": f"{folder[:-1]}_h{i}", "name_zh": text, "name_en": text}
            if folder == "zones":
                record.update(positioning_zh=text, positioning_en=text, districts=[text])
            else:
                record.update(lead_units=[text], district=text)
            records.append(record)
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")
    return data


@pytest.fixture(scope="module")
def hostile_catalog(hostile_data):
    return load_catalog(hostile_data)


def test_the_corpus_is_dangerous_everywhere():
    # each string is either a formula to a spreadsheet or markup to Markdown
    assert all(t.startswith(FORMULA_START) or md_escape(t) != t for t in TEXT_HOSTILE)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("table", ["zones", "projects"])
def test_hostile_cells_are_neutralized_in_csv(hostile_catalog, table, lang):
    frame = getattr(hostile_catalog, table)
    payload = csv_bytes(build_table(table, frame, hostile_catalog.themes, lang), lang, "ids")
    rows = list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline="")))
    assert [c for row in rows for c in row if c.startswith(FORMULA_START)] == []
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    name = "name"
    for i, text in enumerate(TEXT_HOSTILE):
        row = by_id[f"{table[:-1]}_h{i}"]
        written = "'" + text if text.startswith(FORMULA_START) else text
        assert row[name] == written == neutralize_cell(text)
        if table == "projects":
            assert row["lead_units_zh" if lang == "en" else "lead_units"] == written


@pytest.fixture(scope="module")
def hostile_app_data(tmp_path_factory) -> Path:
    """The real data plus one district zone whose names and positioning are the whole corpus (the
    detail panel needs the app's pages around it, and the app needs real geometry)."""
    data = tmp_path_factory.mktemp("hostile_app") / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "zones" / "guangzhou.yaml"
    records = yaml.safe_load(path.read_text("utf-8"))
    corpus = "".join(TEXT_HOSTILE)
    records.append(
        {
            **records[0],
            "id": "zone_hostile",
            "name_zh": corpus,
            "name_en": corpus,
            "positioning_zh": corpus,
            "positioning_en": corpus,
        }
    )
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")
    return data


@pytest.fixture(scope="module")
def hostile_app(hostile_app_data):
    """Runs the app on the hostile data (its caches emptied before and after, so no other test sees it)."""
    import streamlit as st

    os.environ[DATA_DIR_ENV] = str(hostile_app_data)
    st.cache_data.clear()
    try:

        def run(**query):
            at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
            for key, value in query.items():
                at.query_params[key] = value
            return at.run()

        yield run
    finally:
        del os.environ[DATA_DIR_ENV]
        st.cache_data.clear()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_detail_panel_renders_hostile_text_as_text(hostile_app, lang):
    corpus = "".join(TEXT_HOSTILE)
    at = hostile_app(zone="zone_hostile", lang=lang)
    assert not at.exception, [e.message for e in at.exception]
    assert md_escape(corpus) in [s.value for s in at.subheader]
    rendered = "\n".join(e.value for e in (*at.markdown, *at.caption, *at.subheader))
    assert rendered.count(md_escape(corpus)) >= 2  # the name and the positioning
    # once the escaped corpus is taken out, no piece of it is left anywhere as markup
    remaining = rendered.replace(md_escape(corpus), "")
    assert [text for text in TEXT_HOSTILE if text in remaining] == []
    at.switch_page(str(ROOT / "dashboard" / "pages" / "zones.py")).run()
    assert not at.exception, [e.message for e in at.exception]
    zones = next(d.value for d in at.dataframe if d.value.columns[0] == column_label("zone_id", lang))
    assert "zone_hostile" in list(zones.iloc[:, 0])  # and listed on the Zones page's table


_ARGS = hs.lists(
    hs.one_of(
        hs.sampled_from(
            [
                "zones",
                "projects",
                "indicators",
                "places",
                "--theme",
                "--city",
                "--source",
                "--kind",
                "--match",
                "--lang",
                "--header",
                "--format",
                "--search",
                "green_finance",
                "广州",
                "all",
                "zh",
                "ids",
                "csv",
                "Shenzhen",
                "platform",
                *TEXT_HOSTILE,
            ]
        ),
        hs.text(alphabet=string.printable + "广州深圳前海<>'`$", max_size=12),
    ),
    max_size=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=_ARGS)
def test_export_arguments_never_raise(tmp_path, capsys, args):
    # in process, an unexpected exception would fail this test by itself; whether a failure reaches
    # the user as a traceback is checked from outside, in test_export
    code = export_main([*args, "-o", str(tmp_path / "out")], data_dir=FIXTURE_DATA)
    err = capsys.readouterr().err
    assert code in (0, 1, 2), err
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1, err
    if code == 1:  # the fixture has no geometry: only a GeoJSON export can fail on data
        assert "geo/" in err, err
