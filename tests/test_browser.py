"""One real-browser path: Debian's Chromium, driven by Playwright, against `streamlit run`.

No internet: every request that is not to the local server is aborted, so the map must draw with
the app-served Leaflet only (basemap tiles simply stay blank). Screenshots go to test-artifacts/
when a step fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.export import main as export_main
from dashboard.filters import apply_filters
from dashboard.geodata import display_zones
from dashboard.view_state import ViewState
from tests.live_server import log_errors

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
THEME = "green_finance"


def _offline(page: Page, base_url: str) -> list[str]:
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(base_url) or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return blocked


@pytest.fixture(scope="module")
def expected_zones(real_catalog, real_layers):
    def expected(theme: str | None) -> tuple[int, str]:
        """Zone count for the filter, and the name of the smallest zone (drawn last, on top)."""
        state = ViewState(themes=(theme,) if theme else ())
        shown = display_zones(real_layers, apply_filters(real_catalog.zones, "zones", state), "wgs84")
        smallest = shown.loc[shown.to_crs(6933).area.idxmin()]
        return len(shown), smallest["name_en"]

    return expected


def test_map_filter_click_download(server, browser, tmp_path, expected_zones):
    url = server.url
    context = browser.new_context(viewport={"width": 1500, "height": 1100}, accept_downloads=True)
    page = context.new_page()
    blocked = _offline(page, url)
    step = "open"
    try:
        page.goto(url)
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        zones = frame.locator("path.leaflet-interactive")
        all_count, _ = expected_zones(None)
        expect(zones).to_have_count(all_count, timeout=60_000)
        # a mark on the Leaflet map object: it survives only if the map is updated in place
        map_frame = next(f for f in page.frames if "streamlit_folium" in f.url)
        map_frame.evaluate("() => { window.map_div.__probe = 'same map'; }")

        step = "choose theme"
        # the box labelled Themes, not merely the first one (a rerun may still be drawing the sidebar)
        themes_box = (
            page.get_by_test_id("stSidebar")
            .get_by_test_id("stMultiSelect")
            .filter(has=page.get_by_text("Themes", exact=True))
        )
        expect(themes_box).to_have_count(1, timeout=30_000)
        themes_box.click()
        page.get_by_role("option", name="Green finance", exact=True).click()
        page.keyboard.press("Escape")
        theme_count, smallest_name = expected_zones(THEME)
        assert theme_count < all_count
        expect(zones).to_have_count(theme_count, timeout=30_000)
        assert f"theme={THEME}" in page.url
        assert map_frame.evaluate("() => window.map_div.__probe") == "same map"  # no rebuild, no blink

        step = "click zone"
        zones.last.dispatch_event("click")
        expect(page.get_by_role("heading", name=smallest_name)).to_be_visible(timeout=30_000)

        step = "download"
        with page.expect_download(timeout=30_000) as info:
            page.get_by_role("button", name="Download CSV").first.click()
        downloaded = tmp_path / "app.csv"
        info.value.save_as(downloaded)
        cli = tmp_path / "cli.csv"
        assert export_main(["zones", "--theme", THEME, "-o", str(cli)]) == 0
        assert downloaded.read_bytes() == cli.read_bytes()

        step = "language"
        page.get_by_test_id("stSidebar").get_by_text("简体中文", exact=True).click()
        expect(page.get_by_text(f"{theme_count} 个功能区", exact=False)).to_be_visible(timeout=30_000)
        expect(zones).to_have_count(theme_count)
        assert map_frame.evaluate("() => window.map_div.__probe") == "same map"

        step = "server log"
        assert log_errors(server.log) == []
        assert not [u for u in blocked if "leaflet" in u], blocked
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"browser-failure-{step.replace(' ', '-')}.png"), full_page=True)
        raise
    finally:
        context.close()
