"""Plan emphasis: for each plan, the share of the zones and of the projects it cites that have each
theme. A record belongs to every plan it cites; a record with several themes counts for each."""

from __future__ import annotations

import pandas as pd

EMPHASIS_COLUMNS = [
    "source_id",
    "theme_id",
    "zone_count",
    "zone_total",
    "zone_share",
    "project_count",
    "project_total",
    "project_share",
]


def _theme_counts(records: pd.DataFrame, source_id: str) -> tuple[dict[str, int], int]:
    cited = records.loc[records["source_ids"].map(lambda ids: source_id in ids).astype(bool)]
    counts: dict[str, int] = {}
    for themes in cited["themes"]:
        for theme in themes:
            counts[theme] = counts.get(theme, 0) + 1
    return counts, len(cited)


def plan_emphasis(
    sources: pd.DataFrame, themes: pd.DataFrame, zones: pd.DataFrame, projects: pd.DataFrame
) -> pd.DataFrame:
    """One row per plan and theme that has at least one of the plan's zones or projects, plans and
    themes in catalog order; shares are fractions (None for a plan citing no zone, or no project)."""
    rows = []
    for source_id in sources["id"]:
        zone_counts, zone_total = _theme_counts(zones, source_id)
        project_counts, project_total = _theme_counts(projects, source_id)
        for theme in themes["id"]:
            z, p = zone_counts.get(theme, 0), project_counts.get(theme, 0)
            if z or p:
                zone_share = z / zone_total if zone_total else None
                project_share = p / project_total if project_total else None
                rows.append([source_id, theme, z, zone_total, zone_share, p, project_total, project_share])
    return pd.DataFrame(rows, columns=EMPHASIS_COLUMNS)
