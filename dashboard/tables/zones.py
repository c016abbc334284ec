"""The zones table: what the Map page lists and what its CSV and GeoJSON downloads hold."""

from __future__ import annotations

from dashboard.i18n import city_label, label
from dashboard.passages import passage_link
from dashboard.tables.cells import (
    chinese,
    evidence_cell,
    in_lang,
    locators_cell,
    source_ids_cell,
    themes_cell,
    zh_of,
)
from dashboard.tables.columns import Column
from dashboard.tables.format import join

ZONE_COLUMNS = (
    Column("zone_id", lambda z, _c: z.id),
    Column("name", in_lang("name"), twin=zh_of("name")),
    Column("city", lambda z, c: city_label(z.city, c.lang)),
    Column("kind", lambda z, c: label("zone_kind", z.kind, c.lang)),
    Column("parent_zone", lambda z, _c: z.parent or ""),
    Column("districts", chinese(lambda z: join(z.districts)), chinese=True),
    Column("themes", themes_cell),
    Column("theme_evidence", evidence_cell, chinese=True),
    Column("positioning", in_lang("positioning"), twin=zh_of("positioning")),
    Column("project_count", lambda z, _c: str(z.project_count)),
    Column("precision", lambda z, c: label("precision", z.precision, c.lang)),
    Column("source_ids", source_ids_cell),
    Column("locators", chinese(locators_cell), chinese=True),
    Column("passage", lambda r, c: passage_link("zones", r.id, 0, c.lang)),
)
