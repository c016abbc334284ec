"""Bad input of every kind, and what each produces: never a traceback, never markup from data, never
a partial file.

- hostile text in every field a page shows, through every page in both languages (AppTest);
- broken data sets, in the app and the CLI alike (a located problem, no traceback);
- command-line cases run as real processes (one line on stderr, exit 2 or 1, no partial file).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.catalog import DATA_DIR, DATA_DIR_ENV
from dashboard.text_safety import md_escape

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "dashboard/pages/map.py",
    "dashboard/pages/targets.py",
    "dashboard/pages/projects.py",
    "dashboard/pages/sources.py",
)

# Markdown, Streamlit directives, math and HTML: each means something if it is not rendered as text
MARKUP = (
    "[x](http://evil.example/)",
    "![img](http://evil.example/i.png)",
    "**b**",
    ":red[r]",
    "$x^2$",
    ":material/warning:",
    "<img src=x onerror=alert(1)>",
    "</script><b>x</b>",
)
HOSTILE = " ".join(MARKUP)


def _yaml(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text("utf-8"))


def _write(path: Path, records: list[dict]) -> None:
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    """The real data with the corpus in a zone, its citation's locator and quote, a theme, a plan's
    title, a project (name, lead unit, locator) and a target's name."""
    data = tmp_path_factory.mktemp("bad") / "data"
    shutil.copytree(DATA_DIR, data)
    plan = data / "sources" / "gz_finance_14fyp.txt"
    plan.write_text(plan.read_text("utf-8") + "\n" + HOSTILE + "\n", "utf-8")
    citation = {"source": "gz_finance_14fyp", "locator": HOSTILE, "quote": HOSTILE}
    zones = _yaml(data / "zones" / "guangzhou.yaml")
    zones.append(
        {
            **zones[0],
            "id": "zone_hostile",
            "name_zh": HOSTILE,
            "name_en": HOSTILE,
            "positioning_zh": HOSTILE,
            "positioning_en": HOSTILE,
            "themes": [{"id": "green_finance", "cite": 0, "phrase": "**b**"}],
            "citations": [citation],
        }
    )
    _write(data / "zones" / "guangzhou.yaml", zones)
    projects = _yaml(data / "projects" / "guangzhou.yaml")
    projects[0] = {**projects[0], "name_en": HOSTILE, "name_zh": HOSTILE, "lead_units": [HOSTILE]}
    projects[0]["citations"] = [*projects[0]["citations"], {**citation}]
    _write(data / "projects" / "guangzhou.yaml", projects)
    indicators = _yaml(data / "indicators" / "guangzhou.yaml")
    indicators[0] = {**indicators[0], "name_en": HOSTILE, "name_zh": HOSTILE}
    _write(data / "indicators" / "guangzhou.yaml", indicators)
    themes = _yaml(data / "themes.yaml")
    themes[0] = {**themes[0], "name_en": HOSTILE, "name_zh": HOSTILE}
    _write(data / "themes.yaml", themes)
    sources = _yaml(data / "sources.yaml")
    sources[1] = {**sources[1], "title_en": HOSTILE, "title_zh": HOSTILE}
    _write(data / "sources.yaml", sources)
    return data


@pytest.fixture
def app_on(monkeypatch):
    """Runs the app on a data folder (caches emptied before and after)."""

    def run(data: Path, page: str, **query):
        monkeypatch.setenv(DATA_DIR_ENV, str(data))
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page != PAGES[0]:
            at.switch_page(page).run()
        return at

    yield run
    st.cache_data.clear()


def _markdown_texts(at: AppTest) -> list[str]:
    """Everything the page hands Streamlit as Markdown: text elements, labels, options."""
    texts = [
        e.value for kind in ("markdown", "caption", "subheader", "title", "header") for e in at.get(kind)
    ]
    texts += [e.value for kind in ("info", "warning", "error", "success") for e in at.get(kind)]
    for kind in ("radio", "button", "page_link", "expander", "tab", "download_button", "selectbox"):
        for element in at.get(kind):
            texts.append(str(getattr(element, "label", "")))
            if kind == "radio":
                texts += [str(o) for o in element.options]
    return texts


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_is_text_on_every_page(hostile_data, app_on, page, lang):
    query = {"lang": lang, "zone": "zone_hostile", "rtype": "zones", "record": "zone_hostile"}
    at = app_on(hostile_data, page, **query)
    assert not at.exception, [e.message for e in at.exception]
    markdown = "\n".join(_markdown_texts(at))
    assert [m for m in MARKUP if m in markdown] == []
    html = "\n".join(e.proto.body for e in at.get("html"))
    assert "<img src=x" not in html and "<b>x</b>" not in html and "</script>" not in html
    assert HOSTILE.replace(" ", "") not in markdown.replace(" ", "")  # nowhere unescaped at all


def test_the_corpus_is_markup_unescaped():
    """Proof that the check above can fail: the raw corpus, as a page would show it unescaped."""
    assert [m for m in MARKUP if m in HOSTILE] == list(MARKUP)


# --- broken data sets: (name, change, the file the problem must name) --------------------------


def _empty_zones(data: Path) -> None:
    for path in (data / "zones").glob("*.yaml"):
        path.write_text("[]\n", "utf-8")


def _duplicate_key(data: Path) -> None:
    path = data / "zones" / "shenzhen.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("  kind: cluster\n", "  kind: cluster\n  kind: platform\n", 1), "utf-8")


def _outside_sources(data: Path) -> None:
    path = data / "sources.yaml"
    path.write_text(path.read_text("utf-8").replace("sources/dg_finance_14fyp.txt", "/etc/hostname"), "utf-8")


def _not_utf8(data: Path) -> None:
    path = data / "sources" / "sz_finance_14fyp.txt"
    path.write_bytes(path.read_bytes() + b"\xff\xfe")


def _missing_footprints(data: Path) -> None:
    (data / "geo" / "footprints.geojson").unlink()


def _corrupt_boundaries(data: Path) -> None:
    (data / "geo" / "boundaries.geojson").write_text("{not json", "utf-8")


def _unknown_district(data: Path) -> None:
    path = data / "zones" / "guangzhou.yaml"
    path.write_text(
        path.read_text("utf-8").replace("districts: [越秀区]", "districts: [不存在区]", 1), "utf-8"
    )


def _invalid_yaml(data: Path) -> None:
    (data / "projects" / "dongguan.yaml").write_text("- id: [", "utf-8")


BROKEN = {
    "themes file missing": (lambda d: (d / "themes.yaml").unlink(), "themes.yaml"),
    "plan text not UTF-8": (_not_utf8, "sz_finance_14fyp.txt"),
    "all zone files empty": (_empty_zones, "zones/*.yaml"),
    "a key written twice": (_duplicate_key, "zones/shenzhen.yaml"),
    "plan text outside data/sources": (_outside_sources, "sources.yaml"),
    "invalid YAML": (
        lambda d: (d / "projects" / "dongguan.yaml").write_text("- id: [", "utf-8"),
        "dongguan.yaml",
    ),
    "footprints missing": (_missing_footprints, "footprints.geojson"),
    "boundaries corrupt": (_corrupt_boundaries, "boundaries.geojson"),
    "unknown district": (_unknown_district, "不存在区"),
}


@pytest.fixture(params=sorted(BROKEN))
def broken(request, tmp_path) -> tuple[Path, str]:
    change, named = BROKEN[request.param]
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    change(data)
    return data, named


def test_broken_data_is_a_located_problem_in_the_cli(broken):
    data, named = broken
    run = subprocess.run(
        [sys.executable, "-m", "dashboard.export", "zones", "--format", "geojson", "-o", os.devnull],
        cwd=ROOT, env={**os.environ, DATA_DIR_ENV: str(data)}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and named in run.stderr, run.stderr


def test_broken_data_is_a_located_problem_in_the_app(broken, app_on):
    data, named = broken
    at = app_on(data, PAGES[0])
    assert not at.exception, [e.message for e in at.exception]
    shown = "\n".join([*(e.value for e in at.error), *(e.value for e in at.markdown)])
    assert md_escape(named) in shown, shown[:500]


# --- the command line as a process ------------------------------------------------------------


def _cli(*args: str, stdin=None, preexec=None, shell_tail: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "dashboard.export", *args]
    if shell_tail:
        quoted = " ".join(f"'{a}'" for a in command)
        return subprocess.run(
            f"{quoted} {shell_tail}", shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, preexec_fn=preexec)


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("zones", "-o", "/dev/full"), 1, "No space left on device"),
        (("zones", "-o", ""), 1, "empty"),
        (("zones", "-o", "/nonexistent-folder/zones.csv"), 1, "does not exist"),
        (("zones", "-o", "x" * 300 + ".csv"), 1, "File name too long"),
        (("zones", "--them", "green_finance"), 2, "unrecognized arguments"),
        (("indicators", "--kind", "district"), 2, "unrecognized arguments"),
        (("zones", "--theme", "nope"), 2, "Valid themes"),
        (("zones", "--city", "Atlantis"), 2, "Valid cities"),
        (("nope",), 2, "invalid choice"),
        (("cite", "no_such_record"), 2, "unknown record"),
    ],
)
def test_cli_failures_are_one_line_with_their_code(args, code, message):
    run = _cli(*args)
    assert run.returncode == code, run.stderr
    assert run.stderr.count("\n") == 1 and message in run.stderr and "Traceback" not in run.stderr, run.stderr


def test_cli_into_an_existing_directory_is_refused(tmp_path):
    run = _cli("zones", "-o", str(tmp_path))
    assert run.returncode == 1 and "is a directory" in run.stderr and run.stderr.count("\n") == 1


def test_a_file_size_limit_leaves_the_old_file_intact_and_nothing_else(tmp_path):
    target = tmp_path / "zones.csv"
    target.write_bytes(b"the old file")
    run = _cli("zones", "-o", str(target), preexec=_limit_file_size)
    assert run.returncode == 1 and "Traceback" not in run.stderr and run.stderr.count("\n") == 1, run.stderr
    assert target.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["zones.csv"]


def test_dash_is_standard_output():
    run = _cli("zones", "--header", "ids", "-o", "-")
    assert run.returncode == 0 and run.stdout.startswith("\ufeffzone_id,") and not Path(ROOT / "-").exists()


@pytest.mark.parametrize("tail", ["| head -c 100 > /dev/null", ">&-"])
def test_a_reader_that_closes_or_a_closed_stdout_ends_without_a_traceback(tail):
    run = _cli("projects", shell_tail=tail)
    assert "Traceback" not in run.stderr and run.stderr.count("\n") <= 1, run.stderr
