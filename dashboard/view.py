"""One view per run: the catalog, the state the user asked for, and the tables narrowed by it.

The app builds it once at the top of each run and hands it to the page, so every table, chart,
map layer and download of that run reads the same filtered frames.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.catalog import Catalog
from dashboard.data_files import DataKey
from dashboard.filters import Filtered, filtered
from dashboard.geodata import GeoLayers
from dashboard.i18n import Lang
from dashboard.view_state import ViewState


@dataclass(frozen=True)
class View:
    catalog: Catalog
    state: ViewState
    shown: Filtered
    layers: GeoLayers
    data_key: DataKey  # the key of every cache made from the data (`data_files.data_key`)

    @property
    def lang(self) -> Lang:
        return self.state.lang


def build_view(catalog: Catalog, state: ViewState, layers: GeoLayers, data_key: DataKey) -> View:
    """Filter every table once for the state."""
    return View(catalog, state, filtered(catalog, state), layers, data_key)
