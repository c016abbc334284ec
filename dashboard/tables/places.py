"""The places the plans name without locating them: listed beside the projects, never drawn."""

from __future__ import annotations

from dashboard.i18n import city_label, label
from dashboard.passages import passage_link
from dashboard.tables.cells import (
    chinese,
    citation_sources_cell,
    evidence_cell,
    in_lang,
    locators_cell,
    quotes_cell,
    themes_cell,
    zh_of,
)
from dashboard.tables.columns import Column

PLACE_COLUMNS = (
    Column("place_id", lambda p, _c: p.id),
    Column("name", in_lang("name"), twin=zh_of("name")),
    Column("city", lambda p, c: city_label(p.city, c.lang)),
    Column("kind", lambda p, c: label("project_kind", p.kind, c.lang)),
    Column("themes", themes_cell),
    Column("theme_evidence", evidence_cell, chinese=True),
    Column("source_id", citation_sources_cell),
    Column("locator", chinese(locators_cell), chinese=True),
    Column("quote", chinese(quotes_cell), chinese=True),
    Column("passage", lambda r, c: passage_link("places", r.id, 0, c.lang)),
)
