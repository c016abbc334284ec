"""The package as one SQLite database for datasette, built with sqlite-utils (no hand-written SQL).

One table per tabular resource with its primary key, NOT NULL columns and foreign keys (indexed),
array cells as JSON text (datasette facets them with `_facet_array`), plus `zones_geometry`
(GeoJSON text per zone) and `source_texts` (each plan's full text) when the package has them.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from dashboard.catalog import Catalog
from dashboard.publish.atomic import atomic_file
from dashboard.publish.reader import LoadedPackage, member, read_package

if TYPE_CHECKING:
    from dashboard.geodata import GeoLayers

_COLUMN_TYPES = {"string": str, "integer": int, "number": float, "array": str, "boolean": int}
GEOMETRY_TABLE = "zones_geometry"
TEXTS_TABLE = "source_texts"


def _cell(kind: str, value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if kind == "array" else value


def _add_table(db: sqlite_utils.Database, resource: dict, rows: list[dict]) -> list[tuple]:
    """Create and fill one table; return its foreign keys for adding once every table exists."""
    schema = resource["schema"]
    kinds = {f["name"]: f.get("type", "string") for f in schema["fields"]}
    pk = schema.get("primaryKey") or None
    pk = pk[0] if isinstance(pk, list) and len(pk) == 1 else (tuple(pk) if pk else None)
    not_null = {f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")}
    table = db[resource["name"]]
    table.create(
        {name: _COLUMN_TYPES.get(kind, str) for name, kind in kinds.items()}, pk=pk, not_null=not_null
    )
    table.insert_all(({k: _cell(kinds[k], v) for k, v in row.items()} for row in rows), batch_size=500)
    keys = []
    for fk in schema.get("foreignKeys", []):
        other = fk["reference"]["resource"] or resource["name"]
        for column, other_column in zip(fk["fields"], fk["reference"]["fields"], strict=True):
            keys.append((resource["name"], column, other, other_column))
    return keys


def _add_geometry(db: sqlite_utils.Database, package: LoadedPackage, resource: dict) -> list[tuple]:
    collection = json.loads(member(package.path, resource["path"]).read_text(encoding="utf-8"))
    rows = [
        {
            "zone_id": f["properties"]["zone_id"],
            "precision": f["properties"].get("precision"),
            "geometry": json.dumps(f["geometry"], separators=(",", ":")),
        }
        for f in collection["features"]
    ]
    db[GEOMETRY_TABLE].create({"zone_id": str, "precision": str, "geometry": str}, pk="zone_id")
    db[GEOMETRY_TABLE].insert_all(rows)
    return [(GEOMETRY_TABLE, "zone_id", "zones", "id")]


def _add_texts(db: sqlite_utils.Database, package: LoadedPackage) -> list[tuple]:
    sources = package.tables.get("sources", [])
    rows = [
        {"source": s["id"], "text": member(package.path, s["text_path"]).read_text(encoding="utf-8")}
        for s in sources
        if s.get("text_path") and member(package.path, s["text_path"]).is_file()
    ]
    if not rows:
        return []
    db[TEXTS_TABLE].create({"source": str, "text": str}, pk="source")
    db[TEXTS_TABLE].insert_all(rows)
    return [(TEXTS_TABLE, "source", "sources", "id")]


def _fill(db: sqlite_utils.Database, package: LoadedPackage) -> None:
    foreign_keys: list[tuple] = []
    for resource in package.descriptor["resources"]:
        if "schema" in resource:
            foreign_keys += _add_table(db, resource, package.tables[resource["name"]])
        elif resource.get("format") == "geojson" and resource["name"] == "zones_geometry":
            foreign_keys += _add_geometry(db, package, resource)
    foreign_keys += _add_texts(db, package)
    if foreign_keys:
        db.add_foreign_keys(foreign_keys)
        db.index_foreign_keys()


def write_sqlite(source: Path | Catalog, db_path: Path, layers: GeoLayers | None = None) -> Path:
    """Build the database from a package folder, or from a catalog (its package is written to a
    temporary folder first; `layers` add the geometry). Replaces `db_path` atomically."""
    db_path = Path(db_path)
    staging = None
    if isinstance(source, Catalog):
        from dashboard.publish.package import staged_package

        staging = staged_package(source, layers)
        source = Path(staging.name) / "package"
    try:
        package = read_package(Path(source))
        with atomic_file(db_path) as temporary:
            connection = sqlite3.connect(temporary)
            try:
                db = sqlite_utils.Database(connection)
                _fill(db, package)
                db.vacuum()
            finally:
                connection.close()
    finally:
        if staging is not None:
            staging.cleanup()
    return db_path
