"""A table declared as its columns: one builder turns any declaration into a frame with stable
column ids, and `labelled` gives it the headers of a language.

A column whose content is the plans' Chinese (`chinese=True`) keeps its id in Chinese and gets a
`_zh` suffix in every other language, so an English table holds no Chinese outside `_zh` columns.
A `twin` column holds the language's text and, outside Chinese, also the Chinese as `_zh`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.i18n import SOURCE_LANG, Lang, column_label, has_chinese_twin, names_by_id


@dataclass(frozen=True)
class Context:
    """What cells need besides the record: the language and the id → name maps of the catalog."""

    lang: Lang
    theme_names: dict[str, str]
    chinese_theme_names: dict[str, str]  # for `_zh` columns, which hold what the Chinese table shows


@dataclass(frozen=True)
class Column:
    id: str
    value: Callable[[object, Context], object]
    chinese: bool = False
    twin: Callable[[object], object] | None = None  # the Chinese value of a twin column


def table_context(themes: pd.DataFrame, lang: Lang) -> Context:
    """The id → name maps every table of the language needs, built once per table."""
    return Context(lang, names_by_id(themes, lang), names_by_id(themes, SOURCE_LANG))


def column_ids(columns: Sequence[Column], lang: Lang) -> list[str]:
    """The ids of the columns a table has in the language."""
    ids = []
    for column in columns:
        if column.chinese and has_chinese_twin(lang):
            ids.append(f"{column.id}_zh")
        else:
            ids.append(column.id)
            if column.twin is not None and has_chinese_twin(lang):
                ids.append(f"{column.id}_zh")
    return ids


def build(records: pd.DataFrame, columns: Sequence[Column], ctx: Context) -> pd.DataFrame:
    """One row per record, cells as text, headed by column ids."""
    rows = []
    for record in records.itertuples():
        row = []
        for column in columns:
            row.append(column.value(record, ctx))
            if column.twin is not None and not column.chinese and has_chinese_twin(ctx.lang):
                row.append(column.twin(record))
        rows.append(row)
    return pd.DataFrame(rows, columns=column_ids(columns, ctx.lang), dtype=object)


def labelled(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The table with the column labels of the language as headers (what the screen shows)."""
    out = table.copy()
    out.columns = [column_label(c, lang) for c in table.columns]
    return out
