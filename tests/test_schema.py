"""What one well-formed record looks like: the vocabularies, the city names, and each field rule,
checked on the models and (for the location of the problem) through the loader."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dashboard.catalog import CatalogError, load_catalog
from dashboard.schema import (
    CITIES,
    CITY_NAMES_EN,
    MATCH_MODES,
    METRICS,
    ZONE_KINDS,
    Claim,
    Designation,
    Indicator,
    Place,
    Project,
    ThemeEvidence,
    Zone,
    resolve_city,
)
from tests.conftest import edit_yaml

CITATION = {"source": "plan_a", "locator": "第一章", "quote": "推进设立示范银行。"}
EVIDENCE = {"id": "fintech", "cite": 0, "phrase": "金融科技"}
ZONE = {
    "id": "zone_x",
    "name_zh": "某区",
    "name_en": "Some district",
    "city": "广州",
    "districts": ["越秀区"],
    "parent": None,
    "kind": "district",
    "geometry": "admin",
    "themes": [EVIDENCE],
    "positioning_zh": "定位",
    "positioning_en": "Positioning",
    "citations": [CITATION],
}
INDICATOR = {
    "id": "ind_x",
    "scope": "广州",
    "name_zh": "指标",
    "name_en": "Target",
    "unit": "亿元",
    "family": None,
    "stated_in": "table",
    "baseline_year": 2020,
    "baseline_value": 1.0,
    "baseline_text": "1",
    "baseline_qualifier": "exact",
    "target_year": 2025,
    "period_zh": None,
    "target_value": 2.0,
    "target_value_high": None,
    "target_text": "2",
    "qualifier": "exact",
    "nature": None,
    "themes": [],
    "citations": [CITATION],
}


def _error(model, record: dict) -> str:
    with pytest.raises(ValidationError) as info:
        model.model_validate(record)
    return str(info.value)


def test_vocabularies():
    assert ZONE_KINDS == ("district", "cluster", "platform", "area")
    assert MATCH_MODES == ("any", "all")
    assert METRICS == ("target", "growth")
    assert tuple(CITY_NAMES_EN) == CITIES
    assert CITIES[:4] == ("广东", "广州", "深圳", "东莞")
    assert CITY_NAMES_EN["澳门"] == "Macao"


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("广州", "广州"),
        ("Guangzhou", "广州"),
        ("shenzhen", "深圳"),
        ("  HONG KONG ", "香港"),
        ("hong kong", "香港"),
        ("Atlantis", None),
        ("广州市", None),
        ("", None),
    ],
)
def test_resolve_city(name, city):
    assert resolve_city(name) == city


def test_the_sample_records_are_valid():
    assert Zone.model_validate(ZONE).themes == [ThemeEvidence(**EVIDENCE)]
    assert Indicator.model_validate(INDICATOR).target_year == 2025


def test_text_is_stripped_and_records_are_frozen():
    zone = Zone.model_validate({**ZONE, "name_en": "  Some district \n"})
    assert zone.name_en == "Some district"
    with pytest.raises(ValidationError):
        zone.name_en = "changed"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"themes": []}, "at least 1 item"),
        ({"themes": ["fintech"]}, "valid dictionary"),  # a zone's theme needs its evidence
        ({"themes": [EVIDENCE, {**EVIDENCE, "phrase": "其他"}]}, "theme listed twice"),
        ({"themes": [{**EVIDENCE, "cite": -1}]}, "greater than or equal to 0"),
        ({"themes": [{**EVIDENCE, "phrase": "金"}]}, "at least 2 characters"),
        ({"themes": [{**EVIDENCE, "why": "x"}]}, "Extra inputs are not permitted"),
        ({"districts": []}, "geometry 'admin' needs at least one district"),
        ({"id": "Zone X"}, "String should match pattern"),
        ({"kind": "zone"}, "Input should be 'district', 'cluster', 'platform' or 'area'"),
        ({"city": "Atlantis"}, "Input should be"),
        ({"citations": []}, "at least 1 item"),
        ({"citations": [{**CITATION, "quote": "短"}]}, "at least 4 characters"),
    ],
)
def test_zone_rules(change, message):
    assert message in _error(Zone, {**ZONE, **change})


def test_an_approximate_zone_needs_no_district():
    assert Zone.model_validate({**ZONE, "geometry": "approximate", "districts": []}).districts == []


@pytest.mark.parametrize("model", [Project, Place])
def test_projects_and_places_carry_evidence_too(model):
    record = {
        "id": "rec_x",
        "name_zh": "某处",
        "name_en": "Somewhere",
        "city": "深圳",
        "kind": "platform",
        "themes": [EVIDENCE],
        "citations": [CITATION],
    }
    if model is Project:
        record.update(zone=None, district=None, lead_units=[])
    assert model.model_validate(record).themes[0].phrase == "金融科技"
    assert "valid dictionary" in _error(model, {**record, "themes": ["fintech"]})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"baseline_year": None}, "baseline_year and baseline_value must both be given or both null"),
        ({"baseline_qualifier": None}, "baseline_qualifier is required exactly when a baseline is given"),
        ({"baseline_text": None}, "baseline_text is required exactly when a baseline is given"),
        (
            {"baseline_year": None, "baseline_value": None, "baseline_text": None},
            "baseline_qualifier is required exactly when a baseline is given",
        ),
        (
            {"qualifier": "range"},
            "target_value_high is required exactly when the target qualifier is 'range'",
        ),
        (
            {"target_value_high": 3.0},
            "target_value_high is required exactly when the target qualifier is 'range'",
        ),
        ({"qualifier": "range", "target_value_high": 1.5}, "target_value_high is below target_value"),
        (
            {"baseline_qualifier": "range"},
            "baseline_value_high is required exactly when the baseline qualifier is 'range'",
        ),
        (
            {"baseline_qualifier": "range", "baseline_value_high": 0.5},
            "baseline_value_high is below baseline_value",
        ),
        ({"target_year": None}, "a target with no target_year needs period_zh, the period as written"),
        ({"stated_in": "annex"}, "Input should be 'table' or 'text'"),
        ({"stated_in": None}, "Input should be 'table' or 'text'"),
        ({"qualifier": "roughly"}, "Input should be 'exact', 'about'"),
        ({"baseline_qualifier": "roughly"}, "Input should be 'exact', 'about'"),
        ({"nature": "binding"}, "Input should be '预期性' or '约束性'"),
        ({"target_year": 2040}, "less than or equal to 2035"),
        ({"target_value": "三千"}, "valid number"),
    ],
)
def test_indicator_rules(change, message):
    assert message in _error(Indicator, {**INDICATOR, **change})


def test_a_target_without_a_year_states_its_period():
    record = {**INDICATOR, "target_year": None, "period_zh": "“十四五”期间"}
    assert Indicator.model_validate(record).period_zh == "“十四五”期间"
    ranged = {**INDICATOR, "baseline_qualifier": "range", "baseline_value_high": 1.5}
    assert Indicator.model_validate(ranged).baseline_value_high == 1.5


def test_indicator_themes_are_plain_ids():
    assert Indicator.model_validate({**INDICATOR, "themes": ["fintech"]}).themes == ["fintech"]
    assert "theme listed twice" in _error(Indicator, {**INDICATOR, "themes": ["fintech", "fintech"]})


def test_designation_rules():
    claim = {
        "source": "plan_a",
        "city": "广州",
        "zone": None,
        "project": None,
        "stance": "seeks",
        "locator": "第一章",
        "quote": "推进设立示范银行。",
    }
    record = {
        "id": "d_x",
        "name_zh": "试验区",
        "name_en": "Pilot zone",
        "level": "national",
        "kind": "pilot_zone",
    }
    assert Designation.model_validate({**record, "claims": [claim]}).claims == [Claim(**claim)]
    assert "at least 1 item" in _error(Designation, {**record, "claims": []})
    assert "Input should be 'seeks', 'hosts', 'supports' or 'existing'" in _error(
        Designation, {**record, "claims": [{**claim, "stance": "wants"}]}
    )
    assert "Input should be 'national', 'gba', 'provincial' or 'municipal'" in _error(
        Designation, {**record, "level": "global", "claims": [claim]}
    )


# ---------------------------------------------------------------- located through the loader


def _problems(data_dir, file: str | None = None):
    """The problems of loading the folder (only those of `file`: an invalid record is dropped, so
    the designations that claim it report an unknown zone or project as well)."""
    with pytest.raises(CatalogError) as info:
        load_catalog(data_dir)
    return [p for p in info.value.problems if file is None or p.file == file]


def _set(index: int, field: str, value):
    def edit(records):
        records[index][field] = value

    return edit


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
    [problem] = _problems(data_copy, "zones/sample.yaml")
    assert (problem.file, problem.record, problem.field) == ("zones/sample.yaml", "zone_b", field)
    assert message_part in problem.message


def test_missing_quote_is_located(data_copy):
    def edit(records):
        del records[0]["citations"][0]["quote"]

    edit_yaml(data_copy / "projects/sample.yaml", edit)
    [problem] = _problems(data_copy, "projects/sample.yaml")
    assert (problem.file, problem.record, problem.field, problem.message) == (
        "projects/sample.yaml",
        "proj_1",
        "citations.0.quote",
        "Field required",
    )


def test_missing_evidence_phrase_is_located(data_copy):
    def edit(records):
        del records[1]["themes"][1]["phrase"]

    edit_yaml(data_copy / "zones/sample.yaml", edit)
    [problem] = _problems(data_copy, "zones/sample.yaml")
    assert (problem.record, problem.field, problem.message) == ("zone_b", "themes.1.phrase", "Field required")


def test_malformed_number(data_copy):
    edit_yaml(data_copy / "indicators/sample.yaml", _set(1, "baseline_value", "一百二十"))
    [problem] = _problems(data_copy)
    assert (problem.record, problem.field) == ("ind_listed", "baseline_value")
    assert "valid number" in problem.message


def test_a_rule_across_fields_is_located_at_the_record(data_copy):
    edit_yaml(data_copy / "indicators/sample.yaml", _set(2, "period_zh", None))
    [problem] = _problems(data_copy)
    assert (problem.file, problem.record, problem.field) == (
        "indicators/sample.yaml",
        "ind_fintech_firms",
        "-",
    )
    assert "needs period_zh" in problem.message


def test_unknown_field_is_an_error_not_silently_dropped(data_copy):
    edit_yaml(data_copy / "projects/sample.yaml", _set(0, "zone_id", "zone_a"))
    [problem] = _problems(data_copy, "projects/sample.yaml")
    assert (problem.record, problem.field) == ("proj_1", "zone_id")
    assert problem.message == "Extra inputs are not permitted"


def test_a_record_without_id_is_named_by_its_position(data_copy):
    def edit(records):
        del records[1]["id"]

    edit_yaml(data_copy / "places.yaml", lambda records: records.append({**records[0], "id": None}))
    [problem] = _problems(data_copy)
    assert (problem.file, problem.record, problem.field) == ("places.yaml", "None", "id")
    edit_yaml(data_copy / "places.yaml", edit)
    assert ("places.yaml", "#2", "id") in {(p.file, p.record, p.field) for p in _problems(data_copy)}
