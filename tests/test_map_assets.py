"""Leaflet served by the app from an installed package: copied once, named by local URLs only."""

from __future__ import annotations

import folium

from dashboard.map.assets import (
    LEAFLET_DIR,
    LEAFLET_URL,
    install_leaflet,
    leaflet_installed,
    use_local_assets,
)


def test_install_copies_script_stylesheet_and_images(tmp_path):
    target = tmp_path / "leaflet"
    assert not leaflet_installed(target)
    written = install_leaflet(target)
    assert leaflet_installed(target)
    names = {p.relative_to(target).as_posix() for p in written}
    assert {"leaflet.js", "leaflet.css", "images/marker-icon.png"} <= names
    assert all(p.stat().st_size > 0 for p in written)


def test_the_set_up_step_has_installed_it():
    assert leaflet_installed(LEAFLET_DIR), "run bash scripts/setup.sh (python -m dashboard.map.assets)"


def test_a_map_names_only_the_local_files():
    m = use_local_assets(folium.Map(tiles=None))
    assert m.default_js == [("leaflet", f"{LEAFLET_URL}/leaflet.js")]
    assert m.default_css == [("leaflet_css", f"{LEAFLET_URL}/leaflet.css")]
    assert LEAFLET_URL == "/app/static/vendor/leaflet"
