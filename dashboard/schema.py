"""Record types of the data files, validated field by field with pydantic.

Cross-record rules (unique ids, references, quotes found in the sources) live in
`dashboard.catalog`; this module only says what one well-formed record looks like.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9_]+$"

# Vocabularies: each is declared here once; labels live in `dashboard.i18n`, keyed by these values.
CITY_NAMES_EN = {
    "广东": "Guangdong",
    "广州": "Guangzhou",
    "深圳": "Shenzhen",
    "东莞": "Dongguan",
    "珠海": "Zhuhai",
    "佛山": "Foshan",
    "中山": "Zhongshan",
    "江门": "Jiangmen",
    "惠州": "Huizhou",
    "肇庆": "Zhaoqing",
    "香港": "Hong Kong",
    "澳门": "Macao",
}
CITIES = tuple(CITY_NAMES_EN)
ZONE_KINDS = ("district", "cluster", "platform", "area")
MATCH_MODES = ("any", "all")
METRICS = ("target", "growth")
ZoneKind = Literal[ZONE_KINDS]  # type: ignore[valid-type]
GeometryKind = Literal["admin", "approximate"]
ProjectKind = Literal["institution", "platform", "infrastructure", "programme", "event", "policy", "fund"]
Qualifier = Literal["exact", "about", "at_least", "over", "at_most", "range"]
Nature = Literal["预期性", "约束性"]
City = Literal[CITIES]  # type: ignore[valid-type]


def resolve_city(name: str) -> str | None:
    """The catalog's (Chinese) name of a city given in Chinese or English, any case; None if unknown."""
    if name in CITY_NAMES_EN:
        return name
    by_english = {en.casefold(): zh for zh, en in CITY_NAMES_EN.items()}
    return by_english.get(name.strip().casefold())


class _Record(BaseModel):
    """Strict base: unknown fields are errors, so a typo never silently drops data."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Theme(_Record):
    id: str = Field(pattern=ID_PATTERN)
    name_zh: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")


class Source(_Record):
    id: str = Field(pattern=ID_PATTERN)
    file: str
    title_zh: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    issuer_zh: str | None
    issuer_en: str | None
    doc_number: str | None
    date: str | None = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    scope: City


class Citation(_Record):
    source: str = Field(pattern=ID_PATTERN)
    locator: str = Field(min_length=1)
    quote: str = Field(min_length=4)


class _Cited(_Record):
    id: str = Field(pattern=ID_PATTERN)
    name_zh: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    themes: list[str]
    citations: list[Citation] = Field(min_length=1)

    @field_validator("themes")
    @classmethod
    def _no_repeated_theme(cls, themes: list[str]) -> list[str]:
        if len(set(themes)) != len(themes):
            raise ValueError(f"theme listed twice: {themes}")
        return themes


class Zone(_Cited):
    city: City
    districts: list[str]
    parent: str | None
    kind: ZoneKind
    geometry: GeometryKind
    positioning_zh: str = Field(min_length=1)
    positioning_en: str = Field(min_length=1)
    themes: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _admin_needs_districts(self) -> Zone:
        if self.geometry == "admin" and not self.districts:
            raise ValueError("geometry 'admin' needs at least one district")
        return self


class Project(_Cited):
    city: City
    zone: str | None
    district: str | None
    kind: ProjectKind
    lead_units: list[str]


_NUMBER = re.compile(r"^\d+(\.\d+)?$")


class Indicator(_Cited):
    scope: City
    unit: str = Field(min_length=1)
    family: str | None = Field(default=None, pattern=ID_PATTERN)
    baseline_year: int | None = Field(ge=2000, le=2035)
    baseline_value: float | None
    target_year: int = Field(ge=2020, le=2035)
    target_value: float
    target_value_high: float | None = None
    target_text: str = Field(min_length=1)
    qualifier: Qualifier
    nature: Nature | None = None

    @model_validator(mode="after")
    def _consistent_numbers(self) -> Indicator:
        if (self.baseline_year is None) != (self.baseline_value is None):
            raise ValueError("baseline_year and baseline_value must both be given or both null")
        if (self.qualifier == "range") != (self.target_value_high is not None):
            raise ValueError("target_value_high is required exactly when qualifier is 'range'")
        if self.target_value_high is not None and self.target_value_high < self.target_value:
            raise ValueError("target_value_high is below target_value")
        return self
