"""The Compare code keeps the project's rules: Streamlit only in ui/ and pages/, no Chinese literal and
no language comparison outside i18n, modules under 250 lines, and the outline layer is pure."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from dashboard.map.zones import outlined_layer

ROOT = Path(__file__).resolve().parent.parent
PURE = [
    *sorted((ROOT / "dashboard" / "compare").glob("*.py")),
    ROOT / "dashboard" / "tables" / "claims.py",
    ROOT / "dashboard" / "tables" / "comparisons.py",
]
STREAMLIT = [
    ROOT / "dashboard" / "ui" / "compare.py",
    ROOT / "dashboard" / "ui" / "outline.py",
    ROOT / "dashboard" / "pages" / "compare.py",
]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _strings(path: Path) -> list[str]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
    return [t.string for t in tokens if t.type == tokenize.STRING]


@pytest.mark.parametrize("path", PURE, ids=lambda p: p.name)
def test_pure_modules_do_not_import_streamlit(path):
    assert not re.search(r"^\s*(import|from) streamlit", path.read_text("utf-8"), flags=re.M)


@pytest.mark.parametrize("path", PURE + STREAMLIT, ids=lambda p: p.name)
def test_no_chinese_literal_no_language_branch_and_short(path):
    assert [s for s in _strings(path) if CJK.search(s)] == []
    assert not re.search(r"lang\s*[!=]=\s*['\"]", path.read_text("utf-8"))
    assert len(path.read_text("utf-8").splitlines()) <= 250


def test_the_check_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('LABEL = "比较"\n', "utf-8")
    assert [s for s in _strings(bad) if CJK.search(s)] == ['"比较"']


def test_outlined_layer_outlines_exactly_the_given_zones():
    features = [
        {
            "type": "Feature",
            "id": z,
            "properties": {"tip": "<b>x</b>"},
            "geometry": {"type": "Point", "coordinates": [0, 0]},
        }
        for z in ("a", "b", "c")
    ]
    group = outlined_layer({"type": "FeatureCollection", "features": features}, ("c", "a", "zz"), "Outlined")
    [layer] = group._children.values()
    assert [f["id"] for f in layer.data["features"]] == ["a", "c"]
    assert all(f["properties"] == {} for f in layer.data["features"])  # no text, no tooltip
    empty = outlined_layer({"type": "FeatureCollection", "features": features}, (), "Outlined")
    assert list(empty._children.values()) == []
