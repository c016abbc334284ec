"""Reading the data folder: every unreadable, undecodable, unparseable or misplaced file is a located
problem, never an exception, and a plan text outside data/sources/ is refused unread."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.catalog import CatalogError, Problem, load_catalog
from dashboard.data_files import DATA_DIR_ENV, default_data_dir, read_text
from tests.conftest import edit_yaml


def _problems(data_dir) -> list[Problem]:
    with pytest.raises(CatalogError) as info:
        load_catalog(data_dir)
    return info.value.problems


def test_unparseable_yaml(data_copy):
    (data_copy / "zones/sample.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    problems = _problems(data_copy)
    assert (problems[0].file, problems[0].record, problems[0].field) == ("zones/sample.yaml", "-", "-")
    assert problems[0].message.startswith("cannot be parsed")


def test_a_key_written_twice_is_rejected_with_its_line(data_copy):
    path = data_copy / "themes.yaml"
    path.write_text(
        path.read_text("utf-8")
        + "- id: gold\n  name_zh: 黄金\n  name_en: Gold\n  colour: '#ffd700'\n  name_en: Au\n",
        encoding="utf-8",
    )
    # the whole file is refused, so every theme reference is unknown too; the first problem says why
    problem = _problems(data_copy)[0]
    assert (problem.file, problem.record, problem.field) == ("themes.yaml", "-", "-")
    assert "key 'name_en' written twice (line 8)" in problem.message


def test_a_key_written_twice_in_a_nested_mapping_is_rejected(data_copy):
    path = data_copy / "projects/sample.yaml"
    text = path.read_text("utf-8").replace("locator: 第一章,", "locator: 第一章, locator: 第二章,")
    path.write_text(text, encoding="utf-8")
    problems = [p for p in _problems(data_copy) if p.file == "projects/sample.yaml"]
    assert len(problems) == 1 and "key 'locator' written twice" in problems[0].message


def test_text_that_is_not_utf8(data_copy):
    (data_copy / "zones/sample.yaml").write_bytes("- id: 甲区\n".encode("gb18030"))
    problems = _problems(data_copy)
    assert problems[0] == Problem("zones/sample.yaml", "-", "-", "not UTF-8 text (byte 6)")


def test_a_missing_file(data_copy):
    (data_copy / "places.yaml").unlink()
    assert _problems(data_copy) == [Problem("places.yaml", "-", "-", "file not found")]


def test_a_file_that_is_not_a_list_of_mappings(data_copy):
    (data_copy / "designations.yaml").write_text("id: green_pilot_zone\n", encoding="utf-8")
    assert _problems(data_copy) == [Problem("designations.yaml", "-", "-", "must be a YAML list of mappings")]
    (data_copy / "designations.yaml").write_text("- just text\n", encoding="utf-8")
    assert _problems(data_copy) == [Problem("designations.yaml", "-", "-", "must be a YAML list of mappings")]


def test_an_empty_file_holds_no_records(data_copy):
    (data_copy / "designations.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_catalog(data_copy).designations.empty


def test_a_missing_plan_text_is_located_at_its_source(data_copy):
    (data_copy / "sources/plan_b.txt").unlink()
    problems = _problems(data_copy)
    assert problems[0] == Problem("sources/plan_b.txt", "plan_b", "file", "file not found")
    # the citations of the missing plan then name an unknown source rather than crash
    assert {p.field for p in problems[1:]} == {"citations.1.source", "claims.1.source"}


def test_a_plan_text_that_is_not_utf8(data_copy):
    # GB18030 示 (CA BE) happens to be a valid UTF-8 pair; 例 (C0 FD) is not
    (data_copy / "sources/plan_b.txt").write_bytes("示例规划乙".encode("gb18030"))
    assert _problems(data_copy)[0] == Problem(
        "sources/plan_b.txt", "plan_b", "file", "not UTF-8 text (byte 2)"
    )


@pytest.mark.parametrize(
    "path", ["../outside.txt", "sources/../../outside.txt", "themes.yaml", "/etc/hostname"]
)
def test_a_plan_text_outside_the_sources_folder_is_refused(data_copy, path):
    outside = data_copy.parent / "outside.txt"
    outside.write_text("示例规划甲 全文", encoding="utf-8")

    def edit(records):
        records[1]["file"] = path

    edit_yaml(data_copy / "sources.yaml", edit)
    problems = _problems(data_copy)
    assert problems[0] == Problem("sources.yaml", "plan_b", "file", f"'{path}' is not inside sources/")


def test_a_symlink_out_of_the_sources_folder_is_refused(data_copy):
    outside = data_copy.parent / "outside.txt"
    outside.write_text("示例规划乙", encoding="utf-8")
    (data_copy / "sources/link.txt").symlink_to(outside)

    def edit(records):
        records[1]["file"] = "sources/link.txt"

    edit_yaml(data_copy / "sources.yaml", edit)
    assert _problems(data_copy)[0].message == "'sources/link.txt' is not inside sources/"


def test_read_text_reports_instead_of_raising(tmp_path):
    problems: list[Problem] = []
    assert read_text(tmp_path, "dir", problems, "rec", "fld") is None  # a directory
    assert read_text(tmp_path / "none.txt", "none.txt", problems) is None
    assert [(p.file, p.record, p.field) for p in problems] == [("dir", "rec", "fld"), ("none.txt", "-", "-")]
    assert problems[0].message.startswith("cannot be read: ")
    assert problems[1].message == "file not found"


def test_default_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    assert default_data_dir() == Path(__file__).resolve().parent.parent / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert default_data_dir() == tmp_path
    monkeypatch.setenv(DATA_DIR_ENV, "")
    assert default_data_dir().name == "data"
