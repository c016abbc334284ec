"""Everything the detail panel shows about one zone, gathered without Streamlit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.catalog import Catalog
from dashboard.i18n import PRECISION, ZONE_KIND, Lang, city_label, column_label, pick
from dashboard.tables import format_number, theme_labels, theme_names


@dataclass(frozen=True)
class ZoneDetail:
    zone_id: str
    name: str
    other_name: str
    kind: str
    city: str
    districts: tuple[str, ...]
    parent: str | None
    precision: str | None
    positioning: str
    themes: list[str]
    projects: pd.DataFrame  # id, name, lead_units; headers in the language
    targets: pd.DataFrame  # id, name, baseline, target, unit; headers in the language
    citations: tuple  # Citation records


def _descendants(zones: pd.DataFrame, zone_id: str) -> set[str]:
    found, frontier = {zone_id}, [zone_id]
    while frontier:
        children = zones.loc[zones["parent"].isin(frontier), "id"].tolist()
        frontier = [c for c in children if c not in found]
        found.update(frontier)
    return found


def _headed(columns: dict[str, object], lang: Lang) -> pd.DataFrame:
    """A small table whose headers are in the language."""
    return pd.DataFrame({column_label(name, lang): values for name, values in columns.items()})


def zone_detail(
    catalog: Catalog, zone_id: str, lang: Lang, precision: str | None = None
) -> ZoneDetail | None:
    """The zone's positioning, themes, projects (its own and nested zones'), targets of its city
    linked to its themes, and citations; None for an unknown id."""
    match = catalog.zones[catalog.zones["id"] == zone_id]
    if match.empty:
        return None
    z = match.iloc[0]
    inside = _descendants(catalog.zones, zone_id)
    projects = catalog.projects[catalog.projects["located_zone"].isin(inside)]
    themes = set(z["themes"])
    indicators = catalog.indicators
    targets = indicators[
        (indicators["scope"] == z["city"]) & indicators["themes"].map(lambda ts: not themes.isdisjoint(ts))
    ]
    name_col = "name_zh" if lang == "zh" else "name_en"
    return ZoneDetail(
        zone_id=zone_id,
        name=z[name_col],
        other_name=z["name_en" if lang == "zh" else "name_zh"],
        kind=pick(ZONE_KIND[z["kind"]], lang),
        city=city_label(z["city"], lang),
        districts=tuple(z["districts"]),
        parent=z["parent"],
        precision=pick(PRECISION[precision], lang) if precision else None,
        positioning=z["positioning_zh" if lang == "zh" else "positioning_en"],
        themes=theme_names(z["themes"], theme_labels(catalog.themes, lang)),
        projects=_headed(
            {
                "id": projects["id"],
                "name": projects[name_col],
                "lead_units": projects["lead_units"].map("、".join),
            },
            lang,
        ),
        targets=_headed(
            {
                "id": targets["id"],
                "name": targets[name_col],
                "baseline": [
                    f"{format_number(y)} {format_number(v)}".strip()
                    for y, v in zip(targets["baseline_year"], targets["baseline_value"], strict=True)
                ],
                "target": [
                    f"{y} {t}" for y, t in zip(targets["target_year"], targets["target_text"], strict=True)
                ],
                "unit": targets["unit"],
            },
            lang,
        ),
        citations=tuple(z["citations"]),
    )
