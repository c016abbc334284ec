"""Zone vs zone (aligned aspects, shared themes, a default pair) and plan emphasis (shares per theme)."""

from __future__ import annotations

from dashboard.compare.emphasis import plan_emphasis
from dashboard.compare.zones import MAX_ZONES, compare_zones, shared_themes, suggested_pair
from dashboard.tables.comparisons import emphasis_table, zone_compare_table
from dashboard.zone_detail import zone_detail


def test_fixture_zones_side_by_side(sample_catalog):
    sides = compare_zones(sample_catalog, ["zone_a", "zone_b", "zone_a", "unknown"], "en")
    assert [s.zone_id for s in sides] == ["zone_a", "zone_b"]
    a, b = sides
    assert (a.name, a.city) == ("District A", "Guangzhou")
    assert a.positioning == "Core of the green-finance reform pilot zone"
    assert a.themes == (("Green finance", False),) and b.themes == (
        ("Fintech", False),
        ("Cross-border finance", False),
    )
    assert a.projects == ("Demonstration bank",) and b.projects == ()
    assert [c[:2] for c in b.citations] == [("Sample plan A", "第一章"), ("Sample plan B", "第一条")]
    assert b.citations[1][3] == "./sources?record=zone_b&cite=1"


def test_shared_themes_are_marked(real_catalog):
    ids = ["gz_nansha", "sz_qianhai", "dg_binhaiwan"]
    shared = shared_themes(real_catalog.zones, ids)
    themes = real_catalog.zones.set_index("id")["themes"]
    assert shared == {t for t in set().union(*themes[ids]) if sum(t in themes[z] for z in ids) >= 2}
    sides = compare_zones(real_catalog, ids, "en")
    names = dict(zip(real_catalog.themes["id"], real_catalog.themes["name_en"], strict=True))
    for side, zone_id in zip(sides, ids, strict=True):
        assert side.themes == tuple((names[t], t in shared) for t in themes[zone_id])
    table = zone_compare_table(sides, real_catalog.themes, "en")
    assert list(table["zone_id"]) == ids
    for cell, side in zip(table["themes"], sides, strict=True):
        assert cell.count("★") == sum(shared for _name, shared in side.themes)


def test_projects_and_targets_match_the_zone_detail(real_catalog):
    for zone_id in ("gz_nansha", "sz_futian_cbd", "dg_songshanhu"):
        [side] = compare_zones(real_catalog, [zone_id], "zh")
        detail = zone_detail(real_catalog, zone_id, "zh")
        assert len(side.projects) == len(detail.projects)
        assert len(side.targets) == len(detail.targets)


def test_at_most_four_zones(real_catalog):
    ids = list(real_catalog.zones["id"][:6])
    assert len(compare_zones(real_catalog, ids, "en")) == MAX_ZONES


def test_the_default_pair_is_of_two_cities_sharing_most_themes(real_catalog):
    a, b = suggested_pair(real_catalog.zones)
    zones = real_catalog.zones.set_index("id")
    assert zones.loc[a, "city"] != zones.loc[b, "city"]
    best = len(set(zones.loc[a, "themes"]) & set(zones.loc[b, "themes"]))
    for x in zones.itertuples():
        for y in zones.itertuples():
            if x.city != y.city:
                assert len(set(x.themes) & set(y.themes)) <= best


def test_plan_emphasis_of_the_fixture(sample_catalog):
    c = sample_catalog
    emphasis = plan_emphasis(c.sources, c.themes, c.zones, c.projects)
    rows = [[None if v != v else v for v in row] for row in emphasis.values.tolist()]  # NaN -> None
    assert rows == [
        ["plan_a", "green_finance", 1, 2, 0.5, 1, 1, 1.0],
        ["plan_a", "fintech", 1, 2, 0.5, 0, 1, 0.0],
        ["plan_a", "cross_border", 1, 2, 0.5, 0, 1, 0.0],
        ["plan_b", "fintech", 1, 1, 1.0, 0, 0, None],
        ["plan_b", "cross_border", 1, 1, 1.0, 0, 0, None],
    ]
    table = emphasis_table(emphasis, c.sources, c.themes, "en")
    assert table.iloc[0].tolist() == [
        *("plan_a", "Sample plan A", "green_finance", "Green finance"),
        *("1", "50.0%", "1", "100.0%"),
    ]
    assert table.iloc[3].tolist()[-2:] == ["0", ""]


def test_plan_emphasis_counts_the_records_citing_each_plan(real_catalog):
    c = real_catalog
    emphasis = plan_emphasis(c.sources, c.themes, c.zones, c.projects).set_index(["source_id", "theme_id"])
    cites = c.zones[c.zones["source_ids"].map(lambda ids: "sz_finance_14fyp" in ids)]
    fintech = sum("fintech" in ts for ts in cites["themes"])
    assert emphasis.loc[("sz_finance_14fyp", "fintech"), "zone_count"] == fintech
    assert emphasis.loc[("sz_finance_14fyp", "fintech"), "zone_share"] == fintech / len(cites)
