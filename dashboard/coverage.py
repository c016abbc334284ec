"""Which plan sections the records cite: a reviewer's list of sections that name places or
targets, with how many records cite each, so the sections no record cites stand out.

python -m dashboard.coverage [--source ID ...] [--only-uncited]

Sections come from the plan texts themselves (`dashboard.plan_sections`). Every citation of a zone,
project, indicator or place, and every claim of a designation, is assigned to the innermost
section whose text holds its quote (whitespace ignored, as the citation check does). A section is
listed when its own text names a place (P) or states a numeric target (T). Output is a plain
table aligned for a terminal; a usage or data error is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dashboard.catalog import Catalog, CatalogError, load_catalog
from dashboard.cli_io import EXIT_USAGE, write_output
from dashboard.plan_sections import PlanSections, Section

KINDS = ("zones", "projects", "indicators", "places", "claims")
HEADERS = ("plan", "section", "flags", "records", *KINDS, "evidence")
TITLE_CHARS = 18
EVIDENCE_CHARS = 24

_PLACE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})"
    r"(?:合作区|示范区|试验区|集聚区|聚集区|核心区|先行区|先导区|引领区|功能区|服务区|创新区|商务区|"
    r"开发区|保税区|自贸区|起步区|经济区|新区|片区|产业带|金融街|金融城|科学城|知识城|科技城|"
    r"产业园|工业园|物流园|科技园|小镇|基地|口岸|金融岛|中心(?![城支])|(?<![香深穗莞粤澳与在赴对和])港(?![澳股元币资人企交商籍口]))"
)
_UNIT = r"(?:万亿元|亿元|万元|亿美元|家|个|名|只|项|%|％|倍|万人|人次|平方公里)"
_TARGET_NUMBER = re.compile(rf"\d+(?:\.\d+)?{_UNIT}|（{_UNIT}）[＞>≥约]?\d+|(?<![\d.]){_UNIT}\d+")
_TARGET_CUE = re.compile(
    r"到20[23]\d|20(?:2[1-9]|3\d)年|十四五|力争|争取|目标|突破|冲刺|新增|提升至|提高到|预期|指标"
)
_SENTENCE = re.compile(r"[^。；！？]+")


def place_names(text: str) -> tuple[str, ...]:
    """Place-like names in a whitespace-free text: a zone, park, town, port or centre word after two
    or more Chinese characters, shown with the (up to six) Chinese characters before it."""
    names = [
        re.sub(r"^.*[^\u4e00-\u9fff]", "", text[max(0, m.start() - 6) : m.start()]) + m.group(0)
        for m in _PLACE.finditer(text)
    ]
    return tuple(dict.fromkeys(names))


def numeric_targets(text: str) -> tuple[str, ...]:
    """Numbers with a unit (亿元, 家, %, …) in the sentences of `text` that state a target."""
    found = []
    for sentence in _SENTENCE.findall(text):
        if _TARGET_CUE.search(sentence):
            found.extend(m.group(0) for m in _TARGET_NUMBER.finditer(sentence))
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Coverage:
    """One section of one plan and the records citing it, counted per kind (in `KINDS` order)."""

    source: str
    section: Section
    places: tuple[str, ...]  # place-like names in the section's own text
    targets: tuple[str, ...]  # numbers with units in its sentences that state a target
    counts: tuple[int, ...]

    @property
    def records(self) -> int:
        return sum(self.counts)

    @property
    def flags(self) -> str:
        return ("P" if self.places else "-") + ("T" if self.targets else "-")

    @property
    def flagged(self) -> bool:
        return bool(self.places or self.targets)


def citing(catalog: Catalog) -> Iterator[tuple[str, str, str, str, str]]:
    """(kind, record key, source, locator, quote) of every citation and designation claim."""
    for kind in KINDS[:4]:
        for record in getattr(catalog, kind).itertuples():
            for citation in record.citations:
                yield kind, record.id, citation.source, citation.locator, citation.quote
    for designation in catalog.designations.itertuples():
        for i, claim in enumerate(designation.claims):
            yield "claims", f"{designation.id}#{i}", claim.source, claim.locator, claim.quote


def coverage(catalog: Catalog, sources: Sequence[str] = ()) -> tuple[list[Coverage], int]:
    """Every section of the chosen plans (all when `sources` is empty) in plan and text order, and
    the number of citations whose quote no section holds."""
    chosen = [s for s in catalog.sources["id"] if not sources or s in sources]
    plans = {s: PlanSections(catalog.texts[s]) for s in chosen if s in catalog.texts}
    cited: dict[tuple[str, int], set[tuple[str, str]]] = {}
    unlocated = 0
    for kind, key, source, locator, quote in citing(catalog):
        if source not in plans:
            continue
        section = plans[source].locate(quote, locator)
        if section is None:
            unlocated += 1
            continue
        cited.setdefault((source, section.index), set()).add((kind, key))
    rows = []
    for source, plan in plans.items():
        for section in plan.sections:
            keys = cited.get((source, section.index), set())
            counts = tuple(sum(1 for k, _ in keys if k == kind) for kind in KINDS)
            body = section.body
            rows.append(Coverage(source, section, place_names(body), numeric_targets(body), counts))
    return rows, unlocated


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _cells(row: Coverage) -> list[str]:
    heading = row.section.heading(TITLE_CHARS)
    evidence = "; ".join((*row.places[:1], *row.targets[:1]))
    return [
        row.source,
        heading,
        row.flags,
        str(row.records),
        *map(str, row.counts),
        _cut(evidence, EVIDENCE_CHARS),
    ]


def format_table(rows: Sequence[Coverage]) -> str:
    """The rows as a plain text table, columns aligned by display width (CJK counts two)."""
    table = [list(HEADERS), *(_cells(r) for r in rows)]
    widths = [max(_width(line[i]) for line in table) for i in range(len(HEADERS))]
    numeric = {HEADERS.index(h) for h in ("records", *KINDS)}
    lines = []
    for line in table:
        cells = [
            " " * (w - _width(c)) + c if i in numeric else c + " " * (w - _width(c))
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def report(catalog: Catalog, sources: Sequence[str] = (), only_uncited: bool = False) -> str:
    """The command's output: the flagged sections (only the uncited ones if asked) and a summary."""
    rows, unlocated = coverage(catalog, sources)
    flagged = [r for r in rows if r.flagged]
    uncited = [r for r in flagged if r.records == 0]
    summary = f"{len(flagged)} sections name places (P) or targets (T); {len(uncited)} are cited by no record"
    if unlocated:
        summary += f"; {unlocated} quotes were found in no section"
    return format_table(uncited if only_uncited else flagged) + summary + "\n"


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage problem as one line and exit code 2."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m dashboard.coverage",
        description="List the plan sections that name places or targets and how many records cite each.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "--source", action="append", default=[], metavar="ID", help="only this plan (repeatable)"
    )
    parser.add_argument("--only-uncited", action="store_true", help="only the sections no record cites")
    return parser


def main(argv: Sequence[str] | None = None, data_dir: Path | None = None) -> int:
    """Run the report; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        catalog = load_catalog(data_dir)
    except CatalogError as exc:
        first = " ".join(str(exc.problems[0]).split()) if exc.problems else "unknown"
        print(f"error: the data has {len(exc.problems)} problem(s), first: {first}", file=sys.stderr)
        return EXIT_USAGE
    known = list(catalog.sources["id"])
    unknown = [s for s in args.source if s not in known]
    if unknown:
        print(f"error: unknown source '{unknown[0]}'. Valid values: {', '.join(known)}", file=sys.stderr)
        return EXIT_USAGE
    return write_output(None, report(catalog, args.source, args.only_uncited).encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main())
