"""CSV that Excel opens cleanly (BOM, RFC 4180, CRLF) and cannot turn into formulas."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from dashboard.tables.csv_safety import neutralize_cell, to_csv_bytes


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3.5", "-3.5"),  # plain numbers stay numbers
        ("-12", "-12"),
        ("-", "'-"),
        ("前海", "前海"),
        ("a=b", "a=b"),
        (None, ""),
        (12, "12"),
    ],
)
def test_formula_cells_are_neutralized(cell, written):
    assert neutralize_cell(cell) == written


def test_csv_is_utf8_with_bom_rfc4180_with_crlf():
    payload = to_csv_bytes(pd.DataFrame({"a": ['say "hi", ok', "line\nbreak"], "b": ["x", "y"]}))
    assert payload == b'\xef\xbb\xbfa,b\r\n"say ""hi"", ok",x\r\n"line\nbreak",y\r\n'


def test_headers_are_neutralized_too_and_chinese_round_trips():
    payload = to_csv_bytes(pd.DataFrame({"=x": ["深圳"]}))
    assert list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline=""))) == [["'=x"], ["深圳"]]
