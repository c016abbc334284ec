"""The command line's shared pieces, derived from the filter declarations: each table's filter
options, the language option, and turning parsed options into a `ViewState`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from dashboard.catalog import Catalog
from dashboard.cli_io import EXIT_USAGE
from dashboard.filters import filters_for
from dashboard.i18n import LANGS
from dashboard.param import Param
from dashboard.url_state import vocabulary
from dashboard.view_state import ViewState


def one_line(text: str) -> str:
    """User input as it may appear in a one-line message: control characters shown escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


class UsageError(Exception):
    """An argument the catalog does not know; the message lists the valid values."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage problem as one line and exit code 2, and never abbreviates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, allow_abbrev=False, **kwargs)

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"error: {one_line(message)} (see {self.prog} --help)\n")


def add_filter_options(parser: argparse.ArgumentParser, table: str) -> None:
    """The options of the filters that narrow `table`, as declared."""
    for param in filters_for(table):
        if not param.cli:
            continue
        flag, metavar = f"--{param.flag or param.key}", param.key.upper()
        if param.multi:
            parser.add_argument(
                flag, dest=param.name, action="append", default=[], metavar=metavar, help=param.help
            )
        else:
            metavar = "TEXT" if param.choices is None else metavar
            parser.add_argument(
                flag, dest=param.name, default=param.default, metavar=metavar, help=param.help
            )


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGS, default="en", help="language of headers, labels and text")


def _known(param: Param, values: Sequence[str], allowed: Sequence[str]) -> tuple[str, ...]:
    kept = []
    for value in values:
        resolved = (param.resolve(value) if param.resolve else None) or value
        if resolved not in allowed:
            raise UsageError(
                f"unknown {param.key} {one_line(value)!r}. Valid {param.name}: {', '.join(allowed)}"
            )
        kept.append(resolved)
    return tuple(dict.fromkeys(kept))


def state_from_args(args: argparse.Namespace, catalog: Catalog, table: str) -> ViewState:
    """Turn parsed options into a view state, rejecting values the catalog does not know."""
    vocab = vocabulary(catalog)
    values: dict[str, object] = {"lang": args.lang}
    for param in filters_for(table):
        given = getattr(args, param.name)
        if param.choices is None:
            values[param.name] = given
        elif param.multi:
            values[param.name] = _known(param, given, vocab[param.name])
        else:
            values[param.name] = _known(param, [given], vocab[param.name])[0]
    return ViewState(**values)
