"""Cached loaders: the data files are read once per server, not once per click."""

from __future__ import annotations

import folium
import streamlit as st

from dashboard.catalog import Catalog, CatalogError, Problem, load_catalog
from dashboard.geodata import GeoLayers, in_datum, load_layers
from dashboard.map_view import base_map, basemap_by_id


@st.cache_data(show_spinner=False)
def cached_catalog() -> Catalog | list[Problem]:
    """The validated catalog, or the problems that stop it loading (never a traceback)."""
    try:
        return load_catalog()
    except CatalogError as exc:
        return exc.problems


@st.cache_data(show_spinner=False)
def cached_layers(_catalog: Catalog, catalog_key: int) -> GeoLayers:
    """Zone and context geometry; `catalog_key` stands in for the unhashable catalog."""
    return load_layers(_catalog)


@st.cache_resource(show_spinner=False)
def cached_base_map(basemap_id: str, _layers: GeoLayers, layers_key: int) -> folium.Map:
    """One map object per basemap, reused on every run so its HTML never changes: st_folium then
    only swaps the zone layer instead of re-rendering (and blinking) the whole map."""
    basemap = basemap_by_id(basemap_id)
    return base_map(basemap, in_datum(_layers.context, basemap.datum))
