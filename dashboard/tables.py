"""The download tables: one row per record, columns in a fixed order, cells in the chosen language.

The app's downloads and `python -m dashboard.export` both call these, so they cannot drift apart.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.i18n import PROJECT_KIND, QUALIFIER, ZONE_KIND, Lang, city_label, column_label, pick

ZONE_COLUMNS = [
    "zone_id",
    "name_zh",
    "name_en",
    "city",
    "districts",
    "parent_zone",
    "kind",
    "themes",
    "positioning_zh",
    "positioning_en",
    "project_count",
    "source_ids",
    "locators",
]
PROJECT_COLUMNS = [
    "project_id",
    "name_zh",
    "name_en",
    "city",
    "zone_id_ref",
    "themes",
    "kind",
    "lead_units",
    "source_id",
    "locator",
    "quote",
    "district",
]
INDICATOR_COLUMNS = [
    "indicator_id",
    "scope",
    "name_zh",
    "name_en",
    "unit",
    "baseline_year",
    "baseline_value",
    "target_year",
    "target_value",
    "target_text",
    "qualifier",
    "nature",
    "themes",
    "source_id",
    "locator",
    "quote",
    "target_value_high",
    "family",
]
LIST_SEPARATOR = ";"


def format_number(value: float | int | None) -> str:
    """Numbers as printed in the plans: 11 not 11.0, 2234.06 unchanged, empty for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def _join(values) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def theme_labels(themes: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """Theme id → name in the language; built once per table, not once per row."""
    return dict(zip(themes["id"], themes["name_zh" if lang == "zh" else "name_en"], strict=True))


def theme_names(theme_ids, labels: dict[str, str]) -> list[str]:
    """Theme ids to their names (from `theme_labels`), order kept; unknown ids as they are."""
    return [labels.get(t, t) for t in theme_ids]


def _citation_cells(citations) -> dict[str, str]:
    return {
        "source_id": _join(c.source for c in citations),
        "locator": _join(c.locator for c in citations),
        "quote": _join(c.quote for c in citations),
    }


def _labelled(rows: list[dict], columns: list[str], lang: Lang) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame.columns = [column_label(c, lang) for c in columns]
    return frame


def zones_table(zones: pd.DataFrame, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The zones download table for the given (already filtered) zones."""
    labels = theme_labels(themes, lang)
    rows = [
        {
            "zone_id": z.id,
            "name_zh": z.name_zh,
            "name_en": z.name_en,
            "city": city_label(z.city, lang),
            "districts": _join(z.districts),
            "parent_zone": z.parent or "",
            "kind": pick(ZONE_KIND[z.kind], lang),
            "themes": _join(theme_names(z.themes, labels)),
            "positioning_zh": z.positioning_zh,
            "positioning_en": z.positioning_en,
            "project_count": str(z.project_count),
            "source_ids": _join(z.source_ids),
            "locators": _join(z.locators),
        }
        for z in zones.itertuples()
    ]
    return _labelled(rows, ZONE_COLUMNS, lang)


def projects_table(projects: pd.DataFrame, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The projects download table for the given (already filtered) projects."""
    labels = theme_labels(themes, lang)
    rows = [
        {
            "project_id": p.id,
            "name_zh": p.name_zh,
            "name_en": p.name_en,
            "city": city_label(p.city, lang),
            "zone_id_ref": p.zone or "",
            "themes": _join(theme_names(p.themes, labels)),
            "kind": pick(PROJECT_KIND[p.kind], lang),
            "lead_units": _join(p.lead_units),
            **_citation_cells(p.citations),
            "district": p.district or "",
        }
        for p in projects.itertuples()
    ]
    return _labelled(rows, PROJECT_COLUMNS, lang)


def indicators_table(indicators: pd.DataFrame, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The indicators download table for the given (already filtered) indicators."""
    labels = theme_labels(themes, lang)
    rows = [
        {
            "indicator_id": i.id,
            "scope": city_label(i.scope, lang),
            "name_zh": i.name_zh,
            "name_en": i.name_en,
            "unit": i.unit,
            "baseline_year": format_number(i.baseline_year),
            "baseline_value": format_number(i.baseline_value),
            "target_year": format_number(i.target_year),
            "target_value": format_number(i.target_value),
            "target_text": i.target_text,
            "qualifier": pick(QUALIFIER[i.qualifier], lang),
            "nature": i.nature or "",
            "themes": _join(theme_names(i.themes, labels)),
            **_citation_cells(i.citations),
            "target_value_high": format_number(i.target_value_high),
            "family": i.family or "",
        }
        for i in indicators.itertuples()
    ]
    return _labelled(rows, INDICATOR_COLUMNS, lang)
