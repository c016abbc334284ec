"""Command line export of the filtered tables, byte-identical to the app's downloads.

python -m dashboard.export TABLE [filters] [--lang zh|en] [--header labels|ids] [-o FILE]

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
from dashboard.cli_io import EXIT_IO, EXIT_USAGE, write_output
from dashboard.compare.cli import (
    COMPARE_TABLES,
    add_compare_commands,
    compare_bytes,
    compare_conflict,
    compare_params,
)
from dashboard.filters import apply_filters, filters_for
from dashboard.i18n import LANGS
from dashboard.localize import localized_catalog
from dashboard.param import Param
from dashboard.tables import HEADERS, build_table, csv_bytes
from dashboard.url_state import vocabulary
from dashboard.view_state import ViewState

TABLES = ("zones", "projects", "indicators")


class UsageError(Exception):
    """An argument the catalog does not know; the message lists the valid values."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage problem as one line and exit code 2."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _add_filter(parser: argparse.ArgumentParser, param: Param) -> None:
    flag = f"--{param.flag or param.key}"
    if param.multi:
        parser.add_argument(
            flag, dest=param.name, action="append", default=[], metavar=param.key.upper(), help=param.help
        )
    elif param.choices is None:
        parser.add_argument(flag, dest=param.name, default=param.default, metavar="TEXT", help=param.help)
    else:
        parser.add_argument(
            flag, dest=param.name, default=param.default, metavar=param.key.upper(), help=param.help
        )


def _add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGS, default="en", help="language of headers and labels")
    parser.add_argument(
        "--header",
        choices=HEADERS,
        default="labels",
        help="column headers: the language's labels or stable ids",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="file to write; - or none for standard output")


def build_parser() -> argparse.ArgumentParser:
    """The CLI's arguments (also checked against the README by the tests)."""
    parser = _Parser(
        prog="python -m dashboard.export",
        description="Export the filtered zones, projects or indicator targets.",
        allow_abbrev=False,
    )
    tables = parser.add_subparsers(dest="table", required=True, metavar="TABLE", parser_class=_Parser)
    for table in TABLES:
        sub = tables.add_parser(table, help=f"the {table} table", allow_abbrev=False)
        for param in filters_for(table):
            if param.cli:
                _add_filter(sub, param)
        _add_output(sub)
        if table == "zones":
            sub.add_argument("--format", choices=("csv", "geojson"), default="csv", help="csv or geojson")
    add_compare_commands(tables, _add_filter, _add_output)
    return parser


def _known(param: Param, values: Sequence[str], allowed: Sequence[str]) -> tuple[str, ...]:
    kept = []
    for value in values:
        resolved = (param.resolve(value) if param.resolve else None) or value
        if resolved not in allowed:
            raise UsageError(f"unknown {param.key} '{value}'. Valid values: {', '.join(allowed)}")
        kept.append(resolved)
    return tuple(dict.fromkeys(kept))


def state_from_args(
    args: argparse.Namespace, catalog: Catalog, params: Sequence[Param] | None = None
) -> ViewState:
    """Turn parsed arguments into a view state, rejecting values the catalog does not know;
    `params` are the filters to read (by default those of the table)."""
    vocab = vocabulary(catalog)
    values: dict[str, object] = {"lang": args.lang}
    for param in filters_for(args.table) if params is None else params:
        given = getattr(args, param.name)
        if param.choices is None:
            values[param.name] = given
        elif param.multi:
            values[param.name] = _known(param, given, vocab[param.name])
        else:
            values[param.name] = _known(param, [given], vocab[param.name])[0]
    return ViewState(**values)


def export_bytes(catalog: Catalog, args: argparse.Namespace, data_dir: Path | None) -> bytes:
    """The bytes the app offers as the download of the same view."""
    if args.table in COMPARE_TABLES:
        conflict = compare_conflict(args)
        if conflict:
            raise UsageError(conflict)
        return compare_bytes(catalog, args, state_from_args(args, catalog, compare_params(args)))
    state = state_from_args(args, catalog)
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
    args = build_parser().parse_args(argv)
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
