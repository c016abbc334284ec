"""A package folder read back (ours, or an older one): its descriptor and typed rows per table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from dashboard.publish.csvio import read_rows
from dashboard.publish.fields import Field, decode

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class LoadedPackage:
    """A package read back: its descriptor and, per tabular resource, typed rows."""

    path: Path
    descriptor: dict
    tables: dict[str, list[dict]]

    def resource(self, name: str) -> dict | None:
        return next((r for r in self.descriptor["resources"] if r["name"] == name), None)


def read_package(path: Path) -> LoadedPackage:
    """Read a package folder (ours or an older one): values decoded by each schema's field types."""
    path = Path(path)
    descriptor = json.loads((path / DESCRIPTOR).read_text(encoding="utf-8"))
    tables = {}
    for resource in descriptor["resources"]:
        if "schema" not in resource:
            continue
        fields = {
            f["name"]: Field(f["name"], f.get("type", "string"), "", "") for f in resource["schema"]["fields"]
        }
        _, rows = read_rows(member(path, resource["path"]))
        tables[resource["name"]] = [{k: decode(fields[k], v) for k, v in row.items()} for row in rows]
    return LoadedPackage(path, descriptor, tables)


def member(package: Path, relative: str) -> Path:
    """A resource's file; ValueError for a path that leads out of the package folder."""
    target = (package / relative).resolve()
    if not target.is_relative_to(package.resolve()):
        raise ValueError(f"resource path {relative!r} leads outside the package")
    return target
