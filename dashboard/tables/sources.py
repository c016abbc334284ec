"""The plans table of the Sources page."""

from __future__ import annotations

from dashboard.i18n import city_label
from dashboard.tables.cells import in_lang, zh_of
from dashboard.tables.columns import Column

SOURCE_COLUMNS = (
    Column("id", lambda s, _c: s.id),
    Column("title", in_lang("title"), twin=zh_of("title")),
    Column("issuer", lambda s, c: in_lang("issuer")(s, c) or "—"),
    Column("doc_number", lambda s, _c: s.doc_number or "—", chinese=True),
    Column("date", lambda s, _c: s.date or "—"),
    Column("scope", lambda s, c: city_label(s.scope, c.lang)),
)
