"""The command line: the filtered tables byte-identical to the app's downloads, and the publishing
commands (data package, diff, SQLite, citations, self-contained map).

python -m dashboard.export TABLE [filters] [--lang zh|zh-Hant|en] [--header labels|ids] [-o FILE]
python -m dashboard.export package|diff|sqlite|datasette-metadata|cite|map|cff ...

Each table's options are derived from the filter declarations (`dashboard.filters.FILTERS`):
a table accepts exactly the filters that narrow it. Every failure is one line on stderr and exit
code 2 (usage) or 1 (data or I/O), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dashboard.catalog import Catalog, CatalogError, load_catalog
from dashboard.cli_args import Parser, UsageError, add_filter_options, add_lang_option, state_from_args
from dashboard.cli_io import EXIT_IO, EXIT_USAGE, write_output
from dashboard.compare.cli import COMPARE_TABLES, add_compare_commands, compare_bytes
from dashboard.filters import apply_filters
from dashboard.localize import localized_catalog
from dashboard.publish.cli import PUBLISH_COMMANDS, add_publish_commands, run_publish_command
from dashboard.tables import HEADERS, build_table, csv_bytes

TABLES = ("zones", "projects", "indicators", "places")


def build_parser() -> argparse.ArgumentParser:
    """The CLI's arguments (also checked against the README by the tests)."""
    parser = Parser(
        prog="python -m dashboard.export",
        description="Export the filtered tables, the data package, citations and a self-contained map.",
    )
    commands = parser.add_subparsers(dest="table", required=True, metavar="COMMAND", parser_class=Parser)
    for table in TABLES:
        sub = commands.add_parser(table, help=f"the {table} table as CSV")
        add_filter_options(sub, table)
        add_lang_option(sub)
        sub.add_argument(
            "--header",
            choices=HEADERS,
            default="labels",
            help="column headers: the language's labels or stable ids",
        )
        sub.add_argument(
            "-o", "--output", metavar="FILE", help="file to write; - or none for standard output"
        )
        if table == "zones":
            sub.add_argument("--format", choices=("csv", "geojson"), default="csv", help="csv or geojson")
    add_publish_commands(commands)
    add_compare_commands(commands)
    return parser


def export_bytes(catalog: Catalog, args: argparse.Namespace, data_dir: Path | None) -> bytes:
    """The bytes the app offers as the download of the same view."""
    if args.table in COMPARE_TABLES:
        return compare_bytes(catalog, args)
    state = state_from_args(args, catalog, args.table)
    catalog = localized_catalog(catalog, state.lang)
    records = apply_filters(getattr(catalog, args.table), args.table, state)
    table = build_table(args.table, records, catalog.themes, state.lang)
    if getattr(args, "format", "csv") == "geojson":
        from dashboard.geodata import load_layers, zones_geojson  # the geometry stack only when asked for

        layers = load_layers(catalog, None if data_dir is None else Path(data_dir) / "geo")
        return zones_geojson(table, list(records["id"]), layers)
    return csv_bytes(table, state.lang, args.header)


def main(argv: Sequence[str] | None = None, data_dir: Path | None = None) -> int:
    """Run the export; returns the process exit code."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # usage errors (one line, code 2) and --help (code 0)
        return exc.code if isinstance(exc.code, int) else 0
    if args.table in PUBLISH_COMMANDS:
        return run_publish_command(args, data_dir)
    try:
        catalog = load_catalog(data_dir)
        payload = export_bytes(catalog, args, data_dir)
    except CatalogError as exc:
        print(exc, file=sys.stderr)
        return EXIT_IO
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return write_output(args.output, payload)


if __name__ == "__main__":
    sys.exit(main())
