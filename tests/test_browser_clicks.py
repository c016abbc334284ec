"""The gestures a new user tries first, in Debian's Chromium against `streamlit run`: clicking zones
where they run to the map's edge (desktop and phone, with and without a filter), a `?zone=` link,
and a citation link that opens the Sources page at its quote.

Non-local hosts do not resolve (a host-resolver rule, not request interception, which Streamlit's
client does not survive on a page path such as /sources), so the map draws with the app's Leaflet.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.live_server import CHROMIUM, CHROMIUM_ARGS, live_server, log_errors

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
FRAME = "iframe[title='streamlit_folium.st_folium']"
VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
CLICKS_PER_VIEW = 4

# For each visible zone path: a point inside it, as near the map's edge as the path reaches.
_EDGE_POINT = """(index) => {
  const paths = [...document.querySelectorAll('path.leaflet-interactive')];
  const target = paths[index];
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const box = target.getBoundingClientRect();
  const x0 = Math.max(box.left, map.left + 4), x1 = Math.min(box.right, map.right - 4);
  const y0 = Math.max(box.top, map.top + 4), y1 = Math.min(box.bottom, map.bottom - 4);
  if (x1 <= x0 || y1 <= y0) return null;
  let best = null;
  for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) {
    const x = x0 + (x1 - x0) * i / 20, y = y0 + (y1 - y0) * j / 20;
    if (document.elementFromPoint(x, y) !== target) continue;
    const edge = Math.min(x - map.left, map.right - x, y - map.top, map.bottom - y);
    if (!best || edge < best.edge) best = {x, y, edge};
  }
  return best;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("server") / "streamlit.log") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run bash scripts/setup.sh --dev")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, OFFLINE])
        yield chromium
        chromium.close()


def _open(browser, url: str, viewport: dict) -> Page:
    page = browser.new_page(viewport=viewport)
    page.goto(url)
    page.frame_locator(FRAME).locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
    return page


def _settled_box(page: Page, element) -> dict:
    """The element's box once it has stopped moving (a phone scrolls smoothly to the detail)."""
    box = element.bounding_box()
    for _ in range(40):
        page.wait_for_timeout(100)
        again = element.bounding_box()
        if again == box:
            return box
        box = again
    return box


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("query", ["", "theme=green_finance"])
def test_a_click_near_the_map_edge_opens_that_zone_and_the_map_stays_put(
    server, browser, viewport, query, real_catalog
):
    names = dict(zip(real_catalog.zones["id"], real_catalog.zones["name_en"], strict=True))
    page = _open(browser, f"{server.url}/?{query}", VIEWPORTS[viewport])
    try:
        frame_element = page.locator(FRAME)
        frame = frame_element.content_frame
        count = frame.locator("path.leaflet-interactive").count()
        clicked = 0
        for index in range(count):
            if clicked == CLICKS_PER_VIEW:
                break
            point = frame.locator("body").evaluate(f"() => ({_EDGE_POINT})({index})")
            if point is None:
                continue
            frame_element.scroll_into_view_if_needed()
            before = _settled_box(page, frame_element)
            map_top = frame.locator(".leaflet-container").evaluate("m => m.getBoundingClientRect().top")
            url_before = page.url
            page.mouse.click(before["x"] + point["x"], before["y"] + point["y"])
            # the zone selected is the one under the pointer: its id reaches the link
            page.wait_for_function("(before) => location.href !== before", arg=url_before, timeout=30_000)
            expect(page).to_have_url(re.compile(r"zone="), timeout=30_000)
            zone_id = parse_qs(urlparse(page.url).query)["zone"][0]
            name = names[zone_id]
            # the detail panel shows the zone under the pointer, the link names it, an outline marks it
            expect(page.locator("h3", has_text=name).first).to_be_visible(timeout=30_000)
            assert "zone=" in page.url
            outline = frame.locator("path[stroke='#111111']")
            expect(outline).to_have_count(1, timeout=10_000)
            after = frame_element.bounding_box()
            assert abs(after["y"] - before["y"]) < 1 or viewport == "phone", (before, after)
            assert (
                frame.locator(".leaflet-container").evaluate("m => m.getBoundingClientRect().top") == map_top
            )
            assert frame.locator(".leaflet-container:focus").count() == 0  # no focus box
            clicked += 1
        assert clicked == CLICKS_PER_VIEW, f"only {clicked} zones had a point inside the map"
        assert log_errors(server.log) == []
    except Exception:
        _shot(page, f"clicks-{viewport}-{query or 'all'}")
        raise
    finally:
        page.close()


@pytest.mark.parametrize(("lang", "name"), [("zh", "花都区"), ("en", "Huadu District")])
def test_a_zone_link_opens_the_map_with_that_zone(server, browser, lang, name):
    page = _open(browser, f"{server.url}/?zone=gz_huadu&lang={lang}", VIEWPORTS["desktop"])
    try:
        expect(page.locator("h3", has_text=name).first).to_be_visible(timeout=30_000)
        expect(page.frame_locator(FRAME).locator("path[stroke='#111111']")).to_have_count(1, timeout=10_000)
    except Exception:
        _shot(page, f"zone-link-{lang}")
        raise
    finally:
        page.close()


def test_a_citation_link_opens_the_sources_page_at_its_quote(server, browser, real_catalog):
    zone = real_catalog.zones.set_index("id").loc["gz_huadu"]
    quote = zone["citations"][0].quote
    page = _open(browser, f"{server.url}/?zone=gz_huadu&lang=en", VIEWPORTS["desktop"])
    try:
        page.get_by_role("link", name="Open in the plan").first.click()
        expect(page.locator(".plan-passage mark")).to_be_visible(timeout=30_000)
        assert "/sources" in page.url and "record=gz_huadu" in page.url
        marked = page.locator(".plan-passage mark").inner_text()
        assert "".join(marked.split()) == "".join(quote.split())
        page.reload()  # the address alone reopens the same passage
        expect(page.locator(".plan-passage mark")).to_have_text(marked, timeout=30_000)
    except Exception:
        _shot(page, "citation-link")
        raise
    finally:
        page.close()
