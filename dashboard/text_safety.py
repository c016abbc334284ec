"""Plan text as literal text in Streamlit's Markdown: no markup, links, LaTeX or HTML from data."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:&=])")


def md_escape(text: object) -> str:
    """Backslash-escape every character Markdown (and Streamlit's LaTeX, HTML) could interpret."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", "" if text is None else str(text))
