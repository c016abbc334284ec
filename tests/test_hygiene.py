"""The repository keeps its promises: README commands and options match the code, lint is clean."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from dashboard.export import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


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
    options = {o for action in build_parser()._actions for o in action.option_strings if o.startswith("--")}
    options -= {"--help", "--output"}
    documented = set(re.findall(r"`(--[a-z]+)", README.split("## Export the tables")[1].split("## ")[0]))
    assert documented == options


def test_readme_export_examples_run(tmp_path):
    for line in re.findall(r"^    \.venv/bin/python (-m dashboard\.export .*)$", README, flags=re.M):
        args = line.split()[2:]
        if "-o" in args:
            args[args.index("-o") + 1] = str(tmp_path / args[args.index("-o") + 1])
        result = subprocess.run(
            [sys.executable, "-m", "dashboard.export", *args], cwd=ROOT, capture_output=True
        )
        assert result.returncode == 0, (line, result.stderr.decode())


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_the_readme_check_can_fail():
    # guard against a vacuous check: a made-up option is not found in the README
    assert "`--colour" not in README
