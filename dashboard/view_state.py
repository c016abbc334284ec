"""The whole state of a view: the filters plus the view's own settings (language, basemap, overlay,
selection, the Sources page's record), as one frozen `ViewState` derived from the declarations."""

from __future__ import annotations

from dataclasses import field, make_dataclass
from typing import TYPE_CHECKING

from dashboard.filters import FILTERS
from dashboard.i18n import LANG_NAMES, LANGS, labels
from dashboard.indicators import family_options
from dashboard.map.basemaps import BASEMAP_IDS
from dashboard.param import Param
from dashboard.schema import METRICS

if TYPE_CHECKING:
    from dashboard.catalog import Catalog

RECORD_KINDS = ("zones", "projects", "indicators", "places")


def _record_ids(catalog: Catalog) -> tuple[str, ...]:
    return ("", *(i for kind in RECORD_KINDS for i in getattr(catalog, kind)["id"]))


def _citation_numbers(catalog: Catalog) -> tuple[str, ...]:
    most = max(len(cs) for kind in RECORD_KINDS for cs in getattr(catalog, kind)["citations"])
    return tuple(str(i) for i in range(most))


SETTINGS: tuple[Param, ...] = (
    Param(
        "lang",
        "lang",
        "language",
        False,
        "en",
        lambda _c: LANGS,
        lambda _c, _l: LANG_NAMES,
        "language of headers and labels",
    ),
    Param(
        "basemap",
        "basemap",
        "basemap",
        False,
        BASEMAP_IDS[0],
        lambda _c: BASEMAP_IDS,
        lambda _c, lang: labels("basemap", lang),
        "basemap",
        cli=False,
    ),
    Param(
        "family",
        "family",
        "family",
        False,
        "",
        lambda c: ("", *family_options(c.indicators)),
        None,
        "indicator family shown on the map and the Targets chart",
        cli=False,
    ),
    Param(
        "chart_family",
        "chart",
        "family",
        False,
        "",
        lambda c: ("", *family_options(c.indicators)),
        None,
        "indicator family of the Targets page's chart",
        cli=False,
    ),
    Param(
        "metric",
        "metric",
        "metric",
        False,
        "target",
        lambda _c: METRICS,
        lambda _c, lang: labels("metric", lang),
        "what the overlay shades by",
        cli=False,
    ),
    Param(
        "zone",
        "zone",
        "zones",
        False,
        "",
        lambda c: ("", *c.zones["id"]),
        None,
        "the selected zone",
        cli=False,
    ),
    Param(
        "record_kind",
        "rtype",
        "record_type",
        False,
        "zones",
        lambda _c: RECORD_KINDS,
        lambda _c, lang: labels("record_kind", lang),
        "record type on the Sources page",
        cli=False,
    ),
    Param(
        "record", "record", "record", False, "", _record_ids, None, "record on the Sources page", cli=False
    ),
    Param(
        "cite",
        "cite",
        "citation",
        False,
        "0",
        _citation_numbers,
        None,
        "citation of the record on the Sources page",
        cli=False,
    ),
)
PARAMS: tuple[Param, ...] = FILTERS + SETTINGS
PARAMS_BY_KEY = {p.key: p for p in PARAMS}

ViewState = make_dataclass(
    "ViewState",
    [(p.name, tuple if p.multi else str, field(default=p.default)) for p in PARAMS],
    frozen=True,
)
ViewState.__module__ = __name__
ViewState.__doc__ = "What the user asked to see: one field per declared parameter (`PARAMS`)."
PARAMS: tuple[Param, ...] = FILTERS + SETTINGS
PARAMS_BY_KEY = {p.key: p for p in PARAMS}

ViewState = make_dataclass(
    "ViewState",
    [(p.name, tuple if p.multi else str, field(default=p.default)) for p in PARAMS],
    frozen=True,
)
ViewState.__module__ = __name__
ViewState.__doc__ = "What the user asked to see: one field per declared parameter (`PARAMS`)."
