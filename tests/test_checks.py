"""The cross-record rules as functions: whitespace, number tokens, and each check on literal records."""

from __future__ import annotations

from dashboard.checks import (
    check_citations,
    check_evidence,
    check_indicator_numbers,
    check_themes,
    normalize_whitespace,
    number_tokens,
)
from dashboard.problems import Problem
from dashboard.schema import Citation, Indicator, Project
from tests.test_schema import INDICATOR


def test_normalize_whitespace_drops_every_kind_of_space():
    assert normalize_whitespace("打造绿色金\n融示范区。\t 　x\r\n") == "打造绿色金融示范区。x"


def test_number_tokens_match_values_not_substrings():
    assert number_tokens("金融业总资产（万亿元） 9.06 11") == {9.06, 11.0}
    assert 9.6 not in number_tokens("96")
    assert 20 not in number_tokens("2020年")
    assert number_tokens("突破200，达到1.5万") == {200.0, 1.5}


def test_check_citations_looks_in_the_named_plan_only():
    texts = {"plan_a": normalize_whitespace("支持甲区\n建设。"), "plan_b": "其他"}
    citations = [
        Citation(source="plan_a", locator="一", quote="支持甲区 建设。"),
        Citation(source="plan_b", locator="二", quote="支持甲区建设。"),
        Citation(source="plan_z", locator="三", quote="支持甲区建设。"),
    ]
    problems: list[Problem] = []
    check_citations("f.yaml", "rec", citations, texts, problems)
    assert [(p.field, p.message[:30]) for p in problems] == [
        ("citations.1.quote", "quote not found in source 'pla"),
        ("citations.2.source", "unknown source 'plan_z'"),
    ]


def test_check_themes_accepts_ids_and_evidence():
    project = Project.model_validate(
        {
            "id": "p",
            "name_zh": "项目",
            "name_en": "Project",
            "city": "广州",
            "zone": None,
            "district": None,
            "kind": "fund",
            "lead_units": [],
            "themes": [{"id": "gold", "cite": 0, "phrase": "绿色金融"}],
            "citations": [{"source": "plan_a", "locator": "一", "quote": "发展绿色 金融。"}],
        }
    )
    problems: list[Problem] = []
    check_themes("f.yaml", "p", project.themes, {"fintech"}, problems)
    check_themes("f.yaml", "i", ["fintech", "silver"], {"fintech"}, problems)
    check_evidence("f.yaml", project, problems)  # the phrase matches across the space
    assert problems == [
        Problem("f.yaml", "p", "themes.0", "unknown theme id 'gold'"),
        Problem("f.yaml", "i", "themes.1", "unknown theme id 'silver'"),
    ]


def test_check_indicator_numbers_names_each_missing_number():
    indicator = Indicator.model_validate(
        {**INDICATOR, "qualifier": "range", "target_value": 2.0, "target_value_high": 3.5}
    )
    problems: list[Problem] = []
    check_indicator_numbers("f.yaml", indicator, problems)
    # the quote prints none of 1, 2 and 3.5
    assert [(p.field, p.message) for p in problems] == [
        ("baseline_value", "number 1 does not occur in any quote"),
        ("target_value", "number 2 does not occur in any quote"),
        ("target_value_high", "number 3.5 does not occur in any quote"),
    ]
