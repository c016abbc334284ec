"""The whole state of a view: the filters plus the view's own settings (language, basemap, overlay,
selection, the Sources page's record), as one frozen `ViewState` derived from the declarations."""

from __future__ import annotations

from dataclasses import field, make_dataclass
from typing import TYPE_CHECKING

from dashboard.filters import FILTERS
from dashboard.i18n import LANG_NAMES, LANGS, labels, names_by_id
from dashboard.indicators import family_options
from dashboard.map.basemaps import BASEMAP_IDS
from dashboard.param import Param
from dashboard.schema import METRICS

if TYPE_CHECKING:
    from dashboard.catalog import Catalog

RECORD_KINDS = ("zones", "projects", "indicators", "places")

# what the Sources page opens: the records, and the designations (whose citations are their claims)
CITED_KINDS = (*RECORD_KINDS, "designations")
COMPARE_OF = ("zones", "projects", "targets")  # what the Compare page's matrix counts


def _record_ids(catalog: Catalog) -> tuple[str, ...]:
    return ("", *(i for kind in CITED_KINDS for i in getattr(catalog, kind)["id"]))


def _citation_numbers(catalog: Catalog) -> tuple[str, ...]:
    most = max(len(cs) for kind in CITED_KINDS for cs in getattr(catalog, kind)["citations"])
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
        lambda _c: CITED_KINDS,
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
    # ---- Compare page, and the Map page's outline of a designation's claiming zones
    Param(
        "compare_of",
        "cmp_of",
        "compare_of",
        False,
        "zones",
        lambda _c: COMPARE_OF,
        lambda _c, lang: labels("compare_of", lang),
        "what the Compare page's theme x city matrix counts",
        cli=False,
    ),
    Param(
        "compare_designation",
        "cmp_designation",
        "designation",
        False,
        "",
        lambda c: ("", *c.designations["id"]),
        None,
        "the designation whose claimants the Compare page shows side by side",
        cli=False,
    ),
    Param(
        "compare_zones",
        "cmp_zones",
        "compare_zones_pick",
        True,
        (),
        lambda c: tuple(c.zones["id"]),
        lambda c, lang: names_by_id(c.zones, lang),
        "the 2-4 zones the Compare page sets side by side",
        cli=False,
    ),
    Param(
        "designation",
        "designation",
        "designation",
        False,
        "",
        lambda c: ("", *c.designations["id"]),
        None,
        "the designation whose claiming zones the Map page outlines",
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
