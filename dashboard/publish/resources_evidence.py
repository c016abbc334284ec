"""The package's tables of evidence and claims: why each record has each theme, the places named
but not located, and the designations with every plan's claim on them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import get_args

from dashboard.catalog import Catalog
from dashboard.publish.fields import Field, ForeignKey, Table
from dashboard.publish.resources_common import (
    CITY_FIELD,
    EVIDENCED_TABLES,
    THEMES_FIELD,
    id_field,
    name_fields,
    theme_ids,
)
from dashboard.schema import ID_PATTERN, DesignationKind, DesignationLevel, ProjectKind, Stance


def _evidence_rows(_table: Table, catalog: Catalog) -> Iterable[dict]:
    for table in EVIDENCED_TABLES:
        for record in getattr(catalog, table).itertuples():
            for theme, cite, phrase in record.theme_evidence:
                yield {"record_table": table, "record_id": record.id, "theme": theme, "position": cite + 1,
                       "phrase": phrase}  # fmt: skip


def _claim_rows(_table: Table, catalog: Catalog) -> Iterable[dict]:
    for designation in catalog.designations.itertuples():
        for position, claim in enumerate(designation.claims, start=1):
            yield {"designation_id": designation.id, "position": position, **claim.model_dump()}


THEME_EVIDENCE = Table(
    "theme_evidence", "Theme evidence", "主题依据",
    "Why each record has each theme: the phrase of its cited quote that says so.",
    "每条记录每个主题的依据：其引文中说明该主题的原文词句。",
    (
        Field("record_table", "string", "Table of the record", "记录所在表", True, EVIDENCED_TABLES),
        Field("record_id", "string", "Id of the record", "记录编号", True, pattern=ID_PATTERN),
        Field("theme", "string", "Theme id (themes.id)", "主题编号（themes.id）", True, theme_ids),
        Field("position", "integer", "The record's citation holding the phrase, from 1 (citations.position)",
              "词句所在的出处序号（从 1 起）", True),
        Field("phrase", "string", "The words of the quote that give the theme", "引文中说明该主题的词句",
              True),
    ),
    primary_key=("record_table", "record_id", "theme"),
    rows=_evidence_rows,
)  # fmt: skip

PLACES = Table(
    "places", "Places named but not located", "规划提及但未定位的地点",
    "Places and institutions the plans name without saying where they are; never drawn.",
    "规划提及但未说明位置的地点和机构；地图不绘制。",
    (
        id_field("Place id, stable", "地点编号（稳定）"),
        *name_fields("place", "地点"),
        CITY_FIELD,
        Field("kind", "string", "Kind of place or institution", "类型", True, get_args(ProjectKind)),
        THEMES_FIELD,
    ),
)  # fmt: skip

DESIGNATIONS = Table(
    "designations", "Designations", "称号与平台",
    "National, GBA, provincial and municipal designations, centres and exchanges that the plans claim.",
    "规划争取、承载或支持的国家级、大湾区、省级和市级称号、中心与交易所。",
    (
        id_field("Designation id, stable", "编号（稳定）"),
        *name_fields("designation", "称号"),
        Field("level", "string", "Who grants it", "授予层级", True, get_args(DesignationLevel)),
        Field("kind", "string", "Kind of designation", "类型", True, get_args(DesignationKind)),
    ),
)  # fmt: skip

CLAIMS = Table(
    "claims", "Claims on designations", "称号诉求",
    "Each plan's stance on a designation, in its own words.", "各规划对某一称号的立场（原文）。",
    (
        Field("designation_id", "string", "designations.id", "称号编号", True, pattern=ID_PATTERN),
        Field("position", "integer", "Order among the designation's claims, from 1", "第几条诉求", True),
        Field("source", "string", "Plan id (sources.id)", "规划编号", True),
        CITY_FIELD,
        Field("zone", "string", "Zone the claim places it in (zones.id)", "所在功能区（zones.id）"),
        Field("project", "string", "Project record of the claim (projects.id)", "对应项目（projects.id）"),
        Field("stance", "string", "seeks, hosts, supports or names as existing", "立场", True,
              get_args(Stance)),
        Field("locator", "string", "Where in the plan", "章节位置", True),
        Field("quote", "string", "Verbatim quote", "原文引文", True),
    ),
    primary_key=("designation_id", "position"),
    foreign_keys=(
        ForeignKey(("designation_id",), "designations", ("id",)),
        ForeignKey(("source",), "sources", ("id",)),
        ForeignKey(("zone",), "zones", ("id",)),
        ForeignKey(("project",), "projects", ("id",)),
    ),
    rows=_claim_rows,
)  # fmt: skip
