"""Where the browser time and bytes go: the breakdown behind `python -m benchmarks.browser`.

From the timed visits: the first load's milestones (when each element arrives and shows, when the
map iframe starts, loads its scripts and draws), Streamlit's script runs per page load (from the
servers' run log, see server_hook/sitecustomize.py), bytes by kind of response and websocket bytes
by element, with the st_folium component's arguments by key.

From one extra, traced first load of each app (not timed with the rounds: tracing slows the page):
the renderer main thread from navigation start to the drawn map, by kind of work (DevTools'
categories) and by script file (V8's sampling profiler).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

TRACE_CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "disabled-by-default-devtools.timeline.frame",
    "blink.user_timing",
    "loading",
    "toplevel",
    "v8.execute",
    "disabled-by-default-v8.cpu_profiler",
]
TRACED_LOADS = 3  # per app; the breakdown shows the median of each figure

# DevTools' summary categories, by trace event name (prefixes after the exact names)
_KIND = {
    "scripting": {
        "FunctionCall", "EvaluateScript", "v8.compile", "v8.compileModule", "v8.evaluateModule", "v8.run",
        "TimerFire", "EventDispatch", "FireAnimationFrame", "HandlePostMessage", "RunMicrotasks",
        "XHRReadyStateChange", "XHRLoad", "FireIdleCallback", "v8.callFunction", "MessagePort::Accept",
    },
    "style and layout": {"UpdateLayoutTree", "Layout", "RecalculateStyles", "HitTest", "InvalidateLayout"},
    "paint and composite": {
        "Paint", "PrePaint", "Layerize", "Commit", "UpdateLayer", "CompositeLayers", "PaintImage",
        "Decode Image",
    },
    "HTML and CSS parsing": {"ParseHTML", "ParseAuthorStyleSheet"},
    "garbage collection": {"MinorGC", "MajorGC"},
}  # fmt: skip
_PREFIXES = (
    ("V8.GC", "garbage collection"),
    ("BlinkGC", "garbage collection"),
    ("V8.", "scripting"),
    ("v8.", "scripting"),
    ("Blink.Style", "style and layout"),
    ("Blink.Layout", "style and layout"),
    ("LocalFrameView::", "style and layout"),
    ("Document::", "style and layout"),
    ("HTMLDocumentParser", "HTML and CSS parsing"),
    ("URLLoader", "loading and IPC"),
    ("ResourceRequestSender", "loading and IPC"),
    ("ThrottlingURLLoader", "loading and IPC"),
    ("ResourceFetcher", "loading and IPC"),
    ("DocumentLoader", "loading and IPC"),
    ("NavigationBodyLoader", "loading and IPC"),
    ("Receive mojo message", "loading and IPC"),
    ("SimpleWatcher", "loading and IPC"),
)
_KIND_OF = {name: kind for kind, names in _KIND.items() for name in names}


def kind_of(name: str) -> str:
    if name in _KIND_OF:
        return _KIND_OF[name]
    return next((kind for prefix, kind in _PREFIXES if name.startswith(prefix)), "other (task overhead)")


def _median(values) -> float:
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


# ---------------------------------------------------------------------------------------------
# the traced load


def traced_load(browser: Browser, app, workdir: Path, index: int = 0) -> dict:
    """One first load with Chromium tracing on; returns the trace summary (None if it failed)."""
    from benchmarks.browser import INSTRUMENT_JS, LOAD_TIMEOUT_S, VIEWPORT, _counts, _wait, block_non_local

    context = browser.new_context(viewport=VIEWPORT)
    tracing = False
    try:
        context.add_init_script(INSTRUMENT_JS)
        block_non_local(context, app.server.url)
        page = context.new_page()
        browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
        tracing = True
        page.goto(app.server.url, wait_until="commit", timeout=LOAD_TIMEOUT_S * 1000)
        _wait(page, "traced drawn map", LOAD_TIMEOUT_S, lambda: [c for c in _counts(page) if c[1] > 0])
        page.wait_for_timeout(500)
        data = browser.stop_tracing()
        tracing = False
        path = workdir / f"trace-{app.name}-{index}.json"
        path.write_bytes(data)
        return summarize_trace(json.loads(data), app.server.url) | {"path": str(path)}
    finally:
        if tracing:
            with contextlib.suppress(PlaywrightError):
                browser.stop_tracing()
        with contextlib.suppress(PlaywrightError):
            context.close()


def _window(events: list[dict], base_url: str) -> tuple[float, float]:
    nav = [
        e["ts"]
        for e in events
        if e.get("name") == "navigationStart"
        and (e.get("args", {}).get("data", {}).get("documentLoaderURL") or "").startswith(base_url)
        and e["args"]["data"].get("isLoadingMainFrame")
    ]
    drawn = [e["ts"] for e in events if e.get("name") == "bench-map-drawn"]
    if not nav or not drawn:
        raise ValueError("trace has no navigation start or no drawn-map mark")
    return nav[0], drawn[0]


def _main_threads(events: list[dict]) -> set[tuple[int, int]]:
    return {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"
    }


def main_thread_kinds(events: list[dict], start: float, end: float) -> dict[str, float]:
    """Milliseconds of the renderer main thread in [start, end] by DevTools-like category (each
    trace event's self time); `idle` is the part of the window no task ran in."""
    threads = _main_threads(events)
    per_thread: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for e in events:
        if e.get("ph") != "X" or (e.get("pid"), e.get("tid")) not in threads:
            continue
        s, f = max(e["ts"], start), min(e["ts"] + e.get("dur", 0), end)
        if f > s:
            per_thread[(e["pid"], e["tid"])].append({"name": e["name"], "s": s, "f": f, "child": 0.0})
    totals: Counter = Counter()
    busy = 0.0
    for items in per_thread.values():
        items.sort(key=lambda x: (x["s"], -(x["f"] - x["s"])))
        stack: list[dict] = []
        for item in items:
            while stack and stack[-1]["f"] <= item["s"]:
                stack.pop()
            if stack:
                stack[-1]["child"] += min(item["f"], stack[-1]["f"]) - item["s"]
            else:
                busy += item["f"] - item["s"]
            stack.append(item)
        for item in items:
            totals[kind_of(item["name"])] += max(0.0, item["f"] - item["s"] - item["child"])
    out = {kind: ms / 1000 for kind, ms in totals.most_common()}
    out["busy"] = busy / 1000
    out["idle"] = (end - start - busy) / 1000
    return out


def script_files(events: list[dict], start: float, end: float) -> dict[str, float]:
    """Milliseconds of JavaScript in [start, end] by script file (V8 sampling profiler, self time)."""
    profiles = {
        e["id"]: e["args"]["data"].get("startTime", e["ts"]) for e in events if e.get("name") == "Profile"
    }
    chunks = sorted((e for e in events if e.get("name") == "ProfileChunk"), key=lambda e: e["ts"])
    totals: Counter = Counter()
    for profile, t0 in profiles.items():
        nodes: dict[int, dict] = {}
        parents: dict[int, int] = {}
        urls: dict[int, str] = {}
        samples: list[tuple[float, int]] = []
        ts = t0
        for chunk in chunks:
            if chunk.get("id") != profile:
                continue
            data = chunk["args"]["data"]
            cpu = data.get("cpuProfile", {})
            for node in cpu.get("nodes", []):
                nodes[node["id"]] = node["callFrame"]
                if "parent" in node:
                    parents[node["id"]] = node["parent"]
                if node["callFrame"].get("url"):
                    urls[node["callFrame"].get("scriptId")] = node["callFrame"]["url"]
            for sample, delta in zip(cpu.get("samples", []), data.get("timeDeltas", []), strict=False):
                ts += delta
                samples.append((ts, sample))
        for (ts, sample), (next_ts, _) in itertools.pairwise(samples):
            if not start <= ts <= end:
                continue
            frame = nodes.get(sample, {})
            url = frame.get("url") or urls.get(frame.get("scriptId"), "")
            if not url and not frame.get("functionName", "(").startswith("("):
                # a native function (appendChild, JSON.parse): name it with the file that called it
                caller = parents.get(sample)
                while caller is not None and not (
                    nodes.get(caller, {}).get("url") or urls.get(nodes.get(caller, {}).get("scriptId"))
                ):
                    caller = parents.get(caller)
                if caller is not None:
                    c = nodes[caller]
                    caller_url = c.get("url") or urls.get(c.get("scriptId"), "")
                    totals[f"{frame['functionName']} ← {_file_name(caller_url)}"] += next_ts - ts
                    continue
            name = _file_name(url) if url else frame.get("functionName") or "(anonymous)"
            totals[name] += next_ts - ts
    return {name: ms / 1000 for name, ms in totals.most_common()}


def _file_name(url: str) -> str:
    name = url.split("?", 1)[0].rsplit("/", 1)[-1]
    if "/component/" in url and name == "index.html":
        return "st_folium index.html (map script)"
    return name


def summarize_trace(trace: dict | list, base_url: str) -> dict:
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    start, end = _window(events, base_url)
    return {
        "window_ms": (end - start) / 1000,
        "kinds": main_thread_kinds(events, start, end),
        "files": script_files(events, start, end),
    }


# ---------------------------------------------------------------------------------------------
# from the timed visits


def _gaps(run: dict) -> dict[str, float]:
    """Server ms before each element the run enqueued (and after the last): where the run's time
    went, in the order the page receives the elements."""
    out: dict[str, float] = {}
    at = run["start"]
    seen: Counter = Counter()
    for m in run["messages"]:
        if m.get("msg") != "delta":
            continue
        element = str(m.get("element", ""))
        seen[element] += 1
        out[f"before {element}" + (f" #{seen[element]}" if seen[element] > 1 else "")] = (m["t"] - at) * 1000
        at = m["t"]
    out["after the last element"] = (run["end"] - at) * 1000
    return out


def _runs_summary(visits) -> dict:
    """Script runs: how many per page load, how long, when the map element left the server, where
    the runs spent their time (longest waits between elements, time inside st_folium and the table,
    download and markdown commands) and what triggered the reruns."""
    counts: dict[str, list[int]] = defaultdict(list)
    durations: dict[str, list[float]] = defaultdict(list)
    to_map_ms, after_map_ms = [], []
    before_map: Counter = Counter()
    gaps: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    calls: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    triggers: Counter = Counter()
    for v in visits:
        for phase in ("load", "change", "click"):
            runs = v.runs.get(phase, [])
            counts[phase].append(len(runs))
            if not runs:
                continue
            run = runs[0]
            durations[phase].append((run["end"] - run["start"]) * 1000)
            for k, ms in _gaps(run).items():
                gaps[phase][k].append(ms)
            per_call: Counter = Counter()
            for c in run.get("calls", []):
                per_call[c["name"]] += c["ms"]
            for name in ("st_folium", "dataframe", "download_button", "markdown"):
                calls[phase][name].append(per_call.get(name, 0.0))
            calls[phase]["garbage collection"].append(run.get("gc_ms", 0.0))
            for r in runs[1 if phase == "load" else 0 :]:
                triggers[f"{phase}: {_trigger(r['request'])}"] += 1
        load = v.runs.get("load", [])
        if load:
            first = load[0]
            messages = [m for m in first["messages"] if m.get("msg") == "delta"]
            map_msgs = [m for m in messages if m.get("element") == "component_instance"]
            if map_msgs:
                to_map_ms.append((map_msgs[0]["t"] - first["start"]) * 1000)
                after_map_ms.append((first["end"] - map_msgs[0]["t"]) * 1000)
                for m in messages[: messages.index(map_msgs[0])]:
                    if not str(m.get("element", "")).startswith("block:"):
                        before_map[m["element"]] += 1
    n = max(1, len(visits))

    def longest(phase: str) -> dict[str, float]:
        medians = ((k, _median(v)) for k, v in gaps[phase].items())
        return dict(sorted(medians, key=lambda kv: -kv[1])[:3])

    return {
        "first_load_runs": _median(counts["load"]),
        "change_runs": _median(counts["change"]),
        "click_runs": _median(counts["click"]),
        "first_run_ms": _median(durations["load"]),
        "to_map_ms": _median(to_map_ms),
        "after_map_ms": _median(after_map_ms),
        "change_run_ms": _median(durations["change"]),
        "click_run_ms": _median(durations["click"]),
        "elements_before_map": {k: v / n for k, v in before_map.items()},
        "longest_gaps": {phase: longest(phase) for phase in ("load", "change", "click")},
        "calls": {
            phase: {k: _median(v) for k, v in calls[phase].items()} for phase in ("load", "change", "click")
        },
        "rerun_triggers": {k: v / n for k, v in triggers.items()},
    }


def _trigger(request: dict | None) -> str:
    """What a rerun request carried: the widget values that changed, or that it reported first."""
    if request is None:
        return "no request logged"
    if request.get("changed"):
        return ", ".join(sorted({_widget_label(w) for w in request["changed"]}))
    new = request.get("new") or []
    if not new:
        return "no widget value changed"
    if len(new) <= 2:
        return ", ".join(sorted({_widget_label(w) for w in new})) + " (first value sent)"
    return f"{len(new)} widget values sent for the first time"


def _widget_label(widget_id: str) -> str:
    """A widget id as its user key (`$$ID-<hash>-<key>`); st_folium's key is a 64-digit hash."""
    parts = widget_id.split("-", 2)
    key = parts[2] if widget_id.startswith("$$ID-") and len(parts) == 3 else widget_id
    if len(key) == 64 and all(c in "0123456789abcdef" for c in key):
        return "st_folium value"
    return key


def _bytes_summary(visits) -> dict:
    """Median bytes by category, and the first load's websocket bytes by element."""
    categories: dict[str, list[int]] = defaultdict(list)
    elements: dict[str, list[int]] = defaultdict(list)
    args: dict[str, list[int]] = defaultdict(list)
    for v in visits:
        for key in set().union(*(x.first_bytes for x in visits)):
            categories[key].append(v.first_bytes.get(key, 0))
        per_element: Counter = Counter()
        per_arg: Counter = Counter()
        for f in v.frames:
            if f["dir"] != "in":
                continue
            per_element[f["element"] or f["kind"]] += f["bytes"]
            for k, size in (f.get("args") or {}).items():
                per_arg[k] += size
        for key in set(per_element) | set(elements):
            elements[key].append(per_element.get(key, 0))
        for key in set(per_arg) | set(args):
            args[key].append(per_arg.get(key, 0))
    files: dict[str, list[int]] = defaultdict(list)
    for v in visits:
        for key in set().union(*(x.first_files for x in visits)):
            files[key].append(v.first_files.get(key, 0))
    return {
        "files": {k: _median(v) for k, v in files.items()},
        "categories": {k: _median(v) for k, v in categories.items()},
        "ws_elements": {k: _median(v) for k, v in elements.items()},
        "component_args": {k: _median(v) for k, v in args.items()},
        "change_ws": _median([v.change_ws_bytes for v in visits]),
        "click_ws": _median([v.click_ws_bytes for v in visits]),
        "media_on_change": _median([getattr(v, "change_media_bytes", 0) for v in visits]),
    }


def _timeline_summary(visits, attr: str = "timeline") -> dict[str, float]:
    """Median of each milestone over the visits, in time order."""
    keys = set().union(*(getattr(v, attr) for v in visits)) if visits else set()
    return dict(
        sorted(
            ((k, _median([getattr(v, attr).get(k, float("nan")) for v in visits])) for k in keys),
            key=lambda kv: (kv[1] != kv[1], kv[1]),
        )
    )


def _median_summary(summaries: list[dict]) -> dict:
    """Median per entry over several trace summaries."""

    def merge(dicts: list[dict]) -> dict:
        keys = set().union(*dicts)
        return {k: _median([d.get(k, 0.0) for d in dicts]) for k in keys}

    return {
        "window_ms": _median([x["window_ms"] for x in summaries]),
        "kinds": dict(sorted(merge([x["kinds"] for x in summaries]).items(), key=lambda kv: -kv[1])),
        "files": dict(sorted(merge([x["files"] for x in summaries]).items(), key=lambda kv: -kv[1])),
        "paths": [x["path"] for x in summaries],
        "count": len(summaries),
    }


def breakdown(browser: Browser, apps: dict, visits: dict, workdir: Path, failures: list[str]) -> dict:
    """Everything the breakdown section prints, for ours and the trivial app."""
    from benchmarks.browser import StepTimeout

    names = ["ours", "trivial"]
    traces: dict[str, list[dict]] = {name: [] for name in names}
    for index in range(TRACED_LOADS):
        for name in names if index % 2 == 0 else names[::-1]:
            try:
                traces[name].append(traced_load(browser, apps[name], workdir, index))
            except (StepTimeout, PlaywrightError, ValueError) as exc:
                failures.append(f"{name}, traced load {index}: {str(exc).splitlines()[0][:200]}")
    out: dict = {"apps": {}, "workdir": str(workdir)}
    for name in names:
        out["apps"][name] = {
            "runs": _runs_summary(visits[name]),
            "bytes": _bytes_summary(visits[name]),
            "timeline": _timeline_summary(visits[name]),
            "critical_path": _critical_path(visits[name]),
            "change_steps": _timeline_summary(visits[name], "change_steps"),
            "click_steps": _timeline_summary(visits[name], "click_steps"),
            "long_tasks_ms": _median([v.long_tasks_ms for v in visits[name]]),
            "static_ms": _median([v.static_ms for v in visits[name]]),
            "trace": _median_summary(traces[name]) if traces[name] else None,
        }
    return out


# ---------------------------------------------------------------------------------------------
# printing


def _kb(n: float) -> str:
    return "—" if n != n else f"{n / 1024:,.1f} KB"


def _ms(n: float | None) -> str:
    return "—" if n is None or n != n else f"{n:,.0f} ms"


def _pair_rows(ours: dict, trivial: dict, fmt, diff: bool = False) -> list[str]:
    keys = list(ours) + [k for k in trivial if k not in ours]
    rows = []
    for k in keys:
        o, t = ours.get(k, float("nan")), trivial.get(k, float("nan"))
        extra = f" | {fmt(o - t)}" if diff else ""
        rows.append(f"| {k} | {fmt(o)} | {fmt(t)}{extra} |")
    return rows


def breakdown_lines(b: dict) -> list[str]:
    ours, trivial = b["apps"].get("ours"), b["apps"].get("trivial")
    if not ours or not trivial:
        return ["(no breakdown)"]
    lines = [
        "",
        "The drawn map's critical path, first load: medians of each step over the rounds",
        "| step | ours | trivial | ours − trivial |",
        "|---|---|---|---|",
        *_pair_rows(ours["critical_path"], trivial["critical_path"], _ms, diff=True),
        "",
        "Where the time goes: first load, medians over the rounds (page ms since navigation start)",
        "| milestone | ours | trivial |",
        "|---|---|---|",
        *_pair_rows(ours["timeline"], trivial["timeline"], _ms),
        f"| main-thread long tasks before the map was drawn (sum) | {_ms(ours['long_tasks_ms'])} | "
        f"{_ms(trivial['long_tasks_ms'])} |",
        f"| Streamlit's static JS/CSS, median request → loaded | {_ms(ours['static_ms'])} | "
        f"{_ms(trivial['static_ms'])} |",
        "",
        "Filter change, ms after the option click (ours: one theme; trivial: the selectbox swap)",
        "| step | ours | trivial |",
        "|---|---|---|",
        *_pair_rows(ours["change_steps"], trivial["change_steps"], _ms),
        "",
        "Zone click, ms after the click (trivial: a square)",
        "| step | ours | trivial |",
        "|---|---|---|",
        *_pair_rows(ours["click_steps"], trivial["click_steps"], _ms),
    ]

    ro, rt = ours["runs"], trivial["runs"]
    lines += ["", "Streamlit script runs (server run log), medians", "| | ours | trivial |", "|---|---|---|"]
    for label, key in (
        ("script runs: first page load", "first_load_runs"),
        ("script runs: filter change", "change_runs"),
        ("script runs: zone click", "click_runs"),
        ("first run: duration", "first_run_ms"),
        ("first run: start → map element enqueued", "to_map_ms"),
        ("first run: map element → run finished", "after_map_ms"),
        ("filter-change run: duration", "change_run_ms"),
        ("click run: duration", "click_run_ms"),
    ):
        fmt = (lambda x: "—" if x != x else f"{x:.0f}") if key.endswith("_runs") else _ms
        lines.append(f"| {label} | {fmt(ro[key])} | {fmt(rt[key])} |")
    for phase, label in (("load", "first run"), ("change", "filter-change run"), ("click", "click run")):
        for name, ms in ro["calls"][phase].items():
            what = {
                "st_folium": "st_folium",
                "garbage collection": "Python garbage collection (any thread)",
            }.get(name, f"st.{name} (all calls)")
            lines.append(f"| {label}: inside {what} | {_ms(ms)} | {_ms(rt['calls'][phase].get(name))} |")
        lines.append(
            f"| {label}: longest server waits before an element | {_gaps_text(ro['longest_gaps'][phase])} | "
            f"{_gaps_text(rt['longest_gaps'][phase])} |"
        )
    lines.append(
        f"| elements sent before the map (per load) | {_counts_text(ro['elements_before_map'])} | "
        f"{_counts_text(rt['elements_before_map'])} |"
    )
    lines.append(
        f"| what the later runs' requests carried (per visit) | {_counts_text(ro['rerun_triggers'])} | "
        f"{_counts_text(rt['rerun_triggers'])} |"
    )

    bo, bt = ours["bytes"], trivial["bytes"]
    cats = sorted(set(bo["categories"]) | set(bt["categories"]), key=lambda k: -bo["categories"].get(k, 0))
    total_o, total_t = sum(bo["categories"].values()), sum(bt["categories"].values())
    lines += [
        "",
        "Where the bytes go: first visit, medians",
        "| response | ours | trivial | ours − trivial |",
        "|---|---|---|---|",
        *_pair_rows({k: bo["categories"].get(k, 0) for k in cats}, bt["categories"], _kb, diff=True),
        f"| total | {_kb(total_o)} | {_kb(total_t)} | {_kb(total_o - total_t)} |",
        "",
        "| HTTP files, first load: the largest differences | ours | trivial |",
        "|---|---|---|",
        *_pair_rows(
            {k: bo["files"][k] for k in _largest_differences(bo["files"], bt["files"], 12)},
            {k: bt["files"].get(k, 0) for k in _largest_differences(bo["files"], bt["files"], 12)},
            _kb,
        ),
        "",
        "| websocket, first load | ours | trivial |",
        "|---|---|---|",
    ]
    els = sorted(set(bo["ws_elements"]) | set(bt["ws_elements"]), key=lambda k: -bo["ws_elements"].get(k, 0))
    lines += [
        f"| {k} | {_kb(bo['ws_elements'].get(k, 0))} | {_kb(bt['ws_elements'].get(k, 0))} |" for k in els[:6]
    ]
    args = sorted(bo["component_args"], key=lambda k: -bo["component_args"][k])[:5]
    lines += _pair_rows(
        {f"st_folium argument `{k}`": bo["component_args"][k] for k in args},
        {f"st_folium argument `{k}`": bt["component_args"].get(k, 0) for k in args},
        _kb,
    )
    lines += [
        f"| websocket received for the filter change | {_kb(bo['change_ws'])} | {_kb(bt['change_ws'])} |",
        f"| HTTP /media/ fetched after the filter change | {_kb(bo['media_on_change'])} | "
        f"{_kb(bt['media_on_change'])} |",
        f"| websocket received for the click | {_kb(bo['click_ws'])} | {_kb(bt['click_ws'])} |",
    ]

    to, tt = ours["trace"], trivial["trace"]
    if to and tt:
        kinds = [k for k in to["kinds"] if k not in ("busy", "idle")]
        kinds += [k for k in tt["kinds"] if k not in kinds and k not in ("busy", "idle")]
        order = ["busy", *kinds, "idle"]
        lines += [
            "",
            f"Renderer main thread, navigation start → drawn map: medians of {to['count']} / {tt['count']} "
            "traced loads (tracing slows the page)",
            "| work | ours | trivial | ours − trivial |",
            "|---|---|---|---|",
            *_pair_rows({"window": to["window_ms"]}, {"window": tt["window_ms"]}, _ms, diff=True),
            *_pair_rows({k: to["kinds"].get(k, 0.0) for k in order}, tt["kinds"], _ms, diff=True),
            "",
            "| JavaScript by script file (sampled self time) | ours | trivial | ours − trivial |",
            "|---|---|---|---|",
        ]
        files = sorted(
            (f for f in set(to["files"]) | set(tt["files"]) if f != "(idle)"),
            key=lambda k: -(to["files"].get(k, 0) - tt["files"].get(k, 0)),
        )[:14]
        lines += _pair_rows(
            {k: to["files"].get(k, 0.0) for k in files},
            {k: tt["files"].get(k, 0.0) for k in files},
            _ms,
            diff=True,
        )
        lines.append("Traces (chrome://tracing or ui.perfetto.dev): " + ", ".join(to["paths"] + tt["paths"]))
    return lines


CRITICAL_PATH = (
    "ws: first message sent",
    "server: script started",
    "server: map element enqueued",
    "ws: map element received",
    "map iframe navigation start",
    "http: st_folium JS loaded",
    "http: leaflet.js loaded",
    "map drawn",
)


def _segments(timeline: dict[str, float]) -> dict[str, float]:
    """One first load as consecutive steps of CRITICAL_PATH."""
    out, last, last_name = {}, 0.0, "navigation start"
    for name in CRITICAL_PATH:
        if name in timeline and timeline[name] == timeline[name]:
            out[f"{last_name} → {name}"] = timeline[name] - last
            last, last_name = timeline[name], name
    return out


def _critical_path(visits) -> dict[str, float]:
    """Median of each step over the visits (so the steps add up to about, not exactly, the median
    drawn map)."""
    per_visit = [_segments(v.timeline) for v in visits]
    keys = list(dict.fromkeys(k for segments in per_visit for k in segments))
    return {k: _median([segments.get(k, float("nan")) for segments in per_visit]) for k in keys}


def _largest_differences(ours: dict[str, float], trivial: dict[str, float], n: int) -> list[str]:
    return sorted(ours, key=lambda k: -(ours[k] - trivial.get(k, 0)))[:n]


def _gaps_text(gaps: dict[str, float]) -> str:
    return ", ".join(f"{k}: {_ms(v)}" for k, v in gaps.items()) or "none"


def _counts_text(counts: dict[str, float]) -> str:
    if not counts:
        return "none"
    return ", ".join(f"{k} × {v:g}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
