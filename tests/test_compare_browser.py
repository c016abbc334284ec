"""The Compare page in a real browser (Debian's Chromium via Playwright, `streamlit run`, every
non-local request aborted): a click on a matrix cell opens the Map on that theme and city with as
many zones drawn as the cell counts; a cell's link does the same; "show on map" outlines a
designation's claiming zones. Screenshots go to test-artifacts/ when a step fails."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from dashboard.compare.designations import claiming_zones
from dashboard.compare.matrix import links_table, theme_city_matrix
from dashboard.filters import filtered
from dashboard.map.zones import OUTLINED_COLOUR
from dashboard.view_state import ViewState
from tests.live_server import log_errors

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _offline(page: Page, base_url: str) -> None:
    def route(r):
        local = r.request.url.startswith((base_url, "data:", "blob:"))
        r.continue_() if local else r.abort()

    page.route("**/*", route)


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _step(page: Page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"compare-failure-{name}.png"), full_page=True)


def test_a_matrix_cell_opens_the_map_with_its_zones(server, browser, real_catalog):
    counts = theme_city_matrix(real_catalog, filtered(real_catalog, ViewState()), ViewState(), "zones")
    expected = int(counts.loc["green_finance", "广州"])
    assert expected > 0
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    _offline(page, server.url)
    step = "open"
    try:
        page.goto(f"{server.url}/compare")
        cell = page.locator('path[aria-label^="city_label: Guangzhou; theme: Green finance;"]')
        expect(cell).to_have_count(1, timeout=60_000)
        step = "click cell"
        cell.click(force=True)  # the count drawn on the cell sits on top of it; the click is the cell's
        page.wait_for_url(lambda url: "theme=green_finance" in url, timeout=30_000)
        assert _query(page.url)["theme"] == ["green_finance"] and _query(page.url)["city"] == ["广州"]
        step = "map"
        zones = page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive")
        expect(zones).to_have_count(expected, timeout=60_000)
        expect(page.get_by_text(f"{expected} zones,", exact=False)).to_be_visible()
        assert log_errors(server.log) == []
    except Exception:
        _step(page, step)
        raise
    finally:
        page.close()


def test_a_cells_link_opens_the_same_view(server, browser, real_catalog):
    state = ViewState(lang="zh")
    counts = theme_city_matrix(real_catalog, filtered(real_catalog, state), state, "zones")
    link = links_table(counts, real_catalog.themes, state, "zones").iloc[0]
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    _offline(page, server.url)
    try:
        page.goto(f"{server.url}/{link['map_link'].removeprefix('./')}")
        zones = page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive")
        expect(zones).to_have_count(int(link["count"]), timeout=60_000)
        assert _query(page.url)["theme"] == [link["theme_id"]]
    except Exception:
        _step(page, "link")
        raise
    finally:
        page.close()


def test_show_on_map_outlines_the_claiming_zones(server, browser, real_catalog):
    outlined = claiming_zones(real_catalog, "gba_insurance_service_centre")
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    _offline(page, server.url)
    try:
        page.goto(f"{server.url}/compare")
        page.get_by_role("link", name="Show the claiming zones on the map").click(timeout=60_000)
        page.wait_for_url(lambda url: "designation=gba_insurance_service_centre" in url, timeout=30_000)
        frame = page.frame_locator(MAP_FRAME)
        expect(frame.locator(f'path[stroke="{OUTLINED_COLOUR}"]')).to_have_count(
            len(outlined), timeout=60_000
        )
        expect(page.get_by_text("Outlined: the zones claiming", exact=False)).to_be_visible()
    except Exception:
        _step(page, "outline")
        raise
    finally:
        page.close()
