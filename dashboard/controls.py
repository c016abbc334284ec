"""The shared sidebar: filters bound to the URL query string, rendered on every page.

The link is read once per session (Streamlit clears query params when the page changes); after
that the widgets hold the state, and every run writes it back to the URL, so a copied link always
reopens the current view, on whichever page.
"""

from __future__ import annotations

import streamlit as st

from dashboard.catalog import Catalog
from dashboard.filters import FilterState
from dashboard.i18n import CITY_EN, LANGS, ZONE_KIND, Lang, city_label, pick, ui
from dashboard.loaders import cached_catalog
from dashboard.map_view import BASEMAP_IDS, basemap_by_id
from dashboard.overlay import family_options
from dashboard.url_state import ZONE_KINDS, ViewState, Vocabulary, parse_query, to_query

_PREFIX = "flt_"


def vocabulary(catalog: Catalog) -> Vocabulary:
    """What a link may name, from the catalog."""
    cities = sorted(set(catalog.zones["city"]) | set(catalog.indicators["scope"]), key=list(CITY_EN).index)
    return Vocabulary(
        themes=tuple(catalog.themes["id"]),
        cities=tuple(cities),
        sources=tuple(catalog.sources["id"]),
        basemaps=BASEMAP_IDS,
        families=tuple(family_options(catalog.indicators)),
    )


def _keep_widget_state() -> None:
    # Streamlit forgets a widget's value on runs where it is not drawn (the Map page's controls on
    # other pages); writing each value back before the widgets are drawn keeps it.
    for key in [k for k in st.session_state if str(k).startswith(_PREFIX)]:
        st.session_state[key] = st.session_state[key]


def _seed_from_link(vocab: Vocabulary) -> None:
    if st.session_state.get(_PREFIX + "seeded"):
        _keep_widget_state()
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    view, notices = parse_query(params, vocab)
    f = view.filters
    st.session_state.update(
        {
            _PREFIX + "lang": f.lang,
            _PREFIX + "themes": list(f.themes),
            _PREFIX + "match": f.match,
            _PREFIX + "cities": list(f.cities),
            _PREFIX + "sources": list(f.sources),
            _PREFIX + "kinds": list(f.kinds),
            _PREFIX + "search": f.search,
            _PREFIX + "basemap": view.basemap,
            _PREFIX + "family": view.family,
            _PREFIX + "metric": view.metric,
            _PREFIX + "notices": notices,
            _PREFIX + "seeded": True,
        }
    )


def current_view() -> ViewState:
    """The view as the widgets hold it now."""
    s = st.session_state
    return ViewState(
        filters=FilterState(
            themes=tuple(s[_PREFIX + "themes"]),
            match=s[_PREFIX + "match"],
            cities=tuple(s[_PREFIX + "cities"]),
            sources=tuple(s[_PREFIX + "sources"]),
            kinds=tuple(s[_PREFIX + "kinds"]),
            search=s[_PREFIX + "search"],
            lang=s[_PREFIX + "lang"],
        ),
        basemap=s[_PREFIX + "basemap"],
        family=s[_PREFIX + "family"],
        metric=s[_PREFIX + "metric"],
    )


def sidebar(catalog: Catalog) -> ViewState:
    """Render the shared filters; returns the view they describe and syncs it into the URL."""
    vocab = vocabulary(catalog)
    _seed_from_link(vocab)
    lang = st.session_state[_PREFIX + "lang"]
    theme_names = dict(
        zip(catalog.themes["id"], catalog.themes["name_zh" if lang == "zh" else "name_en"], strict=True)
    )
    source_names = dict(
        zip(catalog.sources["id"], catalog.sources["title_zh" if lang == "zh" else "title_en"], strict=True)
    )
    with st.sidebar:
        st.radio(
            ui("language", lang),
            LANGS,
            key=_PREFIX + "lang",
            horizontal=True,
            format_func=lambda code: {"zh": "中文", "en": "English"}[code],
        )
        lang = st.session_state[_PREFIX + "lang"]
        st.header(ui("filters", lang))
        choose = ui("choose", lang)
        st.multiselect(
            ui("themes", lang),
            vocab.themes,
            key=_PREFIX + "themes",
            format_func=theme_names.get,
            placeholder=choose,
        )
        st.radio(
            ui("match", lang),
            ("any", "all"),
            key=_PREFIX + "match",
            horizontal=True,
            format_func=lambda m: ui(f"match_{m}", lang),
        )
        st.multiselect(
            ui("city", lang),
            vocab.cities,
            key=_PREFIX + "cities",
            format_func=lambda c: city_label(c, lang),
            placeholder=choose,
        )
        st.multiselect(
            ui("source", lang),
            vocab.sources,
            key=_PREFIX + "sources",
            format_func=source_names.get,
            placeholder=choose,
        )
        st.multiselect(
            ui("kind", lang),
            ZONE_KINDS,
            key=_PREFIX + "kinds",
            format_func=lambda k: pick(ZONE_KIND[k], lang),
            placeholder=choose,
        )
        st.text_input(ui("search", lang), key=_PREFIX + "search", max_chars=200)
    view = current_view()
    st.query_params.from_dict(to_query(view))
    return view


def pop_notices() -> list[str]:
    """Notices about a link's ignored parts, shown once."""
    return st.session_state.pop(_PREFIX + "notices", [])


def map_controls(lang: Lang, families: list[str], family_labels: dict[str, str]) -> None:
    """Basemap and overlay choices of the Map page, bound to the same URL state."""
    c1, c2, c3 = st.columns(3)
    c1.selectbox(
        ui("basemap", lang),
        BASEMAP_IDS,
        key=_PREFIX + "basemap",
        format_func=lambda b: pick((basemap_by_id(b).label_zh, basemap_by_id(b).label_en), lang),
    )
    c2.selectbox(
        ui("overlay", lang),
        ["", *families],
        key=_PREFIX + "family",
        format_func=lambda f: family_labels.get(f, ui("overlay_none", lang)),
    )
    c3.radio(
        ui("metric", lang),
        ("target", "growth"),
        key=_PREFIX + "metric",
        horizontal=True,
        format_func=lambda m: ui(f"metric_{m}", lang),
    )


def page_context() -> tuple[Catalog, ViewState]:
    """What every page starts from: the (cached) catalog and the current view."""
    return cached_catalog(), current_view()
