"""The context outlines (districts; cities, Hong Kong, Macao) as static files the map loads by URL.

Inline, they would be most of the map's script, sent again with every filter change. The set-up
step writes them under `static/context/` (served by Streamlit at `/app/static/context/`), named by
a digest of their content, so a file that does not match the data is never used: the map then
falls back to inline outlines.
"""

from __future__ import annotations

import hashlib
import json

import folium
from branca.element import MacroElement
from jinja2 import Template

from dashboard.map.assets import STATIC_DIR

CONTEXT_DIR = STATIC_DIR / "context"
CONTEXT_URL = "/app/static/context"
KINDS = ("districts", "outlines")


def file_name(kind: str, geojson: str) -> str:
    """The file a context layer is published as: its kind and a digest of its text."""
    return f"{kind}-{hashlib.sha256(geojson.encode('utf-8')).hexdigest()[:16]}.geojson"


def published_urls(context: tuple[str, str]) -> tuple[str, str] | None:
    """The URLs of the published files of this context, or None when any is missing."""
    names = [file_name(kind, text) for kind, text in zip(KINDS, context, strict=True)]
    if not all((CONTEXT_DIR / name).is_file() for name in names):
        return None
    return tuple(f"{CONTEXT_URL}/{name}" for name in names)  # type: ignore[return-value]


def write_context_files(contexts: list[tuple[str, str]]) -> list[str]:
    """Publish the context layers of every datum (the set-up step); old files are removed."""
    CONTEXT_DIR.mkdir(parents=True, exist_ok=True)
    wanted = {
        file_name(kind, text): text for context in contexts for kind, text in zip(KINDS, context, strict=True)
    }
    for stale in CONTEXT_DIR.glob("*.geojson"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        (CONTEXT_DIR / name).write_text(text, encoding="utf-8")
    return sorted(wanted)


class FetchedGeoJson(MacroElement):
    """A non-interactive GeoJSON layer that the browser loads from a URL of this app."""

    _template = Template(
        """{% macro script(this, kwargs) %}
fetch({{ this.url|tojson }}).then(function (r) { return r.json(); }).then(function (data) {
  L.geoJSON(data, {style: {{ this.style|tojson }}, interactive: false}).addTo({{ this._parent.get_name() }});
});
{% endmacro %}"""
    )

    def __init__(self, url: str, style: dict):
        super().__init__()
        self._name = "FetchedGeoJson"
        self.url = url
        self.style = json.loads(json.dumps(style))


def fetched_layer(url: str, name: str, style: dict) -> folium.FeatureGroup:
    """A feature group (so the layer control lists it) holding one fetched context layer."""
    group = folium.FeatureGroup(name=name, control=True)
    group.add_child(FetchedGeoJson(url, style))
    return group
