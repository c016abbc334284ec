"""Shared fixtures: the small literal catalog in tests/fixtures/data and mutable copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from dashboard.catalog import Catalog, load_catalog

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture(scope="session")
def sample_catalog() -> Catalog:
    return load_catalog(FIXTURE_DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture data, to break one thing at a time."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def edit_yaml(path: Path, edit) -> None:
    """Load a YAML list, let `edit` change it in place, write it back."""
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
