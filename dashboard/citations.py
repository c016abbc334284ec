"""Find a quote inside its plan and cut out the paragraph around it, for the citation viewer."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_WS = re.compile(r"\s")
_BLANK_LINES = re.compile(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)+")


@dataclass(frozen=True)
class QuoteContext:
    """A passage of the plan with the quote's position inside it."""

    before: str
    quote: str
    after: str
    line: int  # 1-based line of the plan where the quote starts


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Start and end offsets of `quote` in `text`, ignoring whitespace as the citation check does."""
    kept = [i for i, ch in enumerate(text) if not _WS.match(ch)]
    squeezed = "".join(text[i] for i in kept)
    needle = _WS.sub("", quote)
    position = squeezed.find(needle) if needle else -1
    if position < 0:
        return None
    return kept[position], kept[position + len(needle) - 1] + 1


def context(text: str, quote: str, lines_around: int = 2) -> QuoteContext | None:
    """The quote with a few lines of its plan either side; None when it is not in the text."""
    span = locate(text, quote)
    if span is None:
        return None
    start, end = span
    para_start = start
    for _ in range(lines_around + 1):
        para_start = text.rfind("\n", 0, max(para_start - 1, 0)) + 1
        if para_start == 0:
            break
    para_end = end
    for step in range(lines_around + 1):
        found = text.find("\n", para_end + (1 if step else 0))
        if found < 0:
            para_end = len(text)
            break
        para_end = found
    return QuoteContext(
        before=text[para_start:start],
        quote=text[start:end],
        after=text[end:para_end],
        line=text.count("\n", 0, start) + 1,
    )


def highlighted_html(ctx: QuoteContext) -> str:
    """The passage as escaped HTML with the quote marked; line breaks kept."""
    body = html.escape(ctx.before) + "<mark>" + html.escape(ctx.quote) + "</mark>" + html.escape(ctx.after)
    # the PDF extraction leaves blank lines between printed lines; one break per line reads better
    body = _BLANK_LINES.sub("\n", body.strip("\n"))
    return '<div class="plan-passage">' + body.replace("\n", "<br>") + "</div>"
