"""The geometry layers the app draws, on the real data: datum shift, context, joins."""

from __future__ import annotations

import json

import shapely

from dashboard.filters import apply_filters
from dashboard.geodata import OVERLAY_CITIES, display_zones, in_datum, precision_of, zones_geojson
from dashboard.tables import build_table
from dashboard.view_state import ViewState


def test_every_zone_has_full_and_display_geometry(catalog, layers):
    assert list(layers.zones["id"]) == list(catalog.zones["id"])
    assert list(layers.zones_display["id"]) == list(catalog.zones["id"])
    assert shapely.is_valid(layers.zones_display.geometry.values).all()
    full = shapely.get_num_coordinates(layers.zones.geometry.values).sum()
    shown = shapely.get_num_coordinates(layers.zones_display.geometry.values).sum()
    assert shown < full / 3


def test_precision_follows_the_zone_records(catalog, layers):
    kinds = dict(zip(catalog.zones["id"], catalog.zones["precision"], strict=True))
    assert precision_of(layers, "gz_huadu") == kinds["gz_huadu"] == "admin"
    assert precision_of(layers, "sz_qianhai") == "approximate"
    assert precision_of(layers, "nowhere") is None


def test_gcj02_basemap_shifts_overlays_east_and_south(catalog, layers):
    zones = apply_filters(catalog.zones, "zones", ViewState(search="天河区"))
    wgs = display_zones(layers, zones, "wgs84").geometry.iloc[0].centroid
    gcj = display_zones(layers, zones, "gcj02").geometry.iloc[0].centroid
    assert 0.004 < gcj.x - wgs.x < 0.007  # ~550 m east
    assert -0.0035 < gcj.y - wgs.y < -0.0015  # ~280 m south


def test_map_context_draws_no_border_twice(layers):
    levels = layers.context.groupby("level")["city"].apply(set).to_dict()
    assert "province" not in levels
    assert levels["district"] == {"广州", "深圳", "珠海"}
    assert levels["city"].isdisjoint(levels["district"])
    assert levels["sar"] == {"香港", "澳门"}
    assert (
        list(layers.cities["city"])
        == list(OVERLAY_CITIES)
        == [
            "广州",
            "深圳",
            "东莞",
            "珠海",
            "佛山",
            "中山",
            "江门",
            "惠州",
            "肇庆",
        ]
    )


def test_admin_display_zones_coincide_with_display_districts(catalog, layers):
    district = layers.context[layers.context["name_zh"] == "花都区"].geometry.iloc[0]
    zone = layers.zones_display.set_index("id").loc["gz_huadu", "geometry"]
    assert zone.equals(district)


def test_display_zones_follow_the_filtered_catalog_order(catalog, layers):
    zones = apply_filters(catalog.zones, "zones", ViewState(cities=("深圳",)))
    shown = display_zones(layers, zones, "wgs84")
    assert list(shown["id"]) == list(zones["id"]) and len(shown) > 0
    assert shown.crs.to_epsg() == 4326 and not shown.geometry.is_empty.any()
    assert in_datum(shown, "wgs84") is shown
    assert in_datum(shown, "gcj02").crs != shown.crs


def test_zones_geojson_carries_the_table_cells_and_full_geometry(catalog, layers):
    zones = apply_filters(catalog.zones, "zones", ViewState(cities=("东莞",)))
    table = build_table("zones", zones, catalog.themes, "en")
    collection = json.loads(zones_geojson(table, list(zones["id"]), layers))
    assert [f["properties"]["zone_id"] for f in collection["features"]] == list(zones["id"])
    for feature, row in zip(collection["features"], table.to_dict(orient="records"), strict=True):
        # every cell of the table, unchanged, and the raw precision beside them
        assert {column: feature["properties"].get(column) for column in table.columns} == row
        raw = dict(zip(catalog.zones["id"], catalog.zones["precision"], strict=True))[row["zone_id"]]
        assert raw in set(feature["properties"].values()) - set(row.values())
    first = collection["features"][0]
    full = layers.zones.set_index("id").loc[zones["id"].iloc[0], "geometry"]
    assert shapely.geometry.shape(first["geometry"]).equals(full)
