"""The Compare page through AppTest: renders in every language, keeps its state in the URL, offers
the export CLI's bytes as its downloads; the Map page outlines a designation's claiming zones and
the Sources page opens a claim's passage."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.memory_media_file_storage import _calculate_file_id
from streamlit.testing.v1 import AppTest

from dashboard.export import main as export_main

ROOT = Path(__file__).resolve().parent.parent
COMPARE = "dashboard/pages/compare.py"
SECTIONS = {
    "en": ["Compare", "Themes × cities", "Shared designations", "Zone vs zone", "Targets side by side"],
    "zh": ["比较", "主题 × 城市", "多方主张的称号", "功能区对比", "指标并列"],
    "zh-Hant": ["比較", "主題 × 城市", "多方主張的稱號", "功能區對比", "指標並列"],
}


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def _app(page: str | None = COMPARE, multi: dict | None = None, **query) -> AppTest:
    """The app on `page` with a link's single-valued `query`; `multi` sets multi-valued parameters
    through their widgets (the root's forward to the Map keeps one value per key under AppTest)."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    for name, values in (multi or {}).items():
        at.multiselect(key=f"flt_{name}").set_value(values).run()
    return at


def _download_url(tmp_path: Path, args: list[str], file_name: str) -> str:
    out = tmp_path / file_name
    assert export_main([*args, "-o", str(out)]) == 0
    return f"/mock/media/{_calculate_file_id(out.read_bytes(), 'text/csv', file_name)}.csv"


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_the_page_renders_every_section(lang):
    at = _app(lang=lang)
    assert not at.exception, at.exception
    headings = [s.value for s in at.subheader]
    assert headings[:5] == SECTIONS[lang]
    assert len(headings) == 6  # and plan emphasis
    assert len(at.download_button) == 6
    assert at.query_params["cmp_designation"] == "gba_insurance_service_centre"  # the most shared


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_downloads_are_the_cli_bytes(tmp_path, lang):
    at = _app(
        lang=lang, theme="insurance", kind="district", cmp_of="projects", multi={"cities": ["广州", "东莞"]}
    )
    assert not at.exception, at.exception
    urls = [b.proto.url for b in at.download_button]
    matrix = ["matrix", "--of", "projects", "--city", "广州", "--city", "东莞", "--theme", "insurance"]
    assert (
        _download_url(tmp_path, [*matrix, "--kind", "district", "--lang", lang], "matrix_projects.csv")
        in urls
    )
    claims = ["designations", "--city", "广州", "--city", "东莞", "--lang", lang]
    assert _download_url(tmp_path, claims, "designations.csv") in urls


def test_the_state_is_in_the_url():
    at = _app(cmp_of="targets", cmp_zones="sz_qianhai", cmp_designation="ip_securitisation")
    assert at.multiselect(key="flt_compare_zones").value == ["sz_qianhai"]
    at.multiselect(key="flt_compare_zones").set_value(["sz_qianhai", "gz_nansha"]).run()
    assert not at.exception, at.exception
    assert at.radio(key="flt_compare_of").value == "targets"
    assert at.multiselect(key="flt_compare_zones").value == ["sz_qianhai", "gz_nansha"]
    assert at.selectbox(key="flt_compare_designation").value == "ip_securitisation"
    at.radio(key="flt_compare_of").set_value("zones").run()
    at.multiselect(key="flt_compare_zones").set_value(["dg_songshanhu", "gz_nansha", "sz_qianhai"]).run()
    assert "cmp_of" not in at.query_params  # the default is left out
    assert at.query_params["cmp_zones"] == ["dg_songshanhu", "gz_nansha", "sz_qianhai"]
    assert at.query_params["cmp_designation"] == "ip_securitisation"


def test_one_zone_asks_for_another():
    at = _app(cmp_zones="gz_nansha")
    assert not at.exception
    assert "Choose at least two zones." in [i.value for i in at.info]


def test_the_map_outlines_a_designations_zones():
    at = _app(page=None, designation="gba_insurance_service_centre")
    assert not at.exception, at.exception
    note = next(i.value for i in at.info if i.value.startswith("Outlined"))
    assert "Nansha District" in note and "Qianhai" in note
    at.button(key="clear_designation").click().run()
    assert "designation" not in at.query_params


def test_a_claims_passage_opens_on_the_sources_page():
    at = _app(
        page="dashboard/pages/sources.py",
        rtype="designations",
        record="gba_insurance_service_centre",
        cite="1",
    )
    assert not at.exception, at.exception
    assert at.selectbox(key="flt_record_kind").value == "designations"
    assert any("三（一）3" in c.value for c in at.caption)


@pytest.mark.parametrize(
    "query",
    [
        {"q": "no such name"},
        {"city": "珠海", "lang": "zh"},
        {"q": "'); alert(1); `${x}` \\1 :red[x] $x$"},
    ],
    ids=["nothing", "one small city", "hostile search"],
)
def test_empty_and_hostile_views_show_messages_not_tracebacks(query):
    at = _app(**query)
    assert not at.exception, at.exception
    assert len(at.info) >= 2  # no shared designation, nothing to compare
    assert len(at.download_button) >= 4  # the matrix, its links, the claims, the zones stay downloadable


def test_the_kind_filter_does_not_narrow_target_counts():
    at = _app(cmp_of="targets", kind="district")
    assert not at.exception
    assert "The zone-kind filter does not narrow targets" in " ".join(c.value for c in at.caption)
