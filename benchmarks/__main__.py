"""Benchmark: `python -m benchmarks [--quick] [--no-concurrency] [--sessions N] [--no-browser]`.

Prints medians over repeated runs of cold start, one interaction, map payload, growth with
synthetic catalogs, peak memory and a concurrency run, each beside a naive baseline with the ratio;
then the browser section (`benchmarks.browser`): what a user of a real Chromium waits for and
downloads, beside a trivial st_folium app, with the breakdown of where the time and bytes go.
`--browser` runs the browser section alone. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np

from benchmarks.measure import (
    filter_combinations,
    interaction_naive,
    interaction_ours,
    median_ms,
    naive_layers,
    payload,
    scaled,
)
from dashboard.catalog import default_data_dir, load_catalog
from dashboard.geodata import load_layers
from dashboard.view_state import ViewState as FilterState

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"interaction_ms": 50.0, "default_map_kb": 300.0, "payload_ratio": 0.2, "cold_start_s": 2.0}

_COLD = """
import json, resource, time
t = time.perf_counter()
from dashboard.catalog import load_catalog
from dashboard.geodata import load_layers
from dashboard.map.base import base_map, context_geojson
from dashboard.map.basemaps import basemap_by_id
from dashboard.map.layers import map_layers
from dashboard.filters import apply_filters
from dashboard.view_state import ViewState as FilterState
from dashboard.geodata import display_zones
import geopandas as gpd
catalog = load_catalog()
layers = load_layers(catalog)
if {naive}:
    from benchmarks.measure import naive_layers
    layers = naive_layers(layers, gpd.read_file("data/geo/boundaries.geojson"))
m = base_map(basemap_by_id("light"), context_geojson(layers.context))
shown = display_zones(layers, apply_filters(catalog.zones, "zones", FilterState()), "wgs84")
for g in map_layers(catalog.themes, shown, None, shown.iloc[:0], "en"):
    g.add_to(m)
m.get_root().render()
print(json.dumps({{"seconds": time.perf_counter() - t,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def cold_start(naive: bool, repeat: int) -> tuple[float, float]:
    """Median seconds and peak RSS (MB) of a fresh process: imports, catalog, layers, first map."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", _COLD.format(naive=naive)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return statistics.median(r["seconds"] for r in runs), max(r["rss_mb"] for r in runs)


def _row(name: str, ours: float, naive: float | None, unit: str, target: str = "") -> str:
    ratio = "" if naive in (None, 0) else f"{ours / naive:.3f}"
    naive_text = "—" if naive is None else f"{naive:,.1f} {unit}"
    return f"| {name} | {ours:,.1f} {unit} | {naive_text} | {ratio} | {target} |"


def growth_exponent(sizes: list[int], values: list[float]) -> float:
    """Slope of log(value) against log(size): 1 means linear growth."""
    return float(np.polyfit(np.log(sizes), np.log(values), 1)[0])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, growth up to 100x")
    parser.add_argument("--no-concurrency", action="store_true", help="skip the concurrent browser sessions")
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser section")
    parser.add_argument("--browser", action="store_true", help="run the browser section alone")
    parser.add_argument(
        "--browser-rounds", type=int, default=None, help="browser rounds (default 7, 5 with --quick)"
    )
    parser.add_argument(
        "--what-if",
        action="store_true",
        help="browser: also measure the app with tables / downloads left out",
    )
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    if args.browser:
        return browser_section(args)

    catalog = load_catalog()
    layers = load_layers(catalog)
    naive = naive_layers(layers, gpd.read_file(default_data_dir() / "geo" / "boundaries.geojson"))
    states = filter_combinations(catalog)

    lines = ["| measure | ours | naive | ours/naive | target |", "|---|---|---|---|---|"]
    ours_cold, ours_rss = cold_start(False, repeat)
    naive_cold, naive_rss = cold_start(True, repeat)
    lines.append(
        _row(
            "cold start (imports, catalog, layers, first map)",
            ours_cold,
            naive_cold,
            "s",
            f"≤ {TARGETS['cold_start_s']} s",
        )
    )
    per_state_ours = [median_ms(lambda s=s: interaction_ours(catalog, layers, s), repeat) for s in states]
    per_state_naive = [
        median_ms(lambda s=s: interaction_naive(catalog, naive, s), max(1, repeat // 2)) for s in states
    ]
    lines.append(
        _row(
            f"one interaction (median of {len(states)} filter states)",
            statistics.median(per_state_ours),
            statistics.median(per_state_naive),
            "ms",
            f"≤ {TARGETS['interaction_ms']:.0f} ms",
        )
    )
    lines.append(_row("one interaction, slowest state", max(per_state_ours), max(per_state_naive), "ms"))
    for label, state in (
        ("default map", FilterState()),
        ("filtered map (green_finance)", FilterState(themes=("green_finance",))),
    ):
        ours_p, naive_p = payload(catalog, layers, state), payload(catalog, naive, state)
        target = (
            f"≤ {TARGETS['default_map_kb']:.0f} KB, ratio ≤ {TARGETS['payload_ratio']}"
            if label == "default map"
            else f"ratio ≤ {TARGETS['payload_ratio']}"
        )
        lines.append(
            _row(f"{label}: HTML", ours_p.html_bytes / 1024, naive_p.html_bytes / 1024, "KB", target)
        )
        lines.append(_row(f"{label}: vertices", ours_p.vertices, naive_p.vertices, ""))
    lines.append(_row("peak RSS after loading", ours_rss, naive_rss, "MB"))

    factors = [1, 10, 100] if args.quick else [1, 10, 100, 1000]
    zone_counts, times, sizes, naive_times = [], [], [], []
    for factor in factors:
        big, big_layers = scaled(catalog, layers, factor)
        zone_counts.append(len(big.zones))
        state = FilterState()
        times.append(
            median_ms(
                lambda b=big, bl=big_layers, s=state: interaction_ours(b, bl, s), 3 if factor < 100 else 1
            )
        )
        sizes.append(payload(big, big_layers, state).html_bytes / 1024)
        if factor <= 10:
            big_naive = naive_layers(big_layers, naive.context)
            naive_times.append(median_ms(lambda b=big, bn=big_naive, s=state: interaction_naive(b, bn, s), 1))
        lines.append(
            _row(
                f"growth {factor}× ({len(big.zones)} zones): interaction",
                times[-1],
                naive_times[-1] if factor <= 10 else None,
                "ms",
            )
        )
        lines.append(_row(f"growth {factor}×: map HTML", sizes[-1], None, "KB"))
    time_exp = growth_exponent(zone_counts, times)
    size_exp = growth_exponent(zone_counts, sizes)
    lines.append(f"| growth exponent (interaction time vs zones shown) | {time_exp:.2f} | | | ≤ 1 (linear) |")
    lines.append(f"| growth exponent (map HTML vs zones shown) | {size_exp:.2f} | | | ≤ 1 (linear) |")

    if not args.no_concurrency:
        from benchmarks.concurrency import run_sessions

        alone = run_sessions(1)  # the same path with nobody else on the machine, for scale
        report = run_sessions(args.sessions)
        lines.append(
            f"| concurrency: {report.sessions} sessions, correct zone counts | "
            f"{report.correct}/{report.sessions} | | | all |"
        )
        lines.append(
            f"| concurrency: time to rendered map, median / p95 (vs 1 session alone) | "
            f"{report.median_s:.2f} s / {report.p95_s:.2f} s | {alone.median_s:.2f} s | "
            f"{report.median_s / alone.median_s:.1f} | |"
        )
        lines.append(f"| concurrency: server peak RSS | {report.peak_rss_mb:.0f} MB | | | |")
        lines.append(
            f"| concurrency: server CPU over the run / wall time × cores | {report.server_cpu_s:.0f} s / "
            f"{report.wall_s * (os.cpu_count() or 1):.0f} s | | "
            f"{report.server_cpu_s / (report.wall_s * (os.cpu_count() or 1)):.2f} | |"
        )
        lines.append(f"| concurrency: server log errors | {report.log_errors} | | | 0 |")
        for why in sorted(set(report.failures)):
            lines.append(f"| concurrency failure ({report.failures.count(why)}×) | {why} | | | |")

    print(
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print(
        f"Zones {len(catalog.zones)}, projects {len(catalog.projects)}, "
        f"indicators {len(catalog.indicators)}; "
        f"repeats {repeat}"
    )
    print("\n".join(lines))
    browser_missed = [] if args.no_browser else _print_browser(args)
    misses = []
    if statistics.median(per_state_ours) > TARGETS["interaction_ms"]:
        misses.append("interaction")
    if ours_cold > TARGETS["cold_start_s"]:
        misses.append("cold start")
    if not math.isfinite(time_exp) or time_exp > 1.15:
        misses.append("growth")
    if not args.no_concurrency and (report.correct < report.sessions or report.log_errors):
        misses.append("concurrency")
    misses += [f"browser {name}" for name in browser_missed]
    print("targets missed: " + (", ".join(misses) if misses else "none"))
    return 0


def _print_browser(args) -> list[str]:
    """Run and print the browser section; returns the browser targets missed."""
    from benchmarks.browser import MIN_ROUNDS, ROUNDS, misses, report_lines, run_browser

    rounds = args.browser_rounds or (MIN_ROUNDS if args.quick else ROUNDS)
    report, breakdown = run_browser(max(MIN_ROUNDS, rounds), trace=True, what_if=args.what_if)
    print()
    print("\n".join(report_lines(report, breakdown)))
    return misses(report)


def browser_section(args) -> int:
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    missed = _print_browser(args)
    print("targets missed: " + (", ".join(f"browser {m}" for m in missed) if missed else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
