"""Every page through Streamlit's AppTest: renders in both languages, filters change counts and
tables, downloads are the export CLI's bytes, bad data and bad links show messages, not tracebacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st
import yaml
from streamlit.runtime.memory_media_file_storage import _calculate_file_id
from streamlit.testing.v1 import AppTest

from dashboard.catalog import DATA_DIR, DATA_DIR_ENV
from dashboard.export import main as export_main
from dashboard.text_safety import md_escape

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "dashboard/pages/map.py",
    "dashboard/pages/targets.py",
    "dashboard/pages/projects.py",
    "dashboard/pages/sources.py",
]


def _records(folder: str) -> list[dict]:
    out = []
    for path in sorted((DATA_DIR / folder).glob("*.yaml")):
        out.extend(yaml.safe_load(path.read_text("utf-8")) or [])
    return out


ZONES, PROJECTS, INDICATORS = _records("zones"), _records("projects"), _records("indicators")


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def _app(page: str | None = None, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None and page != PAGES[0]:
        at.switch_page(page).run()
    return at


def _counts_caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value[0].isdigit() or c.value.startswith(("0", "1")))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(page, lang):
    at = _app(page, lang=lang)
    assert not at.exception, at.exception
    assert at.sidebar.radio(key="flt_lang").value == lang
    headers = list(at.dataframe[0].value.columns)
    if page.endswith("sources.py"):
        assert headers[0] == ("编号" if lang == "zh" else "id")
    else:
        assert (
            headers[0]
            == {
                "zh": {"map.py": "区域编号", "targets.py": "指标编号", "projects.py": "项目编号"},
                "en": {"map.py": "zone_id", "targets.py": "indicator_id", "projects.py": "project_id"},
            }[lang][page.rsplit("/", 1)[1]]
        )


def _expected(theme: str) -> tuple[list[str], list[str], list[str]]:
    return (
        [z["id"] for z in ZONES if theme in z["themes"]],
        [p["id"] for p in PROJECTS if theme in p["themes"]],
        [i["id"] for i in INDICATORS if theme in i["themes"]],
    )


def test_picking_a_theme_changes_counts_and_tables():
    at = _app()
    assert f"{len(ZONES)} zones, {len(PROJECTS)} projects, {len(INDICATORS)} targets" in [
        c.value for c in at.caption
    ]
    at.sidebar.multiselect(key="flt_themes").set_value(["green_finance"]).run()
    zones, projects, indicators = _expected("green_finance")
    assert 0 < len(zones) < len(ZONES)
    assert f"{len(zones)} zones, {len(projects)} projects, {len(indicators)} targets" in [
        c.value for c in at.caption
    ]
    assert list(at.dataframe[0].value["zone_id"]) == zones
    assert at.query_params["theme"] == "green_finance"  # a single value is stored unwrapped
    at.switch_page(PAGES[2]).run()
    assert list(at.dataframe[0].value["project_id"]) == projects
    assert at.sidebar.multiselect(key="flt_themes").value == ["green_finance"]  # kept across pages


def test_language_switch_relabels_counts_and_headers():
    at = _app()
    at.sidebar.radio(key="flt_lang").set_value("zh").run()
    assert f"{len(ZONES)} 个功能区，{len(PROJECTS)} 个项目，{len(INDICATORS)} 项指标" in [
        c.value for c in at.caption
    ]
    assert list(at.dataframe[0].value.columns)[:3] == ["区域编号", "中文名称", "英文名称"]


@pytest.mark.parametrize(
    ("page", "table", "file_name"),
    [
        (PAGES[0], "zones", "zones.csv"),
        (PAGES[1], "indicators", "indicators.csv"),
        (PAGES[2], "projects", "projects.csv"),
    ],
)
def test_csv_download_is_the_export_cli_bytes(tmp_path, page, table, file_name):
    at = _app(page, theme=["green_finance", "fintech"], match="any", city="广州", lang="zh")
    out = tmp_path / "cli.csv"
    assert (
        export_main(
            [
                table,
                "--theme",
                "green_finance",
                "--theme",
                "fintech",
                "--city",
                "广州",
                "--lang",
                "zh",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    expected_id = _calculate_file_id(out.read_bytes(), "text/csv", file_name)
    button = next(b for b in at.download_button if b.proto.url.endswith(".csv"))
    assert button.proto.url == f"/mock/media/{expected_id}.csv"


def test_unknown_link_values_show_a_notice():
    at = _app(theme=["gold", "fintech"], city="Atlantis", lang="xx")
    assert not at.exception
    notices = [i.value for i in at.info]
    assert "Ignored unknown theme 'gold' in the link\\." in notices
    assert "Ignored unknown city 'Atlantis' in the link\\." in notices
    assert at.sidebar.multiselect(key="flt_themes").value == ["fintech"]


def test_bad_data_shows_located_problems_not_a_traceback(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "zones" / sorted(p.name for p in (data / "zones").glob("*.yaml"))[0]
    records = yaml.safe_load(path.read_text("utf-8"))
    records[0]["themes"] = ["gold_rush"]
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    at = _app()
    assert not at.exception
    assert at.error[0].value.startswith("The data failed validation")
    problems = at.markdown[0].value
    assert (
        md_escape(
            f"zones/{path.name}: record '{records[0]['id']}', field 'themes.0': unknown theme id 'gold_rush'"
        )
        in problems
    )


def test_geojson_download_is_the_export_cli_bytes(tmp_path):
    at = _app(theme="green_finance", lang="zh")
    out = tmp_path / "cli.geojson"
    assert (
        export_main(
            ["zones", "--theme", "green_finance", "--lang", "zh", "--format", "geojson", "-o", str(out)]
        )
        == 0
    )
    expected_id = _calculate_file_id(out.read_bytes(), "application/geo+json", "zones.geojson")
    urls = [b.proto.url for b in at.download_button]
    assert f"/mock/media/{expected_id}.geojson" in urls, urls
