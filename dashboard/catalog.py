"""The validated catalog: data files in, typed tables out, or every problem at once.

Loading is the single entry point from `data/` into the product. Each record is checked by its
pydantic model (`dashboard.schema`), then by the rules that span records (`dashboard.checks`).
Problems name the file, record id and field, and all of them are collected before anything is
raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.checks import (
    check_citations,
    check_claims,
    check_evidence,
    check_indicator_numbers,
    check_themes,
    check_unique,
    check_zone_parents,
    normalize_whitespace,
)
from dashboard.data_files import (
    DATA_DIR,
    DATA_DIR_ENV,
    Loaded,
    default_data_dir,
    iter_records,
    load_texts,
    validate,
    yaml_files,
)
from dashboard.problems import CatalogError, Problem
from dashboard.schema import Designation, Indicator, Place, Project, Source, Theme, Zone

__all__ = [
    "DATA_DIR",
    "DATA_DIR_ENV",
    "Catalog",
    "CatalogError",
    "Problem",
    "default_data_dir",
    "load_catalog",
]


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


def _frame(loaded: list[Loaded], columns: list[str]) -> pd.DataFrame:
    rows = []
    for file, record in iter_records(loaded):
        row = {}
        for name, value in record:
            row[name] = tuple(value) if isinstance(value, list) else value
        row["record_file" if "file" in row else "file"] = file
        rows.append(row)
    # object dtype keeps None as None (pandas would turn it into NaN in text columns)
    origin = "record_file" if "file" in columns else "file"
    return pd.DataFrame(rows, columns=[*columns, origin], dtype=object)


def _evidence_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """`themes` becomes the tuple of theme ids; `theme_evidence` keeps (id, citation, phrase)."""
    frame["theme_evidence"] = frame["themes"].map(lambda ts: tuple((t.id, t.cite, t.phrase) for t in ts))
    frame["themes"] = frame["themes"].map(lambda ts: tuple(t.id for t in ts))
    return frame


def _citation_columns(frame: pd.DataFrame) -> pd.DataFrame:
    frame["source_ids"] = frame["citations"].map(lambda cs: tuple(dict.fromkeys(c.source for c in cs)))
    frame["locators"] = frame["citations"].map(lambda cs: tuple(c.locator for c in cs))
    return frame


def _claim_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A designation's claims are also its `citations` (same plan, locator and quote), so the
    Sources page opens them like any record's citations."""
    frame["citations"] = frame["claims"]
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
    themes = validate(Theme, [data_dir / "themes.yaml"], data_dir, problems)
    sources = validate(Source, [data_dir / "sources.yaml"], data_dir, problems)
    zones = validate(Zone, yaml_files(data_dir, "zones"), data_dir, problems)
    projects = validate(Project, yaml_files(data_dir, "projects"), data_dir, problems)
    indicators = validate(Indicator, yaml_files(data_dir, "indicators"), data_dir, problems)
    places = validate(Place, [data_dir / "places.yaml"], data_dir, problems)
    designations = validate(Designation, [data_dir / "designations.yaml"], data_dir, problems)
    for group in (themes, sources, designations):
        check_unique(group, problems)
    check_unique([*zones, *projects, *indicators, *places], problems)
    required = {"themes.yaml": themes, "sources.yaml": sources, "zones/*.yaml": zones}
    required |= {"projects/*.yaml": projects, "indicators/*.yaml": indicators}
    for where, group in required.items():
        if not any(g.records for g in group) and not any(p.file == where for p in problems):
            problems.append(Problem(where, "-", "-", "no valid records: the product needs at least one"))

    texts = load_texts(sources, data_dir, problems)
    searchable = {source_id: normalize_whitespace(text) for source_id, text in texts.items()}
    theme_ids = {t.id for _, t in iter_records(themes)}
    zone_ids = {z.id for _, z in iter_records(zones)}
    project_ids = {p.id for _, p in iter_records(projects)}
    for file, designation in iter_records(designations):
        check_claims(file, designation, searchable, zone_ids, project_ids, problems)
    for file, record in (
        *iter_records(zones),
        *iter_records(projects),
        *iter_records(indicators),
        *iter_records(places),
    ):
        check_themes(file, record.id, record.themes, theme_ids, problems)
        check_citations(file, record.id, record.citations, searchable, problems)
        check_evidence(file, record, problems)
    for file, project in iter_records(projects):
        if project.zone is not None and project.zone not in zone_ids:
            problems.append(Problem(file, project.id, "zone", f"unknown zone '{project.zone}'"))
    for file, indicator in iter_records(indicators):
        check_indicator_numbers(file, indicator, problems)
    check_zone_parents(zones, problems)
    if problems:
        raise CatalogError(problems)

    # the YAML's `geometry` says how exact the polygon is; as a column it is `precision`, as in the layers
    zone_frame = _evidence_columns(_citation_columns(_frame(zones, list(Zone.model_fields)))).rename(
        columns={"geometry": "precision"}
    )
    project_frame = _evidence_columns(_citation_columns(_frame(projects, list(Project.model_fields))))
    project_frame["located_zone"] = _located_zone(project_frame, zone_frame)
    kinds = dict(zip(zone_frame["id"], zone_frame["kind"], strict=True))
    project_frame["zone_kind"] = pd.Series(
        [kinds.get(z) for z in project_frame["located_zone"]], index=project_frame.index, dtype=object
    )
    zone_frame["project_count"] = _project_counts(zone_frame, project_frame)
    return Catalog(
        themes=_frame(themes, list(Theme.model_fields)),
        sources=_frame(sources, list(Source.model_fields)),
        zones=zone_frame,
        projects=project_frame,
        indicators=_citation_columns(_frame(indicators, list(Indicator.model_fields))),
        places=_evidence_columns(_citation_columns(_frame(places, list(Place.model_fields)))),
        designations=_claim_columns(_frame(designations, list(Designation.model_fields))),
        texts=texts,
    )
