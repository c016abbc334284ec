"""Plan text as literal text in Streamlit's Markdown."""

from __future__ import annotations

import pytest

from dashboard.text_safety import md_escape
from tests.hostile import TEXT_HOSTILE


@pytest.mark.parametrize("text", TEXT_HOSTILE)
def test_every_markdown_special_character_is_escaped(text):
    escaped = md_escape(text)
    specials = set("\\`*_{}[]()#+-.!|<>$~:&=")
    # each special character is preceded by a backslash, nothing else changes
    plain, i = [], 0
    while i < len(escaped):
        if escaped[i] == "\\":
            assert escaped[i + 1] in specials, (text, escaped)
            plain.append(escaped[i + 1])
            i += 2
        else:
            assert escaped[i] not in specials, (text, escaped)
            plain.append(escaped[i])
            i += 1
    assert "".join(plain) == text


def test_literal_examples():
    assert md_escape("**粗体** $x$") == "\\*\\*粗体\\*\\* \\$x\\$"
    assert md_escape(None) == ""
    assert md_escape(3.5) == "3\\.5"
    assert md_escape("前海") == "前海"
