"""Build ``data/geo/footprints.geojson`` from the readable drawing sources next to it.

Usage::

    python -m geo.build_footprints            # (re)write footprints.geojson
    python -m geo.build_footprints --check    # exit 1 if the committed file differs from a rebuild

Sources (both in ``data/geo/``, WGS-84 longitude/latitude):

``footprints_source.yaml``
    One entry per approximate zone: ``zone_id``, ``city``, ``districts`` (the containing
    districts; ``[]`` for Dongguan and Zhongshan, which have none), ``note`` (how it was drawn), and
    either ``vertices`` (a hand-drawn ring, landmarks in comments) or ``tiling: dongguan_towns``.
``dongguan_towns.csv``
    Seats of Dongguan's towns and streets with the 片区 each belongs to (``geo.dongguan``). Each 片区
    is the union of its towns' Thiessen (Voronoi) cells, clipped to the Dongguan outline, so the six
    tile the city; its note is the entry's method text followed by its members from this file.

Every footprint is clipped to its districts (or city outline) from ``boundaries.geojson``, so it
never spills into a neighbour; output is sorted by zone id, rounded to 6 decimals (~0.1 m).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import shapely
import yaml

from geo.boundaries import city_outline, find_district, load_boundaries
from geo.build_cli import run_build
from geo.crs import WGS84_CRS, require_crs
from geo.dongguan import TownSeat, footprint_note, grouping, read_town_seats
from geo.geojson_io import feature_collection_text
from geo.simplify import round_coordinates

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
SOURCE_FILE = "footprints_source.yaml"
TOWNS_FILE = "dongguan_towns.csv"
BOUNDARIES_FILE = "boundaries.geojson"
OUTPUT_FILE = "footprints.geojson"
DECIMALS = 6
TOWN_TILING = "dongguan_towns"
COMMAND = "python -m geo.build_footprints"


@dataclass(frozen=True)
class FootprintSource:
    """One entry of footprints_source.yaml."""

    zone_id: str
    city: str
    districts: tuple[str, ...]
    note: str
    vertices: tuple[tuple[float, float], ...] | None
    tiling: str | None


def read_sources(path: Path) -> list[FootprintSource]:
    """Parse footprints_source.yaml, rejecting entries with neither or both of vertices/tiling."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    sources = []
    for entry in entries:
        vertices = entry.get("vertices")
        tiling = entry.get("tiling")
        if (vertices is None) == (tiling is None):
            raise ValueError(
                f"{path.name}: zone {entry.get('zone_id')}: give exactly one of vertices, tiling"
            )
        if tiling is not None and tiling != TOWN_TILING:
            raise ValueError(f"{path.name}: zone {entry['zone_id']}: unknown tiling {tiling!r}")
        sources.append(
            FootprintSource(
                zone_id=entry["zone_id"],
                city=entry["city"],
                districts=tuple(entry.get("districts") or ()),
                note=" ".join(entry["note"].split()),
                vertices=tuple((float(x), float(y)) for x, y in vertices) if vertices is not None else None,
                tiling=tiling,
            )
        )
    ids = [s.zone_id for s in sources]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ValueError(f"{path.name}: zone ids drawn twice: {twice}")
    return sources


def clip_region(boundaries: gpd.GeoDataFrame, city: str, districts: Sequence[str]) -> shapely.Geometry:
    """Where a footprint may lie: its districts within the city, or the whole city outline."""
    outline = city_outline(boundaries, city)
    if outline is None:
        raise ValueError(f"no outline for city {city!r} in the boundaries")
    if not districts:
        return outline
    shapes = []
    for name in districts:
        shape = find_district(boundaries, city, name)
        if shape is None:
            raise ValueError(f"no district {name!r} in {city}")
        shapes.append(shape)
    return shapely.intersection(shapely.union_all(shapes), outline)


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """The polygon parts of an overlay result (drops stray lines and points on borders)."""
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def thiessen_zones(seats: Sequence[TownSeat], outline: shapely.Geometry) -> dict[str, shapely.Geometry]:
    """Per zone id, the union of its seats' Voronoi cells clipped to `outline`.

    Cells are dissolved before clipping, so zones share their borders exactly and together
    cover the outline.
    """
    points = shapely.MultiPoint([(s.lon, s.lat) for s in seats])
    frame = shapely.box(*outline.bounds).buffer(1.0)
    cells = shapely.get_parts(shapely.voronoi_polygons(points, extend_to=frame, ordered=True))
    zones: dict[str, shapely.Geometry] = {}
    for zone_id in sorted({s.zone_id for s in seats}):
        mine = [cells[i] for i, s in enumerate(seats) if s.zone_id == zone_id]
        zones[zone_id] = _polygonal(shapely.intersection(shapely.union_all(mine), outline))
    return zones


def build_footprints(
    sources: Sequence[FootprintSource], seats: Sequence[TownSeat], boundaries: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    """Footprints (zone_id, note, geometry; EPSG:4326) sorted by zone id."""
    require_crs(boundaries, WGS84_CRS, "boundaries")
    tiled: dict[str, shapely.Geometry] = {}
    if any(s.tiling for s in sources):
        tiled = thiessen_zones(seats, clip_region(boundaries, "东莞", []))
    members = grouping(list(seats))
    rows = []
    for source in sorted(sources, key=lambda s: s.zone_id):
        region = clip_region(boundaries, source.city, source.districts)
        if source.tiling:
            if source.zone_id not in tiled:
                raise ValueError(f"zone {source.zone_id}: no town seats in {TOWNS_FILE}")
            drawn = tiled[source.zone_id]
            note = footprint_note(source.note, members[source.zone_id])
        else:
            ring = shapely.Polygon(source.vertices)
            if not ring.is_valid:
                raise ValueError(f"zone {source.zone_id}: vertices: {shapely.is_valid_reason(ring)}")
            drawn, note = ring, source.note
        shape = _polygonal(shapely.intersection(drawn, region))
        if shape.is_empty:
            raise ValueError(
                f"zone {source.zone_id}: footprint lies outside {source.city} {list(source.districts)}"
            )
        rows.append({"zone_id": source.zone_id, "note": note, "geometry": shape})
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84_CRS)
    geoms = shapely.orient_polygons(round_coordinates(frame.geometry.values.to_numpy(), DECIMALS))
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=WGS84_CRS))


def build_text(data_dir: Path) -> str:
    """The footprints file's text, built from the sources and boundaries in `data_dir`."""
    footprints = build_footprints(
        read_sources(data_dir / SOURCE_FILE),
        read_town_seats(data_dir / TOWNS_FILE),
        load_boundaries(data_dir / BOUNDARIES_FILE),
    )
    return feature_collection_text(footprints, ["zone_id", "note"], DECIMALS)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    return run_build(
        argv,
        command=COMMAND,
        description=__doc__.split("\n")[0],
        build=lambda folder: {OUTPUT_FILE: build_text(folder)},
        folder_option="--data-dir",
        default_dir=DATA_DIR,
        inputs=f"{SOURCE_FILE} / {TOWNS_FILE}",
    )


if __name__ == "__main__":
    sys.exit(main())
