"""The command line shared by the builds of ``data/geo``: write the files, or ``--check`` them.

Each build is a function from its folder to ``{file name: text}`` that writes nothing; this module
compares those texts with the committed files byte for byte or writes them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

Build = Callable[[Path], dict[str, str]]


def differing_files(out_dir: Path, texts: dict[str, str]) -> list[str]:
    """Names of the files in `texts` that are missing from `out_dir` or differ from it byte for byte."""
    return [
        name
        for name, text in texts.items()
        if not (out_dir / name).exists() or (out_dir / name).read_bytes() != text.encode("utf-8")
    ]


def _described(path: Path, text: str) -> str:
    size = f"{len(text.encode('utf-8')):,} bytes"
    if path.suffix == ".geojson":  # one feature a line between the opening and closing lines
        features = text.count("\n") - 2
        size += f", {features} feature{'' if features == 1 else 's'}"
    return f"wrote {path} ({size})"


def run_build(
    argv: Sequence[str] | None,
    *,
    command: str,
    description: str,
    build: Build,
    folder_option: str,
    default_dir: Path,
    inputs: str,
) -> int:
    """Parse `argv`; with ``--check`` exit 1 naming the stale files (made from `inputs`), else write
    every file. Returns the process exit status."""
    parser = argparse.ArgumentParser(prog=command, description=description)
    parser.add_argument(
        "--check", action="store_true", help="rebuild in memory and fail if a committed file differs"
    )
    parser.add_argument(
        folder_option, dest="folder", type=Path, default=default_dir, help=f"folder (default {default_dir})"
    )
    args = parser.parse_args(argv)
    texts = build(args.folder)
    if args.check:
        stale = differing_files(args.folder, texts)
        if stale:
            print(
                f"{args.folder} is out of date: {', '.join(stale)} differ from a rebuild from {inputs}; "
                f"run `{command}` and commit the result.",
                file=sys.stderr,
            )
            return 1
        print(f"{', '.join(texts)}: up to date")
        return 0
    args.folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.folder / name).write_bytes(text.encode("utf-8"))
        print(_described(args.folder / name, text))
    return 0
