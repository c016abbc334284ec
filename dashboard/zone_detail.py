"""Everything the detail panel shows about one zone, gathered without Streamlit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.catalog import Catalog
from dashboard.i18n import (
    Lang,
    city_label,
    evidence_text,
    field,
    has_chinese_twin,
    headed,
    label,
    names_by_id,
    other_field,
    pick,
)
from dashboard.tables.format import format_number, format_qualified, join
from geo.dongguan import grouping_note


@dataclass(frozen=True)
class ZoneDetail:
    name: str
    other_name: str
    kind: str
    city: str
    districts: tuple[str, ...]
    precision: str | None
    grouping: str | None  # for Dongguan's 片区: where the towns drawn come from
    positioning: str
    themes: list[str]
    evidence: list[tuple[str, int]]  # "theme — 「phrase」" and the index of its citation
    projects: pd.DataFrame  # id, name, lead units; headers in the language
    targets: pd.DataFrame  # id, name, baseline, target, unit; headers in the language
    citations: tuple  # Citation records


def descendants(zones: pd.DataFrame, zone_id: str) -> set[str]:
    """The zone and every zone nested inside it."""
    found, frontier = {zone_id}, [zone_id]
    while frontier:
        children = zones.loc[zones["parent"].isin(frontier), "id"].tolist()
        frontier = [c for c in children if c not in found]
        found.update(frontier)
    return found


def linked_targets(indicators: pd.DataFrame, city: str, themes) -> pd.DataFrame:
    """The targets of the zone's city that share one of its themes."""
    wanted = set(themes)
    return indicators[
        (indicators["scope"] == city) & indicators["themes"].map(lambda ts: not wanted.isdisjoint(ts))
    ]


def zone_detail(
    catalog: Catalog, zone_id: str, lang: Lang, precision: str | None = None
) -> ZoneDetail | None:
    """The zone's positioning, themes with their evidence, projects (its own and nested zones'),
    targets of its city linked to its themes, and citations; None for an unknown id."""
    match = catalog.zones[catalog.zones["id"] == zone_id]
    if match.empty:
        return None
    z = match.iloc[0]
    projects = catalog.projects[catalog.projects["located_zone"].isin(descendants(catalog.zones, zone_id))]
    targets = linked_targets(catalog.indicators, z["city"], z["themes"])
    theme_names = names_by_id(catalog.themes, lang)
    name = field("name", lang)
    return ZoneDetail(
        name=z[name],
        # the Chinese name beside an English one; a Chinese view shows no English
        other_name=z[other_field("name", lang)] if has_chinese_twin(lang) else "",
        kind=label("zone_kind", z["kind"], lang),
        city=city_label(z["city"], lang),
        # district names exist in Chinese only: shown where the table would show them too
        districts=() if has_chinese_twin(lang) else tuple(z["districts"]),
        precision=label("precision", precision, lang) if precision else None,
        grouping=pick(note, lang) if (note := grouping_note(zone_id)) else None,
        positioning=z[field("positioning", lang)],
        themes=[theme_names[t] for t in z["themes"]],
        evidence=[
            (evidence_text(theme_names[t], phrase, lang), cite) for t, cite, phrase in z["theme_evidence"]
        ],
        projects=headed(
            {"id": projects["id"], "name": projects[name], "lead_units": projects["lead_units"].map(join)},
            lang,
        ),
        targets=headed(
            {
                "id": targets["id"],
                "name": targets[name],
                "baseline": [
                    f"{format_number(y)} {format_qualified(q, v)}".strip()
                    for y, v, q in zip(
                        targets["baseline_year"],
                        targets["baseline_value"],
                        targets["baseline_qualifier"],
                        strict=True,
                    )
                ],
                "target": [
                    " ".join(
                        filter(
                            None,
                            (
                                format_number(r.target_year) or r.period_zh,
                                format_qualified(r.qualifier, r.target_value, r.target_value_high),
                            ),
                        )
                    )
                    for r in targets.itertuples()
                ],
                "unit": targets["unit"].map(lambda u: label("unit", u, lang)),
            },
            lang,
        ),
        citations=tuple(z["citations"]),
    )
