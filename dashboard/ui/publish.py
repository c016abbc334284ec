"""The dataset as the app offers it: the whole package as one ZIP, the current map as one
self-contained HTML file, the shown zones as GeoJSON, and a citation of any record's passage in
three formats.

Large files are made only when their button is pressed (a callable download), and once per view.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.catalog import Catalog
from dashboard.data_files import DataKey
from dashboard.geodata import GeoLayers
from dashboard.i18n import Lang, ui
from dashboard.publish.citation import FORMATS, cite
from dashboard.publish.embed_map import map_html
from dashboard.publish.package import package_zip_bytes
from dashboard.publish.version import dataset_version, release_date
from dashboard.ui.download import download_button
from dashboard.ui.loaders import cached_geojson
from dashboard.view import View
from dashboard.view_state import ViewState

_CITE_FILES = {
    "text": ("txt", "text/plain"),
    "bibtex": ("bib", "application/x-bibtex"),
    "csl": ("json", "application/json"),
}


@st.cache_data(show_spinner=False, max_entries=2)
def _zip(_catalog: Catalog, _layers: GeoLayers, key: DataKey, version: str) -> bytes:
    return package_zip_bytes(_catalog, _layers, version=version, built=release_date())


@st.cache_data(show_spinner=False, max_entries=32)
def _map(_catalog: Catalog, _layers: GeoLayers, key: DataKey, state: ViewState) -> bytes:
    return map_html(_catalog, _layers, state, state.lang).encode("utf-8")


def zip_download(catalog: Catalog, layers: GeoLayers, key: DataKey, lang: Lang) -> None:
    """One button for the whole dataset (Frictionless Data Package, the same as the CLI's package)."""
    version = dataset_version()
    download_button(
        ui("download_zip", lang),
        lambda: _zip(catalog, layers, key, version),
        file_name=f"gba-finance-zones-{version}.zip",
        mime="application/zip",
        key="dl_package_zip",
        icon=":material/folder_zip:",
    )


def zones_geojson_download(view: View, table: pd.DataFrame) -> None:
    """The shown zones with their full geometry and the table's cells (the CLI's `--format geojson`)."""
    download_button(
        ui("download_geojson", view.lang),
        # made when pressed: the full-resolution geometry would be most of a page's data otherwise
        lambda: cached_geojson(table, list(view.shown.zones["id"]), view.layers, (view.data_key, view.state)),
        file_name="zones.geojson",
        mime="application/geo+json",
        key="dl_zones_geojson",
    )


def map_download(catalog: Catalog, layers: GeoLayers, key: DataKey, state: ViewState) -> None:
    """The filtered map as one HTML file that needs no server (the CLI's `map` command)."""
    download_button(
        ui("download_map", state.lang),
        lambda: _map(catalog, layers, key, state),
        file_name="gba-finance-zones-map.html",
        mime="text/html",
        key="dl_map_html",
    )


def render_cite(catalog: Catalog, record_id: str, index: int, lang: Lang, key: str) -> None:
    """The citation of one passage behind a record, to copy or download, in every format."""
    with st.expander(ui("cite", lang), icon=":material/format_quote:"):
        tabs = st.tabs([ui(f"cite_tab_{fmt}", lang) for fmt in FORMATS])
        for tab, fmt in zip(tabs, FORMATS, strict=True):
            text = cite(catalog, record_id, fmt, lang, index)
            extension, mime = _CITE_FILES[fmt]
            tab.code(text, language=None, wrap_lines=True)
            download_button(
                ui("download_cite", lang),
                text.encode("utf-8"),
                file_name=f"{record_id}-{index + 1}.{extension}",
                mime=mime,
                key=f"{key}_{fmt}",
                container=tab,
            )
