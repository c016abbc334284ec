"""The export CLI's Compare tables: `designations` (one row per claim) and `matrix --of ...` (theme
rows × city columns), each built by the same functions as the Compare page's downloads.

Each subcommand takes exactly the filters that narrow its records: the claims' city, plan and name
filters; the matrix the filters of the table it counts (`--kind` does not narrow targets).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from dashboard.catalog import Catalog
from dashboard.compare.designations import CLAIM_FILTERS, view_claims
from dashboard.compare.matrix import TABLE_OF, matrix_table, theme_city_matrix
from dashboard.filters import FILTERS, filtered, filters_for
from dashboard.localize import localized_catalog
from dashboard.param import Param
from dashboard.tables import csv_bytes
from dashboard.tables.claims import CLAIM_TABLE_COLUMNS
from dashboard.tables.columns import Context, build
from dashboard.view_state import COMPARE_OF

COMPARE_TABLES = ("designations", "matrix")
_MATRIX_FILTERS = tuple(p for p in FILTERS if any(p in filters_for(t) for t in TABLE_OF.values()))


def claims_table(catalog: Catalog, state):
    """The claims table of a view (catalog already in the view's language)."""
    return build(view_claims(catalog, state), CLAIM_TABLE_COLUMNS, Context(state.lang, {}))


def claims_csv(catalog: Catalog, state, header: str = "labels") -> bytes:
    """The claims download of a view: the Compare page's bytes and the CLI's."""
    return csv_bytes(claims_table(catalog, state), state.lang, header)


def matrix_csv(catalog: Catalog, state, of: str, header: str = "labels") -> bytes:
    """The theme × city matrix download of a view."""
    counts = theme_city_matrix(catalog, filtered(catalog, state), state, of)
    return csv_bytes(matrix_table(counts, catalog.themes, state.lang), state.lang, header)


def add_compare_commands(
    tables: argparse._SubParsersAction,
    add_filter: Callable[[argparse.ArgumentParser, Param], None],
    add_output: Callable[[argparse.ArgumentParser], None],
) -> None:
    """The `designations` and `matrix` subcommands, with their filters and the shared output options."""
    claims = tables.add_parser(
        "designations", help="every plan's claims on designations, one row per claim", allow_abbrev=False
    )
    for param in FILTERS:
        if param.name in CLAIM_FILTERS:
            add_filter(claims, param)
    add_output(claims)
    matrix = tables.add_parser("matrix", help="theme x city counts of zones, projects or targets")
    matrix.add_argument("--of", choices=COMPARE_OF, default=COMPARE_OF[0], help="what each cell counts")
    for param in _MATRIX_FILTERS:
        add_filter(matrix, param)
    add_output(matrix)


def compare_params(args: argparse.Namespace) -> tuple[Param, ...]:
    """The filters that narrow the subcommand's records."""
    if args.table == "designations":
        return tuple(p for p in FILTERS if p.name in CLAIM_FILTERS)
    return filters_for(TABLE_OF[args.of])


def compare_conflict(args: argparse.Namespace) -> str | None:
    """A filter given that cannot narrow what the subcommand counts, described; else None."""
    if args.table != "matrix":
        return None
    used = {p.name for p in compare_params(args)}
    for param in _MATRIX_FILTERS:
        if param.name not in used and param.active(getattr(args, param.name)):
            return f"--{param.flag or param.key} does not narrow --of {args.of}"
    return None


def compare_bytes(catalog: Catalog, args: argparse.Namespace, state) -> bytes:
    """The bytes of a Compare subcommand for the view `state`."""
    catalog = localized_catalog(catalog, state.lang)
    if args.table == "designations":
        return claims_csv(catalog, state, args.header)
    return matrix_csv(catalog, state, args.of, args.header)
