"""Zone geometry: literal fixtures for every error path, then the real zone files and footprints."""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
import yaml
from geopandas.testing import assert_geodataframe_equal

from geo.boundaries import city_outline, find_district, load_boundaries
from geo.build_footprints import DATA_DIR, OUTPUT_FILE, build_text, main, read_town_seats
from geo.crs import GCJ02_CRS
from geo.simplify import equal_area_km2
from geo.zones import representative_points, zone_geometries

ZONES_DIR = Path(__file__).resolve().parents[1] / "data" / "zones"
DONGGUAN_AREAS = (
    "dg_urban",
    "dg_songshanhu",
    "dg_binhaiwan",
    "dg_shuixiang",
    "dg_eastern_industrial",
    "dg_southeast_shenzhen",
)

# ---------------------------------------------------------------- literal fixtures

WEST = shapely.box(113.0, 23.0, 113.1, 23.1)
EAST = shapely.box(113.1, 23.0, 113.2, 23.1)
ELSEWHERE = shapely.box(114.0, 22.5, 114.1, 22.6)
WHOLE_CITY = shapely.box(113.7, 22.9, 113.9, 23.0)


def _boundaries(crs="EPSG:4326") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "adcode": [1, 2, 3, 4],
            "name_zh": ["甲区", "乙区", "甲区", "丁市"],
            "name_en": ["A", "B", "A2", "D"],
            "level": ["district", "district", "district", "city"],
            "city": ["广州", "广州", "深圳", "东莞"],
        },
        geometry=[WEST, EAST, ELSEWHERE, WHOLE_CITY],
        crs=crs,
    )


SMALL = shapely.box(113.02, 23.02, 113.04, 23.04)


def _footprints(rows=(("z_small", SMALL),), crs="EPSG:4326") -> gpd.GeoDataFrame:
    ids = [r[0] for r in rows]
    return gpd.GeoDataFrame(
        {"zone_id": ids, "note": ["approximate"] * len(ids)}, geometry=[r[1] for r in rows], crs=crs
    )


def _zones(*rows: tuple[str, str, list[str], str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "city", "districts", "geometry"])


def test_admin_is_the_union_of_districts_and_approximate_is_the_footprint() -> None:
    zones = _zones(
        ("z_both", "广州", ["甲区", "乙区"], "admin"), ("z_small", "广州", ["甲区"], "approximate")
    )
    result = zone_geometries(zones, _boundaries(), _footprints())
    expected = gpd.GeoDataFrame(
        {"zone_id": ["z_both", "z_small"], "precision": ["admin", "approximate"]},
        geometry=[shapely.union_all([WEST, EAST]), shapely.box(113.02, 23.02, 113.04, 23.04)],
        crs="EPSG:4326",
    )
    assert_geodataframe_equal(result, expected, check_less_precise=True, normalize=True)


def test_district_names_are_looked_up_within_the_zone_city() -> None:
    result = zone_geometries(_zones(("z_sz", "深圳", ["甲区"], "admin")), _boundaries(), _footprints([]))
    assert shapely.equals(result.geometry.iloc[0], ELSEWHERE)


def test_a_city_without_districts_resolves_by_its_full_name() -> None:
    result = zone_geometries(_zones(("z_dg", "东莞", ["丁市"], "admin")), _boundaries(), _footprints([]))
    assert shapely.equals(result.geometry.iloc[0], WHOLE_CITY)


def test_footprints_of_other_zones_are_ignored() -> None:
    result = zone_geometries(_zones(("z_a", "广州", ["甲区"], "admin")), _boundaries(), _footprints())
    assert list(result["zone_id"]) == ["z_a"]


@pytest.mark.parametrize(
    ("zones", "footprints", "message"),
    [
        (
            _zones(("z1", "广州", ["丙区"], "admin")),
            _footprints(),
            "zone z1: districts: no district '丙区' in 广州",
        ),
        (
            _zones(("z2", "珠海", ["甲区"], "admin")),
            _footprints(),
            "zone z2: districts: no district '甲区' in 珠海",
        ),
        (_zones(("z3", "广州", [], "admin")), _footprints(), "zone z3: districts: geometry 'admin' needs"),
        (
            _zones(("z4", "广州", ["甲区"], "approximate")),
            _footprints(),
            "zone z4: geometry: 'approximate' but footprints has no footprint",
        ),
        (
            _zones(("z_small", "广州", ["甲区"], "admin")),
            _footprints(),
            "zone z_small: geometry: 'admin' but footprints also has a footprint",
        ),
        (
            _zones(("z5", "广州", ["甲区"], "exact")),
            _footprints(),
            "zone z5: geometry: expected 'admin' or 'approximate'",
        ),
        (
            _zones(("z_small", "广州", ["甲区"], "approximate")),
            _footprints([("z_small", shapely.box(113.02, 23.02, 113.04, 23.04)), ("z_small", WEST)]),
            "zone z_small: footprint: drawn 2 times",
        ),
        (
            _zones(("z_small", "广州", ["甲区"], "approximate")),
            _footprints([("z_small", shapely.Polygon([(113, 23), (113.1, 23.1), (113.1, 23), (113, 23.1)]))]),
            "zone z_small: footprint: not a valid",
        ),
        (
            _zones(("z_small", "广州", ["甲区"], "approximate")),
            _footprints([("z_small", shapely.Point(113, 23))]),
            "zone z_small: footprint: not a valid",
        ),
    ],
)
def test_unresolvable_zones_raise_naming_zone_and_field(zones, footprints, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        zone_geometries(zones, _boundaries(), footprints)


@pytest.mark.parametrize(
    ("boundaries", "footprints", "message"),
    [
        (
            _boundaries(crs="EPSG:3857"),
            _footprints(),
            "boundaries is in WGS 84 / Pseudo-Mercator; expected WGS 84",
        ),
        (_boundaries(), _footprints(crs=GCJ02_CRS), "footprints is in GCJ-02"),
        (_boundaries(crs=None), _footprints(), "boundaries has no CRS"),
    ],
)
def test_wrong_crs_raises(boundaries, footprints, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        zone_geometries(_zones(("z_small", "广州", ["甲区"], "approximate")), boundaries, footprints)


def test_missing_columns_raise() -> None:
    with pytest.raises(ValueError, match=r"zones lacks columns \['districts'\]"):
        zone_geometries(
            pd.DataFrame({"id": ["z"], "city": ["广州"], "geometry": ["admin"]}), _boundaries(), _footprints()
        )


def test_representative_points_lie_inside_even_for_a_crescent() -> None:
    crescent = shapely.Point(113.0, 23.0).buffer(0.1).difference(shapely.Point(113.03, 23.0).buffer(0.09))
    assert not crescent.contains(crescent.centroid)
    zones = gpd.GeoDataFrame({"zone_id": ["c"], "precision": ["approximate"]}, geometry=[crescent], crs=4326)
    points = representative_points(zones)
    assert list(points["zone_id"]) == ["c"]
    assert crescent.contains(points.geometry.iloc[0])


# ---------------------------------------------------------------- the real data


def _load_zone_records() -> pd.DataFrame:
    records = []
    for path in sorted(ZONES_DIR.glob("*.yaml")):
        records.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return pd.DataFrame(records, columns=["id", "name_zh", "city", "districts", "geometry", "parent"])


@pytest.fixture(scope="module")
def zones() -> pd.DataFrame:
    frame = _load_zone_records()
    assert len(frame), f"no zone records in {ZONES_DIR}"
    return frame


@pytest.fixture(scope="module")
def boundaries() -> gpd.GeoDataFrame:
    return load_boundaries(DATA_DIR / "boundaries.geojson")


@pytest.fixture(scope="module")
def footprints() -> gpd.GeoDataFrame:
    return gpd.read_file(DATA_DIR / OUTPUT_FILE)


@pytest.fixture(scope="module")
def geoms(zones, boundaries, footprints) -> gpd.GeoDataFrame:
    return zone_geometries(zones[["id", "city", "districts", "geometry"]], boundaries, footprints)


def test_footprints_file_matches_a_rebuild() -> None:
    assert (DATA_DIR / OUTPUT_FILE).read_text(encoding="utf-8") == build_text(DATA_DIR)


def test_footprints_check_fails_on_a_stale_file(tmp_path: Path, capsys) -> None:
    for name in ("footprints_source.yaml", "dongguan_towns.csv", "boundaries.geojson"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    (tmp_path / OUTPUT_FILE).write_text("{}", encoding="utf-8")
    assert main(["--check", "--data-dir", str(tmp_path)]) == 1
    assert "python -m geo.build_footprints" in capsys.readouterr().err


def test_every_approximate_zone_has_exactly_one_footprint_and_no_footprint_is_stale(
    zones, footprints
) -> None:
    approximate = set(zones.loc[zones["geometry"] == "approximate", "id"])
    assert sorted(footprints["zone_id"]) == sorted(approximate)


def test_every_zone_geometry_is_valid_and_non_empty(zones, geoms) -> None:
    assert list(geoms["zone_id"]) == list(zones["id"])
    assert geoms.geometry.is_valid.all()
    assert not geoms.geometry.is_empty.any()
    assert set(geoms.geom_type) <= {"Polygon", "MultiPolygon"}


def test_footprints_lie_inside_their_districts(zones, boundaries, footprints) -> None:
    drawn = footprints.set_index("zone_id").geometry
    outside = {}
    for zone in zones[zones["geometry"] == "approximate"].itertuples():
        if zone.districts:
            region = shapely.union_all([find_district(boundaries, zone.city, d) for d in zone.districts])
        else:
            region = city_outline(boundaries, zone.city)
        shape = drawn[zone.id]
        inside = shape.intersection(region).area / shape.area
        if inside < 0.995:
            outside[zone.id] = round(inside, 4)
    assert outside == {}


def test_representative_points_lie_in_their_city(zones, boundaries, geoms) -> None:
    points = representative_points(geoms).set_index("zone_id").geometry
    misplaced = [
        z.id for z in zones.itertuples() if not city_outline(boundaries, z.city).contains(points[z.id])
    ]
    assert misplaced == []


def test_dongguan_areas_tile_the_city(boundaries, footprints) -> None:
    drawn = footprints.set_index("zone_id").geometry
    areas = [drawn[z] for z in DONGGUAN_AREAS]
    outline = city_outline(boundaries, "东莞")
    union = shapely.union_all(areas)
    gap = outline.difference(union).area / outline.area
    overlap = (sum(a.area for a in areas) - union.area) / outline.area
    assert gap < 0.01
    assert overlap < 0.01


def test_dongguan_town_seats_lie_in_dongguan_and_in_known_areas(boundaries) -> None:
    seats = read_town_seats(DATA_DIR / "dongguan_towns.csv")
    outline = city_outline(boundaries, "东莞")
    assert len(seats) == 33  # 4 streets, 28 towns and the 松山湖 park
    assert {s.zone_id for s in seats} == set(DONGGUAN_AREAS)
    assert [s.name_zh for s in seats if not outline.contains(shapely.Point(s.lon, s.lat))] == []


@pytest.mark.parametrize(
    ("zone_id", "low_km2", "high_km2"),
    [
        ("sz_qianhai", 60, 150),  # 14.92 km² before 2021, 120.56 km² since
        ("sz_hetao", 2, 5),  # Shenzhen park about 3 km²
        ("zh_hengqin", 80, 130),  # the island about 106 km²
        ("sz_futian_cbd", 3, 9),
    ],
)
def test_footprint_areas_have_the_right_order_of_magnitude(footprints, zone_id, low_km2, high_km2) -> None:
    shape = footprints.set_index("zone_id").geometry[zone_id]
    assert low_km2 < equal_area_km2([shape])[0] < high_km2


def test_footprints_doc_lists_every_footprint_with_its_drawn_area(footprints) -> None:
    doc = (DATA_DIR / "FOOTPRINTS.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9_]+)` \| [^|]+ \| ([0-9.]+) \| (high|medium|low) \|", doc, flags=re.M)
    documented = {zone_id: float(area) for zone_id, area, _ in rows}
    assert sorted(documented) == sorted(footprints["zone_id"])
    drawn = dict(
        zip(footprints["zone_id"], equal_area_km2(footprints.geometry.values.to_numpy()), strict=True)
    )
    stale = {
        z: (documented[z], round(float(drawn[z]), 1))
        for z in documented
        if abs(documented[z] - drawn[z]) > 0.15
    }
    assert stale == {}
