"""The catalog and geometry every session shares: kept until a data file changes, never modified."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.data_files import data_key
from dashboard.localize import localized_catalog
from dashboard.ui.loaders import cached_catalog, cached_layers, cached_localized, cached_vocabulary
from dashboard.ui.pages import PAGES
from dashboard.url_state import vocabulary

ROOT = Path(__file__).resolve().parent.parent


def test_the_data_key_changes_with_any_file_and_only_then(data_copy):
    key = data_key(data_copy)
    assert data_key(data_copy) == key
    themes = data_copy / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = data_key(data_copy)
    assert edited != key
    (data_copy / "zones" / "extra.yaml").write_text("[]\n", encoding="utf-8")
    added = data_key(data_copy)
    assert added not in (key, edited)
    (data_copy / "zones" / "extra.yaml").unlink()
    assert data_key(data_copy) == edited
    assert data_key(data_copy)[0] == str(data_copy)


def _assert_same(shared, fresh, what: str) -> None:
    for field in dataclasses.fields(fresh):
        a, b = getattr(shared, field.name), getattr(fresh, field.name)
        if isinstance(b, pd.DataFrame):
            pd.testing.assert_frame_equal(a, b, obj=f"{what}.{field.name}")
        else:
            assert a == b, f"{what}.{field.name}"


@pytest.fixture
def fresh_resources():
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_no_page_modifies_the_shared_catalog_or_geometry(fresh_resources, real_catalog, real_layers, lang):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    query = {"lang": lang, "theme": "green_finance", "zone": "gz_huadu", "family": "green_loans"}
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    for file, _title, _icon, _path in PAGES[1:]:
        at.switch_page(f"dashboard/pages/{file}").run()
        assert not at.exception, (file, [e.message for e in at.exception])
    key, fresh = data_key(), real_catalog  # loaded apart from the app's shared objects
    _assert_same(cached_catalog(key), fresh, "catalog")
    _assert_same(cached_localized(cached_catalog(key), lang, key), localized_catalog(fresh, lang), lang)
    _assert_same(cached_layers(cached_catalog(key), key), real_layers, "layers")
    assert cached_vocabulary(cached_catalog(key), key) == vocabulary(fresh)


def test_one_vocabulary_serves_every_language(real_catalog):
    for lang in ("en", "zh", "zh-Hant"):
        assert vocabulary(localized_catalog(real_catalog, lang)) == vocabulary(real_catalog), lang
