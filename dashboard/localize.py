"""The catalog as a language shows it: for Traditional Chinese, the data's own Simplified wording
(names, titles, positioning, districts, lead units) converted with OpenCC; quotes, locators and
targets as written stay exactly as the plans publish them."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from dashboard.catalog import Catalog
from dashboard.i18n import Lang, localize, needs_conversion

# table -> the columns holding the data's own Chinese wording (not the plans' quoted words)
_WORDING = {
    "themes": ("name_zh",),
    "sources": ("title_zh", "issuer_zh"),
    "zones": ("name_zh", "positioning_zh", "districts"),
    "projects": ("name_zh", "district", "lead_units"),
    "indicators": ("name_zh",),
    "places": ("name_zh",),
    "designations": ("name_zh",),
}


def _convert(value, lang: Lang):
    if isinstance(value, str):
        return localize(value, lang)
    if isinstance(value, tuple):
        return tuple(_convert(v, lang) for v in value)
    return value


def localized_catalog(catalog: Catalog, lang: Lang) -> Catalog:
    """The catalog with its wording in the language's script; the same object when none is needed."""
    if not needs_conversion(lang):
        return catalog
    tables = {}
    for table, columns in _WORDING.items():
        frame: pd.DataFrame = getattr(catalog, table).copy()
        for column in columns:
            # a list, not Series.map: pandas would turn the None of an unstated field into NaN
            converted = [_convert(v, lang) for v in frame[column]]
            frame[column] = pd.Series(converted, index=frame.index, dtype=object)
        tables[table] = frame
    return replace(catalog, **tables)
