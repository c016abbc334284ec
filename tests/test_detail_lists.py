"""The detail panel's projects and targets as Markdown lists: every cell escaped, empty cells left out."""

from __future__ import annotations

import pandas as pd

from dashboard.text_safety import md_escape
from dashboard.ui.render import record_list


def test_each_record_is_one_line_name_first_id_last_empty_cells_left_out():
    frame = pd.DataFrame(
        {
            "ID": ["p1", "p2"],
            "Name": ["**bold** <b>x</b>", "Plain"],
            "Baseline": ["", "2020 5"],
            "Unit": ["亿元", ""],
        }
    )
    lines = record_list(frame).split("\n")
    assert lines == [
        f"- **{md_escape('**bold** <b>x</b>')}** · {md_escape('Unit: 亿元')} · {md_escape('p1')}",
        f"- **Plain** · {md_escape('Baseline: 2020 5')} · {md_escape('p2')}",
    ]
    assert "<b>" not in lines[0]
