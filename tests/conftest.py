"""Shared fixtures: the real catalog, the small literal catalog in tests/fixtures/data, mutable copies.

The two catalogs (and the real geometry layers) are loaded once per session here; test modules
take them as fixtures and never load them on their own. Tests that need broken data load a
copy they have broken (`data_copy`, `real_data_copy`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import sync_playwright

from dashboard.catalog import DATA_DIR, Catalog, load_catalog
from dashboard.geodata import GeoLayers, load_layers
from tests.live_server import CHROMIUM, CHROMIUM_ARGS, live_server

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture(scope="session")
def real_catalog() -> Catalog:
    """The catalog of the project's own data/ folder (never modified by a test)."""
    return load_catalog(DATA_DIR)


@pytest.fixture(scope="session")
def sample_catalog() -> Catalog:
    """The literal fixture catalog: three themes, two plans, two zones, one project, three targets."""
    return load_catalog(FIXTURE_DATA)


@pytest.fixture(scope="session")
def real_layers(real_catalog: Catalog) -> GeoLayers:
    """The geometry layers of the real data."""
    return load_layers(real_catalog, DATA_DIR / "geo")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture data, to break one thing at a time."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture
def real_data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real data folder (geometry included)."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit_yaml(path: Path, edit) -> None:
    """Load a YAML list, let `edit` change it in place, write it back."""
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def catalog(real_catalog) -> Catalog:
    """The real catalog, for modules whose tests all use it (a module may define its own)."""
    return real_catalog


@pytest.fixture
def layers(real_layers) -> GeoLayers:
    """The real geometry, beside `catalog`."""
    return real_layers


@pytest.fixture
def app_error_details():
    """Let an AppTest failure show the app's error (visitors see it redacted), for readable reports."""
    import streamlit as st

    before = st.config.get_option("client.showErrorDetails")
    st.config.set_option("client.showErrorDetails", "full")
    yield
    st.config.set_option("client.showErrorDetails", before)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real `streamlit run` of the app, one per browser-test module."""
    with live_server(tmp_path_factory.mktemp("server") / "streamlit.log") as running:
        yield running


@pytest.fixture(scope="module")
def browser(request):
    """Debian's Chromium driven by Playwright; a module may add flags in `EXTRA_CHROMIUM_ARGS`."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run bash scripts/setup.sh --dev")
    extra = getattr(request.module, "EXTRA_CHROMIUM_ARGS", ())
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra])
        yield chromium
        chromium.close()
