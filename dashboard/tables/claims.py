"""The claims table: one row per claim a plan makes on a designation. The Compare page shows and
downloads it, and `python -m dashboard.export designations` writes the same bytes.

Its column ids are the same in every language (the names in both languages, the quote as
published), so a script can read any language's file with the same header.
"""

from __future__ import annotations

from dashboard.i18n import city_label, label
from dashboard.tables.columns import Column

CLAIM_TABLE_COLUMNS = (
    Column("designation_id", lambda r, _c: r.designation_id),
    Column("name_zh", lambda r, _c: r.name_zh),
    Column("name_en", lambda r, _c: r.name_en),
    Column("shared", lambda r, c: label("shared", "yes" if r.shared else "no", c.lang)),
    Column("city", lambda r, c: city_label(r.city, c.lang)),
    Column("zone_id", lambda r, _c: r.zone_id or ""),
    Column("project_id", lambda r, _c: r.project_id or ""),
    Column("stance", lambda r, c: label("stance", r.stance, c.lang)),
    Column("source_id", lambda r, _c: r.source_id),
    Column("locator", lambda r, _c: r.locator),
    Column("quote", lambda r, _c: r.quote),
)
