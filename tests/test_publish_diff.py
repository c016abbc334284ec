"""`diff_packages` on two small packages: added, removed and changed records, field by field, and the
semantic-version level each implies."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dashboard.catalog import load_catalog
from dashboard.publish.diff import diff_packages
from dashboard.publish.package import write_package
from dashboard.publish.version import bump, dataset_version, parse_version, releases
from tests.conftest import edit_yaml

BUILT = datetime(2026, 12, 2, tzinfo=UTC)


def _package(data_dir, out, version="1.0.0", built=BUILT):
    return write_package(load_catalog(data_dir), out, version=version, built=built)


@pytest.fixture
def old(data_copy, tmp_path):
    return _package(data_copy, tmp_path / "old")


def test_same_data_is_no_change_whatever_the_build_date(data_copy, old, tmp_path):
    new = _package(data_copy, tmp_path / "new", built=datetime(2027, 1, 1, tzinfo=UTC))
    result = diff_packages(old, new)
    assert result.resources == () and result.level is None
    assert result.suggested_version == "1.0.0"


def test_a_correction_is_a_patch_listed_field_by_field(data_copy, old, tmp_path):
    def edit(records):
        records[0]["name_en"] = "District A (corrected)"
        records[0]["districts"] = ["越秀区", "荔湾区"]

    edit_yaml(data_copy / "zones" / "sample.yaml", edit)
    result = diff_packages(old, _package(data_copy, tmp_path / "new", version="1.0.1"))
    (zones,) = result.resources
    assert zones.name == "zones" and zones.added == () and zones.removed == ()
    (change,) = zones.changed
    assert change.key == "zone_a"
    assert change.fields == {
        "name_en": ("District A", "District A (corrected)"),
        "districts": (["越秀区"], ["越秀区", "荔湾区"]),
    }
    assert result.level == "patch" and result.suggested_version == "1.0.1" and result.version_ok
    assert "~ zone_a: name_en: 'District A' → 'District A (corrected)'" in result.to_text()


def test_an_added_record_is_minor(data_copy, old, tmp_path):
    def edit(records):
        records.append({**records[0], "id": "zone_c", "name_en": "District C"})

    edit_yaml(data_copy / "zones" / "sample.yaml", edit)
    result = diff_packages(old, _package(data_copy, tmp_path / "new"))
    by_name = {r.name: r for r in result.resources}
    assert by_name["zones"].added == ("zone_c",)
    assert by_name["citations"].added == ("zones/zone_c/1",)
    assert result.level == "minor" and result.suggested_version == "1.1.0"
    assert not result.version_ok  # the new package still says 1.0.0
    assert "(the new version is lower)" in result.to_text()


def test_a_changed_id_is_major(data_copy, old, tmp_path, sample_catalog):
    def edit(records):
        records[0]["id"] = "project_renamed"

    def follow(designations):  # the designation claimed for the project follows the new id
        for designation in designations:
            for claim in designation["claims"]:
                if claim["project"] == first_id:
                    claim["project"] = "project_renamed"

    first_id = sample_catalog.projects["id"].iloc[0]
    edit_yaml(data_copy / "projects" / "sample.yaml", edit)
    edit_yaml(data_copy / "designations.yaml", follow)
    result = diff_packages(old, _package(data_copy, tmp_path / "new", version="2.0.0"))
    projects = next(r for r in result.resources if r.name == "projects")
    assert projects.removed == (first_id,) and projects.added == ("project_renamed",)
    assert result.level == "major" and result.suggested_version == "2.0.0" and result.version_ok
    as_dict = result.as_dict()
    assert as_dict["resources"]["projects"]["removed"] == [first_id]


def test_a_removed_record_shows_with_its_citations(data_copy, old, tmp_path):
    def edit(records):
        del records[-1]

    edit_yaml(data_copy / "indicators" / "sample.yaml", edit)
    result = diff_packages(old, _package(data_copy, tmp_path / "new"))
    assert {r.name for r in result.resources} == {"indicators", "citations"}
    assert result.level == "major"


def test_version_helpers():
    assert [bump("1.2.3", level) for level in ("major", "minor", "patch", None)] == [
        "2.0.0",
        "1.3.0",
        "1.2.4",
        "1.2.3",
    ]
    with pytest.raises(ValueError):
        parse_version("1.2")
    assert releases()[0].version == dataset_version() == "1.0.0"
    assert releases()[0].date == "2026-12-02"


def test_a_data_folder_without_changelog_is_unreleased(data_copy):
    assert dataset_version(data_copy) == "0.0.0"


def test_a_corrected_plan_text_is_a_patch(data_copy, old, tmp_path):
    text = data_copy / "sources" / "plan_a.txt"
    text.write_text(text.read_text("utf-8") + "\n（完）\n", "utf-8")
    result = diff_packages(old, _package(data_copy, tmp_path / "new"))
    (changed,) = result.resources
    assert changed.name == "text-plan-a" and changed.changed[0].key == "sources/plan_a.txt"
    assert list(changed.changed[0].fields) == ["content"]
    assert result.level == "patch"
