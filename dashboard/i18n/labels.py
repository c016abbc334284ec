"""The labels of every vocabulary value and table column, as (zh, en) pairs."""

from __future__ import annotations

from dashboard.schema import CITY_NAMES_EN

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
        "名/年": ("名/年", "people per year"),
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
