"""What changed between two data packages: records added, removed and changed, field by field, per
resource, and the version level that implies (removed = major, added = minor, changed = patch)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.publish.reader import LoadedPackage, member, read_package
from dashboard.publish.version import Level, bump, parse_version

Records = dict[str, dict[str, object]]


@dataclass(frozen=True)
class Change:
    key: str
    fields: dict[str, tuple[object, object]]  # field → (old, new)


@dataclass(frozen=True)
class ResourceDiff:
    name: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[Change, ...] = ()
    fields_added: tuple[str, ...] = ()
    fields_removed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.fields_added or self.fields_removed)


@dataclass(frozen=True)
class PackageDiff:
    old_version: str
    new_version: str
    resources: tuple[ResourceDiff, ...] = field(default=())

    @property
    def level(self) -> Level | None:
        """The semantic-version level of the change; None when nothing changed."""
        if any(r.removed or r.fields_removed for r in self.resources):
            return "major"
        if any(r.added or r.fields_added for r in self.resources):
            return "minor"
        if any(r.changed for r in self.resources):
            return "patch"
        return None

    @property
    def suggested_version(self) -> str:
        return bump(self.old_version, self.level)

    @property
    def version_ok(self) -> bool:
        """Whether the new package's version is at least the suggested one."""
        try:
            return parse_version(self.new_version) >= parse_version(self.suggested_version)
        except ValueError:
            return False

    def as_dict(self) -> dict:
        """A JSON-ready form: versions, level and each resource's changes."""
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "level": self.level,
            "suggested_version": self.suggested_version,
            "resources": {
                r.name: {
                    "added": list(r.added),
                    "removed": list(r.removed),
                    "changed": {c.key: {k: list(v) for k, v in c.fields.items()} for c in r.changed},
                    "fields_added": list(r.fields_added),
                    "fields_removed": list(r.fields_removed),
                }
                for r in self.resources
            },
        }

    def to_text(self) -> str:
        """A readable report: one line per record added (+), removed (-) or field changed (~)."""
        level = self.level or "no"
        lines = [
            f"{self.old_version} → {self.new_version}: {level} change; suggested version "
            f"{self.suggested_version}{'' if self.version_ok else ' (the new version is lower)'}"
        ]
        for r in self.resources:
            lines.append(
                f"{r.name}: {len(r.added)} added, {len(r.removed)} removed, {len(r.changed)} changed"
            )
            lines += [f"  + field {name}" for name in r.fields_added]
            lines += [f"  - field {name}" for name in r.fields_removed]
            lines += [f"  + {key}" for key in r.added]
            lines += [f"  - {key}" for key in r.removed]
            for change in r.changed:
                for name, (old, new) in change.fields.items():
                    lines.append(f"  ~ {change.key}: {name}: {old!r} → {new!r}")
        return "\n".join(lines) + "\n"


def _digest(payload: bytes) -> str:
    return "sha256:" + hashlib.sha256(payload).hexdigest()[:16]


def _records(package: LoadedPackage, resource: dict) -> tuple[list[str], Records]:
    """Field names and records by key of any resource: table rows, GeoJSON features, or a file."""
    if "schema" in resource:
        schema = resource["schema"]
        keys = schema.get("primaryKey") or [schema["fields"][0]["name"]]
        keys = [keys] if isinstance(keys, str) else keys
        rows = package.tables[resource["name"]]
        by_key = {"/".join(str(row[k]) for k in keys): row for row in rows}
        return [f["name"] for f in schema["fields"]], by_key
    payload = member(package.path, resource["path"]).read_bytes()
    if resource.get("format") == "geojson":
        by_key = {}
        for feature in json.loads(payload)["features"]:
            props = feature.get("properties") or {}
            key = str(props.get("zone_id", feature.get("id")))
            geometry = json.dumps(feature.get("geometry"), sort_keys=True).encode()
            by_key[key] = {**props, "geometry": _digest(geometry)}
        names = sorted({k for record in by_key.values() for k in record})
        return names, by_key
    return ["content"], {resource["path"]: {"content": _digest(payload)}}


def _resource_diff(name: str, old: tuple[list[str], Records], new: tuple[list[str], Records]) -> ResourceDiff:
    (old_fields, old_records), (new_fields, new_records) = old, new
    shared = [f for f in new_fields if f in old_fields]
    changed = []
    for key in (k for k in new_records if k in old_records):
        fields = {
            f: (old_records[key].get(f), new_records[key].get(f))
            for f in shared
            if old_records[key].get(f) != new_records[key].get(f)
        }
        if fields:
            changed.append(Change(key, fields))
    return ResourceDiff(
        name,
        added=tuple(k for k in new_records if k not in old_records),
        removed=tuple(k for k in old_records if k not in new_records),
        changed=tuple(changed),
        fields_added=tuple(f for f in new_fields if f not in old_fields) if old_records else (),
        fields_removed=tuple(f for f in old_fields if f not in new_fields) if new_records else (),
    )


def diff_packages(old_dir: Path, new_dir: Path) -> PackageDiff:
    """Compare two package folders resource by resource (a resource in one only: all its records
    added or removed). Sizes, hashes and the build date are not compared, only the data."""
    old, new = read_package(old_dir), read_package(new_dir)
    names = list(dict.fromkeys([r["name"] for r in new.descriptor["resources"]] + [
        r["name"] for r in old.descriptor["resources"]
    ]))  # fmt: skip
    empty: tuple[list[str], Records] = ([], {})
    diffs = []
    for name in names:
        old_resource, new_resource = old.resource(name), new.resource(name)
        before = _records(old, old_resource) if old_resource else empty
        after = _records(new, new_resource) if new_resource else empty
        result = _resource_diff(name, before, after)
        if not result.empty:
            diffs.append(result)
    return PackageDiff(
        str(old.descriptor.get("version", "0.0.0")), str(new.descriptor.get("version", "0.0.0")), tuple(diffs)
    )
