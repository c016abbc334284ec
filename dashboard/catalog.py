"""The validated catalog: data files in, typed tables out, or every problem at once.

Loading is the single entry point from `data/` into the product. Each record is checked
by its pydantic model (`dashboard.schema`), then the rules that span records: unique ids,
known themes and sources, zone references that resolve, quotes that occur verbatim in the
plan texts and indicator numbers that occur in their quotes. Problems name the file,
record id and field, and all of them are collected before anything is raised.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml
from pydantic import BaseModel, ValidationError

from dashboard.schema import Citation, Designation, Indicator, Place, Project, Source, Theme, Zone

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA_DIR_ENV = "GBA_DATA_DIR"


def default_data_dir() -> Path:
    """The data folder: `data/` of the project, or the folder named by $GBA_DATA_DIR."""
    return Path(os.environ.get(DATA_DIR_ENV) or DATA_DIR)


# libyaml's parser when PyYAML was built with it: several times faster on the data files
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_WHITESPACE = re.compile(r"\s+")
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located precisely enough to fix it."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: record '{self.record}', field '{self.field}': {self.message}"


class CatalogError(Exception):
    """Raised with every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the data:\n{lines}")


@dataclass(frozen=True)
class Catalog:
    """All tables of the product. List-valued cells are tuples so frames stay hashable."""

    themes: pd.DataFrame
    sources: pd.DataFrame
    zones: pd.DataFrame
    projects: pd.DataFrame
    indicators: pd.DataFrame
    places: pd.DataFrame
    designations: pd.DataFrame
    texts: dict[str, str]  # source id -> the plan's full text as stored


def normalize_whitespace(text: str) -> str:
    """Drop all whitespace: the PDF extraction breaks lines and pads table cells at random."""
    return _WHITESPACE.sub("", text)


def number_tokens(text: str) -> set[float]:
    """The numbers written in a text, as values (so 11 matches 11.0 but 9.6 never matches 96)."""
    return {float(tok) for tok in _NUMBER_TOKEN.findall(text)}


@dataclass
class _Loaded:
    file: str
    records: list[BaseModel]


def _read_yaml(path: Path, data_dir: Path, problems: list[Problem]) -> list[dict]:
    rel = path.relative_to(data_dir).as_posix()
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(Problem(rel, "-", "-", f"cannot be parsed: {exc}"))
        return []
    if content is None:
        return []
    if not isinstance(content, list) or not all(isinstance(r, dict) for r in content):
        problems.append(Problem(rel, "-", "-", "must be a YAML list of mappings"))
        return []
    return content


def _validate(
    model: type[BaseModel], paths: Iterable[Path], data_dir: Path, problems: list[Problem]
) -> list[_Loaded]:
    loaded = []
    for path in paths:
        rel = path.relative_to(data_dir).as_posix()
        records = []
        for index, raw in enumerate(_read_yaml(path, data_dir, problems)):
            record_id = str(raw.get("id", f"#{index + 1}"))
            try:
                records.append(model.model_validate(raw))
            except ValidationError as exc:
                for err in exc.errors():
                    field = ".".join(str(part) for part in err["loc"]) or "-"
                    problems.append(Problem(rel, record_id, field, err["msg"]))
        loaded.append(_Loaded(rel, records))
    return loaded


def _iter(loaded: list[_Loaded]) -> Iterator[tuple[str, BaseModel]]:
    for group in loaded:
        for record in group.records:
            yield group.file, record


def _check_unique(loaded: list[_Loaded], problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for file, record in _iter(loaded):
        if record.id in seen:
            problems.append(Problem(file, record.id, "id", f"duplicate id (also in {seen[record.id]})"))
        else:
            seen[record.id] = file


def _check_citations(
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


def _check_themes(
    file: str, record_id: str, themes: list, known: set[str], problems: list[Problem]
) -> None:
    for i, theme in enumerate(themes):
        theme = theme if isinstance(theme, str) else theme.id
        if theme not in known:
            problems.append(Problem(file, record_id, f"themes.{i}", f"unknown theme id '{theme}'"))


def _check_evidence(file: str, record: BaseModel, problems: list[Problem]) -> None:
    """Each theme's phrase must occur in the quote of the citation it names."""
    for i, theme in enumerate(record.themes):
        if isinstance(theme, str):
            continue
        if theme.cite >= len(record.citations):
            problems.append(
                Problem(file, record.id, f"themes.{i}.cite", f"no citation {theme.cite} (theme '{theme.id}')")
            )
        elif normalize_whitespace(theme.phrase) not in normalize_whitespace(record.citations[theme.cite].quote):
            problems.append(
                Problem(
                    file,
                    record.id,
                    f"themes.{i}.phrase",
                    f"phrase {theme.phrase!r} of theme '{theme.id}' is not in citation {theme.cite}'s quote",
                )
            )


def _check_claims(
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
            problems.append(Problem(file, designation.id, f"{where}.source", f"unknown source '{claim.source}'"))
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


def _check_indicator_numbers(file: str, indicator: Indicator, problems: list[Problem]) -> None:
    quoted: set[float] = set()
    for citation in indicator.citations:
        quoted |= number_tokens(citation.quote)
    for field in ("baseline_value", "target_value", "target_value_high"):
        value = getattr(indicator, field)
        if value is not None and value not in quoted:
            problems.append(
                Problem(file, indicator.id, field, f"number {value:g} does not occur in any quote")
            )


def _check_zone_parents(zones: list[_Loaded], problems: list[Problem]) -> None:
    parents = {z.id: z.parent for _, z in _iter(zones)}
    for file, zone in _iter(zones):
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


def _load_texts(sources: list[_Loaded], data_dir: Path, problems: list[Problem]) -> dict[str, str]:
    texts = {}
    for file, source in _iter(sources):
        path = data_dir / source.file
        if not path.is_file():
            problems.append(Problem(file, source.id, "file", f"text file {source.file} not found"))
            continue
        texts[source.id] = path.read_text(encoding="utf-8")
    return texts


def _yaml_files(data_dir: Path, folder: str) -> list[Path]:
    return sorted((data_dir / folder).glob("*.yaml"))


def _frame(loaded: list[_Loaded], columns: list[str]) -> pd.DataFrame:
    rows = []
    for file, record in _iter(loaded):
        row = {}
        for name, value in record:
            row[name] = tuple(value) if isinstance(value, list) else value
        row["file"] = file
        rows.append(row)
    # object dtype keeps None as None (pandas would turn it into NaN in text columns)
    return pd.DataFrame(rows, columns=[*columns, "file"], dtype=object)


def _evidence_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """`themes` becomes the tuple of theme ids; `theme_evidence` keeps (id, citation, phrase)."""
    frame["theme_evidence"] = frame["themes"].map(
        lambda ts: tuple((t.id, t.cite, t.phrase) for t in ts)
    )
    frame["themes"] = frame["themes"].map(lambda ts: tuple(t.id for t in ts))
    return frame


def _citation_columns(frame: pd.DataFrame) -> pd.DataFrame:
    frame["source_ids"] = frame["citations"].map(lambda cs: tuple(dict.fromkeys(c.source for c in cs)))
    frame["locators"] = frame["citations"].map(lambda cs: tuple(c.locator for c in cs))
    return frame


def _located_zone(projects: pd.DataFrame, zones: pd.DataFrame) -> pd.Series:
    """The zone a project sits in: its own zone, else the designation of its district."""
    by_district = {
        (z.city, z.districts[0]): z.id
        for z in zones.itertuples()
        if z.kind == "district" and len(z.districts) == 1
    }
    return pd.Series(
        [
            p.zone if p.zone is not None else by_district.get((p.city, p.district))
            for p in projects.itertuples()
        ],
        index=projects.index,
        dtype=object,
    )


def _project_counts(zones: pd.DataFrame, projects: pd.DataFrame) -> pd.Series:
    """Projects located in each zone or in any zone nested inside it."""
    parent = dict(zip(zones["id"], zones["parent"], strict=True))
    counts = dict.fromkeys(zones["id"], 0)
    for zone_id in projects["located_zone"].dropna():
        while zone_id is not None:
            counts[zone_id] += 1
            zone_id = parent.get(zone_id)
    return zones["id"].map(counts).astype(int)


def load_catalog(folder: Path | None = None) -> Catalog:
    """Load and cross-check every data file; raise `CatalogError` listing all problems."""
    data_dir = Path(folder) if folder is not None else default_data_dir()
    problems: list[Problem] = []
    themes = _validate(Theme, [data_dir / "themes.yaml"], data_dir, problems)
    sources = _validate(Source, [data_dir / "sources.yaml"], data_dir, problems)
    zones = _validate(Zone, _yaml_files(data_dir, "zones"), data_dir, problems)
    projects = _validate(Project, _yaml_files(data_dir, "projects"), data_dir, problems)
    indicators = _validate(Indicator, _yaml_files(data_dir, "indicators"), data_dir, problems)
    places = _validate(Place, [data_dir / "places.yaml"], data_dir, problems)
    designations = _validate(Designation, [data_dir / "designations.yaml"], data_dir, problems)
    for group in (themes, sources, designations):
        _check_unique(group, problems)
    _check_unique([*zones, *projects, *indicators, *places], problems)

    texts = _load_texts(sources, data_dir, problems)
    searchable = {source_id: normalize_whitespace(text) for source_id, text in texts.items()}
    theme_ids = {t.id for _, t in _iter(themes)}
    zone_ids = {z.id for _, z in _iter(zones)}
    project_ids = {p.id for _, p in _iter(projects)}
    for file, designation in _iter(designations):
        _check_claims(file, designation, searchable, zone_ids, project_ids, problems)
    for file, record in (*_iter(zones), *_iter(projects), *_iter(indicators), *_iter(places)):
        _check_themes(file, record.id, record.themes, theme_ids, problems)
        _check_citations(file, record.id, record.citations, searchable, problems)
        _check_evidence(file, record, problems)
    for file, project in _iter(projects):
        if project.zone is not None and project.zone not in zone_ids:
            problems.append(Problem(file, project.id, "zone", f"unknown zone '{project.zone}'"))
    for file, indicator in _iter(indicators):
        _check_indicator_numbers(file, indicator, problems)
    _check_zone_parents(zones, problems)
    if problems:
        raise CatalogError(problems)

    # the YAML's `geometry` says how the polygon is made; as a column it would clash with GeoPandas
    zone_frame = _evidence_columns(_citation_columns(_frame(zones, list(Zone.model_fields)))).rename(
        columns={"geometry": "geometry_kind"}
    )
    project_frame = _evidence_columns(_citation_columns(_frame(projects, list(Project.model_fields))))
    project_frame["located_zone"] = _located_zone(project_frame, zone_frame)
    zone_frame["project_count"] = _project_counts(zone_frame, project_frame)
    return Catalog(
        themes=_frame(themes, list(Theme.model_fields)),
        sources=_frame(sources, list(Source.model_fields)),
        zones=zone_frame,
        projects=project_frame,
        indicators=_citation_columns(_frame(indicators, list(Indicator.model_fields))),
        places=_evidence_columns(_citation_columns(_frame(places, list(Place.model_fields)))),
        designations=_frame(designations, list(Designation.model_fields)),
        texts=texts,
    )
