"""The view as a URL query string, so a copied link reopens the same view; driven by `PARAMS`.

Query values arrive as strings, keys may repeat, and a link may be old, hand-edited or hostile:
parsing never raises; whatever it cannot use is dropped and described in a `Notice`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dashboard.filters import MAX_SEARCH
from dashboard.view_state import PARAMS, PARAMS_BY_KEY, ViewState

if TYPE_CHECKING:
    from dashboard.catalog import Catalog

Vocabulary = Mapping[str, tuple[str, ...]]  # param name -> the values a link may name
_SHORTEN = 40


@dataclass(frozen=True)
class Notice:
    """Something in a link that was not used: an unknown value or parameter, or text cut short."""

    kind: Literal["value", "parameter", "search"]
    key: str
    value: str


def vocabulary(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Every parameter's allowed values, from the catalog (free-text parameters are absent)."""
    return {p.name: p.choices(catalog) for p in PARAMS if p.choices is not None}


def _shorten(text: str) -> str:
    return text if len(text) <= _SHORTEN else text[:_SHORTEN] + "…"


def _values(params: Mapping[str, Sequence[str] | str], key: str) -> list[str]:
    raw = params.get(key, [])
    return [str(v) for v in ([raw] if isinstance(raw, str) else list(raw))]


def parse_query(
    params: Mapping[str, Sequence[str] | str], vocab: Vocabulary
) -> tuple[ViewState, list[Notice]]:
    """Read a view from query parameters; returns the view and what was ignored."""
    notices = [Notice("parameter", "", _shorten(str(k))) for k in params if k not in PARAMS_BY_KEY]
    values: dict[str, object] = {}
    for param in PARAMS:
        given = _values(params, param.key)
        if not given:
            continue
        if param.choices is None:
            text = given[-1]
            if len(text) > MAX_SEARCH:
                notices.append(Notice("search", param.key, str(MAX_SEARCH)))
                text = text[:MAX_SEARCH]
            values[param.name] = text
            continue
        allowed = vocab[param.name]
        kept: list[str] = []
        for value in given if param.multi else given[-1:]:
            resolved = (param.resolve(value) if param.resolve else None) or value
            if resolved in allowed:
                if resolved not in kept:
                    kept.append(resolved)
            else:
                notices.append(Notice("value", param.key, _shorten(value)))
        if param.multi:
            values[param.name] = tuple(kept)
        elif kept:
            values[param.name] = kept[0]
    return ViewState(**values), notices


def to_query(state: ViewState) -> dict[str, list[str]]:
    """The query parameters of a view; values equal to the defaults are left out to keep links short."""
    query: dict[str, list[str]] = {}
    for param in PARAMS:
        value = getattr(state, param.name)
        if value == param.default:
            continue
        query[param.key] = list(value) if param.multi else [str(value)]
    return query
