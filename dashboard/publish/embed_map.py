"""The filtered map as one self-contained HTML file, to open from disk or embed in any web page.

Leaflet's script and stylesheet are inlined from the installed `django-js-lib-leaflet` package (the
file makes no request of its own; only an optional basemap loads tiles). The zones, the district
outlines, a legend and, per zone, a tooltip and a popup with its themes, positioning and citations
are drawn with the dashboard's own map functions. Every piece of data text is HTML-escaped before it
reaches the page, and folium writes the GeoJSON into the script JSON-escaped, so a name such as
`</script><img src=x onerror=alert(1)>` shows as text.
"""

from __future__ import annotations

import html
import re
from importlib.resources import files

import folium

from dashboard.catalog import Catalog
from dashboard.filters import apply_filters
from dashboard.geodata import GeoLayers, display_zones, in_datum
from dashboard.i18n import Lang, city_label, count, field, html_lang, label, names_by_id, pick, ui
from dashboard.map.base import base_map, context_geojson
from dashboard.map.basemaps import basemap_by_id
from dashboard.map.legend import zone_legend_html
from dashboard.map.zones import zone_features
from dashboard.publish import meta
from dashboard.publish.version import dataset_version
from dashboard.view_state import ViewState

LEAFLET_PACKAGE = "js_lib_leaflet"
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)
_PAGE_STYLE = """
html, body { margin: 0; height: 100%; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
.gba-panel { position: absolute; z-index: 1000; right: 10px; top: 10px; max-width: min(340px, 45%);
  max-height: 60%; overflow-y: auto; background: rgba(255,255,255,.92); padding: 6px 9px;
  border-radius: 4px; font-size: 11px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.gba-panel .legend { font-size: 11px; }
.gba-panel h1 { font-size: 13px; margin: 0 0 4px; }
.gba-pop { max-height: 260px; overflow-y: auto; font-size: 12px; }
.gba-pop p { margin: 4px 0; } .gba-pop ol { margin: 2px 0; padding-left: 18px; }
.gba-pop q { color: #333; }
"""


def leaflet_assets() -> tuple[str, str]:
    """Leaflet's JS and CSS from the installed package (the source-map comment dropped)."""
    folder = files(LEAFLET_PACKAGE) / "static" / LEAFLET_PACKAGE
    script = (folder / "leaflet.js").read_text(encoding="utf-8")
    return _SOURCE_MAP.sub("", script), (folder / "leaflet.css").read_text(encoding="utf-8")


def popup_html(zone, theme_names: dict[str, str], plan_titles: dict[str, str], lang: Lang) -> str:
    """A zone's popup: name, kind and city, themes, positioning, each citation. All text escaped."""
    e = html.escape
    name = getattr(zone, field("name", lang))
    city = city_label(zone.city, lang)
    themes = " · ".join(theme_names.get(t, t) for t in zone.themes)
    positioning = getattr(zone, field("positioning", lang))
    citations = "".join(
        f"<li><i>{e(plan_titles.get(c.source, c.source))}</i>, {e(c.locator)}: <q>{e(c.quote)}</q></li>"
        for c in zone.citations
    )
    return (
        f'<div class="gba-pop"><b>{e(name)}</b><br>{e(label("zone_kind", zone.kind, lang))} · {e(city)}'
        f"<p><b>{e(ui('themes', lang))}</b>: {e(themes)}</p>"
        f"<p><b>{e(ui('positioning', lang))}</b>: {e(positioning)}</p>"
        f"<p><b>{e(ui('citations', lang))}</b></p><ol>{citations}</ol>"
        f"<p>{e(zone.id)}</p></div>"
    )


def _stable_names(element, prefix: str = "gba") -> None:
    """Name every map element by its position, so the same inputs give the same file."""
    for index, child in enumerate(element._children.values()):
        child._id = f"{prefix}{index}"
        _stable_names(child, f"{prefix}{index}x")


def _style(feature: dict) -> dict:
    props = feature["properties"]
    colour = props["fill"]
    return {
        "fillColor": colour,
        "color": colour,
        "weight": 1.5,
        "fillOpacity": 0.35,
        "dashArray": props["dash"],
    }


def _highlight(_feature: dict) -> dict:
    return {"weight": 3, "fillOpacity": 0.55}


def _panel(catalog: Catalog, shown_themes: list[str], zones: int, lang: Lang, version: str) -> str:
    title = pick((meta.TITLE_ZH, meta.TITLE_EN), lang)
    counted = count("count_zones", zones, lang)
    credit = ui("map_credit", lang, title=title, version=version, boundaries=meta.BOUNDARY_PACKAGE)
    return (
        f'<div class="gba-panel"><h1>{html.escape(title)} · {html.escape(counted)}</h1>'
        f"{zone_legend_html(catalog.themes, shown_themes, (), lang)}<div>{html.escape(credit)}</div></div>"
    )


def map_html(
    catalog: Catalog,
    layers: GeoLayers,
    state: ViewState,
    lang: Lang,
    *,
    basemap: str = "none",
    version: str | None = None,
) -> str:
    """One HTML document showing the zones that `state` keeps, in `lang`.

    `basemap` "none" (default) draws district outlines only and works with no network at all; the
    dashboard's other basemaps ("light", "osm", "gaode") add their tiles, loaded from their servers.
    """
    chosen = basemap_by_id(basemap)
    zones = apply_filters(catalog.zones, "zones", state)
    shown = display_zones(layers, zones, chosen.datum)
    names = names_by_id(catalog.themes, lang)
    colours = dict(zip(catalog.themes["id"], catalog.themes["colour"], strict=True))
    plan_titles = names_by_id(catalog.sources, lang, "title")

    collection = zone_features(shown, names, colours, lang)
    popups = {z.id: popup_html(z, names, plan_titles, lang) for z in zones.itertuples()}
    for feature in collection["features"]:
        feature["properties"]["pop"] = popups[feature["properties"]["zone_id"]]

    m = base_map(chosen, context_geojson(in_datum(layers.context, chosen.datum)))
    m.default_js, m.default_css = [], []  # Leaflet goes inline below
    script, stylesheet = leaflet_assets()
    root = m.get_root()
    root.header.add_child(folium.Element(f"<style>{stylesheet}\n{_PAGE_STYLE}</style>"), name="gba_css")
    root.header.add_child(folium.Element(f"<script>{script}</script>"), name="gba_leaflet")
    if collection["features"]:
        layer = folium.GeoJson(
            collection,
            name=ui("zones", lang),
            style_function=_style,
            highlight_function=_highlight,
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
            popup=folium.GeoJsonPopup(fields=["pop"], labels=False, max_width=360),
        )
        layer.add_to(m)
        minx, miny, maxx, maxy = shown.total_bounds
        m.fit_bounds([[miny, minx], [maxy, maxx]])
    primary = list(dict.fromkeys(t[0] for t in zones["themes"]))
    root.html.add_child(
        folium.Element(_panel(catalog, primary, len(zones), lang, version or dataset_version()))
    )
    _stable_names(m)
    document = root.render()
    return document.replace("<html>", f'<html lang="{html_lang(lang)}">', 1)
