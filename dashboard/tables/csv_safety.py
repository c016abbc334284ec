"""CSV bytes that Excel opens cleanly and cannot turn into formulas.

UTF-8 with a byte-order mark (without it Excel reads Chinese as a legacy code page), RFC 4180
quoting with CRLF line ends, and any text cell that a spreadsheet would evaluate (starting with
=, +, -, @, tab or carriage return) prefixed with an apostrophe. Plain numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def neutralize_cell(value: object) -> str:
    """Return the cell as text a spreadsheet shows literally."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """Serialize a table (headers included) to Excel-safe CSV bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralize_cell(c) for c in table.columns])
    for row in table.itertuples(index=False):
        writer.writerow([neutralize_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")
