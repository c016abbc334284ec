"""The catalog's tables on the fixture data, and the cross-record rules: each class of bad data gives
its own problem naming file, record and field, and every problem is reported at once."""

from __future__ import annotations

import pytest

from dashboard.catalog import Catalog, CatalogError, Problem, load_catalog
from tests.conftest import edit_yaml


def _problems(data_dir) -> list[Problem]:
    with pytest.raises(CatalogError) as info:
        load_catalog(data_dir)
    return info.value.problems


def _set(index: int, field: str, value):
    def edit(records):
        records[index][field] = value

    return edit


# ---------------------------------------------------------------- the tables


def test_every_table_of_the_fixture(sample_catalog: Catalog):
    assert list(sample_catalog.themes["id"]) == ["green_finance", "fintech", "cross_border"]
    assert list(sample_catalog.sources["id"]) == ["plan_a", "plan_b"]
    assert list(sample_catalog.zones["id"]) == ["zone_a", "zone_b"]
    assert list(sample_catalog.projects["id"]) == ["proj_1"]
    assert list(sample_catalog.indicators["id"]) == ["ind_value_added", "ind_listed", "ind_fintech_firms"]
    assert list(sample_catalog.places["id"]) == ["place_green_base"]
    assert list(sample_catalog.designations["id"]) == ["green_pilot_zone", "demo_bank"]
    assert set(sample_catalog.texts) == {"plan_a", "plan_b"}
    assert sample_catalog.texts["plan_a"].startswith("示例规划甲\n第一章 功能区\n")


@pytest.mark.parametrize(
    "table", ["themes", "sources", "zones", "projects", "indicators", "places", "designations"]
)
def test_column_names_are_unique(sample_catalog, table):
    columns = list(getattr(sample_catalog, table).columns)
    assert len(columns) == len(set(columns)), columns


def test_sources_keep_the_path_of_their_plan(sample_catalog):
    # a record field called `file` must not be overwritten by the name of the YAML file it came from
    sources = sample_catalog.sources.loc[:, ~sample_catalog.sources.columns.duplicated()]
    assert list(sources["file"]) == ["sources/plan_a.txt", "sources/plan_b.txt"]


@pytest.mark.parametrize(
    "table", ["themes", "sources", "zones", "projects", "indicators", "places", "designations"]
)
def test_a_missing_value_is_none_never_nan(real_catalog, table):
    # the frames promise None for what a record leaves out (object columns), so `x is None` holds
    frame = getattr(real_catalog, table)
    nan = {
        column: int(sum(isinstance(v, float) and v != v for v in frame.iloc[:, i]))
        for i, column in enumerate(frame.columns)  # by position: a name may repeat (see sources)
        if frame.iloc[:, i].dtype == object or str(frame.iloc[:, i].dtype) == "str"
    }
    assert {c: n for c, n in nan.items() if n} == {}


def test_zone_columns(sample_catalog):
    zones = sample_catalog.zones.set_index("id")
    assert "geometry" not in zones.columns
    assert list(zones["precision"]) == ["admin", "approximate"]
    assert zones.loc["zone_b", "themes"] == ("fintech", "cross_border")
    assert zones.loc["zone_b", "theme_evidence"] == (
        ("fintech", 0, "金融科技"),
        ("cross_border", 0, "跨境金融"),
    )
    assert zones.loc["zone_b", "source_ids"] == ("plan_a", "plan_b")
    assert zones.loc["zone_b", "locators"] == ("第一章", "第一条")
    assert zones.loc["zone_a", "districts"] == ("越秀区",)
    assert list(zones["project_count"]) == [1, 0]
    assert list(zones["file"]) == ["zones/sample.yaml"] * 2


def test_project_columns(sample_catalog):
    project = sample_catalog.projects.iloc[0]
    assert project["themes"] == ("green_finance",)
    assert project["theme_evidence"] == (("green_finance", 0, "绿色金融示范银行"),)
    assert project["lead_units"] == ("市地方金融监管局", "甲区政府")
    # no zone of its own: located by its district, whose designation is zone_a
    assert (project["zone"], project["located_zone"], project["zone_kind"]) == (None, "zone_a", "district")


def test_indicator_columns(sample_catalog):
    indicators = sample_catalog.indicators.set_index("id")
    assert list(indicators["stated_in"]) == ["table", "table", "text"]
    assert list(indicators["baseline_text"]) == ["2234.06", "120", None]
    assert list(indicators["baseline_qualifier"]) == ["exact", "exact", None]
    assert indicators.loc["ind_fintech_firms", "target_year"] is None
    assert indicators.loc["ind_fintech_firms", "period_zh"] == "“十四五”期间"
    assert indicators.loc["ind_value_added", "themes"] == ()
    assert "theme_evidence" not in indicators.columns  # targets are linked to themes, not evidenced


def test_place_and_designation_columns(sample_catalog):
    place = sample_catalog.places.iloc[0]
    assert (place["city"], place["kind"], place["themes"]) == ("广州", "platform", ("green_finance",))
    assert place["theme_evidence"] == (("green_finance", 0, "绿色金融服务基地"),)
    shared = sample_catalog.designations.set_index("id").loc["green_pilot_zone"]
    assert [(c.city, c.zone, c.stance, c.source) for c in shared["claims"]] == [
        ("广州", "zone_a", "hosts", "plan_a"),
        ("深圳", "zone_b", "seeks", "plan_b"),
    ]


def test_a_project_sits_in_its_own_zone_and_counts_for_the_zones_around_it(data_copy):
    edit_yaml(data_copy / "zones/sample.yaml", _set(1, "parent", "zone_a"))
    edit_yaml(data_copy / "projects/sample.yaml", _set(0, "zone", "zone_b"))
    catalog = load_catalog(data_copy)
    project = catalog.projects.iloc[0]
    assert (project["located_zone"], project["zone_kind"]) == ("zone_b", "cluster")
    assert list(catalog.zones["project_count"]) == [1, 1]  # zone_b nests in zone_a


def test_a_project_in_no_zone_has_no_zone_kind(data_copy):
    edit_yaml(data_copy / "projects/sample.yaml", _set(0, "district", "荔湾区"))
    catalog = load_catalog(data_copy)
    assert (catalog.projects.iloc[0]["located_zone"], catalog.projects.iloc[0]["zone_kind"]) == (None, None)
    assert list(catalog.zones["project_count"]) == [0, 0]


def test_the_data_folder_comes_from_the_environment(monkeypatch, data_copy):
    edit_yaml(data_copy / "zones/sample.yaml", _set(0, "name_en", "District A from the environment"))
    monkeypatch.setenv("GBA_DATA_DIR", str(data_copy))
    # None is the default folder (what the app asks for): here the broken copy the variable names
    assert load_catalog(None).zones.iloc[0]["name_en"] == "District A from the environment"


# ---------------------------------------------------------------- cross-record rules


def _evidence(theme: str, cite: int, phrase: str) -> dict:
    return {"id": theme, "cite": cite, "phrase": phrase}


@pytest.mark.parametrize(
    ("file", "edit", "expected"),
    [
        (
            "zones/sample.yaml",
            _set(0, "themes", [_evidence("green_finance", 0, "绿色金融"), _evidence("gold", 0, "示范区")]),
            Problem("zones/sample.yaml", "zone_a", "themes.1", "unknown theme id 'gold'"),
        ),
        (
            "indicators/sample.yaml",
            _set(1, "themes", ["fintech", "gold"]),
            Problem("indicators/sample.yaml", "ind_listed", "themes.1", "unknown theme id 'gold'"),
        ),
        (
            "zones/sample.yaml",
            lambda records: records.append(dict(records[0])),
            Problem("zones/sample.yaml", "zone_a", "id", "duplicate id (also in zones/sample.yaml)"),
        ),
        (
            "places.yaml",
            _set(0, "id", "proj_1"),
            Problem("places.yaml", "proj_1", "id", "duplicate id (also in projects/sample.yaml)"),
        ),
        (
            "designations.yaml",
            _set(1, "id", "green_pilot_zone"),
            Problem(
                "designations.yaml", "green_pilot_zone", "id", "duplicate id (also in designations.yaml)"
            ),
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
        (
            "indicators/sample.yaml",
            _set(1, "baseline_value", 12),
            Problem(
                "indicators/sample.yaml",
                "ind_listed",
                "baseline_value",
                "number 12 does not occur in any quote",
            ),
        ),
        (
            "zones/sample.yaml",
            _set(1, "themes", [_evidence("fintech", 1, "金融科技")]),
            Problem(
                "zones/sample.yaml",
                "zone_b",
                "themes.0.phrase",
                "phrase '金融科技' of theme 'fintech' is not in citation 1's quote",
            ),
        ),
        (
            "projects/sample.yaml",
            _set(0, "themes", [_evidence("green_finance", 1, "绿色金融")]),
            Problem(
                "projects/sample.yaml", "proj_1", "themes.0.cite", "no citation 1 (theme 'green_finance')"
            ),
        ),
    ],
    ids=[
        "unknown-theme",
        "unknown-indicator-theme",
        "duplicate-id",
        "duplicate-id-across-tables",
        "duplicate-designation",
        "dangling-zone",
        "dangling-parent",
        "target-not-in-quote",
        "baseline-not-in-quote",
        "phrase-not-in-quote",
        "no-such-citation",
    ],
)
def test_cross_record_errors_are_located(data_copy, file, edit, expected):
    edit_yaml(data_copy / file, edit)
    assert _problems(data_copy) == [expected]


def test_zones_nesting_in_a_cycle(data_copy):
    def edit(records):
        records[0]["parent"] = "zone_b"
        records[1]["parent"] = "zone_a"

    edit_yaml(data_copy / "zones/sample.yaml", edit)
    assert _problems(data_copy) == [
        Problem("zones/sample.yaml", "zone_a", "parent", "zones nest in a cycle"),
        Problem("zones/sample.yaml", "zone_b", "parent", "zones nest in a cycle"),
    ]


def test_quote_not_in_source(data_copy):
    def edit(records):
        records[0]["citations"][0]["quote"] = "支持甲区建设绿色金融改革创新试验区核心区，打造数字金融示范区。"

    edit_yaml(data_copy / "zones/sample.yaml", edit)
    [problem] = _problems(data_copy)
    assert (problem.file, problem.record, problem.field) == (
        "zones/sample.yaml",
        "zone_a",
        "citations.0.quote",
    )
    assert problem.message.startswith("quote not found in source 'plan_a'")


def test_quote_of_the_other_plan_is_not_found(data_copy):
    # each quote is looked up in the plan it names, not in any plan
    def edit(records):
        records[1]["citations"][1]["source"] = "plan_a"

    edit_yaml(data_copy / "zones/sample.yaml", edit)
    [problem] = _problems(data_copy)
    assert (problem.record, problem.field) == ("zone_b", "citations.1.quote")


def test_unknown_source_of_a_citation(data_copy):
    def edit(records):
        records[0]["citations"][0]["source"] = "plan_z"

    edit_yaml(data_copy / "places.yaml", edit)
    assert _problems(data_copy) == [
        Problem("places.yaml", "place_green_base", "citations.0.source", "unknown source 'plan_z'")
    ]


def test_quote_may_span_a_line_break_but_not_change_a_character(data_copy, sample_catalog):
    # the plan breaks this sentence after 绿色金 on its own line; the quote does not
    assert "打造绿色金融示范区。" in sample_catalog.zones.iloc[0]["citations"][0].quote
    assert "绿色金\n融示范区" in sample_catalog.texts["plan_a"]

    def edit(records):
        records[0]["citations"][0]["quote"] = "打造绿色金融示范区."  # ASCII full stop

    edit_yaml(data_copy / "zones/sample.yaml", edit)
    assert [p.field for p in _problems(data_copy)] == ["citations.0.quote", "themes.0.phrase"]


@pytest.mark.parametrize(
    ("claim", "field", "message"),
    [
        ({"quote": "支持乙区建成绿色金融改革创新试验区。"}, "claims.1.quote", "quote not found"),
        ({"source": "plan_z"}, "claims.1.source", "unknown source 'plan_z'"),
        ({"zone": "zone_x"}, "claims.1.zone", "unknown zone 'zone_x'"),
        ({"project": "proj_x"}, "claims.1.project", "unknown project 'proj_x'"),
    ],
)
def test_claim_errors_are_located(data_copy, claim, field, message):
    def edit(records):
        records[0]["claims"][1].update(claim)

    edit_yaml(data_copy / "designations.yaml", edit)
    [problem] = _problems(data_copy)
    assert (problem.file, problem.record, problem.field) == ("designations.yaml", "green_pilot_zone", field)
    assert problem.message.startswith(message)


def test_all_problems_are_reported_together(data_copy):
    edit_yaml(data_copy / "zones/sample.yaml", _set(0, "themes", [_evidence("gold", 0, "绿色金融")]))
    edit_yaml(data_copy / "projects/sample.yaml", _set(0, "zone", "zone_x"))
    edit_yaml(data_copy / "indicators/sample.yaml", _set(1, "qualifier", "roughly"))
    edit_yaml(data_copy / "designations.yaml", _set(0, "level", "galactic"))
    problems = _problems(data_copy)
    assert {(p.file, p.record, p.field) for p in problems} == {
        ("zones/sample.yaml", "zone_a", "themes.0"),
        ("projects/sample.yaml", "proj_1", "zone"),
        ("indicators/sample.yaml", "ind_listed", "qualifier"),
        ("designations.yaml", "green_pilot_zone", "level"),
    }
    assert str(CatalogError(problems)).startswith("4 problem(s) in the data:\n  - ")
