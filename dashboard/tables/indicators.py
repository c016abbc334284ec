"""The targets table: baseline and target as written and as values, normalized to a common unit,
with the implied annual growth. The Targets page shows it and its CSV holds the same cells."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import city_label, label
from dashboard.indicators import comparable_values
from dashboard.passages import passage_link
from dashboard.tables.cells import (
    chinese,
    citation_sources_cell,
    in_lang,
    locators_cell,
    quotes_cell,
    themes_cell,
    zh_of,
)
from dashboard.tables.columns import Column
from dashboard.tables.format import format_number, format_percent, format_qualified

INDICATOR_COLUMNS = (
    Column("indicator_id", lambda i, _c: i.id),
    Column("scope", lambda i, c: city_label(i.scope, c.lang)),
    Column("name", in_lang("name"), twin=zh_of("name")),
    Column(
        "stated_in",
        lambda i, c: label("stated_in", i.stated_in, c.lang),
    ),
    Column("unit", lambda i, c: label("unit", i.unit, c.lang), twin=lambda i: i.unit),
    Column("baseline_year", lambda i, _c: format_number(i.baseline_year)),
    Column(
        "baseline",
        lambda i, _c: format_qualified(i.baseline_qualifier, i.baseline_value, i.baseline_value_high),
    ),
    Column("target_year", lambda i, _c: format_number(i.target_year)),
    Column("period", chinese(lambda i: i.period_zh or ""), chinese=True),
    Column("target", lambda i, _c: format_qualified(i.qualifier, i.target_value, i.target_value_high)),
    Column("target_text", chinese(lambda i: i.target_text), chinese=True),
    Column("qualifier", lambda i, c: label("qualifier", i.qualifier, c.lang)),
    Column("nature", lambda i, c: label("nature", i.nature, c.lang) if i.nature else ""),
    Column("normalized_unit", lambda i, c: label("unit", i.normalized_unit, c.lang)),
    Column(
        "normalized_baseline",
        lambda i, _c: format_qualified(i.baseline_qualifier, i.normalized_baseline),
    ),
    Column("normalized_target", lambda i, _c: format_qualified(i.qualifier, i.normalized_target)),
    Column("cagr", lambda i, _c: format_percent(i.cagr)),
    Column("baseline_value", lambda i, _c: format_number(i.baseline_value)),
    Column("target_value", lambda i, _c: format_number(i.target_value)),
    Column("target_value_high", lambda i, _c: format_number(i.target_value_high)),
    Column("family", lambda i, _c: i.family or ""),
    Column("themes", themes_cell),
    Column("source_id", citation_sources_cell),
    Column("locator", chinese(locators_cell), chinese=True),
    Column("quote", chinese(quotes_cell), chinese=True),
    Column("passage", lambda r, c: passage_link("indicators", r.id, 0, c.lang)),
)


def indicator_records(indicators: pd.DataFrame) -> pd.DataFrame:
    """The indicators with the comparable values the table's columns read."""
    return comparable_values(indicators)
