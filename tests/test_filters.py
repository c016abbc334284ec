"""The filter functions on the literal fixture catalog."""

from __future__ import annotations

import pytest

from dashboard.filters import FilterState, filter_indicators, filter_projects, filter_zones


@pytest.mark.parametrize(
    ("state", "zones", "projects", "indicators"),
    [
        (FilterState(), ["zone_a", "zone_b"], ["proj_1"], ["ind_value_added", "ind_listed"]),
        (FilterState(themes=("fintech",)), ["zone_b"], [], ["ind_listed"]),
        (FilterState(themes=("fintech", "green_finance")), ["zone_a", "zone_b"], ["proj_1"], ["ind_listed"]),
        (FilterState(themes=("fintech", "cross_border"), match="all"), ["zone_b"], [], []),
        (FilterState(themes=("fintech", "green_finance"), match="all"), [], [], []),
        (FilterState(cities=("深圳",)), ["zone_b"], [], []),
        (FilterState(cities=("广州",)), ["zone_a"], ["proj_1"], ["ind_value_added", "ind_listed"]),
        (FilterState(kinds=("cluster",)), ["zone_b"], ["proj_1"], ["ind_value_added", "ind_listed"]),
        (
            FilterState(sources=("plan_a",)),
            ["zone_a", "zone_b"],
            ["proj_1"],
            ["ind_value_added", "ind_listed"],
        ),
        (FilterState(search="district b"), ["zone_b"], [], []),
        (FilterState(search="  上市 "), [], [], ["ind_listed"]),
        (FilterState(search="(.*"), [], [], []),
    ],
)
def test_filters(sample_catalog, state, zones, projects, indicators):
    assert list(filter_zones(sample_catalog.zones, state)["id"]) == zones
    assert list(filter_projects(sample_catalog.projects, state)["id"]) == projects
    assert list(filter_indicators(sample_catalog.indicators, state)["id"]) == indicators
