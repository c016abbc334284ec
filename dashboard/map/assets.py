"""Leaflet's JS/CSS served by the app itself, from an installed package, never from a CDN.

`python -m dashboard.map.assets` copies Leaflet's dist files from the `django-js-lib-leaflet` package into
`static/vendor/leaflet/` (git-ignored); Streamlit serves that folder at `/app/static/` when
`server.enableStaticServing` is on. Maps then name only those URLs, so they draw with no internet.
"""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

import folium

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
LEAFLET_DIR = STATIC_DIR / "vendor" / "leaflet"
LEAFLET_URL = "/app/static/vendor/leaflet"
_LEAFLET_FILES = ("leaflet.js", "leaflet.css")


def install_leaflet(target: Path = LEAFLET_DIR) -> list[Path]:
    """Copy Leaflet's script, stylesheet and images out of the installed package."""
    package_dir = files("js_lib_leaflet") / "static" / "js_lib_leaflet"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in _LEAFLET_FILES:
        destination = target / name
        destination.write_bytes((package_dir / name).read_bytes())
        written.append(destination)
    images = target / "images"
    images.mkdir(exist_ok=True)
    for image in (package_dir / "images").iterdir():
        (images / image.name).write_bytes(image.read_bytes())
        written.append(images / image.name)
    return written


def leaflet_installed(target: Path = LEAFLET_DIR) -> bool:
    """Whether the set-up step has put Leaflet where the app serves it."""
    return all((target / name).is_file() for name in _LEAFLET_FILES)


def use_local_assets(m: folium.Map, base_url: str = LEAFLET_URL) -> folium.Map:
    """Point a map at the app-served Leaflet only; drop folium's other CDN scripts and styles.

    The map uses no jQuery, Bootstrap or icon fonts, so those are left out rather than served.
    """
    m.default_js = [("leaflet", f"{base_url}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{base_url}/leaflet.css")]
    return m


def install_context() -> list[str]:
    """Publish the context outlines of every basemap datum (see `map.context_files`)."""
    from dashboard.catalog import load_catalog
    from dashboard.geodata import in_datum, load_layers
    from dashboard.map.base import context_geojson
    from dashboard.map.context_files import write_context_files

    layers = load_layers(load_catalog())
    return write_context_files(
        [context_geojson(in_datum(layers.context, datum)) for datum in ("wgs84", "gcj02")]
    )


if __name__ == "__main__":
    if LEAFLET_DIR.exists():
        shutil.rmtree(LEAFLET_DIR)
    for path in install_leaflet():
        print(path.relative_to(STATIC_DIR.parent))
    for name in install_context():
        print(f"static/context/{name}")
