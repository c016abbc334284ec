"""The repository keeps its promises: the README's commands, options and file names match the code,
its examples run, and lint is clean. Each README check is a function shown to flag a crafted README."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from dashboard.export import build_parser, main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
TABLE_COMMANDS = ("zones", "projects", "indicators", "places")


def section(text: str, title: str) -> str:
    """The body of a `## title` section of a Markdown text ('' when there is none)."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return match.group(1) if match else ""


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices


def parser_options(parser: argparse.ArgumentParser, commands) -> dict[str, tuple[str, ...] | None]:
    """Each option of the given subcommands (help and the long form of -o aside) and its choices."""
    options = {}
    for name in commands:
        for action in subcommands(parser)[name]._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help", "--output"):
                    options[option] = tuple(action.choices) if action.choices else None
    return options


def documented_options(text: str) -> dict[str, tuple[str, ...] | None]:
    """The options a text documents in backticks, with the choices written as `--opt a|b`."""
    options = {}
    for option, argument in re.findall(r"`(--?[a-z][a-z-]*)(?:\s+([^`]+))?`", text):
        choices = tuple(argument.split("|")) if argument and "|" in argument else None
        options[option] = choices
    return options


def option_mismatches(documented: dict, actual: dict) -> list[str]:
    """What a README gets wrong about the options: missing, extra, or other choices."""
    problems = [f"undocumented {o}" for o in sorted(set(actual) - set(documented))]
    problems += [f"no such option {o}" for o in sorted(set(documented) - set(actual))]
    problems += [
        f"{o} choices are {'|'.join(actual[o])}, documented {'|'.join(documented[o])}"
        for o in sorted(set(actual) & set(documented))
        if documented[o] is not None and actual[o] is not None and set(documented[o]) != set(actual[o])
    ]
    return problems


def undocumented_commands(text: str, commands) -> list[str]:
    """The subcommands the text names neither in a `python -m dashboard.export NAME` command nor
    at the start of a backticked `NAME --option` example."""
    named = set(re.findall(r"-m dashboard\.export ([a-z-]+)", text)) | set(re.findall(r"`([a-z-]+) -", text))
    return [c for c in commands if c not in named]


def missing_paths(text: str, base: Path = ROOT) -> list[str]:
    """The project files a text names in backticks (a path with a folder, or a bare module `x.py`)
    that do not exist; bare names of other files (`datapackage.json`) are outputs, not checked."""
    missing = []
    for name in re.findall(r"`([\w./-]+\.(?:py|md|yaml|geojson|json|txt|csv))`", text):
        if "*" in name or ("/" not in name and not name.endswith(".py")):
            continue
        exists = (
            (base / name).exists() or (ROOT / name).exists() if "/" in name else any(ROOT.glob(f"**/{name}"))
        )
        if not exists:
            missing.append(name)
    return missing


# ---------------------------------------------------------------- each checker can fail


def test_the_option_check_flags_a_wrong_readme():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers().add_parser("zones")
    sub.add_argument("--lang", choices=("zh", "zh-Hant", "en"))
    sub.add_argument("--header", choices=("labels", "ids"))
    sub.add_argument("-o", "--output")
    actual = parser_options(parser, ["zones"])
    crafted = "Options: `--lang zh|en`, `--colour NAME`, `-o FILE`, `--header\nlabels`."
    assert option_mismatches(documented_options(crafted), actual) == [
        "no such option --colour",
        "--lang choices are zh|zh-Hant|en, documented zh|en",
    ]
    assert (
        option_mismatches(documented_options("`--lang zh|zh-Hant|en` `--header labels|ids` `-o`"), actual)
        == []
    )


def test_the_command_and_path_checks_flag_a_wrong_readme():
    crafted = (
        "    python -m dashboard.export zones\nAlso `cite --index N`.\n"
        "See `dashboard/catalog.py`, `out.json`, `nowhere.py` and `dashboard/gone.py`."
    )
    assert undocumented_commands(crafted, ["zones", "cite", "places"]) == ["places"]
    assert missing_paths(crafted) == ["nowhere.py", "dashboard/gone.py"]


# ---------------------------------------------------------------- the README


def test_readme_starts_with_the_two_commands():
    commands = re.findall(r"^    (bash scripts/setup\.sh.*)$", README, flags=re.M)
    assert commands[:2] == [
        "bash scripts/setup.sh && .venv/bin/streamlit run streamlit_app.py",
        "bash scripts/setup.sh --dev && .venv/bin/python -m pytest",
    ]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "bash scripts/setup.sh --dev && .venv/bin/python -m pytest" in ci


def test_readme_documents_every_export_option_and_no_other():
    export = section(README, "Export the tables")
    assert export, "the README has no 'Export the tables' section"
    # the commands the section shows, and every option of theirs
    commands = list(dict.fromkeys(re.findall(r"-m dashboard\.export ([a-z-]+)", export)))
    assert set(TABLE_COMMANDS) <= set(commands)
    actual = parser_options(build_parser(), commands)
    assert {"--theme", "--city", "--lang", "--header", "--format", "-o"} <= set(actual)
    assert option_mismatches(documented_options(export), actual) == []


def test_readme_names_every_command():
    assert undocumented_commands(README, subcommands(build_parser())) == []


def test_readme_names_only_files_that_exist():
    assert missing_paths(README) == []
    assert missing_paths((ROOT / "data" / "README.md").read_text("utf-8"), ROOT / "data") == []


def test_readme_export_examples_run(tmp_path, monkeypatch):
    monkeypatch.delenv("GBA_DATA_DIR", raising=False)
    export = section(README, "Export the tables")
    examples = [
        re.sub(r"\s{2,}#.*$", "", line)
        for line in re.findall(r"^    \.venv/bin/python -m dashboard\.export (.*)$", export, flags=re.M)
    ]
    assert len(examples) >= 4
    failed = []
    for number, line in enumerate(examples):
        args = line.split()
        if "-o" in args:
            args[args.index("-o") + 1] = str(tmp_path / args[args.index("-o") + 1])
        else:
            args += ["-o", str(tmp_path / f"example{number}.out")]
        if main(args) != 0:
            failed.append(line)
    assert failed == []


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "concise", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
