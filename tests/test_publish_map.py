"""The exported map: one self-contained HTML file. Chromium (Debian's, driven by Playwright) opens it
from disk with every request that is not file:// aborted, and finds one zone path per zone; a hostile
zone name shows as text and runs nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page

from dashboard.catalog import DATA_DIR, load_catalog
from dashboard.filters import apply_filters
from dashboard.geodata import load_layers
from dashboard.publish.embed_map import map_html
from dashboard.view_state import ViewState
from tests.conftest import edit_yaml

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = "</script><img src=x onerror=alert(1)>${x}"
HOSTILE_POSITIONING = "<script>window.__pwned = 1</script>`${alert(2)}`"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA_DIR, data)

    def edit(records):
        zone = next(r for r in records if r["id"] == "gz_nansha")
        zone["name_en"] = zone["name_zh"] = HOSTILE
        zone["positioning_en"] = HOSTILE_POSITIONING

    edit_yaml(data / "zones" / "guangzhou.yaml", edit)
    catalog = load_catalog(data)
    return catalog, load_layers(catalog, data / "geo")


def _open(browser, path: Path):
    """A page showing the file, offline: anything but file:// is aborted and recorded."""
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    blocked: list[str] = []
    dialogs: list[str] = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    return page, blocked, dialogs


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"publish-map-{name}.png"))


def test_the_file_is_self_contained_and_reproducible(catalog, layers):
    document = map_html(catalog, layers, ViewState(), "en")
    assert document == map_html(catalog, layers, ViewState(), "en")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", document)
    assert "sourceMappingURL" not in document
    assert document.count("<script>") >= 2 and ".leaflet-container" in document


def test_hostile_text_is_escaped_in_the_file(hostile):
    document = map_html(*hostile, ViewState(), "en")
    assert "<img src=x" not in document and "</script><img" not in document
    assert "<script>window.__pwned" not in document


@pytest.mark.parametrize(
    ("state", "lang"),
    [
        (ViewState(), "en"),
        (ViewState(themes=("green_finance",)), "zh"),
        (ViewState(cities=("深圳",)), "en"),
    ],
)
def test_one_path_per_zone_offline(browser, catalog, layers, tmp_path, state, lang):
    path = tmp_path / "map.html"
    path.write_text(map_html(catalog, layers, state, lang), "utf-8")
    expected = len(apply_filters(catalog.zones, "zones", state))
    page, blocked, _ = _open(browser, path)
    try:
        zones = page.locator("path.leaflet-interactive")
        zones.first.wait_for(timeout=30_000)
        assert zones.count() == expected
        assert blocked == []
        legend = page.locator(".gba-panel").inner_text()
        assert (f"{expected} 个功能区" if lang == "zh" else f"{expected} zones") in legend
    except Exception:
        _shot(page, f"count-{lang}")
        raise
    finally:
        page.close()


def test_hostile_zone_shows_as_text_and_runs_nothing(browser, hostile, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(map_html(*hostile, ViewState(search="onerror"), "en"), "utf-8")
    page, blocked, dialogs = _open(browser, path)
    try:
        zone = page.locator("path.leaflet-interactive")
        zone.first.wait_for(timeout=30_000)
        assert zone.count() == 1
        zone.first.dispatch_event("mouseover")
        tooltip = page.locator(".leaflet-tooltip")
        tooltip.wait_for(timeout=10_000)
        assert HOSTILE in tooltip.inner_text()
        zone.first.dispatch_event("click")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        text = popup.inner_text()
        assert HOSTILE in text and HOSTILE_POSITIONING in text
        page.wait_for_timeout(300)
        assert dialogs == []
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator("img").count() == 0
        assert blocked == []
    except Exception:
        _shot(page, "hostile")
        raise
    finally:
        page.close()
