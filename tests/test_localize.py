"""The catalog in a language's script: the data's own wording converted, the plans' words untouched."""

from __future__ import annotations

from dashboard.localize import localized_catalog


def test_languages_that_need_no_conversion_get_the_same_catalog(sample_catalog):
    assert localized_catalog(sample_catalog, "zh") is sample_catalog
    assert localized_catalog(sample_catalog, "en") is sample_catalog


def test_traditional_chinese_converts_wording_but_never_quotes(sample_catalog):
    hant = localized_catalog(sample_catalog, "zh-Hant")
    assert list(hant.themes["name_zh"]) == ["綠色金融", "金融科技", "跨境金融"]
    assert hant.zones.iloc[0]["positioning_zh"] == "綠色金融改革創新試驗區核心區"
    assert hant.zones.iloc[0]["districts"] == ("越秀區",)
    assert hant.projects.iloc[0]["lead_units"] == ("市地方金融監管局", "甲區政府")
    assert hant.sources.iloc[0]["title_zh"] == "示例規劃甲"
    # the plans' own words, ids and English stay exactly as they are
    for table in ("zones", "projects", "indicators", "places"):
        before, after = getattr(sample_catalog, table), getattr(hant, table)
        assert list(after["citations"]) == list(before["citations"])
        assert list(after["id"]) == list(before["id"])
        assert list(after["name_en"]) == list(before["name_en"])
    assert list(hant.indicators["target_text"]) == list(sample_catalog.indicators["target_text"])
    assert hant.texts is sample_catalog.texts
    # and the catalog it came from is unchanged
    assert sample_catalog.themes.iloc[0]["name_zh"] == "绿色金融"


def test_missing_values_stay_missing(sample_catalog, data_copy):
    hant = localized_catalog(sample_catalog, "zh-Hant")
    assert hant.sources["issuer_zh"].tolist() == [None, "示例市政府"]
    for table in ("themes", "sources", "zones", "projects", "indicators", "places", "designations"):
        before, after = getattr(sample_catalog, table), getattr(hant, table)
        assert list(after.dtypes) == list(before.dtypes), table
        assert after.isna().equals(before.isna()), table


def test_the_real_catalog_keeps_its_gaps_as_gaps(real_catalog):
    hant = localized_catalog(real_catalog, "zh-Hant")
    changed = {}
    for table in ("themes", "sources", "zones", "projects", "indicators", "places", "designations"):
        before, after = getattr(real_catalog, table), getattr(hant, table)
        for column in before.columns:
            gaps = [v is None for v in before[column]]
            if [v is None for v in after[column]] != gaps:
                changed[f"{table}.{column}"] = sum(gaps)
    assert changed == {}
