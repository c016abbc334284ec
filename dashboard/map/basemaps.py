"""The basemaps a user can choose, and the datum their tiles are drawn in (labels: `dashboard.i18n`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Basemap:
    """A tile layer and the datum its tiles are drawn in."""

    id: str
    tiles: str | None
    attribution: str
    datum: str  # "wgs84" or "gcj02"
    subdomains: str = "abc"


_OSM = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
BASEMAPS: tuple[Basemap, ...] = (
    Basemap(
        "light",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        _OSM + ' &copy; <a href="https://carto.com/attributions">CARTO</a>',
        "wgs84",
        "abcd",
    ),
    Basemap("osm", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", _OSM, "wgs84"),
    Basemap(
        "gaode",
        "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
        "&copy; Gaode.com",
        "gcj02",
        "1234",
    ),
    Basemap("none", None, "", "wgs84"),
)
BASEMAP_IDS = tuple(b.id for b in BASEMAPS)


def basemap_by_id(basemap_id: str) -> Basemap:
    """The basemap with this id; the default one for an unknown id."""
    return next((b for b in BASEMAPS if b.id == basemap_id), BASEMAPS[0])
