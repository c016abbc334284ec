"""Record types of the data files, validated field by field with pydantic.

Cross-record rules (unique ids, references, quotes found in the sources) live in
`dashboard.catalog`; this module only says what one well-formed record looks like.
"""

from __future__ import annotations

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
# cities the indicator overlay can shade (those with a boundary in data/geo)
OVERLAY_CITIES = ("广州", "深圳", "东莞", "珠海", "佛山", "中山", "江门", "惠州", "肇庆")
# money units and their value in 亿元, the unit money is compared in
MONEY_UNITS = {"万亿元": 10000.0, "亿元": 1.0, "万元": 0.0001}
COMMON_MONEY_UNIT = "亿元"
MATCH_MODES = ("any", "all")
METRICS = ("target", "growth")
ZoneKind = Literal[ZONE_KINDS]  # type: ignore[valid-type]
GeometryKind = Literal["admin", "approximate"]
ProjectKind = Literal["institution", "platform", "infrastructure", "programme", "event", "policy", "fund"]
Qualifier = Literal["exact", "about", "at_least", "over", "at_most", "range"]
Nature = Literal["预期性", "约束性"]
Stance = Literal["seeks", "hosts", "supports", "existing"]
DesignationLevel = Literal["national", "gba", "provincial", "municipal"]
DesignationKind = Literal[
    "pilot_zone", "demonstration_zone", "centre", "exchange", "institution", "platform", "base", "other"
]
STATED_IN = ("table", "text")  # an indicator table of the plan, or its body text
StatedIn = Literal[STATED_IN]  # type: ignore[valid-type]
City = Literal[CITIES]  # type: ignore[valid-type]
# Words in a target's quotes that make it a sum over the plan period, not one year's figure
CUMULATIVE_MARKERS = ("累计",)


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


class ThemeEvidence(_Record):
    """A theme of a record and the words of the plan that give it: `phrase` occurs in citation `cite`."""

    id: str = Field(pattern=ID_PATTERN)
    cite: int = Field(ge=0)
    phrase: str = Field(min_length=2)


def _theme_id(theme: str | ThemeEvidence) -> str:
    return theme if isinstance(theme, str) else theme.id


class _Cited(_Record):
    id: str = Field(pattern=ID_PATTERN)
    name_zh: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    themes: list[str]
    citations: list[Citation] = Field(min_length=1)

    @field_validator("themes")
    @classmethod
    def _no_repeated_theme(cls, themes: list) -> list:
        ids = [_theme_id(t) for t in themes]
        if len(set(ids)) != len(ids):
            raise ValueError(f"theme listed twice: {ids}")
        return themes


class _Evidenced(_Cited):
    """A record whose every theme names the phrase of the plan that gives it."""

    themes: list[ThemeEvidence]


class Zone(_Evidenced):
    city: City
    districts: list[str]
    parent: str | None
    kind: ZoneKind
    geometry: GeometryKind
    positioning_zh: str = Field(min_length=1)
    positioning_en: str = Field(min_length=1)
    themes: list[ThemeEvidence] = Field(min_length=1)

    @model_validator(mode="after")
    def _admin_needs_districts(self) -> Zone:
        if self.geometry == "admin" and not self.districts:
            raise ValueError("geometry 'admin' needs at least one district")
        return self


class Project(_Evidenced):
    city: City
    zone: str | None
    district: str | None
    kind: ProjectKind
    lead_units: list[str]


class Indicator(_Cited):
    scope: City
    unit: str = Field(min_length=1)
    family: str | None = Field(default=None, pattern=ID_PATTERN)
    stated_in: StatedIn
    baseline_year: int | None = Field(ge=2000, le=2035)
    baseline_value: float | None
    baseline_value_high: float | None = None
    baseline_text: str | None = None
    baseline_qualifier: Qualifier | None = None
    target_year: int | None = Field(ge=2020, le=2035)
    period_zh: str | None = None
    target_value: float
    target_value_high: float | None = None
    target_text: str = Field(min_length=1)
    qualifier: Qualifier
    nature: Nature | None = None

    @model_validator(mode="after")
    def _consistent_numbers(self) -> Indicator:
        if (self.baseline_year is None) != (self.baseline_value is None):
            raise ValueError("baseline_year and baseline_value must both be given or both null")
        if (self.baseline_value is None) != (self.baseline_qualifier is None):
            raise ValueError("baseline_qualifier is required exactly when a baseline is given")
        if (self.baseline_value is None) != (self.baseline_text is None):
            raise ValueError("baseline_text is required exactly when a baseline is given")
        _check_range("baseline", self.baseline_qualifier, self.baseline_value, self.baseline_value_high)
        _check_range("target", self.qualifier, self.target_value, self.target_value_high)
        if self.target_year is None and not self.period_zh:
            raise ValueError("a target with no target_year needs period_zh, the period as written")
        return self


def _check_range(end: str, qualifier: str | None, low: float | None, high: float | None) -> None:
    if (qualifier == "range") != (high is not None):
        raise ValueError(f"{end}_value_high is required exactly when the {end} qualifier is 'range'")
    if high is not None and low is not None and high < low:
        raise ValueError(f"{end}_value_high is below {end}_value")


class Place(_Evidenced):
    """A place or institution a plan names without saying where it is: listed, never drawn."""

    city: City
    kind: ProjectKind


class Claim(_Record):
    """One plan's stance on a designation, in its own words."""

    source: str = Field(pattern=ID_PATTERN)
    city: City
    zone: str | None
    project: str | None
    stance: Stance
    locator: str = Field(min_length=1)
    quote: str = Field(min_length=4)


class Designation(_Record):
    """A national, GBA, provincial or municipal title, centre or exchange that plans seek or host."""

    id: str = Field(pattern=ID_PATTERN)
    name_zh: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    level: DesignationLevel
    kind: DesignationKind
    claims: list[Claim] = Field(min_length=1)
