"""The structure keeps its rules, read from the source with `ast`: Streamlit only in the app's own
package, no Chinese text outside the language and schema modules, no language compared to a literal
outside `dashboard.i18n`, no label nobody asks for, no module over 250 lines, and no test importing
the benchmarks.

Each rule is a checker function over source text, and each checker is first shown to flag a crafted
bad source, so a rule that passes on the real code has been seen to be able to fail.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

import pytest

from dashboard import i18n
from tests.conftest import ROOT

MAX_LINES = 250
STREAMLIT_ALLOWED = ("streamlit_app.py", "dashboard/pages/", "dashboard/ui/")
I18N = ("dashboard/i18n.py", "dashboard/i18n/")  # a module, or a package of them
# the modules that read the plans' Chinese headings, and the package's data dictionary (every
# description is written in both languages at once, never chosen by language)
PLAN_READERS = ("dashboard/plan_sections.py", "dashboard/coverage.py")
DATA_DICTIONARY = ("dashboard/publish/",)
LANGUAGE_MODULES = (*I18N, "dashboard/schema.py", *PLAN_READERS, *DATA_DICTIONARY)
CJK = re.compile(
    "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0002fa1f]"
)


def _python_files(*roots: str) -> list[str]:
    """Paths (relative to the project, posix) of the .py files under each root (a folder or a file)."""
    found = []
    for root in roots:
        path = ROOT / root
        found += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [p.relative_to(ROOT).as_posix() for p in found if "__pycache__" not in p.parts]


def _source(path: str) -> str:
    return (ROOT / path).read_text("utf-8")


PRODUCT = _python_files("streamlit_app.py", "dashboard", "geo", "deploy")
DASHBOARD = _python_files("streamlit_app.py", "dashboard")


# ---------------------------------------------------------------- the checkers


def imported_modules(source: str) -> list[tuple[int, str]]:
    """Every module an `import` or `from ... import` names, anywhere in the source (functions too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return sorted(found)


def imports_of(source: str, package: str) -> list[tuple[int, str]]:
    """The imports of `package` or of its submodules; `streamlit` also covers streamlit_folium & co."""
    pattern = re.compile(rf"^{re.escape(package)}(\.|_|$)")
    return [(line, name) for line, name in imported_modules(source) if pattern.match(name)]


def _docstring_nodes(tree: ast.AST) -> set[int]:
    nodes = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        first = node.body[0] if node.body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            nodes.add(id(first.value))
    return nodes


def cjk_literals(source: str) -> list[tuple[int, str]]:
    """String constants (f-string parts included, docstrings excluded) holding a CJK character."""
    tree = ast.parse(source)
    docstrings = _docstring_nodes(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(node.value)
    )


def _names_language(node: ast.AST) -> bool:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return name.lower().endswith("lang")


def _is_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return bool(node.elts) and all(_is_text(e) for e in node.elts)
    return False


def language_comparisons(source: str) -> list[tuple[int, str]]:
    """Comparisons of a name or attribute ending in `lang` with a string literal (or a collection of
    them), and `match` statements on one with a string case."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_names_language(o) for o in operands) and any(_is_text(o) for o in operands):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Match) and _names_language(node.subject):
            for case in node.cases:
                if isinstance(case.pattern, ast.MatchValue) and _is_text(case.pattern.value):
                    found.append((case.pattern.lineno, ast.unparse(case.pattern)))
    return sorted(found)


def string_uses(source: str, skip_dict_keys_of: Iterable[str] = ()) -> tuple[set[str], list[re.Pattern]]:
    """Every string constant of the source, and every f-string as a pattern (its holes match any
    text), leaving out the keys of the dict literals assigned to the names in `skip_dict_keys_of`
    (declaring a key is not using it)."""
    tree = ast.parse(source)
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        named = any(isinstance(t, ast.Name) and t.id in skip_dict_keys_of for t in targets)
        if named and isinstance(node.value, ast.Dict):
            skipped |= {id(k) for k in node.value.keys if k is not None}
    constants, patterns = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [re.escape(v.value) if isinstance(v, ast.Constant) else ".+" for v in node.values]
            patterns.append(re.compile("".join(parts)))
            skipped |= {id(v) for v in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            constants.add(node.value)
    return constants, patterns


def declared_keys(source: str, table: str) -> list[str]:
    """The string keys of the dict literal assigned to `table` in the source."""
    keys = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == table for t in targets):
                keys += [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    return keys


def unused_keys(
    keys: Iterable[str], sources: dict[str, str], declared_in: str | tuple[str, ...], tables: Iterable[str]
) -> list[str]:
    """The keys that no source names, as a string constant or as what an f-string can make (the
    declaring module's own declarations of them do not count)."""
    constants: set[str] = set()
    patterns: list[re.Pattern] = []
    for path, source in sources.items():
        found, made = string_uses(source, tables if path.startswith(declared_in) else ())
        constants |= found
        patterns += made
    return sorted(k for k in keys if k not in constants and not any(p.fullmatch(k) for p in patterns))


def shared_catalog_loads(source: str) -> list[int]:
    """Lines that load the real or the sample catalog (no argument, or `DATA_DIR` / `FIXTURE_DATA`),
    which only the session fixtures of conftest.py may do."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", "")) == "load_catalog"
        ):
            argument = node.args[0] if node.args else None
            if argument is None or (
                isinstance(argument, ast.Name) and argument.id in ("DATA_DIR", "FIXTURE_DATA")
            ):
                found.append(node.lineno)
    return sorted(found)


def long_modules(sources: dict[str, str], limit: int = MAX_LINES) -> dict[str, int]:
    """Modules with more than `limit` lines."""
    return {path: n for path, source in sources.items() if (n := len(source.splitlines())) > limit}


def download_calls(source: str) -> int:
    """Calls of Streamlit's `download_button` (as `st.`, a container's or a bare name's method)."""
    return sum(
        1
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "download_button"
    )


# ---------------------------------------------------------------- each checker can fail

BAD_SOURCE = '''
"""Docstring: 中文 is fine here."""
import streamlit as st
from streamlit.testing.v1 import AppTest
import streamlit_folium
import streamlitish.x
from benchmarks.measure import run
import os, benchmarks


def f(lang, state):
    """说明 in a docstring is fine."""
    import streamlit.components.v1
    label = "广州" if lang == "zh" else f"{state.lang}：x"
    if state.lang != "en" or "zh" == lang or lang in ("zh", "zh-Hant"):
        return "，"
    match lang:
        case "zh":
            return 1
    return lang == other or language == "zh"
'''


def test_the_import_checker_flags_streamlit_anywhere_and_nothing_else():
    assert imports_of(BAD_SOURCE, "streamlit") == [
        (3, "streamlit"),
        (4, "streamlit.testing.v1"),
        (5, "streamlit_folium"),
        (13, "streamlit.components.v1"),
    ]
    assert imports_of(BAD_SOURCE, "benchmarks") == [(7, "benchmarks.measure"), (8, "benchmarks")]
    assert imports_of("import os\nx = 'import streamlit'\n", "streamlit") == []


def test_the_cjk_checker_flags_literals_but_not_docstrings():
    assert cjk_literals(BAD_SOURCE) == [(14, "广州"), (14, "：x"), (16, "，")]  # an f-string's text too
    assert cjk_literals('"""只有说明。"""\n# 注释\nx = "plain"\n') == []


def test_the_language_checker_flags_every_literal_comparison():
    assert [line for line, _ in language_comparisons(BAD_SOURCE)] == [14, 15, 15, 15, 18]
    assert language_comparisons("ok = lang == other or pick(pair, lang)\nx = language == 'zh'\n") == []


def test_the_unused_key_checker_ignores_the_declarations_only():
    declaring = 'UI = {"used": ("甲", "a"), "dead": ("乙", "b")}\n\ndef ui(k): return UI[k]\nui("used")\n'
    assert declared_keys(declaring, "UI") == ["used", "dead"]
    assert unused_keys(["used", "dead"], {"i18n.py": declaring}, "i18n.py", ["UI"]) == ["dead"]
    elsewhere = {"i18n.py": declaring, "page.py": 'ui("dead")\n'}
    assert unused_keys(["used", "dead"], elsewhere, "i18n.py", ["UI"]) == []
    made = {"i18n.py": declaring, "page.py": 'for fmt in FORMATS:\n    ui(f"de{fmt}")\n'}
    assert unused_keys(["used", "dead"], made, "i18n.py", ["UI"]) == []  # an f-string can make "dead"
    assert unused_keys(["used", "dead", "alive"], made, "i18n.py", ["UI"]) == ["alive"]


def test_the_catalog_load_checker_flags_the_shared_catalogs_only():
    crafted = (
        "a = load_catalog()\nb = catalog.load_catalog(DATA_DIR)\nc = load_catalog(FIXTURE_DATA)\n"
        "d = load_catalog(data_copy)\ne = load_catalog(tmp / 'data')\n"
    )
    assert shared_catalog_loads(crafted) == [1, 2, 3]


def test_the_download_checker_finds_every_streamlit_download():
    source = "st.download_button('a', b'')\ntab.download_button('b', b'')\ndownload_button('c', b'')\n"
    assert download_calls(source) == 2


def test_the_length_checker_counts_lines():
    assert long_modules({"a.py": "x = 1\n" * 251, "b.py": "x = 1\n" * 250}) == {"a.py": 251}


# ---------------------------------------------------------------- the rules on the real code


def test_only_the_app_imports_streamlit():
    assert len(PRODUCT) > 40
    offenders = {
        path: found
        for path in PRODUCT
        if not path.startswith(STREAMLIT_ALLOWED) and (found := imports_of(_source(path), "streamlit"))
    }
    assert offenders == {}


def test_the_app_package_does_import_streamlit():
    # guards the rule above against a scan that finds nothing at all
    assert imports_of(_source("dashboard/ui/state.py"), "streamlit")
    assert imports_of(_source("streamlit_app.py"), "streamlit")


def test_chinese_text_lives_only_in_the_language_and_schema_modules():
    offenders = {
        path: [f"{line}: {text[:30]!r}" for line, text in found]
        for path in DASHBOARD
        if not path.startswith(LANGUAGE_MODULES) and (found := cjk_literals(_source(path)))
    }
    assert offenders == {}


def test_only_i18n_compares_the_language_to_a_literal():
    offenders = {
        path: found
        for path in PRODUCT
        if not path.startswith(I18N) and (found := language_comparisons(_source(path)))
    }
    assert offenders == {}


@pytest.mark.parametrize("table", ["UI", "COLUMNS"])
def test_every_label_is_used_somewhere(table):
    sources = {path: _source(path) for path in DASHBOARD}
    keys = [
        k for path, source in sources.items() if path.startswith(I18N) for k in declared_keys(source, table)
    ]
    assert len(keys) > 10
    assert set(keys) <= set(getattr(i18n, table))  # the literal is the table the product uses
    assert unused_keys(keys, sources, I18N, ["UI", "COLUMNS"]) == []


def test_every_download_goes_through_the_one_that_reruns_nothing():
    calls = {path: n for path in DASHBOARD if (n := download_calls(_source(path)))}
    assert calls == {"dashboard/ui/download.py": 1}


def test_no_module_is_over_250_lines():
    sources = {path: _source(path) for path in _python_files("dashboard", "geo")}
    assert len(sources) > 40
    assert long_modules(sources) == {}


def test_only_the_session_fixtures_load_the_shared_catalogs():
    offenders = {
        path: found
        for path in _python_files("tests")
        if path != "tests/conftest.py" and (found := shared_catalog_loads(_source(path)))
    }
    assert offenders == {}
    assert shared_catalog_loads(_source("tests/conftest.py"))  # where they are loaded, once


def test_no_test_imports_the_benchmarks():
    offenders = {
        path: found for path in _python_files("tests") if (found := imports_of(_source(path), "benchmarks"))
    }
    assert offenders == {}
