"""The export CLI's Compare tables: `designations` (one row per claim) and `matrix --of ...` (theme
rows × city columns), each built by the same functions as the Compare page's downloads.

Each subcommand takes exactly the filters that narrow its records: the claims' city, plan and name
filters; the matrix the filters of the table it counts (`--kind` does not narrow targets).
"""

from __future__ import annotations

import argparse

from dashboard.catalog import Catalog
from dashboard.cli_args import UsageError, add_filter_options, add_lang_option, state_from_args
from dashboard.compare.designations import view_claims
from dashboard.compare.matrix import TABLE_OF, matrix_table, theme_city_matrix
from dashboard.filters import FILTERS, filtered, filters_for
from dashboard.localize import localized_catalog
from dashboard.tables import HEADERS, csv_bytes
from dashboard.tables.claims import CLAIM_TABLE_COLUMNS
from dashboard.tables.columns import Context, build
from dashboard.view_state import COMPARE_OF

COMPARE_TABLES = ("designations", "matrix")


def _matrix_filters() -> list:
    """Every filter of a table a matrix counts, in declaration order."""
    names = {p.name for table in TABLE_OF.values() for p in filters_for(table)}
    return [p for p in FILTERS if p.name in names]


def claims_table(catalog: Catalog, state):
    """The claims table of a view (catalog already in the view's language)."""
    return build(view_claims(catalog, state), CLAIM_TABLE_COLUMNS, Context(state.lang, {}, {}))


def claims_csv(catalog: Catalog, state, header: str = "labels") -> bytes:
    """The claims download of a view: the Compare page's bytes and the CLI's."""
    return csv_bytes(claims_table(catalog, state), state.lang, header)


def matrix_csv(catalog: Catalog, state, of: str, header: str = "labels") -> bytes:
    """The theme × city matrix download of a view."""
    counts = theme_city_matrix(catalog, filtered(catalog, state), state, of)
    return csv_bytes(matrix_table(counts, catalog.themes, state.lang), state.lang, header)


def _add_output(parser: argparse.ArgumentParser) -> None:
    add_lang_option(parser)
    parser.add_argument(
        "--header",
        choices=HEADERS,
        default="labels",
        help="column headers: the language's labels or stable ids",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="file to write; - or none for standard output")


def add_compare_commands(commands) -> None:
    """The `designations` and `matrix` subcommands of `python -m dashboard.export`."""
    claims = commands.add_parser(
        "designations", help="every plan's claims on designations, one row per claim"
    )
    add_filter_options(claims, "designations")
    _add_output(claims)
    # every filter of the three tables; the ones they share are declared once (resolve: same option)
    matrix = commands.add_parser(
        "matrix", help="theme x city counts of zones, projects or targets", conflict_handler="resolve"
    )
    matrix.add_argument("--of", choices=COMPARE_OF, default=COMPARE_OF[0], help="what each cell counts")
    for table in TABLE_OF.values():
        add_filter_options(matrix, table)
    _add_output(matrix)


def _table(args: argparse.Namespace) -> str:
    """The table whose filters narrow the subcommand's records."""
    return "designations" if args.table == "designations" else TABLE_OF[args.of]


def compare_conflict(args: argparse.Namespace) -> str | None:
    """A filter given that cannot narrow what the subcommand counts, described; else None."""
    if args.table != "matrix":
        return None
    used = {p.name for p in filters_for(_table(args))}
    for param in _matrix_filters():
        if param.name not in used and param.active(getattr(args, param.name)):
            return f"--{param.flag or param.key} does not narrow --of {args.of}"
    return None


def compare_bytes(catalog: Catalog, args: argparse.Namespace) -> bytes:
    """The bytes of a Compare subcommand: the page's download for the same view."""
    conflict = compare_conflict(args)
    if conflict:
        raise UsageError(conflict)
    state = state_from_args(args, catalog, _table(args))
    catalog = localized_catalog(catalog, state.lang)
    if args.table == "designations":
        return claims_csv(catalog, state, args.header)
    return matrix_csv(catalog, state, args.of, args.header)
