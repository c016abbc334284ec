"""Every table the product shows and downloads, declared as columns (one module per table).

`build_table` turns already-filtered records into the table with stable column ids; the screen
shows it with the language's labels (`labelled`) and the CSV holds exactly the same cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from dashboard.i18n import Lang
from dashboard.tables.columns import Column, build, labelled, table_context
from dashboard.tables.csv_safety import to_csv_bytes
from dashboard.tables.indicators import INDICATOR_COLUMNS, indicator_records
from dashboard.tables.places import PLACE_COLUMNS
from dashboard.tables.projects import PROJECT_COLUMNS
from dashboard.tables.sources import SOURCE_COLUMNS
from dashboard.tables.zones import ZONE_COLUMNS

Header = Literal["labels", "ids"]
HEADERS: tuple[Header, ...] = ("labels", "ids")


@dataclass(frozen=True)
class TableSpec:
    columns: Sequence[Column]
    prepare: Callable[[pd.DataFrame], pd.DataFrame] | None = None


TABLE_SPECS = {
    "zones": TableSpec(ZONE_COLUMNS),
    "projects": TableSpec(PROJECT_COLUMNS),
    "indicators": TableSpec(INDICATOR_COLUMNS, indicator_records),
    "places": TableSpec(PLACE_COLUMNS),
    "sources": TableSpec(SOURCE_COLUMNS),
}


def build_table(name: str, records: pd.DataFrame, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The table `name` ("zones", "projects", "indicators", "sources") of the given records."""
    spec = TABLE_SPECS[name]
    prepared = spec.prepare(records) if spec.prepare is not None else records
    return build(prepared, spec.columns, table_context(themes, lang))


def csv_bytes(table: pd.DataFrame, lang: Lang, header: Header = "labels") -> bytes:
    """The table as Excel-safe CSV, headed by the language's labels (as on screen) or by the ids."""
    return to_csv_bytes(labelled(table, lang) if header == "labels" else table)


__all__ = ["HEADERS", "TABLE_SPECS", "build_table", "csv_bytes", "labelled"]
