"""Speed where users feel it: real `streamlit run` servers, Debian's Chromium, in-page clocks.

Two servers run side by side: this app, and a trivial st_folium app the benchmark writes into a
temporary folder (one map, a feature group of 35 squares, the app's locally served Leaflet, a
selectbox that swaps to a group of 20 squares through `feature_group_to_add`). Every round opens
each app in a fresh browser context (nothing cached), app and trivial alternating, with every
request that is not to the local server aborted. One warm-up round is not counted.

Times come from the page itself (`performance.timeOrigin` + `performance.now()`, MutationObservers,
event time stamps), not from polling in Python:

- drawn map: navigation start → first `path.leaflet-interactive` inside the st_folium iframe;
- updated map: the click on the filter option → the iframe's path count settles at the expected
  number (ours: one theme in the sidebar; trivial: the selectbox swap);
- click → detail: the click on a point inside a zone path → the app's detail heading shows the
  zone's name (the trivial app shows the square's name the same way, for scale);
- first-visit bytes: every HTTP response (CDP `Network.loadingFinished` encodedDataLength) plus
  websocket frames, until the first load has settled.

`python -m benchmarks.browser [--rounds N] [--no-trace] [--what-if]` runs this section alone;
`python -m benchmarks` runs it after the others (`--browser` alone, `--no-browser` skips it). The
breakdown of where the time and bytes go is `benchmarks.browser_trace`; `--what-if` adds rounds
against servers of the app with `st.dataframe` and/or `st.download_button` left out (in those
servers only, see server_hook/sitecustomize.py), to measure what each costs.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from benchmarks import browser_trace
from dashboard.catalog import load_catalog
from dashboard.filters import apply_filters
from dashboard.map.assets import LEAFLET_DIR, LEAFLET_URL, leaflet_installed
from dashboard.view_state import ViewState as FilterState
from tests.live_server import CHROMIUM, CHROMIUM_ARGS, ROOT, LiveServer, live_server, log_errors

ROUNDS = 7  # counted rounds; at least 5 are needed for a figure
MIN_ROUNDS = 5
LOAD_TIMEOUT_S = 60.0  # navigation start → drawn map
STEP_TIMEOUT_S = 30.0  # every later step: settle, filter change, click
SETTLE_S = 1.0  # quiet time after which a path count or the network counts as settled
PAUSE_S = 1.0  # before each visit
MAX_FAILURES = 2  # rounds in a row after which an app is given up
VIEWPORT = {"width": 1400, "height": 1000}
THEME = "green_finance"
TRIVIAL_SQUARES = (35, 20)  # the first group, and the one the selectbox swaps in
TARGETS = {"drawn": 1.2, "updated": 1.3, "click": 1.3, "bytes": 1.3}
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
HOOK_DIR = Path(__file__).resolve().parent / "server_hook"
# what-if servers: the app with these Streamlit commands left out (comma-separated), nothing else
WHAT_IF = {
    "ours without st.dataframe": "dataframe",
    "ours without st.download_button": "download_button",
    "ours without both": "dataframe,download_button",
}

# Runs in the top frame before the page's own scripts and keeps the record in window.__bench. The
# st_folium iframe (same origin) is watched from here: Playwright's init scripts do not run again
# when an iframe navigates away from its first about:blank document, so the observer is put into
# the iframe's document as soon as it exists (before the map script can have run).
INSTRUMENT_JS = r"""
(() => {
  if (window !== window.top) return;
  const t0 = performance.timeOrigin;
  const b = window.__bench = {t0, marks: {}, clicks: [], keys: [], maps: [], mapClicks: [],
                              expectName: null, named: null, longTasks: []};
  const at = () => performance.now();
  const watch = {
    sidebar_widgets: '[data-testid="stSidebar"] [data-testid="stMultiSelect"]',
    title: 'h1',
    first_widget: '[data-testid="stMain"] [data-testid="stSelectbox"]',
    map_iframe: 'iframe[title="streamlit_folium.st_folium"]',
    detail_hint: '[data-testid="stMain"] [data-testid="stAlert"]',
    legend: '[data-testid="stMain"] .legend',
    table: '[data-testid="stMain"] [data-testid="stDataFrame"]',
    table_canvas: '[data-testid="stMain"] [data-testid="stDataFrame"] canvas',
    downloads: '[data-testid="stMain"] [data-testid="stDownloadButton"]',
  };
  const watchMap = (iframe) => {
    const doc = iframe.contentDocument;
    if (!doc || !doc.documentElement || doc.__benchWatched) return false;
    if (!doc.location.pathname.includes('streamlit_folium')) return false;
    doc.__benchWatched = true;
    const shift = iframe.contentWindow.performance.timeOrigin - t0;  // the iframe's clock → ours
    const rec = {start: shift, counts: []};
    b.maps.push(rec);
    let last = -1;
    const count = () => {
      const n = doc.querySelectorAll('path.leaflet-interactive').length;
      if (n === last) return;
      if (n > 0 && !rec.counts.some((c) => c[1] > 0)) performance.mark('bench-map-drawn');
      last = n;
      rec.counts.push([at(), n]);
    };
    new MutationObserver(count).observe(doc, {childList: true, subtree: true});
    count();
    doc.addEventListener('click', (e) => b.mapClicks.push(shift + e.timeStamp), true);
    return true;
  };
  const pending = new Set();
  const poll = () => {
    for (const iframe of pending) if (watchMap(iframe)) pending.delete(iframe);
    if (pending.size) setTimeout(poll, 2);
  };
  const check = () => {
    for (const [k, sel] of Object.entries(watch)) {
      if (!(k in b.marks) && document.querySelector(sel)) b.marks[k] = at();
    }
    for (const iframe of document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')) {
      if (!iframe.__benchSeen) {
        iframe.__benchSeen = true;
        pending.add(iframe);
        iframe.addEventListener('load', () => { pending.add(iframe); poll(); });
        poll();
      }
    }
    if (b.expectName !== null && b.named === null) {
      for (const h of document.querySelectorAll('[data-testid="stMain"] h3')) {
        if (h.textContent.includes(b.expectName)) { b.named = at(); break; }
      }
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true, characterData: true});
  document.addEventListener('click', (e) => {
    const option = e.target.closest && e.target.closest('[role="option"]');
    b.clicks.push({t: e.timeStamp, option: option ? option.textContent.trim() : null});
  }, true);
  document.addEventListener('keydown', (e) => b.keys.push({t: e.timeStamp, key: e.key}), true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({type: 'longtask', buffered: true});
  } catch (e) {}
})();
"""

# Inside the map iframe: a point where a zone path is the topmost element, and its feature.
_PICK_JS = r"""
() => {
  const paths = [...document.querySelectorAll('path.leaflet-interactive')];
  const layers = Object.values(window.map_div ? window.map_div._layers : {});
  for (let i = paths.length - 1; i >= 0; i--) {
    const p = paths[i], r = p.getBoundingClientRect();
    for (let k = 0; k < 400; k++) {
      const x = r.left + r.width * ((k % 20) + 0.5) / 20;
      const y = r.top + r.height * (Math.floor(k / 20) + 0.5) / 20;
      if (document.elementFromPoint(x, y) !== p) continue;
      const layer = layers.find((l) => l._path === p);
      return {x, y, props: layer && layer.feature ? layer.feature.properties : null};
    }
  }
  return null;
}
"""

_TRIVIAL_APP = '''"""A trivial st_folium app, the browser benchmark's reference: one map, squares, a swap."""

import folium
import streamlit as st
from streamlit_folium import st_folium

LEAFLET = {leaflet_url!r}
SIZES = {sizes!r}

st.set_page_config(page_title="Trivial st_folium", layout="wide")


def squares(count: int, colour: str) -> folium.FeatureGroup:
    features = []
    for i in range(count):
        row, col = divmod(i, 7)
        lat, lng = 22.45 + row * 0.09, 113.3 + col * 0.09
        ring = [[lng, lat], [lng + 0.07, lat], [lng + 0.07, lat + 0.07], [lng, lat + 0.07], [lng, lat]]
        features.append(
            {{
                "type": "Feature",
                "properties": {{"square": str(i), "tip": f"Square {{i}}"}},
                "geometry": {{"type": "Polygon", "coordinates": [ring]}},
            }}
        )
    group = folium.FeatureGroup(name="Squares")
    folium.GeoJson(
        {{"type": "FeatureCollection", "features": features}},
        style_function=lambda _f: {{"color": colour, "fillColor": colour, "weight": 1.5, "fillOpacity": 0.3}},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    ).add_to(group)
    return group


m = folium.Map(location=(22.75, 113.6), zoom_start=9)
m.default_js = [("leaflet", LEAFLET + "/leaflet.js")]
m.default_css = [("leaflet_css", LEAFLET + "/leaflet.css")]
labels = [f"{{n}} squares" for n in SIZES]
choice = st.selectbox("Squares", labels, key="squares")
group = squares(SIZES[labels.index(choice)], "#2e7d32" if choice == labels[0] else "#1565c0")
result = st_folium(
    m,
    key="squares_map",
    feature_group_to_add=group,
    height=600,
    use_container_width=True,
    returned_objects=["last_active_drawing"],
)
clicked = ((result or {{}}).get("last_active_drawing") or {{}}).get("properties") or {{}}
if clicked.get("square"):
    st.subheader(f"Square {{clicked['square']}}")
'''


class StepTimeout(Exception):
    """A step did not finish within its time limit."""


@dataclass
class Visit:
    """One app opened once in a fresh browser context."""

    app: str
    drawn_ms: float
    updated_ms: float
    click_ms: float
    first_bytes: dict[str, int]  # by category, first load only
    first_files: dict[str, int]  # HTTP bytes by file name, first load only
    change_ws_bytes: int  # websocket bytes received for the filter change
    click_ws_bytes: int
    timeline: dict[str, float]  # page ms of first-load milestones
    frames: list[dict]  # websocket frames of the first load, decoded
    long_tasks_ms: float  # main-thread long tasks before the map was drawn
    static_ms: float  # median time from request to loaded of Streamlit's static files, first load
    change_media_bytes: int  # HTTP /media/ bytes fetched after the filter change
    phases: dict[str, tuple[float, float]]  # load, change, click: epoch seconds, for the server log
    change_steps: dict[str, float]  # ms after the option click: rerun request sent, map received, ...
    click_steps: dict[str, float]  # ms after the zone click
    origin: float  # the page's performance.timeOrigin (epoch ms)
    actions: dict[str, float]  # page ms of the option click ("change") and the zone click ("click")
    blocked: int  # non-local requests aborted during the first load (basemap tiles)
    runs: dict[str, list[dict]] = field(default_factory=dict)  # server script runs by phase


@dataclass
class AppUnderTest:
    name: str
    server: LiveServer
    run_log: Path
    change: Callable[[Page], None]  # makes the filter change
    expected: int  # zone paths after the change
    detail_name: Callable[[dict], str]  # the clicked feature's properties → the name shown


@dataclass
class BrowserReport:
    rounds: int
    visits: dict[str, list[Visit]]
    failures: list[str]
    log_errors: dict[str, int]
    zones: dict[str, int]  # expected path counts, for the record
    what_if_ours: list[Visit] = field(default_factory=list)  # ours, visited beside the what-if servers
    load: list[float] = field(default_factory=list)  # 1-minute load average at the start and the end

    def median(self, app: str, attr: str) -> float:
        values = [getattr(v, attr) for v in self.visits.get(app, [])]
        return statistics.median(values) if len(values) >= MIN_ROUNDS else float("nan")

    def spread(self, app: str, attr: str) -> str:
        """The middle half of the rounds (25th–75th percentile), to judge the median by."""
        values = [getattr(v, attr) for v in self.visits.get(app, [])]
        if len(values) < MIN_ROUNDS:
            return ""
        q = statistics.quantiles(values, n=4)
        return f" ({q[0]:,.0f}–{q[2]:,.0f})"

    def median_bytes(self, app: str) -> float:
        totals = [sum(v.first_bytes.values()) for v in self.visits.get(app, [])]
        return statistics.median(totals) if len(totals) >= MIN_ROUNDS else float("nan")


# ---------------------------------------------------------------------------------------------
# network: CDP events of one page, HTTP responses and websocket frames


class NetworkLog:
    """CDP Network events of one page: HTTP responses by category, websocket frames decoded."""

    def __init__(self, cdp) -> None:
        self.responses: dict[str, dict] = {}
        self.finished: list[dict] = []
        self.pending: set[str] = set()
        self.sent: dict[str, float] = {}
        self.frames: list[dict] = []
        self.last_activity = time.monotonic()
        self.document: dict | None = None
        self.scripts_finished = 0
        cdp.on("Network.requestWillBeSent", self._request)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)
        cdp.on("Network.webSocketFrameReceived", lambda p: self._frame(p, "in"))
        cdp.on("Network.webSocketFrameSent", lambda p: self._frame(p, "out"))
        cdp.send("Network.enable", {"maxTotalBufferSize": 100_000_000})

    def _request(self, p: dict) -> None:
        self.last_activity = time.monotonic()
        if p["request"]["url"].startswith("data:"):
            return
        self.pending.add(p["requestId"])
        self.sent.setdefault(p["requestId"], p["timestamp"])
        if self.document is None and p.get("type") == "Document":
            self.document = {"ts": p["timestamp"], "wall": p["wallTime"]}

    def _response(self, p: dict) -> None:
        self.responses[p["requestId"]] = {"url": p["response"]["url"], "type": p.get("type", "")}

    def _finished(self, p: dict) -> None:
        self.last_activity = time.monotonic()
        self.pending.discard(p["requestId"])
        info = self.responses.get(p["requestId"], {"url": "", "type": ""})
        self.finished.append(
            {
                **info,
                "bytes": int(p["encodedDataLength"]),
                "ts": p["timestamp"],
                "sent": self.sent.get(p["requestId"], p["timestamp"]),
            }
        )

    def _failed(self, p: dict) -> None:
        self.last_activity = time.monotonic()
        self.pending.discard(p["requestId"])

    def _frame(self, p: dict, direction: str) -> None:
        self.last_activity = time.monotonic()
        response = p["response"]
        payload = response.get("payloadData", "")
        data = base64.b64decode(payload) if response.get("opcode") == 2 else payload.encode()
        self.frames.append({"dir": direction, "ts": p["timestamp"], "bytes": len(data), "data": data})
        if direction == "in":
            from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

            with contextlib.suppress(Exception):
                if ForwardMsg.FromString(data).WhichOneof("type") == "script_finished":
                    self.scripts_finished += 1

    def quiet_for(self) -> float:
        return time.monotonic() - self.last_activity

    def page_ms(self, ts: float, time_origin: float) -> float:
        """A CDP monotonic time stamp on the page's clock (ms since navigation start)."""
        if self.document is None:
            return float("nan")
        return (self.document["wall"] + ts - self.document["ts"]) * 1000 - time_origin


def http_category(url: str) -> str:
    path = url.split("://", 1)[-1].split("/", 1)[-1].split("?", 1)[0]
    if path.startswith("component/"):
        return "st_folium component (HTML, JS)"
    if path.startswith("app/static/"):
        return "Leaflet (app-served)"
    if path.startswith("static/js/"):
        return "Streamlit JS"
    if path.startswith("static/css/"):
        return "Streamlit CSS"
    if path.startswith("static/media/"):
        return "fonts and media"
    if path.startswith("media/"):
        return "download data (/media/, fetched on load)"
    if path == "":
        return "page HTML"
    return "other HTTP"


def first_load_bytes(net: NetworkLog, until_ts: float) -> dict[str, int]:
    """Bytes of the first load by category: HTTP responses and websocket frames up to `until_ts`."""
    out: dict[str, int] = {}
    for r in net.finished:
        if r["ts"] <= until_ts and not r["url"].startswith("data:"):
            key = http_category(r["url"])
            out[key] = out.get(key, 0) + r["bytes"]
    for f in net.frames:
        if f["ts"] <= until_ts:
            key = "websocket received" if f["dir"] == "in" else "websocket sent"
            out[key] = out.get(key, 0) + f["bytes"]
    return out


def decode_frames(frames: list[dict]) -> list[dict]:
    """Websocket frames as Streamlit messages: kind, element, size; component args by key."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    out = []
    for f in frames:
        item = {"dir": f["dir"], "ts": f["ts"], "bytes": f["bytes"], "kind": "?", "element": ""}
        try:
            if f["dir"] == "in":
                msg = ForwardMsg.FromString(f["data"])
                item["kind"] = msg.WhichOneof("type") or ""
                if item["kind"] == "delta":
                    what = msg.delta.WhichOneof("type")
                    if what == "new_element":
                        element = msg.delta.new_element
                        item["element"] = element.WhichOneof("type") or ""
                        if item["element"] == "component_instance":
                            args = json.loads(element.component_instance.json_args or "{}")
                            item["args"] = {k: len(json.dumps(v)) for k, v in args.items()}
                            item["component"] = element.component_instance.component_name
                    else:
                        item["element"] = f"block:{msg.delta.add_block.WhichOneof('type')}"
                elif item["kind"] == "script_finished":
                    item["element"] = str(msg.script_finished)
                elif item["kind"] == "ref_hash":
                    item["element"] = "cached message reference"
            else:
                msg = BackMsg.FromString(f["data"])
                item["kind"] = msg.WhichOneof("type") or ""
        except Exception:  # a frame that is not a Streamlit message (ping): keep its size only
            pass
        out.append(item)
    return out


# ---------------------------------------------------------------------------------------------
# the page: waiting on the in-page record with bounded timeouts


def _bench(page: Page, expression: str):
    return page.evaluate(f"() => {{ const b = window.__bench; return b ? ({expression}) : null; }}")


def _wait(page: Page, what: str, timeout: float, probe: Callable[[], object], interval_ms: float = 100):
    """Poll `probe` until it returns something true; Playwright's own wait keeps its events (CDP,
    routes) flowing meanwhile, which a plain sleep would hold back."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise StepTimeout(f"{what}: not within {timeout:g} s")
        page.wait_for_timeout(interval_ms)


def _counts(page: Page) -> list[list[float]]:
    """The map iframe's path-count changes [[page ms, count], ...] (the last map if remounted)."""
    maps = _bench(page, "b.maps.map((m) => m.counts)") or []
    return maps[-1] if maps else []


def _settled_count(page: Page, expected: int, after_ms: float, timeout: float) -> float:
    """Page ms at which the path count last became `expected` after `after_ms`, once it has held
    for SETTLE_S."""

    def probe():
        counts = _counts(page)
        if not counts or counts[-1][1] != expected or counts[-1][0] < after_ms:
            return None
        now = _bench(page, "performance.now()")
        return counts[-1][0] if now - counts[-1][0] >= SETTLE_S * 1000 else None

    try:
        return _wait(page, f"path count {expected}", timeout, probe)
    except StepTimeout:
        counts = _counts(page)
        seen = counts[-1][1] if counts else 0
        raise StepTimeout(
            f"map update: expected {expected} zone paths, saw {seen} after {timeout:g} s"
        ) from None


def _settle_network(page: Page, net: NetworkLog, timeout: float, runs_before: int = 0) -> None:
    """Until a script run has finished and nothing has moved on the network for SETTLE_S."""

    def probe():
        return net.scripts_finished > runs_before and not net.pending and net.quiet_for() >= SETTLE_S

    _wait(page, "script run and network to settle", timeout, probe)


def block_non_local(context, base_url: str) -> list[str]:
    """Abort every request that is not to the local server; returns the list of aborted URLs. The
    pattern is matched inside Playwright, so local requests never wait for this Python process."""
    local = re.escape(base_url.rstrip("/"))
    blocked: list[str] = []

    def abort(route) -> None:
        blocked.append(route.request.url)
        route.abort()

    context.route(re.compile(rf"^(?!{local}(/|$)|data:|blob:)"), abort)
    return blocked


def _click_feature(page: Page, app: AppUnderTest) -> tuple[float, str]:
    """Click a point inside a zone path; returns the page ms of the click and the expected name."""
    frame = next((f for f in page.frames if "streamlit_folium" in f.url), None)
    if frame is None:
        raise StepTimeout("click: no map iframe")
    target = frame.evaluate(_PICK_JS)
    if not target or not target.get("props"):
        raise StepTimeout("click: no visible zone path to click")
    box = page.locator(MAP_FRAME).bounding_box()
    name = app.detail_name(target["props"])
    page.evaluate("(n) => { window.__bench.expectName = n; }", name)
    before = len(_bench(page, "b.mapClicks") or [])
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    clicks = _wait(
        page, "click to reach the map", STEP_TIMEOUT_S, lambda: (_bench(page, "b.mapClicks") or [])[before:]
    )
    return clicks[0], name


def visit(browser: Browser, app: AppUnderTest) -> Visit:
    """Open the app in a fresh context: first load, one filter change, one zone click."""
    time.sleep(PAUSE_S)  # let the last visit's clean-up (browser, server) finish first
    context = browser.new_context(viewport=VIEWPORT)
    phases: dict[str, tuple[float, float]] = {}
    mark = time.time()
    try:
        context.add_init_script(INSTRUMENT_JS)
        blocked = block_non_local(context, app.server.url)
        page = context.new_page()
        net = NetworkLog(context.new_cdp_session(page))
        page.goto(app.server.url, wait_until="commit", timeout=LOAD_TIMEOUT_S * 1000)
        counts = _wait(page, "drawn map", LOAD_TIMEOUT_S, lambda: [c for c in _counts(page) if c[1] > 0])
        drawn = counts[0][0]
        _settle_network(page, net, STEP_TIMEOUT_S)
        origin = _bench(page, "b.t0")
        load_end_ts = max([f["ts"] for f in net.frames] + [r["ts"] for r in net.finished])
        first_bytes = first_load_bytes(net, load_end_ts)
        first_files: dict[str, int] = {}
        for r in net.finished:
            if r["ts"] <= load_end_ts and not r["url"].startswith("data:"):
                file = r["url"].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or "/"
                first_files[file] = first_files.get(file, 0) + r["bytes"]
        frames = decode_frames([f for f in net.frames if f["ts"] <= load_end_ts])
        timeline = _timeline(page, net, frames, origin, drawn)
        long_tasks = sum(d for s, d in (_bench(page, "b.longTasks") or []) if s < drawn)
        static = [
            (r["ts"] - r["sent"]) * 1000
            for r in net.finished
            if r["ts"] <= load_end_ts and http_category(r["url"]).startswith("Streamlit")
        ]
        blocked_on_load = len(blocked)
        phases["load"], mark = (mark, time.time()), time.time()

        frames_before, finished_before = len(net.frames), len(net.finished)
        clicks_before = len(_bench(page, "b.clicks") or [])
        app.change(page)
        expected = app.expected
        option_clicks = [c for c in (_bench(page, "b.clicks") or [])[clicks_before:] if c["option"]]
        if not option_clicks:
            raise StepTimeout("filter change: the option click did not reach the page")
        changed_at = option_clicks[-1]["t"]
        updated = _settled_count(page, expected, changed_at, STEP_TIMEOUT_S)
        _wait(
            page,
            "filter change to settle",
            STEP_TIMEOUT_S,
            lambda: not net.pending and net.quiet_for() >= SETTLE_S,
        )
        change_ws = sum(f["bytes"] for f in net.frames[frames_before:] if f["dir"] == "in")
        change_steps = _step_timeline(net, frames_before, origin, changed_at)
        change_steps["map updated"] = updated - changed_at
        change_media = sum(r["bytes"] for r in net.finished[finished_before:] if "/media/" in r["url"])
        phases["change"], mark = (mark, time.time()), time.time()

        frames_before = len(net.frames)
        clicked_at, name = _click_feature(page, app)
        named = _wait(page, f"detail heading {name!r}", STEP_TIMEOUT_S, lambda: _bench(page, "b.named"))
        _wait(page, "click to settle", STEP_TIMEOUT_S, lambda: net.quiet_for() >= SETTLE_S)
        click_ws = sum(f["bytes"] for f in net.frames[frames_before:] if f["dir"] == "in")
        click_steps = _step_timeline(net, frames_before, origin, clicked_at)
        click_steps["detail shows the name"] = named - clicked_at
        phases["click"] = (mark, time.time())
        return Visit(
            app=app.name,
            drawn_ms=drawn,
            updated_ms=updated - changed_at,
            click_ms=named - clicked_at,
            first_bytes=first_bytes,
            first_files=first_files,
            change_ws_bytes=change_ws,
            click_ws_bytes=click_ws,
            timeline=timeline,
            frames=frames,
            long_tasks_ms=long_tasks,
            static_ms=statistics.median(static) if static else float("nan"),
            change_media_bytes=change_media,
            phases=phases,
            change_steps=change_steps,
            click_steps=click_steps,
            origin=origin,
            actions={"change": changed_at, "click": clicked_at},
            blocked=blocked_on_load,
        )
    finally:
        with contextlib.suppress(PlaywrightError):
            context.close()


def _step_timeline(net: NetworkLog, since: int, origin: float, action_ms: float) -> dict[str, float]:
    """After a user action: when the rerun request left, when the first element, the map element
    and the end of the run arrived (ms after the action)."""
    out: dict[str, float] = {}
    for f in decode_frames(net.frames[since:]):
        at = net.page_ms(f["ts"], origin) - action_ms
        if f["dir"] == "out" and f["kind"] == "rerun_script":
            out.setdefault("rerun request sent", at)
        elif f["kind"] == "delta":
            out.setdefault("first element received", at)
            if f["element"] == "component_instance":
                out.setdefault("map element received", at)
        elif f["kind"] == "ref_hash":
            out.setdefault("first cached-message reference received", at)
        elif f["kind"] == "script_finished":
            out.setdefault("script finished (received)", at)
    return out


def _timeline(page: Page, net: NetworkLog, frames: list[dict], origin: float, drawn: float) -> dict:
    """Milestones of the first load on the page clock (ms since navigation start)."""
    nav = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n ? {response_end: n.responseEnd, dom_content_loaded: n.domContentLoadedEventEnd} : {}; }"
    )
    marks = _bench(page, "b.marks") or {}
    maps = _bench(page, "b.maps") or []
    out = {**nav, **{f"dom: {k}": v for k, v in marks.items()}}
    sent = [f for f in frames if f["dir"] == "out"]
    received = [f for f in frames if f["dir"] == "in"]
    if sent:
        out["ws: first message sent"] = net.page_ms(sent[0]["ts"], origin)
    deltas = [f for f in received if f["kind"] == "delta"]
    if deltas:
        out["ws: first element received"] = net.page_ms(deltas[0]["ts"], origin)
    for f in received:
        if f["element"] == "component_instance":
            out.setdefault("ws: map element received", net.page_ms(f["ts"], origin))
        if f["element"] == "dataframe":
            out.setdefault("ws: first table received", net.page_ms(f["ts"], origin))
        if f["kind"] == "script_finished":
            out.setdefault("ws: script finished", net.page_ms(f["ts"], origin))
    for r in net.finished:
        if "/component/" in r["url"] and r["url"].endswith(".js"):
            out.setdefault("http: st_folium JS loaded", net.page_ms(r["ts"], origin))
        if r["url"].endswith("/leaflet.js"):
            out.setdefault("http: leaflet.js loaded", net.page_ms(r["ts"], origin))
    if maps:
        out["map iframe navigation start"] = maps[0]["start"]
    out["map drawn"] = drawn
    return out


# ---------------------------------------------------------------------------------------------
# the two apps


def write_trivial_app(folder: Path) -> Path:
    """The trivial st_folium app with the app's config and locally served Leaflet."""
    (folder / ".streamlit").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    shutil.copytree(LEAFLET_DIR, folder / "static" / "vendor" / "leaflet", dirs_exist_ok=True)
    script = folder / "trivial_app.py"
    script.write_text(_TRIVIAL_APP.format(leaflet_url=LEAFLET_URL, sizes=TRIVIAL_SQUARES), encoding="utf-8")
    return script


def _choose_theme(name: str) -> Callable[[Page], None]:
    def change(page: Page) -> None:
        # the text input, not the box: with chips in it the box's centre may be a chip
        box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first.locator("input")
        box.click(timeout=STEP_TIMEOUT_S * 1000)
        page.get_by_role("option", name=name, exact=True).click(timeout=STEP_TIMEOUT_S * 1000)
        page.keyboard.press("Escape")

    return change


def _swap_squares(page: Page) -> None:
    page.get_by_test_id("stSelectbox").first.click(timeout=STEP_TIMEOUT_S * 1000)
    label = f"{TRIVIAL_SQUARES[1]} squares"
    page.get_by_role("option", name=label, exact=True).click(timeout=STEP_TIMEOUT_S * 1000)


def server_env(run_log: Path, without: str = "") -> dict[str, str]:
    """Environment of a benchmark server: the script-run log on, and the Streamlit commands a
    what-if server leaves out (see server_hook/sitecustomize.py)."""
    path = os.pathsep.join(p for p in (str(HOOK_DIR), os.environ.get("PYTHONPATH", "")) if p)
    env = {"PYTHONPATH": path, "GBA_BENCH_RUN_LOG": str(run_log)}
    if without:
        env["GBA_BENCH_WITHOUT"] = without
    return env


@contextlib.contextmanager
def servers(workdir: Path, what_if: bool = False) -> Iterator[dict[str, AppUnderTest]]:
    """The app, the trivial app and (with `what_if`) the app's what-if variants, started side by
    side and always stopped."""
    catalog = load_catalog()
    names = dict(zip(catalog.themes["id"], catalog.themes["name_en"], strict=True))
    zone_names = dict(zip(catalog.zones["id"], catalog.zones["name_en"], strict=True))
    expected = len(apply_filters(catalog.zones, "zones", FilterState(themes=(THEME,))))
    trivial_dir = workdir / "trivial"
    script = write_trivial_app(trivial_dir)
    ours = {"ours": ""} | (WHAT_IF if what_if else {})
    with contextlib.ExitStack() as stack:
        apps: dict[str, AppUnderTest] = {}
        for index, (name, without) in enumerate(ours.items()):
            run_log = workdir / f"ours-{index}-runs.jsonl"
            server = stack.enter_context(
                live_server(workdir / f"ours-{index}.log", env=server_env(run_log, without))
            )
            apps[name] = AppUnderTest(
                name,
                server,
                run_log,
                _choose_theme(names[THEME]),
                expected,
                lambda props: zone_names[props["zone_id"]],
            )
        run_log = workdir / "trivial-runs.jsonl"
        server = stack.enter_context(
            live_server(workdir / "trivial.log", script=script.name, cwd=trivial_dir, env=server_env(run_log))
        )
        apps["trivial"] = AppUnderTest(
            "trivial", server, run_log, _swap_squares, TRIVIAL_SQUARES[1], lambda p: f"Square {p['square']}"
        )
        yield apps


def read_runs(run_log: Path) -> list[dict]:
    if not run_log.exists():
        return []
    return [json.loads(line) for line in run_log.read_text(encoding="utf-8").splitlines() if line.strip()]


def runs_of(records: list[dict], start: float, end: float) -> list[dict]:
    """Script runs (start, end, enqueued messages, rerun request) whose start lies in [start, end];
    a fragment's rerun (the part of the page that reruns alone) counts as a run."""
    runs: list[dict] = []
    current: dict[str, dict] = {}
    requests: dict[str, dict] = {}
    collections = [r for r in records if r["event"] == "GC"]
    for r in records:
        session = r.get("session", "")
        if r["event"] == "RERUN_REQUESTED":
            requests[session] = r
        elif r["event"] == "SCRIPT_STARTED":
            current[session] = {
                "start": r["t"],
                "messages": [],
                "calls": [],
                "request": requests.pop(session, None),
            }
        elif r["event"] == "ENQUEUE_FORWARD_MSG" and session in current:
            current[session]["messages"].append(r)
        elif r["event"] == "CALL" and session in current:
            current[session]["calls"].append(r)
        elif r["event"].startswith(("SCRIPT_STOPPED", "FRAGMENT_STOPPED")) and session in current:
            run = current.pop(session)
            run.update(end=r["t"], outcome=r["event"], session=session)
            # a collection's record is written when it ends; any thread's pause holds up the run
            run["gc_ms"] = sum(g["ms"] for g in collections if run["start"] <= g["t"] <= run["end"])
            if start <= run["start"] <= end:
                runs.append(run)
    return runs


def add_server_milestones(v: Visit) -> None:
    """Put the server's side of each phase on the page's clock (both read the system clock). The
    map element is the message at the map's place in the page, whole or as a cache reference."""
    load = v.runs.get("load", [])
    maps = [
        m["path"] for run in load[:1] for m in run["messages"] if m.get("element") == "component_instance"
    ]

    def marks(run: dict, shift: float) -> dict[str, float]:
        def at(t: float) -> float:
            return t * 1000 - v.origin - shift

        out = {}
        if run.get("request"):
            out["server: rerun request received"] = at(run["request"]["t"])
        out["server: script started"] = at(run["start"])
        for m in run["messages"]:
            if maps and m["path"] == maps[0]:
                out["server: map element enqueued"] = at(m["t"])
                break
        out["server: script finished"] = at(run["end"])
        return out

    if load:
        v.timeline.update(marks(load[0], 0.0))
        v.timeline = dict(sorted(v.timeline.items(), key=lambda kv: kv[1]))
    if v.runs.get("change"):
        v.change_steps.update(marks(v.runs["change"][0], v.actions["change"]))
    if v.runs.get("click"):
        v.click_steps.update(marks(v.runs["click"][0], v.actions["click"]))


# ---------------------------------------------------------------------------------------------
# the rounds and the table


def _rounds(browser: Browser, apps: dict, names: list[str], rounds: int, report: BrowserReport) -> None:
    """One warm-up round, then `rounds` counted ones; the order rotates every round. An app that
    fails MAX_FAILURES rounds in a row is not visited again (its server is likely stuck)."""
    failed_in_a_row = dict.fromkeys(names, 0)
    for index in range(rounds + 1):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            app = apps[name]
            if failed_in_a_row[name] >= MAX_FAILURES:
                continue
            try:
                v = visit(browser, app)
            except (StepTimeout, PlaywrightError) as exc:
                report.failures.append(f"{name}, round {index}: {str(exc).splitlines()[0][:200]}")
                failed_in_a_row[name] += 1
                if failed_in_a_row[name] == MAX_FAILURES:
                    report.failures.append(f"{name}: {MAX_FAILURES} rounds failed in a row, no more visits")
                continue
            failed_in_a_row[name] = 0
            records = read_runs(app.run_log)
            v.runs = {phase: runs_of(records, *span) for phase, span in v.phases.items()}
            add_server_milestones(v)
            if index > 0:
                report.visits.setdefault(name, []).append(v)


def run_browser(
    rounds: int = ROUNDS, trace: bool = True, what_if: bool = False
) -> tuple[BrowserReport, dict | None]:
    """The rounds against our server and the trivial one; then the breakdown (`trace`) and the
    what-if rounds (`what_if`: ours beside servers that leave elements out)."""
    workdir = Path(tempfile.mkdtemp(prefix="gba-browserbench-"))
    report = BrowserReport(rounds, {"ours": [], "trivial": []}, [], {}, {})
    report.load.append(os.getloadavg()[0])
    breakdown = None
    if not Path(CHROMIUM).exists():
        report.failures.append(f"{CHROMIUM} is missing (bash scripts/setup.sh --dev)")
        return report, None
    if not leaflet_installed():
        report.failures.append("Leaflet is not in static/ (python -m dashboard.assets)")
        return report, None
    try:
        with servers(workdir, what_if) as apps, sync_playwright() as p:
            report.zones = {name: app.expected for name, app in apps.items()}
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                _rounds(browser, apps, ["ours", "trivial"], rounds, report)
                if trace:
                    try:
                        breakdown = browser_trace.breakdown(
                            browser, apps, report.visits, workdir, report.failures
                        )
                    except Exception as exc:  # the figures above stand without it: say why, go on
                        report.failures.append(
                            f"breakdown: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
                        )
                if what_if:
                    main_visits = report.visits.pop("ours")
                    _rounds(browser, apps, ["ours", *WHAT_IF], rounds, report)
                    report.what_if_ours = report.visits.pop("ours", [])
                    report.visits["ours"] = main_visits
            finally:
                browser.close()
            report.log_errors = {name: len(log_errors(app.server.log)) for name, app in apps.items()}
    except (RuntimeError, OSError, PlaywrightError) as exc:
        report.failures.append(f"server or browser: {str(exc).splitlines()[0][:200]}")
    report.load.append(os.getloadavg()[0])
    return report, breakdown


def _ratio(ours: float, ref: float) -> str:
    return "—" if not ref or ref != ref or ours != ours else f"{ours / ref:.2f}"


def _fmt(value: float, unit: str) -> str:
    if value != value:  # nan
        return "—"
    return f"{value / 1024:,.1f} KB" if unit == "KB" else f"{value:,.0f} ms"


def table_lines(report: BrowserReport) -> list[str]:
    """The measured table: medians (with the middle half of the rounds), ratios, targets."""
    med, spread = report.median, report.spread
    rows = [
        (
            "time to drawn map (navigation start → first zone path)",
            "drawn_ms",
            "trivial",
            "drawn_ms",
            "drawn",
        ),
        (
            "time to updated map (filter option clicked → path count settled)",
            "updated_ms",
            "trivial",
            "updated_ms",
            "updated",
        ),
        ("zone click → detail shows its name", "click_ms", "ours", "updated_ms", "click"),
    ]
    reference = {
        "drawn": "trivial",
        "updated": "trivial swap",
        "click": "our updated map",
        "bytes": "trivial",
    }
    load = " → ".join(f"{x:.1f}" for x in report.load)
    lines = [
        f"Browser: Debian Chromium, {report.rounds} rounds + 1 warm-up, fresh context per visit; "
        f"medians (25th–75th percentile); load average {load} on {os.cpu_count()} cores",
        "| measure | ours | reference | ours/reference | target |",
        "|---|---|---|---|---|",
    ]
    for label, attr, ref_app, ref_attr, target in rows:
        ours, ref = med("ours", attr), med(ref_app, ref_attr)
        lines.append(
            f"| {label} | {_fmt(ours, 'ms')}{spread('ours', attr)} | "
            f"{_fmt(ref, 'ms')}{spread(ref_app, ref_attr)} ({reference[target]}) | {_ratio(ours, ref)} | "
            f"≤ {TARGETS[target]}× {reference[target]} |"
        )
    ours, ref = report.median_bytes("ours"), report.median_bytes("trivial")
    lines.append(
        f"| first-visit bytes (HTTP + websocket) | {_fmt(ours, 'KB')} | {_fmt(ref, 'KB')} (trivial) | "
        f"{_ratio(ours, ref)} | ≤ {TARGETS['bytes']}× trivial |"
    )
    lines.append(
        f"| trivial: square click → name shown (for scale) | {_fmt(med('trivial', 'click_ms'), 'ms')}"
        f"{spread('trivial', 'click_ms')} | | | |"
    )
    for name in ("ours", "trivial"):
        runs = [
            [len(v.runs.get(p, [])) for p in ("load", "change", "click")] for v in report.visits.get(name, [])
        ]
        if runs:
            per_phase = " / ".join(f"{statistics.median(r[i] for r in runs):.0f}" for i in range(3))
            lines.append(
                f"| {name}: script runs, first load / filter change / click | {per_phase} | | | 1 / 1 / 1 |"
            )
    for name in ("ours", "trivial"):
        if report.visits.get(name):
            blocked = statistics.median(v.blocked for v in report.visits[name])
            lines.append(
                f"| {name}: non-local requests aborted, first load (basemap tiles) | {blocked:.0f} | | | |"
            )
    for name, count in report.log_errors.items():
        lines.append(f"| {name}: server log errors | {count} | | | 0 |")
    for why in report.failures:
        lines.append(f"| browser failure | {why} | | | |")
    return lines


def what_if_lines(report: BrowserReport) -> list[str]:
    """What each left-out element costs: the what-if servers beside ours, in the same rounds."""
    base = report.what_if_ours
    if not base:
        return []

    def med(visits: list[Visit], fn) -> float:
        values = [fn(v) for v in visits]
        return statistics.median(values) if values else float("nan")

    measures = (
        ("drawn map", lambda v: v.drawn_ms, "ms"),
        ("updated map", lambda v: v.updated_ms, "ms"),
        ("click → detail", lambda v: v.click_ms, "ms"),
        ("first-visit bytes", lambda v: sum(v.first_bytes.values()), "KB"),
    )
    lines = [
        "",
        f"What-if: the app with Streamlit commands left out (benchmark servers only), medians of "
        f"{len(base)} rounds beside ours",
        "| server | " + " | ".join(m[0] for m in measures) + " |",
        "|---|" + "---|" * len(measures),
    ]
    lines.append("| ours | " + " | ".join(_fmt(med(base, fn), unit) for _, fn, unit in measures) + " |")
    for name in WHAT_IF:
        visits = report.visits.get(name, [])
        cells = []
        for _, fn, unit in measures:
            value, delta = med(visits, fn), med(visits, fn) - med(base, fn)
            sign = "−" if delta < 0 else "+"
            cells.append("—" if value != value else f"{_fmt(value, unit)} ({sign}{_fmt(abs(delta), unit)})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def misses(report: BrowserReport) -> list[str]:
    """The browser targets missed (a figure that could not be measured counts as missed)."""
    med = report.median
    checks = {
        "drawn map": med("ours", "drawn_ms") / med("trivial", "drawn_ms"),
        "updated map": med("ours", "updated_ms") / med("trivial", "updated_ms"),
        "click → detail": med("ours", "click_ms") / med("ours", "updated_ms"),
        "first-visit bytes": report.median_bytes("ours") / report.median_bytes("trivial"),
    }
    limits = dict(
        zip(checks, (TARGETS["drawn"], TARGETS["updated"], TARGETS["click"], TARGETS["bytes"]), strict=True)
    )
    return [name for name, ratio in checks.items() if not ratio <= limits[name]]


def report_lines(report: BrowserReport, breakdown: dict | None) -> list[str]:
    """The table, the breakdown (if made) and the what-if table (if run)."""
    lines = table_lines(report)
    if breakdown is not None:
        lines += browser_trace.breakdown_lines(breakdown)
    return lines + what_if_lines(report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"counted rounds (≥ {MIN_ROUNDS})")
    parser.add_argument("--no-trace", action="store_true", help="skip the breakdown (trace, runs, bytes)")
    parser.add_argument(
        "--what-if", action="store_true", help="also measure the app with tables / downloads left out"
    )
    args = parser.parse_args(argv)
    report, breakdown = run_browser(max(MIN_ROUNDS, args.rounds), not args.no_trace, args.what_if)
    print("\n".join(report_lines(report, breakdown)))
    missed = misses(report)
    print("browser targets missed: " + (", ".join(missed) if missed else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
