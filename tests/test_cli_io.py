"""Writing the command line's output: atomically to a file (a failure leaves the old file and no
temporary behind), directly to special files, to standard output; every failure one line."""

from __future__ import annotations

import io
import os
import stat

import pytest

from dashboard import cli_io
from dashboard.cli_io import EXIT_IO, EXIT_USAGE, OutputError, write_file, write_output, write_stdout


def test_exit_codes():
    assert (EXIT_IO, EXIT_USAGE) == (1, 2)


def test_a_new_file_gets_the_bytes_and_the_usual_mode(tmp_path):
    target = tmp_path / "out.csv"
    write_file(str(target), b"a,b\r\n")
    assert target.read_bytes() == b"a,b\r\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_replacing_a_file_keeps_its_mode(tmp_path):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_file(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli_io.os, "replace", fail)
    with pytest.raises(OutputError, match=r"out\.csv: No space left on device$"):
        write_file(str(target), b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "the output file name is empty"),
        ("{tmp}", "{tmp}: is a directory"),
        ("{tmp}/missing/out.csv", "{tmp}/missing/out.csv: the directory {tmp}/missing does not exist"),
        ("/dev/full", "/dev/full: No space left on device"),
    ],
)
def test_unwritable_targets(tmp_path, name, message):
    with pytest.raises(OutputError) as info:
        write_file(name.format(tmp=tmp_path), b"x")
    assert str(info.value) == message.format(tmp=tmp_path)


def test_special_files_are_written_not_replaced():
    write_file("/dev/null", b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_write_output_reports_one_line_and_exit_1(tmp_path, capsys):
    assert write_output(str(tmp_path / "none" / "x.csv"), b"x") == EXIT_IO
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert write_output(str(tmp_path / "x.csv"), b"x") == 0
    assert (tmp_path / "x.csv").read_bytes() == b"x"


def test_dash_and_none_mean_standard_output(capsysbinary):
    assert write_output("-", b"one") == 0
    assert write_output(None, b"two") == 0
    assert capsysbinary.readouterr().out == b"onetwo"


class _Stream:
    def __init__(self, error: OSError | None):
        self.error = error
        self.buffer = self

    def write(self, _payload):
        if self.error is not None:
            raise self.error

    def flush(self):
        pass

    def fileno(self):
        raise io.UnsupportedOperation


def test_standard_output_that_fails(monkeypatch, capsys):
    monkeypatch.setattr(cli_io.sys, "stdout", _Stream(OSError(5, "Input/output error")))
    assert write_stdout(b"x") == EXIT_IO
    assert capsys.readouterr().err == "error: cannot write to standard output: Input/output error\n"


def test_standard_output_that_is_closed(monkeypatch, capsys):
    monkeypatch.setattr(cli_io.sys, "stdout", None)
    assert write_stdout(b"x") == EXIT_IO
    assert capsys.readouterr().err == "error: standard output is closed\n"
