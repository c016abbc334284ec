"""Cached loaders: the data files are read once per server, not once per click.

Failures are raised as `CatalogError` (never cached, never a traceback on screen): the app turns
them into the problems screen in one place (`streamlit_app.py`).
"""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st

from dashboard.catalog import Catalog, load_catalog
from dashboard.geodata import GeoLayers, in_datum, load_layers, zones_geojson
from dashboard.localize import localized_catalog
from dashboard.map.base import base_map, context_geojson
from dashboard.map.basemaps import basemap_by_id
from dashboard.map.context_files import published_urls

FAVICON = Path(__file__).resolve().parent / "favicon.png"  # local: no icon font fetched from outside


@st.cache_data(show_spinner=False)
def cached_catalog() -> Catalog:
    """The validated catalog."""
    return load_catalog()


@st.cache_data(show_spinner=False)
def cached_localized(_catalog: Catalog, lang: str, key: int) -> Catalog:
    """The catalog in the language's script (see `dashboard.localize`), converted once per language."""
    return localized_catalog(_catalog, lang)


@st.cache_data(show_spinner=False)
def cached_layers(_catalog: Catalog, key: int) -> GeoLayers:
    """Zone and context geometry; `key` (`geodata.layers_key`) stands in for the unhashable catalog."""
    return load_layers(_catalog)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_geojson(_table, _ids, _layers: GeoLayers, key: tuple) -> bytes:
    return zones_geojson(_table, _ids, _layers)


def cached_geojson(table, zone_ids: list[str], layers: GeoLayers, state_key) -> bytes:
    """The zones GeoJSON download (full-resolution geometry) of one view, made once per state."""
    return _cached_geojson(table, zone_ids, layers, (state_key, tuple(zone_ids)))


@st.cache_data(show_spinner=False)
def _cached_context(datum: str, _layers: GeoLayers, key: int) -> tuple[str, str]:
    return context_geojson(in_datum(_layers.context, datum))


def fresh_base_map(basemap_id: str, layers: GeoLayers, key: int) -> folium.Map:
    """A new base map object with the same HTML as on every other run (see `map.base.base_map`)."""
    basemap = basemap_by_id(basemap_id)
    context = _cached_context(basemap.datum, layers, key)
    return base_map(basemap, context, published_urls(context))
