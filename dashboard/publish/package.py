"""The whole dataset as a Frictionless Data Package: `datapackage.json`, one CSV per table (declared in
`dashboard.publish.resources`), the zones as GeoJSON and the plans' full texts."""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.catalog import Catalog
from dashboard.publish import meta
from dashboard.publish.atomic import atomic_dir
from dashboard.publish.csvio import ENCODING, csv_bytes
from dashboard.publish.fields import bilingual, encode, schema_descriptor
from dashboard.publish.reader import DESCRIPTOR
from dashboard.publish.resources import TABLES, Table, text_path
from dashboard.publish.version import dataset_version

if TYPE_CHECKING:
    from dashboard.geodata import GeoLayers

GEOMETRY = "zones_geometry"
GEOMETRY_PATH = "zones.geojson"


def _plan_source(source: dict) -> dict:
    title = f"{source['title_zh']} / {source['title_en']}"
    details = [source[k] for k in ("issuer_zh", "doc_number", "date") if source[k]]
    return {"title": title + (f" ({', '.join(details)})" if details else "")}


def _table_resource(table: Table, catalog: Catalog) -> dict:
    return {
        "name": table.name,
        "path": table.path,
        "profile": "tabular-data-resource",
        "title": f"{table.title_en} / {table.title_zh}",
        "description": bilingual(table.en, table.zh)
        + "\n\nA text cell starting with = + - @, tab, CR or ' is stored with one extra leading ' "
        + "(spreadsheet safety); drop it when reading. 以 = + - @、制表符、回车或 ' 开头的文本单元格存储时"
        + "前加一个 '（防止电子表格执行公式），读取时去掉。",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": ENCODING,
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True},
        "schema": schema_descriptor(table, catalog),
    }


def _text_resource(source_id: str) -> dict:
    return {
        "name": "text-" + source_id.replace("_", "-"),
        "path": text_path(source_id),
        "title": f"Full text of plan {source_id} / 规划全文",
        "description": "The plan's text as extracted from the published document, UTF-8. 规划全文（UTF-8）。",
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
        "licenses": [meta.PLAN_LICENCE],
    }


def _geometry_resource() -> dict:
    return {
        "name": GEOMETRY,
        "path": GEOMETRY_PATH,
        "title": "Zone polygons / 功能区范围",
        "description": bilingual(
            "One WGS-84 feature per zone: properties zone_id (zones.id), name_zh, name_en and precision "
            "(admin: the union of its districts' boundaries; approximate: a drawn footprint, not a legal "
            "or planning boundary).",
            "每个功能区一个要素（WGS-84），属性含 zone_id、name_zh、name_en 与 precision"
            "（admin：所在区行政边界之并；approximate：示意范围，非法定或规划边界）。",
        ),
        "format": "geojson",
        "mediatype": "application/geo+json",
        "encoding": "utf-8",
        "licenses": [meta.BOUNDARY_LICENCE, meta.FOOTPRINT_LICENCE],
    }


def package_descriptor(catalog: Catalog, *, version: str, built: datetime, geometry: bool) -> dict:
    """`datapackage.json` without the files' sizes and hashes (`write_package` adds them)."""
    columns = ["title_zh", "title_en", "issuer_zh", "doc_number", "date"]
    sources = [_plan_source(s) for s in catalog.sources[columns].to_dict(orient="records")]
    if geometry:
        sources.append(
            {
                "title": f"{meta.BOUNDARY_PACKAGE} {meta.BOUNDARY_VERSION} (Amap)",
                "path": meta.BOUNDARY_HOMEPAGE,
            }
        )
    resources = [_table_resource(t, catalog) for t in TABLES]
    if geometry:
        resources.append(_geometry_resource())
    resources += [_text_resource(source_id) for source_id in catalog.sources["id"]]
    return {
        "profile": "data-package",
        "name": meta.NAME,
        "title": meta.DATASET_TITLE_EN,
        "title_zh": meta.DATASET_TITLE_ZH,
        "description": bilingual(meta.DESCRIPTION_EN, meta.DESCRIPTION_ZH),
        "version": version,
        "created": meta.iso(built),
        "keywords": list(meta.KEYWORDS),
        "licenses": [meta.DATASET_LICENCE],
        "sources": sources,
        "resources": resources,
    }


def table_csv(table: Table, catalog: Catalog) -> bytes:
    """One table's CSV: stable snake_case headers, one row per record."""
    rows = [[encode(f, row[f.name]) for f in table.fields] for row in table.records(catalog)]
    return csv_bytes([f.name for f in table.fields], rows)


def geometry_geojson(catalog: Catalog, layers: GeoLayers) -> bytes:
    """The zones' full-resolution polygons, built by `dashboard.geodata.zones_geojson`."""
    from dashboard.geodata import zones_geojson

    zones = catalog.zones
    table = pd.DataFrame({"zone_id": zones["id"], "name_zh": zones["name_zh"], "name_en": zones["name_en"]})
    return zones_geojson(table, list(zones["id"]), layers)


def _files(catalog: Catalog, layers: GeoLayers | None) -> dict[str, bytes]:
    files = {t.path: table_csv(t, catalog) for t in TABLES}
    if layers is not None:
        files[GEOMETRY_PATH] = geometry_geojson(catalog, layers)
    for source_id in catalog.sources["id"]:
        files[text_path(source_id)] = catalog.texts[source_id].encode("utf-8")
    return files


def package_files(
    catalog: Catalog, layers: GeoLayers | None = None, *, version: str | None = None, built=None
) -> dict[str, bytes]:
    """Every file of the package by its path inside it, `datapackage.json` included."""
    files = _files(catalog, layers)
    descriptor = package_descriptor(
        catalog,
        version=version or dataset_version(),
        built=meta.build_time(built),
        geometry=layers is not None,
    )
    for resource in descriptor["resources"]:
        payload = files[resource["path"]]
        resource["bytes"] = len(payload)
        resource["hash"] = "sha256:" + hashlib.sha256(payload).hexdigest()
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    return {DESCRIPTOR: text.encode("utf-8"), **files}


def write_package(
    catalog: Catalog,
    out_dir: Path,
    layers: GeoLayers | None = None,
    *,
    version: str | None = None,
    built: datetime | None = None,
) -> Path:
    """Write the package into `out_dir` (replaced atomically; an existing folder only if it is empty
    or an earlier package). `layers` (from `dashboard.geodata.load_layers`) adds the zones' GeoJSON;
    without them the package has the tables and texts only. `version` defaults to the changelog's,
    `built` to now (or $SOURCE_DATE_EPOCH)."""
    out_dir = Path(out_dir)
    files = package_files(catalog, layers, version=version, built=built)
    with atomic_dir(out_dir, DESCRIPTOR) as temporary:
        for relative, payload in files.items():
            target = temporary / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(payload)
    return out_dir


def package_zip_bytes(
    catalog: Catalog, layers: GeoLayers | None, *, version: str | None = None, built=None
) -> bytes:
    """The package as one ZIP (for a "Download all data (ZIP)" button), in a folder named after the
    dataset and version; entries sorted and dated at the build time, so equal inputs give equal bytes."""
    built = meta.build_time(built)
    version = version or dataset_version()
    files = package_files(catalog, layers, version=version, built=built)
    folder = f"{meta.NAME}-{version}"
    stamp = (max(built.year, 1980), built.month, built.day, built.hour, built.minute, built.second)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{relative}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[relative])
    return buffer.getvalue()


def staged_package(
    catalog: Catalog, layers: GeoLayers | None = None, **options
) -> tempfile.TemporaryDirectory:
    """A package written into a temporary folder (`.name` is its path); clean it up when done."""
    staging = tempfile.TemporaryDirectory(prefix="gba-package-")
    write_package(catalog, Path(staging.name) / "package", layers, **options)
    return staging
