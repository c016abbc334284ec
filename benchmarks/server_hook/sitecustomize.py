"""Script-run log for the browser benchmark's own `streamlit run` servers, nothing else.

Python imports this module at start-up only when its folder is on PYTHONPATH, which the benchmark
sets for the servers it starts; it does nothing unless GBA_BENCH_RUN_LOG names a file. It then
writes one JSON line per event of Streamlit's script runner (run started and finished, every message
the script enqueues, with its size and element type) and per rerun request (which widget values
changed), so a page load's runs can be counted and timed without touching the app.

It also times, per call, `streamlit_folium.st_folium` and the Streamlit commands in _TIMED (one
`CALL` line each, with the script run's session), and every garbage collection of 2 ms or more
(`GC`), so a run's server time can be split.

GBA_BENCH_WITHOUT (comma-separated Streamlit commands, e.g. `dataframe,download_button`) turns those
commands into no-ops in that server only: the benchmark's what-if runs measure what an element
costs the page by leaving it out, with the app's files unchanged.
"""

from __future__ import annotations

import gc
import importlib.abc
import importlib.util
import json
import os
import sys
import threading
import time

_PATH = os.environ.get("GBA_BENCH_RUN_LOG")
_WITHOUT = [name for name in os.environ.get("GBA_BENCH_WITHOUT", "").split(",") if name]
_TIMED = ("dataframe", "download_button", "markdown")
_lock = threading.RLock()
_collections: list[dict] = []  # garbage collections not written yet (see _on_gc)


def _write(record: dict) -> None:
    record["t"] = time.time()
    with _lock:
        pending = [_collections.pop(0) for _ in range(len(_collections))]
        lines = [json.dumps(r) for r in [*pending, record]]
        with open(_PATH, "a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")


def _describe(msg) -> dict:
    kind = msg.WhichOneof("type")
    info = {"msg": kind, "bytes": msg.ByteSize(), "path": list(msg.metadata.delta_path)}
    if kind == "ref_hash":
        info["element"] = "cached message reference"
    if kind == "delta":
        delta = msg.delta
        what = delta.WhichOneof("type")
        if what == "new_element":
            info["element"] = delta.new_element.WhichOneof("type")
        elif what == "add_block":
            info["element"] = "block:" + str(delta.add_block.WhichOneof("type"))
        else:
            info["element"] = str(what)
    return info


def _patch_script_runner(module) -> None:
    runner = module.ScriptRunner
    original_init = runner.__init__

    def on_event(sender, event, forward_msg=None, **_kwargs) -> None:
        record = {"session": getattr(sender, "_session_id", ""), "event": event.name}
        if forward_msg is not None:
            record.update(_describe(forward_msg))
        _write(record)

    def init(self, *args, **kwargs) -> None:
        original_init(self, *args, **kwargs)
        self.on_event.connect(on_event, weak=False)

    runner.__init__ = init


def _patch_app_session(module) -> None:
    session = module.AppSession
    original = session.request_rerun
    seen: dict[str, dict[str, str]] = {}

    def request_rerun(self, client_state) -> None:
        values: dict[str, str] = {}
        if client_state is not None:
            for widget in client_state.widget_states.widgets:
                values[widget.id] = widget.SerializeToString().hex()
        before = seen.get(self.id, {})
        changed = sorted(k for k in values if k in before and before[k] != values[k])
        new = sorted(k for k in values if k not in before)
        if client_state is not None:
            seen[self.id] = values
        _write(
            {
                "session": self.id,
                "event": "RERUN_REQUESTED",
                "widgets": len(values),
                "changed": changed,
                "new": new,
                "query": client_state.query_string if client_state is not None else None,
            }
        )
        return original(self, client_state)

    session.request_rerun = request_rerun


def _timed(name: str, fn):
    def call(*args, **kwargs):
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            ctx = get_script_run_ctx(suppress_warning=True)
            _write(
                {
                    "session": ctx.session_id if ctx else "",
                    "event": "CALL",
                    "name": name,
                    "ms": (time.perf_counter() - start) * 1000,
                }
            )

    call.__wrapped__ = fn
    return call


def _patch_streamlit(module) -> None:
    from streamlit.delta_generator import DeltaGenerator

    def left_out(*_args, **_kwargs) -> None:
        return None

    for name in _TIMED:
        method = getattr(DeltaGenerator, name)
        setattr(DeltaGenerator, name, _timed(name, method))
        setattr(module, name, getattr(module._main, name))
    for name in _WITHOUT:
        setattr(module, name, left_out)
        setattr(DeltaGenerator, name, left_out)


def _patch_streamlit_folium(module) -> None:
    module.st_folium = _timed("st_folium", module.st_folium)


_PATCHES = {
    "streamlit": _patch_streamlit,
    "streamlit.runtime.scriptrunner.script_runner": _patch_script_runner,
    "streamlit.runtime.app_session": _patch_app_session,
    "streamlit_folium": _patch_streamlit_folium,
}


class _PatchOnImport(importlib.abc.MetaPathFinder):
    """Patches the target modules right after they are first executed (`python -m` looks a package
    up before importing it, so the patch goes with the module that actually runs)."""

    def find_spec(self, name, path=None, target=None):
        if name not in _PATCHES:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return None
        original_exec = spec.loader.exec_module

        def exec_module(module) -> None:
            original_exec(module)
            patch = _PATCHES.pop(name, None)
            if patch is not None:
                patch(module)

        spec.loader.exec_module = exec_module
        return spec


_gc_started: dict[int, float] = {}


def _on_gc(phase: str, info: dict) -> None:
    # a collection can start anywhere, also inside _write with its lock held: only note it here,
    # the next _write writes it (a lock taken here could deadlock the server)
    if phase == "start":
        _gc_started[info["generation"]] = time.perf_counter()
        return
    started = _gc_started.pop(info["generation"], None)
    if started is not None and (ms := (time.perf_counter() - started) * 1000) >= 2:
        _collections.append(
            {"event": "GC", "generation": info["generation"], "ms": ms, "t": time.time(), "session": ""}
        )


if _PATH:
    sys.meta_path.insert(0, _PatchOnImport())
    gc.callbacks.append(_on_gc)
