"""The coverage report: plan sections from the texts' own headings, quotes assigned to them, the
place and target flags, the counts and the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.catalog import load_catalog
from dashboard.coverage import coverage, main, numeric_targets, place_names, report
from dashboard.plan_sections import PlanSections
from tests.conftest import FIXTURE_DATA

ROOT = Path(__file__).resolve().parent.parent

# A small plan in the shapes the five plans use: a table of contents, chapters and 节, inline
# （一） headings, numbered tasks, a 专栏 with its own numbered items, a box cut into a sentence,
# table rows and an annex of numbered rows.
PLAN = """示例规划
目 录
一、总体要求\t1
(一) 发展目标.....\t2
第一章 总体要求
　　本章导语。
第一节 发展目标
（一）规模目标。到2025年，金融业增加值达到900亿元。举办示例论坛。
（二）空间布局。支持滨海湾新区建设，打造东部产业园片区。
1.建设示例金融城
　　建设示例金融城，形成示范。
2.建设示例小镇
专栏1 重点平台
1.示例交易中心。建设示例交易中心。
2.示例基地。建设示例基地。
3.第三个平台。
2.不是专栏的第二项
第二节 保障措施
　　推进金融改革，探索把产业功能
专栏 插入的表格
　底层技术\t应用场景
 区等优质资产包装形成项目。
一、总体指标\t\t\t
附件
示例重点项目
\t1
\t建立示例园区。
\t2
\t举办示例论坛。
"""


@pytest.fixture(scope="module")
def plan() -> PlanSections:
    return PlanSections(PLAN)


def _by_heading(plan: PlanSections) -> dict[str, object]:
    return {s.heading(): s for s in plan.sections}


def test_sections_follow_the_headings_of_the_text(plan) -> None:
    assert [s.heading() for s in plan.sections] == [
        "（开头）",
        "第一章 总体要求",
        "第一章 第一节 发展目标",
        "第一章 第一节 （一）规模目标",
        "第一章 第一节 （二）空间布局",
        "第一章 第一节 （二） 1.建设示例金融城",
        "第一章 第一节 （二） 2.建设示例小镇",
        "第一章 第一节 （二） 2. 专栏1 重点平台",
        "第一章 第一节 （二） 2. 专栏1 1.示例交易中心",
        "第一章 第一节 （二） 2. 专栏1 2.示例基地",
        "第一章 第一节 （二） 2. 专栏1 3.第三个平台",
        "第一章 第一节 （二） 2.不是专栏的第二项",
        "第一章 第二节 保障措施",
        "第一章 第二节 专栏 插入的表格",
        "附件 示例重点项目",
        "附件 第1项 建立示例园区",
        "附件 第2项 举办示例论坛",
    ]


def test_contents_lines_and_table_rows_are_not_headings(plan) -> None:
    front = plan.sections[0]
    assert "发展目标" not in front.body  # the contents line is skipped, not owned as text
    assert "示例规划目录" in front.body
    assert "一、总体指标" not in [s.label + s.title for s in plan.sections]


def test_a_box_cut_into_a_sentence_ends_where_the_sentence_resumes(plan) -> None:
    sections = _by_heading(plan)
    assert sections["第一章 第二节 专栏 插入的表格"].body == "专栏插入的表格底层技术应用场景"
    resumed = sections["第一章 第二节 保障措施"].body
    assert "探索把产业功能区等优质资产包装形成项目" in resumed
    assert plan.locate("区等优质资产包装形成项目") is sections["第一章 第二节 保障措施"]


def test_a_parent_owns_its_lead_text_but_not_its_heading(plan) -> None:
    chapter = _by_heading(plan)["第一章 总体要求"]
    assert chapter.body == "本章导语。"


def test_quotes_are_located_ignoring_whitespace_and_across_sections(plan) -> None:
    sections = _by_heading(plan)
    assert plan.locate("金融业增加值达到 900\n亿元") is sections["第一章 第一节 （一）规模目标"]
    spanning = plan.locate("举办示例论坛。（二）空间布局")
    assert spanning is sections["第一章 第一节 发展目标"]
    assert plan.locate("文中没有的话") is None


def test_a_repeated_quote_goes_where_the_locator_points(plan) -> None:
    sections = _by_heading(plan)
    assert plan.locate("举办示例论坛") is sections["第一章 第一节 （一）规模目标"]  # the first of two
    assert plan.locate("举办示例论坛", "附件 第2项") is sections["附件 第2项 举办示例论坛"]
    assert plan.locate("举办示例论坛", "第一节 （一）") is sections["第一章 第一节 （一）规模目标"]


def test_place_names_and_targets() -> None:
    assert place_names("支持滨海湾新区建设，加强与港澳合作，打造深港口岸。") == (
        "支持滨海湾新区",
        "打造深港口岸",
    )
    assert place_names("推动城市更新和区域协调") == ()
    assert numeric_targets("2020年增加值为646亿元。到2025年，达到900亿元，上市公司超过120家。") == (
        "900亿元",
        "120家",
    )
    assert numeric_targets("金融业增加值（亿元）4189.6，6400左右；主要指标") == ()
    assert numeric_targets("主要指标：金融业增加值（亿元）4189") == ("（亿元）4189",)


# ---------------------------------------------------------------- counts


def _rows(catalog, source):
    rows, unlocated = coverage(catalog, [source])
    assert unlocated == 0
    return {r.section.heading(): r for r in rows}


def test_counts_per_kind_on_the_fixture(sample_catalog) -> None:
    rows = _rows(sample_catalog, "plan_a")
    chapter, box = rows["第一章 功能区"], rows["第一章 专栏1 主要指标"]
    assert chapter.counts == (2, 1, 1, 1, 2)  # zones, projects, indicators, places, claims
    assert (chapter.flags, box.flags) == ("PT", "-T")
    assert box.counts == (0, 0, 2, 0, 0)  # the table's two rows; text after the box is the chapter's
    assert _rows(sample_catalog, "plan_b")["第一条 申建试验区"].counts == (1, 0, 0, 0, 1)


def test_a_section_no_record_cites_shows_zero(data_copy: Path) -> None:
    plan = data_copy / "sources" / "plan_a.txt"
    plan.write_text(
        plan.read_text("utf-8") + "第二章 新区\n　　建设示例新区，到2025年入驻机构100家。\n", "utf-8"
    )
    assert main(["--source", "plan_a", "--only-uncited"], data_dir=data_copy) == 0
    rows = _rows(load_catalog(data_copy), "plan_a")
    assert rows["第二章 新区"].records == 0 and rows["第二章 新区"].flags == "PT"
    table = report(load_catalog(data_copy), ["plan_a"], only_uncited=True).splitlines()
    assert [line.split()[:4] for line in table[1:-1]] == [["plan_a", "第二章", "新区", "PT"]]
    assert table[-1].endswith("1 are cited by no record")


def test_every_real_citation_falls_in_a_section(real_catalog) -> None:
    rows, unlocated = coverage(real_catalog)
    assert unlocated == 0
    assert sum(r.records for r in rows) >= len(real_catalog.zones) + len(real_catalog.projects)


def test_real_plans_sections_match_their_structure(real_catalog) -> None:
    plans = {s: PlanSections(real_catalog.texts[s]) for s in real_catalog.sources["id"]}
    labels = {s: [x.path for x in p.sections] for s, p in plans.items()}
    # 附件2 of the hub opinions: the 行动计划's 48 numbered tasks
    assert sum(1 for p in labels["gz_gba_hub_opinions"] if p[0] == "附件2" and len(p) == 3) == 48
    # the Guangzhou plan's annex: 40 numbered rows of key projects
    assert sum(1 for p in labels["gz_finance_14fyp"] if p[0] == "附件" and len(p) == 2) == 40
    # Shenzhen: the table of contents and the indicator table's category rows make no sections
    assert [p for p in labels["sz_finance_14fyp"] if p[-1] == "（一）" and len(p) == 2] == [
        ("一、", "（一）"),
        ("二、", "（一）"),
        ("三、", "（一）"),
        ("四、", "（一）"),
    ]
    assert ("第三章", "第一节", "（三）", "专栏", "1．") in labels["dg_finance_14fyp"]


def test_real_counts(real_catalog) -> None:
    dongguan = _rows(real_catalog, "dg_finance_14fyp")
    six_areas = dongguan["第三章 第一节 （三） 专栏 1．六大片区"]
    assert six_areas.counts[0] == 6  # the six 片区 cite the 专栏's first item
    annex = _rows(real_catalog, "gz_finance_14fyp")["附件 第1项 以广州期货交易所为核心，建立期货产业园区"]
    assert annex.counts[1] >= 1 and annex.flags == "P-"


# ---------------------------------------------------------------- command line


def test_command_prints_an_aligned_table(capsys) -> None:
    assert main([], data_dir=FIXTURE_DATA) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["plan", "section", "flags", "records", "zones", "projects", "indicators",
                                "places", "claims", "evidence"]  # fmt: skip
    assert lines[-1] == "3 sections name places (P) or targets (T); 0 are cited by no record"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--source", "nope"], "error: unknown source 'nope'. Valid values: plan_a, plan_b"),
        (["--colour"], "python -m dashboard.coverage: error: unrecognized arguments: --colour"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(argv, message, capsys) -> None:
    try:
        code = main(argv, data_dir=FIXTURE_DATA)
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(message) and err.count("\n") == 1


def test_a_data_error_is_one_line_and_exit_2(data_copy: Path, capsys) -> None:
    (data_copy / "sources.yaml").write_text("- id: [\n", "utf-8")
    assert main([], data_dir=data_copy) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the data has") and err.count("\n") == 1


def test_module_runs_as_a_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.coverage", "--source", "gd_capital_market_2021", "--only-uncited"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("plan")
