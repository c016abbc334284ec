"""The Compare page's other download tables: zone vs zone, targets side by side, plan emphasis.
Each is declared as columns; the screen shows exactly the cells its CSV holds."""

from __future__ import annotations

from dataclasses import asdict, fields

import pandas as pd

from dashboard.compare.zones import ZoneSide, marked
from dashboard.i18n import Lang, label, names_by_id
from dashboard.tables.cells import in_lang, zh_of
from dashboard.tables.columns import Column, Context, build, table_context
from dashboard.tables.format import format_number, format_percent, format_qualified, join

ZONE_COMPARE_COLUMNS = (
    Column("zone_id", lambda s, _c: s.zone_id),
    Column("name", lambda s, _c: s.name),
    Column("city", lambda s, _c: s.city),
    Column("themes", lambda s, _c: join(s.marked_themes)),
    Column("shared_themes", lambda s, _c: join(name for name, shared in s.themes if shared)),
    Column("positioning", lambda s, _c: s.positioning),
    Column("projects", lambda s, _c: join(s.projects)),
    Column("linked_targets", lambda s, _c: join(s.targets)),
    Column("citations", lambda s, _c: join(f"{title} {locator}" for title, locator, _q, _l in s.citations)),
)

TARGET_COMPARE_COLUMNS = (
    Column("family", lambda r, _c: r.family),
    Column("family_name", lambda r, _c: r.family_name),
    Column("comparable", lambda r, c: label("comparable", "yes" if r.comparable else "no", c.lang)),
    Column("reason", lambda r, _c: r.reason),
    Column("scope", lambda r, _c: r.place),
    Column("indicator_id", lambda r, _c: r.id),
    Column("name", in_lang("name"), twin=zh_of("name")),
    Column("normalized_unit", lambda r, c: label("unit", r.normalized_unit, c.lang)),
    Column("baseline_year", lambda r, _c: format_number(r.baseline_year)),
    Column(
        "normalized_baseline", lambda r, _c: format_qualified(r.baseline_qualifier, r.normalized_baseline)
    ),
    Column("target_year", lambda r, _c: format_number(r.target_year)),
    Column("period", lambda r, _c: r.period_zh or "", chinese=True),
    Column("normalized_target", lambda r, _c: format_qualified(r.qualifier, r.normalized_target)),
    Column("cagr", lambda r, _c: format_percent(r.cagr)),
    Column("target_rank", lambda r, _c: r.target_rank),
    Column("growth_rank", lambda r, _c: r.growth_rank),
)

EMPHASIS_TABLE_COLUMNS = (
    Column("source_id", lambda r, _c: r.source_id),
    Column("title", lambda r, _c: r.title),
    Column("theme_id", lambda r, _c: r.theme_id),
    Column("theme", lambda r, c: c.theme_names[r.theme_id]),
    Column("zone_count", lambda r, _c: str(r.zone_count)),
    Column("zone_share", lambda r, _c: format_percent(r.zone_share)),
    Column("project_count", lambda r, _c: str(r.project_count)),
    Column("project_share", lambda r, _c: format_percent(r.project_share)),
)


def _context(themes: pd.DataFrame, lang: Lang) -> Context:
    return table_context(themes, lang)


def zone_compare_table(sides, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per compared zone (`dashboard.compare.zones.ZoneSide`), shared themes starred."""
    records = pd.DataFrame(
        [{**asdict(s), "marked_themes": [marked(t) for t in s.themes]} for s in sides],
        columns=[*(f.name for f in fields(ZoneSide)), "marked_themes"],
    )
    return build(records, ZONE_COMPARE_COLUMNS, _context(themes, lang))


def target_compare_table(comparisons, themes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per member of each compared family (`dashboard.compare.targets.FamilyComparison`)."""
    frames = []
    for c in comparisons:
        members = c.members.copy()
        members["family_name"] = c.name
        members["comparable"] = c.comparable
        members["reason"] = join(c.reasons)
        frames.append(members)
    records = pd.concat(frames, ignore_index=True) if frames else _no_members()
    return build(records, TARGET_COMPARE_COLUMNS, _context(themes, lang))


def _no_members() -> pd.DataFrame:
    names = ["id", "name_zh", "name_en", "family", "family_name", "comparable", "reason", "place"]
    return pd.DataFrame(columns=names)


def emphasis_table(
    emphasis: pd.DataFrame, sources: pd.DataFrame, themes: pd.DataFrame, lang: Lang
) -> pd.DataFrame:
    """One row per plan and theme (`dashboard.compare.emphasis.plan_emphasis`)."""
    titles = names_by_id(sources, lang, "title")
    records = emphasis.assign(title=emphasis["source_id"].map(titles))
    return build(records, EMPHASIS_TABLE_COLUMNS, _context(themes, lang))
