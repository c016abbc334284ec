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
from playwright.sync_api import Page, expect

from tests.live_server import log_errors

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
EXTRA_CHROMIUM_ARGS = (OFFLINE,)  # read by the `browser` fixture
FRAME = "iframe[title='streamlit_folium.st_folium']"
VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
CLICKS_PER_VIEW = 4

# For each visible zone path: a point inside it, as near the map's edge as the path reaches; `top` is
# the first row of the frame that the page's fixed header leaves uncovered.
_EDGE_POINT = """(_body, [index, top]) => {
  const paths = [...document.querySelectorAll('path.leaflet-interactive')];
  const target = paths[index];
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const box = target.getBoundingClientRect();
  const x0 = Math.max(box.left, map.left + 4), x1 = Math.min(box.right, map.right - 4);
  const y0 = Math.max(box.top, map.top + 4, top + 4), y1 = Math.min(box.bottom, map.bottom - 4);
  if (x1 <= x0 || y1 <= y0) return null;
  let best = null;
  for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) {
    const x = x0 + (x1 - x0) * i / 20, y = y0 + (y1 - y0) * j / 20;
    if (document.elementFromPoint(x, y) !== target) continue;
    const edge = Math.min(x - map.left, map.right - x, y - map.top, map.bottom - y);
    const around = [[-2, 0], [2, 0], [0, -2], [0, 2]];  // off by a pixel is still inside this zone
    if (around.some(([dx, dy]) => document.elementFromPoint(x + dx, y + dy) !== target)) continue;
    if (!best || edge < best.edge) best = {x, y, edge};
  }
  return best;
}"""


_RECORD_CLICK = """() => {
  window.__clickSeen = null;
  document.addEventListener('click', (e) => {
    const cls = e.target.className;
    window.__clickSeen = {x: e.clientX, y: e.clientY, tag: e.target.tagName, cls: String(cls.baseVal ?? cls)};
  }, {capture: true, once: true});
}"""
# what the map saw of a click that did not select: the element hit, st_folium's click count and feature
_CLICK_SEEN = """() => ({seen: window.__clickSeen,
  count: window.__GLOBAL_DATA__.last_object_clicked_count,
  zone: window.__GLOBAL_DATA__.last_active_drawing?.properties?.zone_id,
  sent: JSON.stringify(window.__GLOBAL_DATA__.previous_data).slice(0, 200)})"""


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
            frame_element.scroll_into_view_if_needed()
            before = _settled_box(page, frame_element)
            map_top = frame.locator(".leaflet-container").evaluate("m => m.getBoundingClientRect().top")
            # a click while the last one's run is still going may be dropped by the map component
            expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
            page.mouse.move(0, 0)  # off the map: no zone keeps its hover outline over a neighbour
            header = page.get_by_test_id("stHeader").bounding_box()
            uncovered = header["y"] + header["height"] - before["y"]
            point = frame.locator("body").evaluate(_EDGE_POINT, [index, uncovered])
            if point is None:
                continue
            url_before = page.url
            frame.locator("body").evaluate(_RECORD_CLICK)
            x, y = before["x"] + point["x"], before["y"] + point["y"]
            hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.tagName", [x, y])
            assert hit == "IFRAME", f"the point {x, y} of zone path {index} is covered by {hit}"
            page.mouse.click(x, y)
            # the zone selected is the one under the pointer: its id reaches the link
            try:
                page.wait_for_function("(before) => location.href !== before", arg=url_before, timeout=30_000)
            except Exception as exc:
                seen = frame.locator("body").evaluate(_CLICK_SEEN)
                raise AssertionError(f"click {clicked} at {point} in {before} not taken: {seen}") from exc
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
