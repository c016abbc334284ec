"""Every page through Streamlit's AppTest, on the real data: renders in every language, filters change
counts and tables, each table on screen is the table its CSV download holds (the export CLI's bytes),
a link reopens its view, bad data and bad links give messages, never a traceback."""

from __future__ import annotations

import pytest
import streamlit as st
import streamlit.testing.v1.app_test as app_test_module
import yaml
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import _calculate_file_id
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from dashboard.catalog import DATA_DIR_ENV
from dashboard.export import main as export_main
from dashboard.i18n import LANGS, column_label
from dashboard.tables import build_table, csv_bytes, labelled
from dashboard.text_safety import md_escape
from dashboard.ui.pages import PAGES as NAVIGATION
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("app_error_details")

# every page the navigation declares, each with the table it always shows (if any)
PAGES = {path: f"dashboard/pages/{file}" for file, _title, _icon, path in NAVIGATION}
FIRST_TABLE = {"zones": "zones", "targets": "indicators", "projects": "projects", "sources": "sources"}
ID_COLUMN = {
    "zones": "zone_id",
    "indicators": "indicator_id",
    "projects": "project_id",
    "places": "place_id",
    "sources": "id",
}


def _app(page: str = "map", **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "map":
        at.switch_page(PAGES[page]).run()
    return at


def _table_on_screen(at: AppTest, table: str, lang: str):
    header = column_label(ID_COLUMN[table], lang)
    return next(d.value for d in at.dataframe if list(d.value.columns)[:1] == [header])


@pytest.fixture
def downloads(monkeypatch):
    """The URL each download button of a run serves, the ones made when pressed included: AppTest's
    media manager is recorded so a deferred download can be made as a press would make it."""
    managers: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)

    def urls(at: AppTest) -> list[str]:
        made = []
        for button in at.download_button:
            if button.proto.deferred_file_id:
                made.append(managers[-1].execute_deferred(button.proto.deferred_file_id))
            else:
                made.append(button.proto.url)
        return made

    return urls


def _download_url(payload: bytes, mime: str, file_name: str) -> str:
    extension = file_name.rsplit(".", 1)[1]
    return f"/mock/media/{_calculate_file_id(payload, mime, file_name)}.{extension}"


def _with_theme(frame, theme: str) -> list[str]:
    return [r.id for r in frame.itertuples() if theme in r.themes]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_renders_in_every_language(lang):
    assert set(FIRST_TABLE) <= set(PAGES) and len(PAGES) >= 4
    at = _app(lang=lang)  # one session visits every page, as a visitor would
    title = {"zh": "粤港澳大湾区金融功能区", "zh-Hant": "粵港澳大灣區金融功能區"}.get(
        lang, "GBA Finance Zones"
    )
    for page in PAGES:
        if page != "map":
            at.switch_page(PAGES[page]).run()
        assert not at.exception, (page, [e.message for e in at.exception])
        assert at.sidebar.radio(key="flt_lang").value == lang, page
        if page in FIRST_TABLE:
            assert _table_on_screen(at, FIRST_TABLE[page], lang).shape[0] > 0, page
        assert at.title[0].value == title, page


def test_english_headers_are_labels_and_chinese_too():
    assert list(_app("zones").dataframe[0].value.columns)[:3] == ["Zone ID", "Name", "Name (Chinese)"]
    assert list(_app("projects", lang="zh").dataframe[0].value.columns)[:3] == ["项目编号", "名称", "城市"]


def test_the_map_page_draws_no_table():
    """Streamlit's table code is most of a first visit's bytes: the Map links to the Zones page."""
    at = _app()
    assert not at.exception, [e.message for e in at.exception]
    assert len(at.dataframe) == 0


def test_picking_a_theme_changes_counts_and_tables(real_catalog):
    zones, projects, indicators = (getattr(real_catalog, t) for t in ("zones", "projects", "indicators"))
    at = _app()
    assert f"{len(zones)} zones, {len(projects)} projects, {len(indicators)} targets" in [
        c.value for c in at.caption
    ]
    at.sidebar.multiselect(key="flt_themes").set_value(["green_finance"]).run()
    expected = [_with_theme(t, "green_finance") for t in (zones, projects, indicators)]
    assert 0 < len(expected[0]) < len(zones)
    assert f"{len(expected[0])} zones, {len(expected[1])} projects, {len(expected[2])} targets" in [
        c.value for c in at.caption
    ]
    at.switch_page(PAGES["zones"]).run()
    assert list(_table_on_screen(at, "zones", "en")["Zone ID"]) == expected[0]
    assert at.query_params["theme"] == "green_finance"  # AppTest gives a single value unwrapped
    at.switch_page(PAGES["projects"]).run()
    assert list(_table_on_screen(at, "projects", "en")["Project ID"]) == expected[1]
    assert at.sidebar.multiselect(key="flt_themes").value == ["green_finance"]  # kept across pages
    at.switch_page(PAGES["targets"]).run()
    assert list(_table_on_screen(at, "indicators", "en")["Target ID"]) == expected[2]


def test_language_switch_relabels_counts_and_headers(real_catalog):
    at = _app()
    at.sidebar.radio(key="flt_lang").set_value("zh").run()
    counts = (len(real_catalog.zones), len(real_catalog.projects), len(real_catalog.indicators))
    assert "{} 个功能区，{} 个项目，{} 项指标".format(*counts) in [c.value for c in at.caption]
    at.switch_page(PAGES["zones"]).run()
    assert list(_table_on_screen(at, "zones", "zh").columns)[:3] == ["区域编号", "名称", "城市"]
    assert at.query_params["lang"] == "zh"


def test_a_link_reopens_its_view(real_catalog):
    at = _app("zones", theme=["green_finance", "fintech"], match="all", city="Guangzhou", lang="zh")
    assert not at.exception, [e.message for e in at.exception]
    assert at.sidebar.multiselect(key="flt_themes").value == ["green_finance", "fintech"]
    assert at.sidebar.multiselect(key="flt_cities").value == ["广州"]
    expected = [
        z.id
        for z in real_catalog.zones.itertuples()
        if {"green_finance", "fintech"} <= set(z.themes) and z.city == "广州"
    ]
    assert list(_table_on_screen(at, "zones", "zh")["区域编号"]) == expected
    assert at.query_params["city"] == "广州"  # the link now names the city as the catalog does


def test_a_zone_in_the_link_opens_its_detail(real_catalog):
    zone = real_catalog.zones.set_index("id").loc["sz_qianhai"]
    at = _app(zone="sz_qianhai")
    assert not at.exception, [e.message for e in at.exception]
    assert md_escape(zone["name_en"]) in [s.value for s in at.subheader]
    assert at.button(key="clear_zone").click().run().session_state["flt_zone"] == ""


# the tables whose downloads each page offers (the Map offers the zones' files without the table)
PAGE_TABLES = {
    "map": ("zones",),
    "zones": ("zones",),
    "targets": ("indicators",),
    "projects": ("projects", "places"),
}


def _theme_everywhere(catalog, city: str) -> str:
    """A theme that some (not all) records of every table in the city have."""
    for theme in catalog.themes["id"]:
        counts = []
        for table in ("zones", "projects", "indicators", "places"):
            frame = getattr(catalog, table)
            city_of = frame["scope" if table == "indicators" else "city"]
            counts.append(int(((city_of == city) & frame["themes"].map(lambda ts, t=theme: t in ts)).sum()))
        if all(counts):
            return theme
    raise AssertionError(f"no theme has records of every table in {city}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_download_is_the_table_on_screen_and_the_cli_bytes(real_catalog, tmp_path, lang, downloads):
    # one theme (a repeated link parameter is test_a_link_reopens_its_view's business)
    theme = _theme_everywhere(real_catalog, "广州")
    at = _app(theme=theme, city="广州", lang=lang)
    for page, tables in PAGE_TABLES.items():
        if page != "map":
            at.switch_page(PAGES[page]).run()
        assert not at.exception, (page, [e.message for e in at.exception])
        urls = downloads(at)
        for table in tables:
            frame = getattr(real_catalog, table)
            records = frame[
                frame["themes"].map(lambda ts: theme in ts)
                & (frame["scope" if table == "indicators" else "city"] == "广州")
            ]
            assert 0 < len(records) < len(frame), table
            expected = build_table(table, records, real_catalog.themes, lang)
            if page != "map":
                shown = _table_on_screen(at, table, lang)
                assert list(shown.columns) == list(labelled(expected, lang).columns), table
                assert shown.astype(str).values.tolist() == expected.astype(str).values.tolist(), table
            payload = csv_bytes(expected, lang)
            out = tmp_path / f"{table}.csv"
            assert (
                export_main([table, "--theme", theme, "--city", "广州", "--lang", lang, "-o", str(out)]) == 0
            )
            assert out.read_bytes() == payload, table
            assert _download_url(payload, "text/csv", f"{table}.csv") in urls, (table, urls)
        if "zones" in tables:  # and the zones as GeoJSON, full geometry, as the CLI writes them
            out = tmp_path / "zones.geojson"
            args = ["zones", "--theme", theme, "--city", "广州", "--lang", lang, "--format", "geojson"]
            assert export_main([*args, "-o", str(out)]) == 0
            assert _download_url(out.read_bytes(), "application/geo+json", "zones.geojson") in urls


def test_the_sources_page_opens_the_cited_passage(real_catalog):
    zone = real_catalog.zones.set_index("id").loc["gz_yuexiu"]
    at = _app("sources", rtype="zones", record="gz_yuexiu", cite="1")
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["flt_record"] == "gz_yuexiu" and at.session_state["flt_cite"] == "1"
    passage = next(h.proto.body for h in at.get("html") if "plan-passage" in h.proto.body)
    quote = zone["citations"][1].quote
    marked = passage.split("<mark>")[1].split("</mark>")[0]
    assert "".join(marked.replace("<br>", "").split()) == "".join(quote.split())


def _opened_at(entry: str, **query) -> AppTest:
    """A fresh session opened from a link to the site's root (the Map) or to /map (a hidden page
    that forwards to the Map). AppTest switches only to file pages, and only after a first run, so
    the first run is pointed at /map's page the way Streamlit names it: by the hash of its path."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if entry == "map":
        at._page_hash = calc_hash("map")
    return at.run()


@pytest.mark.parametrize("entry", ["root", "map"])
def test_unknown_link_values_show_a_notice(entry):
    at = _opened_at(entry, theme=["gold", "fintech"], city="Atlantis", lang="xx")
    assert not at.exception, [e.message for e in at.exception]
    notices = "\n".join(i.value for i in at.info)
    assert md_escape("3 part(s) of the link were not recognised and were ignored:") in notices
    for key, value in (("theme", "gold"), ("city", "Atlantis"), ("lang", "xx")):
        assert md_escape(f"Ignored unknown {key} in the link: {value}") in notices
    assert at.sidebar.multiselect(key="flt_themes").value == ["fintech"]


@pytest.fixture
def app_on(monkeypatch):
    """Point the app at another data folder; its caches are emptied before and after."""

    def use(folder):
        monkeypatch.setenv(DATA_DIR_ENV, str(folder))
        st.cache_data.clear()

    yield use
    st.cache_data.clear()


def test_bad_data_shows_located_problems_not_a_traceback(real_data_copy, app_on):
    path = real_data_copy / "zones" / "dongguan.yaml"
    records = yaml.safe_load(path.read_text("utf-8"))
    records[0]["themes"][0]["id"] = "gold_rush"
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")
    app_on(real_data_copy)
    at = _app()
    assert not at.exception, [e.message for e in at.exception]
    assert at.error[0].value.startswith("The data failed validation")
    problem = (
        f"zones/dongguan.yaml: record '{records[0]['id']}', field 'themes.0': unknown theme id 'gold_rush'"
    )
    assert md_escape(problem) in at.markdown[0].value
