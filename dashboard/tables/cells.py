"""Cell values shared by several tables: names, themes and their evidence, citations."""

from __future__ import annotations

from dashboard.i18n import SOURCE_LANG, evidence_text, field
from dashboard.tables.columns import Context
from dashboard.tables.format import join


def themes_cell(record, ctx: Context) -> str:
    return join(ctx.theme_names.get(t, t) for t in record.themes)


def evidence_cell(record, ctx: Context) -> str:
    """Each theme (named in Chinese, like the quotes) with the plan's words that give it."""
    names = ctx.chinese_theme_names
    return join(
        evidence_text(names.get(t, t), phrase, SOURCE_LANG) for t, _cite, phrase in record.theme_evidence
    )


def source_ids_cell(record, _ctx: Context) -> str:
    """The plans a record cites, each once."""
    return join(dict.fromkeys(c.source for c in record.citations))


def citation_sources_cell(record, _ctx: Context) -> str:
    """The plan of each citation, aligned with the locator and quote cells."""
    return join(c.source for c in record.citations)


def locators_cell(record) -> str:
    return join(c.locator for c in record.citations)


def quotes_cell(record) -> str:
    return join(c.quote for c in record.citations)


def chinese(getter):
    """A column value that does not depend on the language (the plans' Chinese)."""
    return lambda record, _ctx: getter(record)


def in_lang(name: str):
    """The record's `name` field in the table's language."""
    return lambda record, ctx: getattr(record, field(name, ctx.lang))


def zh_of(name: str):
    """The record's Chinese `name` field (the twin of an `in_lang` column)."""
    return lambda record: getattr(record, f"{name}_zh")
