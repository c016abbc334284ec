"""Text that is dangerous wherever it lands: every string carries markup, a script, a formula, Markdown
or LaTeX, so a test that finds it rendered as text has really proved the escaping."""

from __future__ import annotations

# each one breaks HTML if it is not escaped (every string holds a < or an &)
HTML_HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)></iframe>",
    "</b><b>bold",
    "<a href='javascript:alert(1)'>x</a>",
    "&lt;script&gt; (already escaped once)",
    "<style>*{display:none}</style>",
    "${alert(1)}<br>",
    "`<script>`",
    "前海<b>深港</b>",
)

# each one means something to a spreadsheet, to Markdown or to Streamlit's LaTeX if not neutralized
TEXT_HOSTILE = (
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "[link](javascript:alert(1))",
    "**bold** _it_",
    "$x^2$",
    "# heading",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "|a|b|\n|-|-|",
)
