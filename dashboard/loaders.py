"""Cached loaders: the data files are read once per server, not once per click."""

from __future__ import annotations

import folium
import streamlit as st

from dashboard.catalog import Catalog, CatalogError, Problem, load_catalog
from dashboard.downloads import download_bytes
from dashboard.filters import FilterState
from dashboard.geodata import GeoLayers, in_datum, load_layers
from dashboard.map_view import base_map, basemap_by_id, context_geojson


@st.cache_data(show_spinner=False)
def cached_catalog() -> Catalog | list[Problem]:
    """The validated catalog, or the problems that stop it loading (never a traceback)."""
    try:
        return load_catalog()
    except CatalogError as exc:
        return exc.problems


@st.cache_data(show_spinner=False)
def cached_layers(_catalog: Catalog, catalog_key: int) -> GeoLayers | list[Problem]:
    """Zone and context geometry, or the problems that stop it loading; `catalog_key` stands in
    for the unhashable catalog."""
    try:
        return load_layers(_catalog)
    except CatalogError as exc:
        return exc.problems


@st.cache_data(show_spinner=False, max_entries=64)
def cached_geojson(_catalog: Catalog, _layers: GeoLayers, filters: FilterState, layers_key: int) -> bytes:
    """The zones GeoJSON download (full-resolution geometry) of a filter state, made once per state."""
    return download_bytes(_catalog, "zones", filters, "geojson", _layers)


@st.cache_data(show_spinner=False)
def cached_context(datum: str, _layers: GeoLayers, layers_key: int) -> tuple[str, str]:
    """The context outlines as GeoJSON text in the datum, computed once per datum."""
    return context_geojson(in_datum(_layers.context, datum))


def fresh_base_map(basemap_id: str, layers: GeoLayers, layers_key: int) -> folium.Map:
    """A new base map object with the same HTML as on every other run (see `map_view.base_map`)."""
    basemap = basemap_by_id(basemap_id)
    return base_map(basemap, cached_context(basemap.datum, layers, layers_key))
