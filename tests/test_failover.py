"""Failover with real parts: two `streamlit run` replicas behind Debian's nginx, Chromium in front.

deploy/launch.py starts the replicas and an nginx of its own (deploy/nginx.conf.template) on free
localhost ports, with the config, pid, logs and temp files in a tmp directory. The browser opens a
filtered view through nginx. Each replica is asked directly (not through nginx) how many sessions it
holds; the one holding the page's session is killed. The page must then reconnect through nginx to
the other replica and show the same view again: the new WebSocket brings the zone count, the map draws
the same zone paths, the URL is unchanged, the page was not reloaded, and no exception, "Connection
error" or connecting status is left showing. Then the lost replica is restarted and the browser stays
with the one that now holds its session. Every wait is bounded; nginx and the replicas are stopped
whatever happens. No request leaves the machine.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, WebSocket, expect

from dashboard.export import main as export_main
from dashboard.filters import filtered
from dashboard.geodata import display_zones
from dashboard.i18n import counts_line
from dashboard.view_state import ViewState
from deploy.launch import COOKIE, NGINX, Deployment, Upstream, http_status, render_config
from tests.live_server import free_port, log_errors

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
THEME, CITY = "green_finance", "广州"
VIEW = f"/?theme={THEME}&city={quote(CITY)}"
WAIT_MS = 30_000
FIRST_RENDER_MS = 45_000  # the first page of a fresh replica, on a busy machine


def _free_ports(n: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < n:
        ports.add(free_port())
    return sorted(ports)


@pytest.fixture
def deployment(tmp_path):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run bash scripts/setup.sh --dev")
    listen, *ports = _free_ports(3)
    # As root, nginx's workers would switch to www-data, which cannot enter pytest's private tmp
    # directory for its temp files; here they stay root. Not root: they run as the user, as ever.
    with Deployment(
        tmp_path / "run", listen=f"127.0.0.1:{listen}", ports=ports, user="root", startup_timeout=45
    ) as running:
        yield running


@pytest.fixture
def expected_view(real_catalog, real_layers) -> tuple[str, int, str]:
    """The view's count line, how many zone paths its map draws, the smallest zone (drawn last)."""
    shown = filtered(real_catalog, ViewState(themes=(THEME,), cities=(CITY,)))
    counts = counts_line(len(shown.zones), len(shown.projects), len(shown.indicators), "en")
    drawn = display_zones(real_layers, shown.zones, "wgs84")
    assert 0 < len(drawn) < len(real_catalog.zones), "the view must be a real filter"
    return counts, len(drawn), drawn.loc[drawn.to_crs(6933).area.idxmin()]["name_en"]


def _until(page: Page, done: Callable[[], bool], what: str, timeout: float = WAIT_MS / 1000) -> None:
    """Wait for a condition, letting Playwright deliver its events meanwhile."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        page.wait_for_timeout(100)


def _replica_cookie(page: Page) -> str | None:
    return next((c["value"] for c in page.context.cookies() if c["name"] == COOKIE), None)


def _access_log(deployment: Deployment) -> list[dict[str, str]]:
    pattern = re.compile(
        r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ upstream="(?P<upstream>[^"]*)"'
    )
    return [m.groupdict() for m in map(pattern.search, deployment.access_log.read_text().splitlines()) if m]


def test_killed_replica_page_reconnects_to_the_other_with_the_same_view(
    deployment, browser, tmp_path, expected_view
):
    counts, path_count, _smallest_zone = expected_view
    base = deployment.url
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(base) or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:  # basemap tiles, or anything that would bypass nginx
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    sockets: list[tuple[WebSocket, list[bytes]]] = []

    def on_websocket(ws: WebSocket) -> None:
        frames: list[bytes] = []
        ws.on(
            "framereceived",
            lambda payload: frames.append(payload if isinstance(payload, bytes) else payload.encode()),
        )
        sockets.append((ws, frames))

    page.on("websocket", on_websocket)
    counts_shown = page.get_by_text(counts, exact=True)
    zones = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
        "path.leaflet-interactive"
    )
    step = "open the view"
    try:
        page.goto(base + VIEW)
        expect(counts_shown).to_be_visible(timeout=FIRST_RENDER_MS)
        expect(zones).to_have_count(path_count, timeout=WAIT_MS)
        url_before = page.url
        assert url_before == base + VIEW  # the Map answers at the root itself

        step = "find the replica holding the session"
        _until(
            page,
            lambda: sorted(r.active_sessions() or 0 for r in deployment.replicas) == [0, 1],
            "one session, on one replica",
        )
        serving = next(r for r in deployment.replicas if r.active_sessions() == 1)
        other = next(r for r in deployment.replicas if r is not serving)
        assert _replica_cookie(page) == serving.name  # the sticky cookie names the same one
        page.evaluate("() => { window.__failoverMark = 'same page'; }")
        assert len(sockets) == 1 and sockets[0][0].url == base.replace("http", "ws") + "/_stcore/stream"

        step = "kill it"
        serving.process.kill()
        serving.process.wait(timeout=10)

        step = "reconnect to the other replica"
        _until(
            page, lambda: len(sockets) > 1 and other.active_sessions() == 1, "a new WebSocket, on the other"
        )
        assert {ws.url for ws, _ in sockets} == {sockets[0][0].url}  # through nginx again
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT_MS)  # no "Connecting"
        expect(page.get_by_text("Connection error")).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(counts_shown).to_be_visible()
        expect(zones).to_have_count(path_count)
        assert page.url == url_before
        assert page.evaluate("() => window.__failoverMark") == "same page"  # reconnected, not reloaded
        assert _replica_cookie(page) == other.name

        step = "the other replica draws the view"
        # the page reruns on the reconnect (dashboard/ui/reconnect.py): the other replica rebuilds
        # the whole view from what the page sends, the URL's filters and the widgets' values
        _until(
            page,
            lambda: any(counts.encode() in frame for _, frames in sockets[1:] for frame in frames),
            f"{counts!r} sent by the other replica",
        )
        expect(counts_shown).to_be_visible()
        expect(zones).to_have_count(path_count)
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT_MS)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        assert page.url == url_before
        # the page shows the lost replica's buttons until the other one's run reaches them: until it has
        # sent its CSV button, that button's file is one only the lost replica held
        _until(
            page,
            lambda: any(re.search(rb"/media/\w+\.csv", f) for _, frames in sockets[1:] for f in frames),
            "the CSV download sent by the other replica",
        )
        with page.expect_download(timeout=WAIT_MS) as info:  # a file the other replica now holds
            page.get_by_role("button", name="Download CSV").first.click()
        assert info.value.failure() is None
        info.value.save_as(tmp_path / "app.csv")
        assert export_main(["zones", "--theme", THEME, "--city", CITY, "-o", str(tmp_path / "cli.csv")]) == 0
        assert (tmp_path / "app.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()

        step = "nginx logs"
        requests = _access_log(deployment)
        # nginx itself passed over the dead replica: tried it first, then the other one
        assert any(r["upstream"] == f"{serving.address}, {other.address}" for r in requests), requests
        assert not [r for r in requests if int(r["status"]) >= 500], requests
        static = [r for r in requests if r["path"].startswith(("/static/", "/app/static/"))]
        assert any(r["path"].startswith("/static/js/") for r in static), static
        assert any(r["path"].endswith("/leaflet.js") for r in static), static
        assert {r["upstream"] for r in static} == {"-"}, static  # nginx served them from disk
        errors = [
            line
            for line in deployment.error_log.read_text().splitlines()
            if re.search(r"\[(error|crit|alert|emerg)\]", line)
        ]
        assert errors and all(f"//{serving.address}/" in line for line in errors), errors

        step = "restart the lost replica"
        assert deployment.check() == [(serving.name, "exited with code -9")]
        _until(page, serving.healthy, f"{serving.name} healthy again", timeout=45)
        page.reload()  # a fresh page: its view comes from the URL alone
        expect(counts_shown).to_be_visible(timeout=WAIT_MS)
        expect(zones).to_have_count(path_count, timeout=WAIT_MS)
        _until(page, lambda: other.active_sessions() == 1, "the reloaded page's session")
        assert serving.active_sessions() == 0  # the browser stays with the replica that took it over
        assert _replica_cookie(page) == other.name
        assert page.url == url_before

        step = "replica logs"
        for replica in deployment.replicas:
            assert log_errors(replica.log) == [], replica.name
        assert not [u for u in blocked if "leaflet" in u or "/_stcore/" in u or "/static/" in u], blocked
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(
            path=str(ARTIFACTS / f"failover-failure-{step.replace(' ', '-')}.png"), full_page=True
        )
        raise
    finally:
        context.close()


def test_rendered_config_passes_nginx_check(tmp_path):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run bash scripts/setup.sh --dev")
    upstreams = [Upstream(f"r{i}", f"127.0.0.1:{port}") for i, port in enumerate(_free_ports(3))]
    (tmp_path / "tmp").mkdir()
    config = tmp_path / "nginx.conf"
    user = "root" if os.geteuid() == 0 else None
    config.write_text(
        render_config(upstreams, listen=f"127.0.0.1:{free_port()}", run_dir=tmp_path, user=user)
    )
    command = [NGINX, "-t", "-q", "-p", f"{tmp_path}/", "-c", str(config), "-e", str(tmp_path / "error.log")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    text = config.read_text()
    for u in upstreams:  # each replica: primary of its own group, backup in the others'
        assert f"upstream replica_{u.name} {{\n        server {u.address} " in text
        assert text.count(f"server {u.address} max_fails=1 fail_timeout=10s backup;") == len(upstreams) - 1


def test_render_refuses_what_nginx_would_misread(tmp_path):
    with pytest.raises(ValueError, match="quoted"):
        render_config([Upstream("r0", "127.0.0.1:1")], listen="127.0.0.1:2", run_dir=tmp_path / "a b")
    with pytest.raises(ValueError, match="unique"):
        render_config([Upstream("r0", "127.0.0.1:1")] * 2, listen="127.0.0.1:2", run_dir=tmp_path)
    assert http_status("http://127.0.0.1:1/_stcore/health", timeout=1) is None
