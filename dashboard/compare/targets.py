"""Targets side by side: each indicator family's members in one unit with their implied growth, and
whether the family can be compared at all.

A family is not comparable when its members differ, after normalization, in unit; in the period
the target is for (a target year, or a period as written); in where the plan states
it (an indicator table or the body text); in baseline year; or in basis (a figure summed over the
plan period beside single-year figures). The reason is given in the records' own words, and a
family that is not comparable is not ranked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from dashboard.i18n import Lang, city_label, field, join_names, label, ui
from dashboard.indicators import comparable_values, family_options
from dashboard.schema import CUMULATIVE_MARKERS
from dashboard.tables.format import format_number

_MARKER_CONTEXT = 2  # characters of the quote kept after a cumulative marker


@dataclass(frozen=True)
class FamilyComparison:
    family: str
    name: str  # the first member's name in the language
    comparable: bool
    reasons: tuple[str, ...]
    members: pd.DataFrame  # comparable_values rows plus place, target_rank, growth_rank


def cumulative_words(quotes) -> str | None:
    """The words that make a target cumulative over the period, as quoted; None if there are none."""
    for quote in quotes:
        for marker in CUMULATIVE_MARKERS:
            at = quote.find(marker)
            if at >= 0:
                return quote[at : at + len(marker) + _MARKER_CONTEXT]
    return None


def _places(members: pd.DataFrame, lang: Lang) -> list[str]:
    """Each member's place; a city with several members in the family adds the member's name."""
    repeated = members["scope"].duplicated(keep=False)
    name = field("name", lang)
    return [
        ui("place_member", lang, place=city_label(r.scope, lang), name=getattr(r, name))
        if twice
        else city_label(r.scope, lang)
        for r, twice in zip(members.itertuples(), repeated, strict=True)
    ]


def _differs(members: pd.DataFrame, places: list[str], key: str, describe: Callable, lang: Lang):
    """`ui(key)` listing the places by value when the members' values differ, else None."""
    values = [describe(r) for r in members.itertuples()]
    if len(set(values)) < 2:
        return None
    by_value: dict[str, list[str]] = {}
    for place, value in zip(places, values, strict=True):
        by_value.setdefault(value, []).append(place)
    items = [ui("item", lang, place=join_names(ps, lang), value=v) for v, ps in by_value.items()]
    return ui(key, lang, items=ui("reason_separator", lang).join(items))


def _period(r) -> str:
    return r.period_zh or format_number(r.target_year)


def reasons(members: pd.DataFrame, lang: Lang) -> tuple[str, ...]:
    """Why the members of one family (rows of `comparable_values`) cannot be compared; empty if they can."""
    places = _places(members, lang)

    def basis(r) -> str:
        words = cumulative_words(c.quote for c in r.citations)
        return ui("cumulative", lang, words=words) if words else ui("single_year", lang)

    checks = (
        ("reason_unit", lambda r: label("unit", r.normalized_unit, lang)),
        ("reason_period", _period),
        ("reason_stated_in", lambda r: label("stated_in", r.stated_in, lang)),
        ("reason_baseline", lambda r: format_number(r.baseline_year) or ui("no_baseline", lang)),
        ("reason_basis", basis),
    )
    found = (_differs(members, places, key, describe, lang) for key, describe in checks)
    return tuple(reason for reason in found if reason)


def _rank(values: pd.Series) -> pd.Series:
    """1 for the largest; ties share a rank; missing values get none."""
    numbers = pd.to_numeric(values, errors="coerce")
    ranks = numbers.rank(method="min", ascending=False)
    return ranks.map(lambda r: "" if pd.isna(r) else str(int(r)))


def compare_family(indicators: pd.DataFrame, family: str, lang: Lang) -> FamilyComparison:
    """One family of the given (already filtered) indicators, compared."""
    members = comparable_values(indicators[indicators["family"] == family]).reset_index(drop=True)
    why = reasons(members, lang)
    members["place"] = _places(members, lang)
    members["target_rank"] = "" if why else _rank(members["normalized_target"])
    members["growth_rank"] = "" if why else _rank(members["cagr"])
    name = members[field("name", lang)].iloc[0]
    return FamilyComparison(family, name, not why, why, members)


def compare_targets(indicators: pd.DataFrame, lang: Lang) -> list[FamilyComparison]:
    """Every family with members in two or more places among the indicators, in family order."""
    return [compare_family(indicators, f, lang) for f in family_options(indicators)]


def growth_frame(comparisons: list[FamilyComparison], lang: Lang) -> pd.DataFrame:
    """One row per member with an implied growth: what the side-by-side chart draws (coloured by
    city, one bar per member)."""
    rows = []
    for c in comparisons:
        family = c.name if c.comparable else ui("family_not_comparable", lang, name=c.name)
        for r in c.members.itertuples():
            if r.cagr is not None and not pd.isna(r.cagr):
                city = city_label(r.scope, lang)
                rows.append(
                    {"family": family, "city": city, "place": r.place}
                    | {"cagr": float(r.cagr), "comparable": c.comparable}
                )
    return pd.DataFrame(rows, columns=["family", "city", "place", "cagr", "comparable"])
