"""The rules that span records: unique ids, known themes and sources, references that resolve,
quotes verbatim in their plans, theme phrases in their quotes and numbers in their quotes."""

from __future__ import annotations

import re

from pydantic import BaseModel

from dashboard.data_files import Loaded, iter_records
from dashboard.problems import Problem
from dashboard.schema import Citation, Designation, Indicator

_WHITESPACE = re.compile(r"\s+")
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")


def normalize_whitespace(text: str) -> str:
    """Drop all whitespace: the PDF extraction breaks lines and pads table cells at random."""
    return _WHITESPACE.sub("", text)


def number_tokens(text: str) -> set[float]:
    """The numbers written in a text, as values (so 11 matches 11.0 but 9.6 never matches 96)."""
    return {float(tok) for tok in _NUMBER_TOKEN.findall(text)}


def check_unique(loaded: list[Loaded], problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for file, record in iter_records(loaded):
        if record.id in seen:
            problems.append(Problem(file, record.id, "id", f"duplicate id (also in {seen[record.id]})"))
        else:
            seen[record.id] = file


def check_citations(
    file: str,
    record_id: str,
    citations: list[Citation],
    texts: dict[str, str],
    problems: list[Problem],
) -> None:
    for i, citation in enumerate(citations):
        where = f"citations.{i}"
        if citation.source not in texts:
            problems.append(
                Problem(file, record_id, f"{where}.source", f"unknown source '{citation.source}'")
            )
        elif normalize_whitespace(citation.quote) not in texts[citation.source]:
            problems.append(
                Problem(
                    file,
                    record_id,
                    f"{where}.quote",
                    f"quote not found in source '{citation.source}': {citation.quote[:60]!r}",
                )
            )


def check_themes(file: str, record_id: str, themes: list, known: set[str], problems: list[Problem]) -> None:
    for i, theme in enumerate(themes):
        theme = theme if isinstance(theme, str) else theme.id
        if theme not in known:
            problems.append(Problem(file, record_id, f"themes.{i}", f"unknown theme id '{theme}'"))


def check_evidence(file: str, record: BaseModel, problems: list[Problem]) -> None:
    """Each theme's phrase must occur in the quote of the citation it names."""
    for i, theme in enumerate(record.themes):
        if isinstance(theme, str):
            continue
        if theme.cite >= len(record.citations):
            problems.append(
                Problem(file, record.id, f"themes.{i}.cite", f"no citation {theme.cite} (theme '{theme.id}')")
            )
        elif normalize_whitespace(theme.phrase) not in normalize_whitespace(
            record.citations[theme.cite].quote
        ):
            problems.append(
                Problem(
                    file,
                    record.id,
                    f"themes.{i}.phrase",
                    f"phrase {theme.phrase!r} of theme '{theme.id}' is not in citation {theme.cite}'s quote",
                )
            )


def check_claims(
    file: str,
    designation: Designation,
    texts: dict[str, str],
    zone_ids: set[str],
    project_ids: set[str],
    problems: list[Problem],
) -> None:
    for i, claim in enumerate(designation.claims):
        where = f"claims.{i}"
        if claim.source not in texts:
            problems.append(
                Problem(file, designation.id, f"{where}.source", f"unknown source '{claim.source}'")
            )
        elif normalize_whitespace(claim.quote) not in texts[claim.source]:
            problems.append(
                Problem(file, designation.id, f"{where}.quote", f"quote not found: {claim.quote[:60]!r}")
            )
        if claim.zone is not None and claim.zone not in zone_ids:
            problems.append(Problem(file, designation.id, f"{where}.zone", f"unknown zone '{claim.zone}'"))
        if claim.project is not None and claim.project not in project_ids:
            problems.append(
                Problem(file, designation.id, f"{where}.project", f"unknown project '{claim.project}'")
            )


def check_indicator_numbers(file: str, indicator: Indicator, problems: list[Problem]) -> None:
    quoted: set[float] = set()
    for citation in indicator.citations:
        quoted |= number_tokens(citation.quote)
    for field in ("baseline_value", "target_value", "target_value_high"):
        value = getattr(indicator, field)
        if value is not None and value not in quoted:
            problems.append(
                Problem(file, indicator.id, field, f"number {value:g} does not occur in any quote")
            )


def check_zone_parents(zones: list[Loaded], problems: list[Problem]) -> None:
    parents = {z.id: z.parent for _, z in iter_records(zones)}
    for file, zone in iter_records(zones):
        if zone.parent is None:
            continue
        if zone.parent not in parents:
            problems.append(Problem(file, zone.id, "parent", f"unknown zone '{zone.parent}'"))
            continue
        seen, current = {zone.id}, zone.parent
        while current is not None and current in parents:
            if current in seen:
                problems.append(Problem(file, zone.id, "parent", "zones nest in a cycle"))
                break
            seen.add(current)
            current = parents[current]
