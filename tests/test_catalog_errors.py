"""Each class of bad data gives its own message naming file, record and field; all at once."""

from __future__ import annotations

import pytest

from dashboard.catalog import CatalogError, Problem, load_catalog
from tests.conftest import edit_yaml


def _problems(data_dir) -> list[Problem]:
    with pytest.raises(CatalogError) as info:
        load_catalog(data_dir)
    return info.value.problems


def _set(index: int, field: str, value):
    def edit(records):
        records[index][field] = value

    return edit


def test_the_fixture_itself_is_valid(sample_catalog):
    assert list(sample_catalog.zones["id"]) == ["zone_a", "zone_b"]
    assert list(sample_catalog.zones["project_count"]) == [1, 0]


@pytest.mark.parametrize(
    ("file", "edit", "expected"),
    [
        (
            "zones/sample.yaml",
            _set(0, "themes", ["green_finance", "gold"]),
            Problem("zones/sample.yaml", "zone_a", "themes.1", "unknown theme id 'gold'"),
        ),
        (
            "zones/sample.yaml",
            _set(1, "id", "zone_a"),
            Problem("zones/sample.yaml", "zone_a", "id", "duplicate id (also in zones/sample.yaml)"),
        ),
        (
            "projects/sample.yaml",
            _set(0, "zone", "zone_x"),
            Problem("projects/sample.yaml", "proj_1", "zone", "unknown zone 'zone_x'"),
        ),
        (
            "zones/sample.yaml",
            _set(1, "parent", "nowhere"),
            Problem("zones/sample.yaml", "zone_b", "parent", "unknown zone 'nowhere'"),
        ),
        (
            "indicators/sample.yaml",
            _set(0, "target_value", 3100),
            Problem(
                "indicators/sample.yaml",
                "ind_value_added",
                "target_value",
                "number 3100 does not occur in any quote",
            ),
        ),
    ],
    ids=["unknown-theme", "duplicate-id", "dangling-zone", "dangling-parent", "number-not-in-quote"],
)
def test_cross_record_errors_are_located(data_copy, file, edit, expected):
    edit_yaml(data_copy / file, edit)
    assert _problems(data_copy) == [expected]


def test_quote_not_in_source(data_copy):
    def edit(records):
        records[0]["citations"][0]["quote"] = "支持甲区建设数字金融示范区。"

    edit_yaml(data_copy / "zones/sample.yaml", edit)
    [problem] = _problems(data_copy)
    assert (problem.file, problem.record, problem.field) == (
        "zones/sample.yaml",
        "zone_a",
        "citations.0.quote",
    )
    assert problem.message.startswith("quote not found in source 'plan_a'")


def test_quote_may_span_a_line_break_but_not_change_a_character(data_copy):
    # the source breaks this sentence after 绿色金 on its own line; the quote does not
    catalog = load_catalog(data_copy)
    assert "打造绿色金融示范区" in catalog.zones.iloc[0]["citations"][0].quote

    def edit(records):
        records[0]["citations"][0]["quote"] = "打造绿色金融示范区."  # ASCII full stop

    edit_yaml(data_copy / "zones/sample.yaml", edit)
    assert _problems(data_copy)[0].field == "citations.0.quote"


@pytest.mark.parametrize(
    ("field", "value", "message_part"),
    [
        ("citations", [], "at least 1 item"),
        ("kind", "zone", "Input should be 'district', 'cluster', 'platform' or 'area'"),
        ("city", "Atlantis", "Input should be"),
    ],
)
def test_field_errors_are_located(data_copy, field, value, message_part):
    edit_yaml(data_copy / "zones/sample.yaml", _set(1, field, value))
    [problem] = _problems(data_copy)
    assert (problem.file, problem.record, problem.field) == ("zones/sample.yaml", "zone_b", field)
    assert message_part in problem.message


def test_missing_quote_is_located(data_copy):
    def edit(records):
        del records[0]["citations"][0]["quote"]

    edit_yaml(data_copy / "projects/sample.yaml", edit)
    assert _problems(data_copy) == [
        Problem("projects/sample.yaml", "proj_1", "citations.0.quote", "Field required")
    ]


def test_malformed_number(data_copy):
    edit_yaml(data_copy / "indicators/sample.yaml", _set(1, "baseline_value", "一百二十"))
    [problem] = _problems(data_copy)
    assert (problem.record, problem.field) == ("ind_listed", "baseline_value")
    assert "valid number" in problem.message


def test_unknown_field_is_an_error_not_silently_dropped(data_copy):
    edit_yaml(data_copy / "projects/sample.yaml", _set(0, "zone_id", "zone_a"))
    [problem] = _problems(data_copy)
    assert (problem.record, problem.field) == ("proj_1", "zone_id")


def test_all_problems_are_reported_together(data_copy):
    edit_yaml(data_copy / "zones/sample.yaml", _set(0, "themes", ["gold"]))
    edit_yaml(data_copy / "projects/sample.yaml", _set(0, "zone", "zone_x"))
    edit_yaml(data_copy / "indicators/sample.yaml", _set(1, "qualifier", "roughly"))
    problems = _problems(data_copy)
    assert {(p.file, p.record, p.field) for p in problems} == {
        ("zones/sample.yaml", "zone_a", "themes.0"),
        ("projects/sample.yaml", "proj_1", "zone"),
        ("indicators/sample.yaml", "ind_listed", "qualifier"),
    }
    message = str(CatalogError(problems))
    assert message.startswith("3 problem(s) in the data:")


def test_unparseable_yaml(data_copy):
    (data_copy / "zones/sample.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    [problem] = _problems(data_copy)
    assert (problem.file, problem.record, problem.field) == ("zones/sample.yaml", "-", "-")
    assert "cannot be parsed" in problem.message
