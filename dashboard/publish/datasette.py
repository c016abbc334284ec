"""The datasette metadata of the database: titles, descriptions of every table and column (English and
Chinese), licences and sources, facets and label columns. Derived from the table declarations."""

from __future__ import annotations

import json

from dashboard.catalog import Catalog
from dashboard.publish import meta
from dashboard.publish.fields import bilingual
from dashboard.publish.resources import TABLES
from dashboard.publish.sqlite import GEOMETRY_TABLE, TEXTS_TABLE
from dashboard.publish.version import dataset_version

DATABASE = "gba"
_FACETS = {
    "zones": ["city", "kind", {"array": "themes"}],
    "projects": ["city", "kind", "zone", {"array": "themes"}],
    "indicators": ["scope", "family", "qualifier", {"array": "themes"}],
    "citations": ["record_table", "source"],
}
_PLANS = {"source": "Five Guangdong finance plans, 2021–2022 (see the sources table)"}


def _table(table, database: str) -> dict:
    entry = {
        "title": f"{table.title_en} / {table.title_zh}",
        "description": bilingual(table.en, table.zh),
        "columns": {f.name: bilingual(f.en, f.zh) for f in table.fields},
        "source": _PLANS["source"],
        "source_url": f"/{database}/sources",
    }
    if any(f.name == "name_en" for f in table.fields):
        entry["label_column"] = "name_en"
    if table.name in _FACETS:
        entry["facets"] = _FACETS[table.name]
    return entry


def datasette_metadata(
    catalog: Catalog | None = None, *, version: str | None = None, database: str = DATABASE
):
    """The metadata for `datasette serve <database>.db --metadata FILE` (`catalog` is not needed:
    everything comes from the declarations; it is accepted so callers can pass what they have)."""
    version = version or dataset_version()
    tables = {t.name: _table(t, database) for t in TABLES}
    tables[GEOMETRY_TABLE] = {
        "title": "Zone polygons / 功能区范围",
        "description": bilingual(
            "One WGS-84 GeoJSON geometry per zone; precision admin = the union of its districts, "
            "approximate = a drawn footprint (not a legal or planning boundary).",
            "每个功能区一个 WGS-84 GeoJSON 几何；admin 为所在区行政边界之并，approximate 为示意范围。",
        ),
        "license": "MIT (boundaries); CC-BY-4.0 (footprints)",
        "license_url": meta.BOUNDARY_LICENCE["path"],
        "source": f"{meta.BOUNDARY_PACKAGE} {meta.BOUNDARY_VERSION} (Amap); footprints drawn for the dataset",
        "source_url": meta.BOUNDARY_HOMEPAGE,
    }
    tables[TEXTS_TABLE] = {
        "title": "Plan texts / 规划全文",
        "description": bilingual("Each plan's full text, UTF-8.", "各规划全文。"),
        "license": meta.PLAN_LICENCE["title"],
        "source": _PLANS["source"],
        "source_url": f"/{database}/sources",
    }
    return {
        "title": f"{meta.TITLE_EN} / {meta.TITLE_ZH}",
        "description": bilingual(meta.DESCRIPTION_EN, meta.DESCRIPTION_ZH)
        + f"\n\nDataset version {version}.",
        "license": meta.DATASET_LICENCE["name"],
        "license_url": meta.DATASET_LICENCE["path"],
        "source": _PLANS["source"],
        "source_url": f"/{database}/sources",
        "databases": {
            database: {
                "title": f"{meta.DATASET_TITLE_EN} (version {version})",
                "description": bilingual(meta.DESCRIPTION_EN, meta.DESCRIPTION_ZH),
                "tables": tables,
            }
        },
    }


def metadata_json(
    catalog: Catalog | None = None, *, version: str | None = None, database: str = DATABASE
) -> str:
    """The metadata as the text of a JSON file (stable, so a committed copy can be checked)."""
    metadata = datasette_metadata(catalog, version=version, database=database)
    return json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
