"""Deterministic GeoJSON text for the committed data files.

Byte-for-byte reproducible output is what lets ``--check`` compare a rebuild with the committed file:
features keep the frame's order, properties keep the given key order, coordinates are rounded to a
fixed number of decimals, and there are no timestamps or ids. One feature per line keeps diffs
readable.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely

from geo.crs import WGS84_CRS, require_crs


def _ring(ring: shapely.LinearRing, decimals: int) -> list[list[float]]:
    """A ring's coordinates as rounded [lon, lat] pairs."""
    return np.round(shapely.get_coordinates(ring), decimals).tolist()


def _polygon(polygon: shapely.Polygon, decimals: int) -> list[list[list[float]]]:
    """A polygon as GeoJSON rings: exterior first, then holes."""
    return [_ring(polygon.exterior, decimals), *(_ring(r, decimals) for r in polygon.interiors)]


def geometry_mapping(geometry: shapely.Geometry, decimals: int) -> dict:
    """GeoJSON geometry object of a (Multi)Polygon with rounded coordinates."""
    if isinstance(geometry, shapely.Polygon):
        return {"type": "Polygon", "coordinates": _polygon(geometry, decimals)}
    if isinstance(geometry, shapely.MultiPolygon):
        return {"type": "MultiPolygon", "coordinates": [_polygon(p, decimals) for p in geometry.geoms]}
    raise TypeError(f"only (Multi)Polygons are written, got {geometry.geom_type}")


def _plain(value: object) -> object:
    """Numpy scalars to their Python equivalents so json can write them."""
    return value.item() if isinstance(value, np.generic) else value


def feature_collection_text(frame: gpd.GeoDataFrame, properties: Sequence[str], decimals: int) -> str:
    """The frame (EPSG:4326) as a GeoJSON FeatureCollection string, one feature per line."""
    require_crs(frame, WGS84_CRS, "frame")
    lines = []
    for row, geometry in zip(frame[list(properties)].itertuples(index=False), frame.geometry, strict=True):
        feature = {
            "type": "Feature",
            "properties": {k: _plain(v) for k, v in zip(properties, row, strict=True)},
            "geometry": geometry_mapping(geometry, decimals),
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
