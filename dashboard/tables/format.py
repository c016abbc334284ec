"""How numbers, qualified values and lists are written in every table, tooltip and download."""

from __future__ import annotations

import math

LIST_SEPARATOR = ";"
_QUALIFIER_SIGN = {"exact": "", "about": "≈", "at_least": "≥", "over": ">", "at_most": "≤"}


def format_number(value: float | int | None) -> str:
    """Numbers as printed in the plans: 11 not 11.0, 2234.06 unchanged, empty for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def format_qualified(qualifier: str | None, value: float | None, high: float | None = None) -> str:
    """A value with its qualifier as a sign, the same in every language: "≥13.5", ">3500", "1–2"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if qualifier == "range":
        return f"{format_number(value)}–{format_number(high)}"
    return _QUALIFIER_SIGN.get(qualifier or "exact", "") + format_number(value)


def format_percent(share: float | None) -> str:
    """A growth rate or share as a percentage with one decimal, empty for missing."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    return f"{share * 100:.1f}%"


def join(values) -> str:
    """List cells: the values joined with `LIST_SEPARATOR`."""
    return LIST_SEPARATOR.join(str(v) for v in values)
