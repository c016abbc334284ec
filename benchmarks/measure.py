"""Measurements behind `python -m benchmarks`: ours beside a naive baseline, on the same inputs.

Naive = what a straightforward app does: full-resolution geometry, the whole folium map rebuilt
and re-rendered from scratch on every filter change. Ours = display geometry, a cached base map,
and only the zone layer rebuilt (what st_folium's `feature_group_to_add` sends).
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import folium
import geopandas as gpd
import pandas as pd
import shapely

from dashboard.catalog import Catalog
from dashboard.filters import apply_filters
from dashboard.geodata import GeoLayers, display_zones
from dashboard.map.base import base_map, context_geojson
from dashboard.map.basemaps import basemap_by_id
from dashboard.map.layers import map_layers
from dashboard.tables import build_table
from dashboard.view_state import ViewState as FilterState

BASEMAP = basemap_by_id("light")


@dataclass(frozen=True)
class MapPayload:
    html_bytes: int
    vertices: int


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of `fn` in milliseconds over `repeat` calls (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def filter_combinations(catalog: Catalog, minimum: int = 50) -> list[FilterState]:
    """A fixed list of filter states: themes singly and in pairs (any/all), cities, languages."""
    themes = list(catalog.themes["id"])
    cities = sorted(set(catalog.zones["city"]))
    states = [FilterState(lang=lang) for lang in ("en", "zh")]
    states += [FilterState(themes=(t,), lang=lang) for t in themes for lang in ("en", "zh")]
    states += [
        FilterState(themes=pair, match=m)
        for pair in itertools.combinations(themes[:6], 2)
        for m in ("any", "all")
    ]
    states += [FilterState(cities=(c,), lang="zh") for c in cities]
    states += [FilterState(themes=(t,), cities=(c,)) for t in themes[:4] for c in cities]
    assert len(states) >= minimum, len(states)
    return states


def naive_layers(layers: GeoLayers, boundaries: gpd.GeoDataFrame) -> GeoLayers:
    """The layers a naive app draws: full-resolution boundaries and zone polygons."""
    return replace(layers, context=boundaries, zones_display=layers.zones)


def _render_groups(groups) -> str:
    holder = folium.Map(tiles=None)
    for group in groups:
        group.add_to(holder)
    return holder.get_root().render()


def interaction_ours(catalog: Catalog, layers: GeoLayers, state: FilterState) -> int:
    """A filter change as the app handles it: tables, then only the zone layer's script."""
    for table in ("zones", "projects", "indicators"):
        build_table(table, apply_filters(getattr(catalog, table), table, state), catalog.themes, state.lang)
    shown = display_zones(layers, apply_filters(catalog.zones, "zones", state), "wgs84")
    return len(_render_groups(map_layers(catalog.themes, shown, None, shown.iloc[:0], state.lang)))


def interaction_naive(catalog: Catalog, naive: GeoLayers, state: FilterState) -> int:
    """The same change done naively: tables, then the whole map rebuilt with full geometry."""
    for table in ("zones", "projects", "indicators"):
        build_table(table, apply_filters(getattr(catalog, table), table, state), catalog.themes, state.lang)
    return len(render_full_map(catalog, naive, state))


def render_full_map(catalog: Catalog, layers: GeoLayers, state: FilterState) -> str:
    """The complete map page (base, context outlines, zones) as folium renders it."""
    m = base_map(BASEMAP, context_geojson(layers.context))
    shown = display_zones(layers, apply_filters(catalog.zones, "zones", state), "wgs84")
    for group in map_layers(catalog.themes, shown, None, shown.iloc[:0], state.lang):
        group.add_to(m)
    return m.get_root().render()


def payload(catalog: Catalog, layers: GeoLayers, state: FilterState) -> MapPayload:
    """HTML size and vertices drawn for the map of a filter state."""
    html = render_full_map(catalog, layers, state)
    shown = display_zones(layers, apply_filters(catalog.zones, "zones", state), "wgs84")
    vertices = int(
        shapely.get_num_coordinates(layers.context.geometry.values).sum()
        + shapely.get_num_coordinates(shown.geometry.values).sum()
    )
    return MapPayload(len(html.encode("utf-8")), vertices)


def scaled(catalog: Catalog, layers: GeoLayers, factor: int) -> tuple[Catalog, GeoLayers]:
    """A synthetic catalog with `factor` times the zones: copies of the real ones, shifted east."""
    if factor == 1:
        return catalog, layers
    copies, display, full = [], [], []
    for k in range(factor):
        dx = 0.02 * k
        suffix = f"_c{k}"
        copies.append(
            catalog.zones.assign(
                id=catalog.zones["id"] + suffix,
                parent=catalog.zones["parent"].map(lambda p, s=suffix: p and p + s),
            )
        )
        display.append(
            layers.zones_display.assign(
                id=layers.zones_display["id"] + suffix, geometry=layers.zones_display.translate(dx)
            )
        )
        full.append(layers.zones.assign(id=layers.zones["id"] + suffix, geometry=layers.zones.translate(dx)))
    big = replace(catalog, zones=pd.concat(copies, ignore_index=True))
    big_layers = replace(
        layers,
        zones_display=gpd.GeoDataFrame(pd.concat(display, ignore_index=True), crs="EPSG:4326"),
        zones=gpd.GeoDataFrame(pd.concat(full, ignore_index=True), crs="EPSG:4326"),
    )
    return big, big_layers
