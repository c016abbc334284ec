"""Fields and names shared by the package's table declarations."""

from __future__ import annotations

from dashboard.catalog import Catalog
from dashboard.publish.fields import Field
from dashboard.schema import CITIES, ID_PATTERN

CITED_TABLES = ("zones", "projects", "indicators", "places")
EVIDENCED_TABLES = ("zones", "projects", "places")


def theme_ids(catalog: Catalog) -> tuple[str, ...]:
    return tuple(catalog.themes["id"])


def id_field(en: str, zh: str) -> Field:
    return Field("id", "string", en, zh, required=True, pattern=ID_PATTERN)


def name_fields(what_en: str, what_zh: str) -> tuple[Field, Field]:
    return (
        Field("name_zh", "string", f"Name of the {what_en} in Chinese", f"{what_zh}中文名称", required=True),
        Field("name_en", "string", f"Name of the {what_en} in English", f"{what_zh}英文名称", required=True),
    )


THEMES_FIELD = Field(
    "themes", "array", "Theme ids, primary first (see themes)", "主题编号，主要主题在前（见 themes 表）",
    enum=theme_ids,
)  # fmt: skip
CITY_FIELD = Field(
    "city", "string", "City (short Chinese name, no 市)", "城市（简称，不含“市”）", True, CITIES
)
