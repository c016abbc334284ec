"""The building blocks of a table declaration, and how each maps to Table Schema and to CSV cells.

A table is declared once (`dashboard.publish.resources`): its fields with types, descriptions in
English and Chinese and constraints, its primary and foreign keys, and where its rows come from.
Everything else (the CSV, the schema, the SQLite columns, the datasette metadata) is derived.

List values are JSON arrays in the CSV (Table Schema type `array`); missing values are empty cells.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.catalog import Catalog

Enum = tuple[str, ...] | Callable[[Catalog], tuple[str, ...]]


@dataclass(frozen=True)
class Field:
    """One column. `enum` constrains the value (or, for an array, each item); it may be read from
    the catalog (e.g. the theme ids). `column` is the catalog column, when its name differs."""

    name: str
    type: str  # Table Schema type: string, integer, number, array
    en: str
    zh: str
    required: bool = False
    enum: Enum | None = None
    pattern: str | None = None
    column: str | None = None

    @property
    def source(self) -> str:
        return self.column or self.name


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # the referenced table ("" or its own name for a self-reference)
    reference: tuple[str, ...]


def _frame_rows(table: Table, catalog: Catalog) -> Iterable[dict]:
    frame: pd.DataFrame = getattr(catalog, table.frame or table.name)
    for record in frame[list(dict.fromkeys(f.source for f in table.fields))].to_dict(orient="records"):
        yield {f.name: record[f.source] for f in table.fields}


@dataclass(frozen=True)
class Table:
    """A tabular resource: `<name>.csv` with its schema. Rows come from the catalog frame of the
    same name (or `frame`), one per record, unless `rows` builds them."""

    name: str
    title_en: str
    title_zh: str
    en: str
    zh: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ("id",)
    foreign_keys: tuple[ForeignKey, ...] = ()
    frame: str | None = None
    rows: Callable[[Table, Catalog], Iterable[dict]] = field(default=_frame_rows)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def records(self, catalog: Catalog) -> list[dict]:
        return list(self.rows(self, catalog))


def bilingual(en: str, zh: str) -> str:
    """One description for tools that show a single text: English, then Chinese."""
    return f"{en}\n\n{zh}"


def _enum_values(enum: Enum, catalog: Catalog) -> list[str]:
    return list(enum(catalog) if callable(enum) else enum)


def field_descriptor(f: Field, catalog: Catalog) -> dict:
    """The Table Schema field: type, bilingual description, constraints."""
    descriptor: dict[str, Any] = {
        "name": f.name,
        "type": f.type,
        "description": bilingual(f.en, f.zh),
        "description_en": f.en,
        "description_zh": f.zh,
    }
    constraints: dict[str, Any] = {}
    if f.required:
        constraints["required"] = True
    if f.pattern:
        constraints["pattern"] = f.pattern
    if f.type == "array":
        descriptor["description"] += "\n\n(JSON array / JSON 数组)"
        descriptor["arrayItem"] = {"type": "string"}
        if f.enum is not None:
            descriptor["arrayItem"]["constraints"] = {"enum": _enum_values(f.enum, catalog)}
    elif f.enum is not None:
        constraints["enum"] = _enum_values(f.enum, catalog)
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def schema_descriptor(table: Table, catalog: Catalog) -> dict:
    """The Table Schema of a table: fields, primary key, foreign keys, missing values."""
    schema: dict[str, Any] = {
        "fields": [field_descriptor(f, catalog) for f in table.fields],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(fk.fields),
                "reference": {
                    "resource": "" if fk.resource == table.name else fk.resource,
                    "fields": list(fk.reference),
                },
            }
            for fk in table.foreign_keys
        ]
    return schema


def _number_text(value: float | int) -> str:
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def encode(f: Field, value: object) -> str:
    """A value as its CSV cell (text cells still to be made spreadsheet-safe by `csvio`)."""
    if f.type == "array":
        return json.dumps([str(v) for v in (value or ())], ensure_ascii=False)
    if _missing(value):
        return ""
    if f.type in ("integer", "number"):
        return _number_text(value)  # type: ignore[arg-type]
    return str(value)


def decode(f: Field, text: str) -> object:
    """A CSV cell back to its value: None, str, int, float or list of str."""
    if f.type == "array":
        return json.loads(text) if text else []
    if text == "":
        return None
    if f.type == "integer":
        return int(text)
    if f.type == "number":
        return float(text)
    return text
