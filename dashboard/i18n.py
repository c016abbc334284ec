"""Every user-facing word in both languages, so the switch reaches every label and header."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

CITY_EN = {
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

ZONE_KIND = {
    "district": ("区级定位", "District designation"),
    "cluster": ("金融集聚区", "Cluster"),
    "platform": ("重大平台", "Platform"),
    "area": ("片区", "Area (片区)"),
}

PROJECT_KIND = {
    "institution": ("机构", "Institution"),
    "platform": ("平台", "Platform"),
    "infrastructure": ("基础设施", "Infrastructure"),
    "programme": ("工作/计划", "Programme"),
    "event": ("活动/会议", "Event"),
    "policy": ("政策", "Policy"),
    "fund": ("基金", "Fund"),
}

QUALIFIER = {
    "exact": ("达到", "exact"),
    "about": ("左右", "about"),
    "at_least": ("以上", "at least"),
    "over": ("超过", "over"),
    "at_most": ("以内", "at most"),
    "range": ("区间", "range"),
}

PRECISION = {
    "admin": ("行政区边界（精确）", "administrative boundary (exact)"),
    "approximate": ("示意范围（近似）", "approximate footprint"),
}

COLUMNS = {
    "zone_id": ("区域编号", "zone_id"),
    "project_id": ("项目编号", "project_id"),
    "indicator_id": ("指标编号", "indicator_id"),
    "name_zh": ("中文名称", "name_zh"),
    "name_en": ("英文名称", "name_en"),
    "city": ("城市", "city"),
    "scope": ("范围", "scope"),
    "districts": ("所在区", "districts"),
    "district": ("所在区", "district"),
    "parent_zone": ("上级区域", "parent_zone"),
    "zone_id_ref": ("所属区域", "zone_id"),
    "kind": ("类型", "kind"),
    "themes": ("主题", "themes"),
    "positioning_zh": ("功能定位（中文）", "positioning_zh"),
    "positioning_en": ("功能定位（英文）", "positioning_en"),
    "project_count": ("项目数", "project_count"),
    "precision": ("几何精度", "precision"),
    "source_ids": ("来源编号", "source_ids"),
    "locators": ("出处", "locators"),
    "source_id": ("来源编号", "source_id"),
    "locator": ("出处", "locator"),
    "quote": ("原文", "quote"),
    "lead_units": ("责任单位", "lead_units"),
    "unit": ("单位", "unit"),
    "family": ("指标类别", "family"),
    "baseline_year": ("基期年份", "baseline_year"),
    "baseline_value": ("基期值", "baseline_value"),
    "target_year": ("目标年份", "target_year"),
    "target_value": ("目标值", "target_value"),
    "target_value_high": ("目标上限", "target_value_high"),
    "target_text": ("目标（原文）", "target_text"),
    "qualifier": ("限定", "qualifier"),
    "nature": ("属性", "nature"),
    "normalized_baseline": ("基期值（亿元）", "baseline_normalized"),
    "normalized_target": ("目标值（亿元）", "target_normalized"),
    "normalized_unit": ("统一单位", "normalized_unit"),
    "cagr": ("隐含年均增速", "implied_cagr"),
}

_PICK = {"zh": 0, "en": 1}


def pick(pair: tuple[str, str], lang: Lang) -> str:
    """Choose the language's half of a (zh, en) pair."""
    return pair[_PICK[lang]]


def city_label(city: str, lang: Lang) -> str:
    """A city's name in the language; unknown names pass through unchanged."""
    return CITY_EN.get(city, city) if lang == "en" else city


def column_label(column: str, lang: Lang) -> str:
    """The header of a table column in the language."""
    return pick(COLUMNS[column], lang)
