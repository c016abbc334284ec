"""Zone vs zone: 2–4 zones aligned aspect by aspect (themes with the shared ones marked, positioning,
projects, linked targets, citations), and a default pair worth comparing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.i18n import Lang, city_label, field, label, names_by_id
from dashboard.passages import passage_link
from dashboard.tables.format import format_number, format_qualified
from dashboard.zone_detail import descendants, linked_targets

if TYPE_CHECKING:
    from dashboard.catalog import Catalog

MIN_ZONES, MAX_ZONES = 2, 4
SHARED_MARK = "★"


@dataclass(frozen=True)
class ZoneSide:
    """One zone's column: every text in the language, ready to show and to download."""

    zone_id: str
    name: str
    city: str
    themes: tuple[tuple[str, bool], ...]  # (theme name, shared with another compared zone)
    positioning: str
    projects: tuple[str, ...]
    targets: tuple[str, ...]
    citations: tuple[tuple[str, str, str, str], ...]  # (plan title, locator, quote, passage link)


def shared_themes(zones: pd.DataFrame, zone_ids) -> set[str]:
    """Themes at least two of the zones have."""
    counts = Counter(t for ts in zones.set_index("id").loc[list(zone_ids), "themes"] for t in ts)
    return {t for t, n in counts.items() if n >= 2}


def suggested_pair(zones: pd.DataFrame) -> tuple[str, ...]:
    """The two zones of different cities sharing the most themes (the earlier pair on a tie)."""
    best, best_shared = (), 0
    records = list(zones[["id", "city", "themes"]].itertuples(index=False))
    for a, b in combinations(records, 2):
        n = len(set(a.themes) & set(b.themes))
        if a.city != b.city and n > best_shared:
            best, best_shared = (a.id, b.id), n
    return best


def _target_text(t, lang: Lang) -> str:
    year = format_number(t.target_year) or t.period_zh or ""
    value = format_qualified(t.qualifier, t.target_value, t.target_value_high)
    return f"{getattr(t, field('name', lang))}: {value} {label('unit', t.unit, lang)} ({year})"


def zone_side(catalog: Catalog, zone_id: str, shared: set[str], lang: Lang) -> ZoneSide:
    """The column of one zone; `shared` holds the theme ids to mark."""
    z = catalog.zones[catalog.zones["id"] == zone_id].iloc[0]
    theme_names = names_by_id(catalog.themes, lang)
    titles = names_by_id(catalog.sources, lang, "title")
    name = field("name", lang)
    projects = catalog.projects[catalog.projects["located_zone"].isin(descendants(catalog.zones, zone_id))]
    targets = linked_targets(catalog.indicators, z["city"], z["themes"])
    return ZoneSide(
        zone_id=zone_id,
        name=z[name],
        city=city_label(z["city"], lang),
        themes=tuple((theme_names[t], t in shared) for t in z["themes"]),
        positioning=z[field("positioning", lang)],
        projects=tuple(projects[name]),
        targets=tuple(_target_text(t, lang) for t in targets.itertuples()),
        citations=tuple(
            (titles.get(c.source, c.source), c.locator, c.quote, passage_link("zones", zone_id, i, lang))
            for i, c in enumerate(z["citations"])
        ),
    )


def compare_zones(catalog: Catalog, zone_ids, lang: Lang) -> list[ZoneSide]:
    """The columns of the known zones among `zone_ids` (at most `MAX_ZONES`), in the order given."""
    known = [z for z in dict.fromkeys(zone_ids) if z in set(catalog.zones["id"])][:MAX_ZONES]
    shared = shared_themes(catalog.zones, known) if len(known) >= MIN_ZONES else set()
    return [zone_side(catalog, z, shared, lang) for z in known]


def marked(theme: tuple[str, bool]) -> str:
    """A theme name, starred when shared."""
    name, is_shared = theme
    return f"{SHARED_MARK} {name}" if is_shared else name
