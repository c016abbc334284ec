"""The tables of the package, declared once each. A new table (places, designations, ...) is one more
`Table(...)` in `TABLES`: its rows come from the catalog frame of the same name, or from `rows`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import get_args

from dashboard.catalog import Catalog
from dashboard.publish.fields import Field, ForeignKey, Table
from dashboard.publish.resources_common import (
    CITED_TABLES,
    CITY_FIELD,
    THEMES_FIELD,
    id_field,
    name_fields,
)
from dashboard.schema import (
    CITIES,
    ID_PATTERN,
    GeometryKind,
    Nature,
    ProjectKind,
    Qualifier,
    StatedIn,
    ZoneKind,
)


def _citation_rows(_table: Table, catalog: Catalog) -> Iterable[dict]:
    for table in CITED_TABLES:
        for record in getattr(catalog, table).itertuples():
            for position, citation in enumerate(record.citations, start=1):
                yield {
                    "record_table": table,
                    "record_id": record.id,
                    "position": position,
                    "source": citation.source,
                    "locator": citation.locator,
                    "quote": citation.quote,
                }


def _source_rows(_table: Table, catalog: Catalog) -> Iterable[dict]:
    columns = ["id", "title_zh", "title_en", "issuer_zh", "issuer_en", "doc_number", "date", "scope"]
    for source in catalog.sources[columns].to_dict(orient="records"):
        yield {**source, "text_path": text_path(source["id"])}


def text_path(source_id: str) -> str:
    """Where the plan's full text lies inside the package."""
    return f"sources/{source_id}.txt"


THEMES = Table(
    "themes", "Themes", "主题", "The theme taxonomy of the dataset.", "数据集的主题分类。",
    (
        id_field("Theme id, stable", "主题编号（稳定）"),
        *name_fields("theme", "主题"),
        Field("colour", "string", "Map colour (#rrggbb)", "地图配色（#rrggbb）", True,
              pattern=r"^#[0-9a-fA-F]{6}$"),
    ),
)  # fmt: skip

SOURCES = Table(
    "sources", "Plans", "规划文件",
    "The five plans the data is read from; fields a plan's text does not state are empty.",
    "数据所依据的五份规划；文本未载明的字段为空。",
    (
        id_field("Plan id, stable", "规划编号（稳定）"),
        Field("title_zh", "string", "Title in Chinese, as printed", "中文标题（原文）", True),
        Field("title_en", "string", "Title in English (translation)", "英文标题（译名）", True),
        Field("issuer_zh", "string", "Issuing authority in Chinese", "发文机关（中文）"),
        Field("issuer_en", "string", "Issuing authority in English", "发文机关（英文）"),
        Field("doc_number", "string", "Document number (文号)", "发文字号"),
        Field("date", "string", "Date of issue: YYYY, YYYY-MM or YYYY-MM-DD", "发布日期（年、年月或年月日）",
              pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
        Field("scope", "string", "Jurisdiction the plan covers", "规划适用范围", True, CITIES),
        Field("text_path", "string", "The plan's full text in this package", "本数据包中的规划全文", True),
    ),
    rows=_source_rows,
)  # fmt: skip

ZONES = Table(
    "zones", "Finance zones", "金融功能区",
    "Finance functional zones: district designations, clusters, platforms and Dongguan's areas (片区).",
    "金融功能区：区级定位、金融集聚区、重大平台和东莞片区。",
    (
        id_field("Zone id, stable", "功能区编号（稳定）"),
        *name_fields("zone", "功能区"),
        CITY_FIELD,
        Field("districts", "array", "Districts it lies in, official names", "所在区（官方名称）"),
        Field("parent", "string", "Id of the zone it nests in (zones.id)", "上级功能区编号（zones.id）"),
        Field("kind", "string", "Kind of zone", "功能区类型", True, get_args(ZoneKind)),
        Field("precision", "string",
              "admin: exactly its districts; approximate: a drawn footprint (zones.geojson)",
              "admin：即所在区的行政边界；approximate：示意范围（见 zones.geojson）",
              True, get_args(GeometryKind)),
        THEMES_FIELD,
        Field("positioning_zh", "string", "The zone's positioning (定位) in the plan's words",
              "功能定位（规划原文，或有删节）", True),
        Field("positioning_en", "string", "The zone's positioning in English", "功能定位（英文）", True),
    ),
    foreign_keys=(ForeignKey(("parent",), "zones", ("id",)),),
)  # fmt: skip

PROJECTS = Table(
    "projects", "Key projects", "重点项目",
    "Key projects, platforms and institutions named by the plans.", "规划列明的重点项目、平台与机构。",
    (
        id_field("Project id, stable", "项目编号（稳定）"),
        *name_fields("project", "项目"),
        CITY_FIELD,
        Field("zone", "string", "Zone the text ties it to (zones.id), if any",
              "规划文本所指的功能区（zones.id）"),
        Field("district", "string", "District the plan places it in (when no zone)", "规划文本所指的所在区"),
        Field("kind", "string", "Kind of project", "项目类型", True, get_args(ProjectKind)),
        THEMES_FIELD,
        Field("lead_units", "array", "Responsible units (责任单位) as written", "责任单位（原文）"),
    ),
    foreign_keys=(ForeignKey(("zone",), "zones", ("id",)),),
)  # fmt: skip

INDICATORS = Table(
    "indicators", "Numeric targets", "量化目标",
    "Numeric targets of the plans: baseline and target, numbers as printed.",
    "规划的量化指标：基期值与目标值，数字照录原文。",
    (
        id_field("Indicator id, stable", "指标编号（稳定）"),
        Field("scope", "string", "Jurisdiction the target is for", "指标适用范围", True, CITIES),
        *name_fields("indicator", "指标"),
        Field("unit", "string", "Unit as written", "单位（原文）", True),
        Field("family", "string", "Family comparable across cities", "跨城市可比的指标类别",
              pattern=ID_PATTERN),
        Field("stated_in", "string", "table: an indicator table of the plan; text: its body text",
              "table：规划指标表；text：规划正文", True, get_args(StatedIn)),
        Field("baseline_year", "integer", "Year of the baseline", "基期年份"),
        Field("baseline_value", "number", "Baseline value as printed; for a range its lower end",
              "基期值（原文数字）；区间取下限"),
        Field("baseline_value_high", "number", "Upper end of a range baseline", "区间基期值的上限"),
        Field("baseline_text", "string", "The baseline exactly as printed", "基期值（原文）"),
        Field("baseline_qualifier", "string", "How the baseline is qualified", "基期值限定语",
              enum=get_args(Qualifier)),
        Field("target_year", "integer", "Year of the target; empty when the plan gives only a period",
              "目标年份；规划只给期限时为空"),
        Field("period_zh", "string", "The period as written, when the plan gives one", "期限（原文）"),
        Field("target_value", "number", "Target value; for a range its lower end", "目标值；区间取下限",
              True),
        Field("target_value_high", "number", "Upper end of a range target", "区间目标的上限"),
        Field("target_text", "string", "The target exactly as printed", "目标（原文）", True),
        Field("qualifier", "string", "How the target is qualified", "目标限定语", True, get_args(Qualifier)),
        Field("nature", "string", "预期性 (expected) or 约束性 (binding), if stated", "指标属性（如有）",
              enum=get_args(Nature)),
        THEMES_FIELD,
    ),
)  # fmt: skip

CITATIONS = Table(
    "citations", "Citations", "出处",
    "Every citation of every zone, project and target: the plan, where in it, the verbatim quote.",
    "每个功能区、项目和指标的出处：规划、章节位置和原文引文。",
    (
        Field("record_table", "string", "Table of the cited record", "被引记录所在表", True, CITED_TABLES),
        Field("record_id", "string", "Id of the cited record", "被引记录编号", True, pattern=ID_PATTERN),
        Field("position", "integer", "Order among the record's citations, from 1",
              "该记录的第几条出处（从 1 起）", True),
        Field("source", "string", "Plan id (sources.id)", "规划编号（sources.id）", True),
        Field("locator", "string", "Chapter, section, box (专栏) or row", "章节、专栏或条目位置", True),
        Field("quote", "string", "Verbatim quote; occurs in the plan's text", "原文引文（见规划全文）", True),
    ),
    primary_key=("record_table", "record_id", "position"),
    foreign_keys=(ForeignKey(("source",), "sources", ("id",)),),
    rows=_citation_rows,
)  # fmt: skip


from dashboard.publish.resources_evidence import CLAIMS, DESIGNATIONS, PLACES, THEME_EVIDENCE  # noqa: E402

TABLES: tuple[Table, ...] = (
    THEMES, SOURCES, ZONES, PROJECTS, INDICATORS, PLACES, DESIGNATIONS, CLAIMS, CITATIONS, THEME_EVIDENCE
)  # fmt: skip


def table_by_name(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)
