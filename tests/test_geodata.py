"""The geometry layers the app draws, on the real data: datum shift, context, joins."""

from __future__ import annotations

import pytest
import shapely

from dashboard.catalog import load_catalog
from dashboard.filters import FilterState, filter_zones
from dashboard.geodata import display_zones, layers_key, load_layers, precision_of


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def layers(catalog):
    return load_layers(catalog)


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
    zones = filter_zones(catalog.zones, FilterState(search="天河区"))
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
    assert list(layers.cities["city"]) == [
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


def test_admin_display_zones_coincide_with_display_districts(catalog, layers):
    district = layers.context[layers.context["name_zh"] == "花都区"].geometry.iloc[0]
    zone = layers.zones_display.set_index("id").loc["gz_huadu", "geometry"]
    assert zone.equals(district)


def test_layers_key_changes_with_zone_geometry(catalog):
    changed = catalog.zones.copy()
    changed.loc[0, "precision"] = (
        "admin" if changed.loc[0, "precision"] == "approximate" else "approximate"
    )
    assert layers_key(catalog) != layers_key(type(catalog)(**{**catalog.__dict__, "zones": changed}))
