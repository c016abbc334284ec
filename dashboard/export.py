"""Command line export of the filtered tables, byte-identical to the app's downloads.

python -m dashboard.export zones|projects|indicators [--theme ID ...] [--city 广州 ...]
    [--source ID ...] [--kind KIND ...] [--search TEXT] [--match any|all]
    [--lang zh|en] [--format csv|geojson] [-o FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dashboard.catalog import Catalog, CatalogError, load_catalog
from dashboard.downloads import TABLES, download_bytes
from dashboard.filters import FilterState
from dashboard.i18n import CITY_EN, LANGS
from dashboard.schema import CITIES

EXIT_USAGE = 2
EXIT_DATA = 1


class UsageError(Exception):
    """An argument the catalog does not know; the message lists the valid values."""


def build_parser() -> argparse.ArgumentParser:
    """The CLI's arguments (also checked against the README by the tests)."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description="Export the filtered zones, projects or indicator targets.",
    )
    parser.add_argument("table", choices=TABLES, help="which table to export")
    parser.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="ID",
        help="theme id; repeat for several (see data/themes.yaml)",
    )
    parser.add_argument(
        "--match",
        choices=("any", "all"),
        default="any",
        help="with several themes: records having any (default) or all of them",
    )
    parser.add_argument(
        "--city",
        action="append",
        default=[],
        metavar="CITY",
        help="city (or indicator scope) in Chinese or English, e.g. 广州 or Guangzhou",
    )
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="ID",
        help="source plan id; repeat for several (see data/sources.yaml)",
    )
    parser.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="KIND",
        help="zone kind: district, cluster, platform or area (zones only)",
    )
    parser.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="keep records whose Chinese or English name contains TEXT",
    )
    parser.add_argument("--lang", choices=LANGS, default="en", help="language of headers and labels")
    parser.add_argument(
        "--format", choices=("csv", "geojson"), default="csv", help="geojson is available for zones only"
    )
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    return parser


def _resolve_city(name: str) -> str:
    if name in CITIES:
        return name
    by_english = {en.casefold(): zh for zh, en in CITY_EN.items()}
    if name.casefold() in by_english:
        return by_english[name.casefold()]
    valid = ", ".join(f"{zh} ({CITY_EN[zh]})" for zh in CITIES)
    raise UsageError(f"unknown city '{name}'. Valid cities: {valid}")


def _check_known(kind: str, values: Sequence[str], known: Sequence[str]) -> None:
    unknown = [v for v in values if v not in known]
    if unknown:
        raise UsageError(
            f"unknown {kind} {', '.join(repr(u) for u in unknown)}. Valid {kind}s: {', '.join(known)}"
        )


def state_from_args(args: argparse.Namespace, catalog: Catalog) -> FilterState:
    """Turn parsed arguments into a filter state, rejecting values the catalog does not know."""
    _check_known("theme", args.theme, list(catalog.themes["id"]))
    _check_known("source", args.source, list(catalog.sources["id"]))
    _check_known("kind", args.kind, ["district", "cluster", "platform", "area"])
    if args.format == "geojson" and args.table != "zones":
        raise UsageError("--format geojson is available for the zones table only")
    return FilterState(
        themes=tuple(args.theme),
        match=args.match,
        cities=tuple(_resolve_city(c) for c in args.city),
        sources=tuple(args.source),
        kinds=tuple(args.kind),
        search=args.search,
        lang=args.lang,
    )


def main(argv: Sequence[str] | None = None, data_dir: Path | None = None) -> int:
    """Run the export; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        catalog = load_catalog(data_dir)
    except CatalogError as exc:
        print(exc, file=sys.stderr)
        return EXIT_DATA
    try:
        state = state_from_args(args, catalog)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    layers = None
    if args.format == "geojson":
        from dashboard.geodata import load_layers

        layers = load_layers(catalog, None if data_dir is None else Path(data_dir) / "geo")
    payload = download_bytes(catalog, args.table, state, args.format, layers)
    if args.output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        args.output.write_bytes(payload)
    return 0


if __name__ == "__main__":
    sys.exit(main())
