"""Cached loaders: the data files are read once per server, not once per click, and again when
one of them changes.

The catalog, its geometry and what is derived from them alone are shared by every session as they
are (`st.cache_resource`: no copy per run, which for these frames would cost more than the rest of
a run). Nothing modifies them: every table a page shows is a new frame made from them (a test
runs every page and compares the shared objects with a fresh load).

Failures are raised as `CatalogError` (never cached, never a traceback on screen): the app turns
them into the problems screen in one place (`streamlit_app.py`).
"""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st

from dashboard.catalog import Catalog, load_catalog
from dashboard.data_files import DataKey
from dashboard.geodata import GeoLayers, in_datum, load_layers, zones_geojson
from dashboard.i18n import Lang
from dashboard.indicators import family_labels
from dashboard.localize import localized_catalog
from dashboard.map.base import base_map, context_geojson
from dashboard.map.basemaps import basemap_by_id
from dashboard.map.context_files import published_urls
from dashboard.url_state import Vocabulary, vocabulary

FAVICON = Path(__file__).resolve().parent / "favicon.png"  # local: no icon font fetched from outside


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_catalog(key: DataKey) -> Catalog:
    """The validated catalog of the data folder `key` names (`data_files.data_key`)."""
    return load_catalog(Path(key[0]))


@st.cache_resource(show_spinner=False, max_entries=12)
def cached_localized(_catalog: Catalog, lang: str, key: DataKey) -> Catalog:
    """The catalog in the language's script (see `dashboard.localize`), converted once per language."""
    return localized_catalog(_catalog, lang)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_layers(_catalog: Catalog, key: DataKey) -> GeoLayers:
    """Zone and context geometry."""
    return load_layers(_catalog, Path(key[0]) / "geo")


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_vocabulary(_catalog: Catalog, key: DataKey) -> Vocabulary:
    """Every parameter's allowed values (see `url_state.vocabulary`): ids and the data's own
    values, which no language's catalog converts, so one vocabulary serves every language."""
    return vocabulary(_catalog)


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_family_labels(
    _catalog: Catalog, key: DataKey, themes: tuple[str, ...], lang: Lang
) -> dict[str, str]:
    """The indicator families of the whole catalog in display order (see `indicators.family_labels`);
    `_catalog` is the language's (its names)."""
    return family_labels(_catalog.indicators, themes, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_geojson(_table, _ids, _layers: GeoLayers, key: tuple) -> bytes:
    return zones_geojson(_table, _ids, _layers)


def cached_geojson(table, zone_ids: list[str], layers: GeoLayers, state_key) -> bytes:
    """The zones GeoJSON download (full-resolution geometry) of one view, made once per state."""
    return _cached_geojson(table, zone_ids, layers, (state_key, tuple(zone_ids)))


@st.cache_resource(show_spinner=False, max_entries=8)
def _cached_context(datum: str, _layers: GeoLayers, key: DataKey) -> tuple[str, str]:
    return context_geojson(in_datum(_layers.context, datum))


def fresh_base_map(basemap_id: str, layers: GeoLayers, key: DataKey) -> folium.Map:
    """A new base map object with the same HTML as on every other run (see `map.base.base_map`)."""
    basemap = basemap_by_id(basemap_id)
    context = _cached_context(basemap.datum, layers, key)
    return base_map(basemap, context, published_urls(context))
