"""Many people at once: N Chromium sessions on one real server, each loading the map and changing
the theme filter several times, checked for the right zone count every time."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import async_playwright

from dashboard.catalog import load_catalog
from dashboard.filters import apply_filters
from dashboard.view_state import ViewState as FilterState
from tests.live_server import CHROMIUM, CHROMIUM_ARGS, live_server, log_errors

SEQUENCE = ("green_finance", "fintech", "cross_border")
TIMEOUT_S = 240  # per step; a step that takes longer counts the session as failed


@dataclass(frozen=True)
class ConcurrencyReport:
    sessions: int
    correct: int
    median_s: float
    p95_s: float
    peak_rss_mb: float
    wall_s: float
    server_cpu_s: float  # CPU the server spent on the whole run; the rest of the machine ran the browsers
    log_errors: int
    failures: tuple[str, ...]  # why each incorrect session failed, first line only


def _expected_counts() -> dict[str, int]:
    catalog = load_catalog()
    counts = {"": len(catalog.zones)}
    selected: list[str] = []
    for theme in SEQUENCE:
        selected.append(theme)
        counts[theme] = len(apply_filters(catalog.zones, "zones", FilterState(themes=tuple(selected))))
    return counts


async def _session(
    browser, url: str, names: dict[str, str], expected: dict[str, int]
) -> tuple[bool, float, str]:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    local = (url, "data:", "blob:")
    await page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(local) else r.abort())
    try:
        start = time.perf_counter()
        # twenty browsers share the machine's cores with the server: allow for slow first bytes; the
        # rendered map, not the page's load event, is what the session waits for and times
        await page.goto(url, wait_until="commit", timeout=TIMEOUT_S * 1000)
        zones = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
            "path.leaflet-interactive"
        )
        await _wait_count(zones, expected[""])
        rendered = time.perf_counter() - start
        # the text input, not the box: with chips in it the box's centre may be a chip
        box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first.locator("input")
        for theme in SEQUENCE:
            await box.click()
            await page.get_by_role("option", name=names[theme], exact=True).click()
            await page.keyboard.press("Escape")
            await _wait_count(zones, expected[theme])
        return True, rendered, ""
    except Exception as exc:  # a wrong count or timeout counts as an incorrect session
        return False, float("nan"), f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    finally:
        await context.close()


async def _wait_count(locator, count: int, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await locator.count() == count:
            return
        await asyncio.sleep(0.1)
    raise TimeoutError(f"expected {count} zone paths, saw {await locator.count()}")


async def _run(url: str, sessions: int) -> list[tuple[bool, float, str]]:
    catalog = load_catalog()
    names = dict(zip(catalog.themes["id"], catalog.themes["name_en"], strict=True))
    expected = _expected_counts()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return await asyncio.gather(*(_session(browser, url, names, expected) for _ in range(sessions)))
        finally:
            await browser.close()


def run_sessions(sessions: int = 20) -> ConcurrencyReport:
    """Run the sessions against a fresh server; sample its memory while they run."""
    log = Path(tempfile.mkdtemp()) / "streamlit.log"
    with live_server(log) as server:
        peak = [server.rss_mb()]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak.append(server.rss_mb())
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        cpu_before = server.cpu_seconds()
        started = time.perf_counter()
        try:
            results = asyncio.run(_run(server.url, sessions))
        finally:
            done.set()
            sampler.join()
        server_cpu = server.cpu_seconds() - cpu_before
        wall = time.perf_counter() - started
    times = sorted(t for ok, t, _ in results if ok)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))] if times else float("nan")
    return ConcurrencyReport(
        sessions=sessions,
        correct=sum(ok for ok, _, _ in results),
        median_s=statistics.median(times) if times else float("nan"),
        p95_s=p95,
        peak_rss_mb=max(peak),
        server_cpu_s=server_cpu,
        wall_s=wall,
        log_errors=len(log_errors(log)),
        failures=tuple(why for ok, _, why in results if not ok),
    )
