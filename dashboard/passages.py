"""The address of every cited passage: a link to the Sources page that opens the record's citation
highlighted in its plan, in the same language."""

from __future__ import annotations

from urllib.parse import urlencode

from dashboard.i18n import Lang

SOURCES_PATH = "sources"


def passage_link(record_kind: str, record_id: str, cite: int, lang: Lang) -> str:
    """The app-relative link of one citation of one record."""
    query = {"rtype": record_kind, "record": record_id, "cite": str(cite), "lang": lang}
    return f"./{SOURCES_PATH}?{urlencode(query)}"


def record_option_labels(records) -> dict[str, str]:
    """How records are offered in the picker: id and both names, so typing any of them finds one."""
    return {r.id: f"{r.id} · {r.name_zh} · {r.name_en}" for r in records.itertuples()}
