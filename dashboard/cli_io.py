"""How the command line writes its output: atomically to a file, or to standard output, and
failing with one line on stderr instead of a traceback.

A file is written to a temporary file in its own directory and renamed over the target only once
complete, so a failed run leaves no partial file and an existing file intact. Special files
(`/dev/full`, a terminal) are written directly, never replaced.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

EXIT_IO = 1
EXIT_USAGE = 2
STDOUT = "-"


class OutputError(Exception):
    """The output could not be written; the message says where and why."""


def _describe(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_file(path: str, payload: bytes) -> None:
    """Write `payload` to `path` atomically (see module docstring); raise `OutputError`."""
    if path == "":
        raise OutputError("the output file name is empty")
    try:
        _write_file(Path(path), payload)
    except OSError as exc:  # a name too long, a path through a file: whatever the system refuses
        raise OutputError(f"{path}: {_describe(exc)}") from exc


def _write_file(target: Path, payload: bytes) -> None:
    path = str(target)
    if target.is_dir():
        raise OutputError(f"{path}: is a directory")
    if target.exists() and not target.is_file():
        try:
            with open(target, "wb") as handle:
                handle.write(payload)
        except OSError as exc:
            raise OutputError(f"{path}: {_describe(exc)}") from exc
        return
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"{path}: the directory {directory} does not exist")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, renamed or removed)
            dir=directory, prefix=f".{target.name[:50]}.", delete=False
        )
    except OSError as exc:
        raise OutputError(f"{path}: {_describe(exc)}") from exc
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(handle.name, target.stat().st_mode & 0o777)
        else:
            os.chmod(handle.name, 0o666 & ~_umask())
        os.replace(handle.name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise OutputError(f"{path}: {_describe(exc)}") from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_stdout(payload: bytes) -> int:
    """Write to standard output; a reader that closes early (`| head`) ends the run quietly."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        print("error: standard output is closed", file=sys.stderr)
        return EXIT_IO
    try:
        stream.write(payload)
        stream.flush()
    except BrokenPipeError:
        # keep the interpreter's own flush at exit from failing again on the closed pipe
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_IO
    except OSError as exc:
        print(f"error: cannot write to standard output: {_describe(exc)}", file=sys.stderr)
        return EXIT_IO
    return 0


def write_output(path: str | None, payload: bytes) -> int:
    """Write to the file `path`, or to standard output for None or "-"; returns the exit code."""
    if path is None or path == STDOUT:
        return write_stdout(payload)
    try:
        write_file(path, payload)
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_IO
    return 0
