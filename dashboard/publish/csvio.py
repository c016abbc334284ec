"""The package's CSV files: Excel-safe like the app's downloads, and exactly reversible.

Bytes as `dashboard.tables.csv_safety` writes them (UTF-8 with a byte-order mark, RFC 4180, CRLF), and a
text cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
apostrophe. So that reading gives back exactly what was written, a cell that itself starts with an
apostrophe gets one more. `restore_cell` undoes both.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from dashboard.tables.csv_safety import to_csv_bytes

ENCODING = "utf-8"  # declared in the descriptor; the byte-order mark is read as part of UTF-8
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def protect_cell(text: str) -> str:
    """The cell as stored: `neutralize_cell`, plus one more apostrophe before a leading one."""
    return "'" + text if text.startswith("'") else text


def restore_cell(text: str) -> str:
    """Undo the protection: drop the apostrophe added before a formula start or an apostrophe."""
    if text.startswith("'") and text[1:2] and text[1] in (*_FORMULA_START, "'"):
        return text[1:]
    return text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """CSV bytes of text cells. `to_csv_bytes` neutralizes formulas; apostrophes are doubled first."""
    frame = pd.DataFrame([[protect_cell(c) for c in row] for row in rows], columns=list(header), dtype=object)
    return to_csv_bytes(frame)


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows (text cells, protection undone) of a package CSV."""
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = [dict(zip(header, (restore_cell(c) for c in row), strict=True)) for row in reader]
    return header, rows
