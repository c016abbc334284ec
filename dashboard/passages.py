"""The address of every cited passage: a link to the Sources page that opens the record's citation
highlighted in its plan, in the same language."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from dashboard.i18n import Lang
from dashboard.url_state import to_query
from dashboard.view_state import ViewState

SOURCES_PATH = "sources"


def passage_link(record_kind: str, record_id: str, cite: int, lang: Lang) -> str:
    """The app-relative link of one citation of one record (opens a new view of the Sources page)."""
    state = ViewState(lang=lang, record_kind=record_kind, record=record_id, cite=str(cite))
    return f"./{SOURCES_PATH}?{urlencode(to_query(state), doseq=True)}"


def passage_query(state: ViewState, record_kind: str, record_id: str, cite: int) -> dict[str, list[str]]:
    """The current view's query with the Sources page opened at one citation (for in-app links)."""
    return to_query(replace(state, record_kind=record_kind, record=record_id, cite=str(cite)))


def record_option_labels(records) -> dict[str, str]:
    """How records are offered in the picker: id and both names, so typing any of them finds one."""
    return {r.id: f"{r.id} · {r.name_zh} · {r.name_en}" for r in records.itertuples()}
