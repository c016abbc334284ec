"""The dataset version: stated once, as the top entry of `data/CHANGELOG.md`.

An entry starts with a heading `## X.Y.Z — YYYY-MM-DD`; the first one is the current version and
its date the release date. Levels follow semantic versioning for data: a record removed or an id
changed is major, a record added is minor, a correction is patch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dashboard.catalog import default_data_dir

CHANGELOG = "CHANGELOG.md"
UNRELEASED = "0.0.0"
Level = Literal["major", "minor", "patch"]
LEVELS: tuple[Level, ...] = ("major", "minor", "patch")
_ENTRY = re.compile(r"^## (\d+)\.(\d+)\.(\d+) [—-] (\d{4}-\d{2}-\d{2})\s*$", re.M)
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


@dataclass(frozen=True)
class Release:
    version: str
    date: str  # ISO date


def changelog_path(data_dir: Path | None = None) -> Path:
    """The changelog of the data folder (`data/`, or $GBA_DATA_DIR)."""
    return Path(data_dir if data_dir is not None else default_data_dir()) / CHANGELOG


def releases(data_dir: Path | None = None) -> list[Release]:
    """Every entry of the changelog, newest first; [] when the folder has no changelog."""
    path = changelog_path(data_dir)
    if not path.is_file():
        return []
    found = [
        Release(f"{m[1]}.{m[2]}.{m[3]}", m[4]) for m in _ENTRY.finditer(path.read_text(encoding="utf-8"))
    ]
    return found


def latest(data_dir: Path | None = None) -> Release | None:
    """The current release: the changelog's first entry."""
    found = releases(data_dir)
    return found[0] if found else None


def dataset_version(data_dir: Path | None = None) -> str:
    """The current dataset version; 0.0.0 for a data folder without a changelog (unreleased)."""
    release = latest(data_dir)
    return release.version if release else UNRELEASED


def release_date(data_dir: Path | None = None) -> str | None:
    """The date of the current release (ISO), or None when unreleased."""
    release = latest(data_dir)
    return release.date if release else None


def parse_version(version: str) -> tuple[int, int, int]:
    """'1.2.3' → (1, 2, 3); ValueError for anything else."""
    match = _VERSION.match(version)
    if not match:
        raise ValueError(f"not a semantic version (X.Y.Z): {version!r}")
    return int(match[1]), int(match[2]), int(match[3])


def bump(version: str, level: Level | None) -> str:
    """The next version after a change of this level (None: no change, same version)."""
    major, minor, patch = parse_version(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version
