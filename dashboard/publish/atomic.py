"""Writes that never leave a half-written output: a temporary file or folder in the target's own
folder, renamed over the target once complete."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def write_bytes(path: Path, payload: bytes) -> Path:
    """Write a file atomically (same folder, then `os.replace`)."""
    path = Path(path)
    with atomic_file(path) as temporary:
        temporary.write_bytes(payload)
    return path


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`; renamed to `path` if the block succeeds, removed if not."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"cannot write {path}: folder {path.parent} does not exist")
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(0o644)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


class NotReplaceable(OSError):
    """The target folder exists and holds something other than an earlier output."""


@contextlib.contextmanager
def atomic_dir(path: Path, marker: str) -> Iterator[Path]:
    """A temporary folder beside `path`; it replaces `path` if the block succeeds.

    An existing `path` is replaced only if it is empty or holds `marker` (an earlier output), so a
    wrong `-o` never deletes someone's folder.
    """
    path = Path(path)
    if path.exists() and (not path.is_dir() or (any(path.iterdir()) and not (path / marker).exists())):
        raise NotReplaceable(f"{path} exists and is not an earlier output (no {marker}); not replacing it")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        yield temporary
        temporary.chmod(0o755)
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            os.replace(path, old / path.name)
            os.replace(temporary, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temporary, path)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
