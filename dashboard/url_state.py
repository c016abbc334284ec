"""The view as a URL query string, so a copied link reopens the same view.

Query values arrive as strings, keys may repeat, and a link may be old, hand-edited or hostile:
parsing never raises; whatever it cannot use is dropped and described in a notice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dashboard.filters import FilterState
from dashboard.i18n import CITY_EN, LANGS

ZONE_KINDS = ("district", "cluster", "platform", "area")
METRICS = ("target", "growth")
_MAX_SEARCH = 200


@dataclass(frozen=True)
class Vocabulary:
    """The values a link may name, taken from the catalog."""

    themes: tuple[str, ...]
    cities: tuple[str, ...]
    sources: tuple[str, ...]
    basemaps: tuple[str, ...]
    families: tuple[str, ...]


@dataclass(frozen=True)
class ViewState:
    """Filters plus the map's own choices."""

    filters: FilterState = field(default_factory=FilterState)
    basemap: str = "light"
    family: str = ""
    metric: str = "target"


def _values(params: Mapping[str, Sequence[str] | str], key: str) -> list[str]:
    raw = params.get(key, [])
    values = [raw] if isinstance(raw, str) else list(raw)
    return [str(v) for v in values]


def _known(
    params: Mapping, key: str, allowed: Sequence[str], notices: list[str], aliases=None
) -> tuple[str, ...]:
    kept: list[str] = []
    for value in _values(params, key):
        resolved = (aliases or {}).get(value.casefold(), value)
        if resolved in allowed:
            if resolved not in kept:
                kept.append(resolved)
        else:
            notices.append(f"Ignored unknown {key} '{_shorten(value)}' in the link.")
    return tuple(kept)


def _single(params: Mapping, key: str, allowed: Sequence[str], default: str, notices: list[str]) -> str:
    values = _values(params, key)
    if not values:
        return default
    if values[-1] in allowed:
        return values[-1]
    notices.append(f"Ignored unknown {key} '{_shorten(values[-1])}' in the link.")
    return default


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


_KEYS = {"theme", "match", "city", "source", "kind", "q", "lang", "basemap", "family", "metric"}


def parse_query(params: Mapping[str, Sequence[str] | str], vocab: Vocabulary) -> tuple[ViewState, list[str]]:
    """Read a view from query parameters; returns the view and notices about what was ignored."""
    notices: list[str] = []
    for key in params:
        if key not in _KEYS:
            notices.append(f"Ignored unknown parameter '{_shorten(str(key))}' in the link.")
    city_aliases = {en.casefold(): zh for zh, en in CITY_EN.items()}
    search_values = _values(params, "q")
    search = search_values[-1] if search_values else ""
    if len(search) > _MAX_SEARCH:
        notices.append(f"Shortened the search text in the link to {_MAX_SEARCH} characters.")
        search = search[:_MAX_SEARCH]
    filters = FilterState(
        themes=_known(params, "theme", vocab.themes, notices),
        match=_single(params, "match", ("any", "all"), "any", notices),  # type: ignore[arg-type]
        cities=_known(params, "city", vocab.cities, notices, city_aliases),
        sources=_known(params, "source", vocab.sources, notices),
        kinds=_known(params, "kind", ZONE_KINDS, notices),
        search=search,
        lang=_single(params, "lang", LANGS, "en", notices),  # type: ignore[arg-type]
    )
    view = ViewState(
        filters=filters,
        basemap=_single(params, "basemap", vocab.basemaps, vocab.basemaps[0], notices),
        family=_single(params, "family", ("", *vocab.families), "", notices),
        metric=_single(params, "metric", METRICS, "target", notices),
    )
    return view, notices


def to_query(view: ViewState, defaults: ViewState | None = None) -> dict[str, list[str]]:
    """The query parameters of a view; values equal to the defaults are left out to keep links short."""
    defaults = defaults or ViewState()
    f, d = view.filters, defaults.filters
    query: dict[str, list[str]] = {
        "theme": list(f.themes),
        "match": [f.match] if f.match != d.match else [],
        "city": list(f.cities),
        "source": list(f.sources),
        "kind": list(f.kinds),
        "q": [f.search] if f.search else [],
        "lang": [f.lang] if f.lang != d.lang else [],
        "basemap": [view.basemap] if view.basemap != defaults.basemap else [],
        "family": [view.family] if view.family else [],
        "metric": [view.metric] if view.metric != defaults.metric else [],
    }
    return {key: values for key, values in query.items() if values}
