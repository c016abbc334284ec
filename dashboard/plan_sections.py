"""The sections of a plan, found from its own headings, and the section that holds a quote.

The five plans share a heading vocabulary but use it differently, so each kind of heading has a
rank and a heading closes every open section of the same or a lower rank:

    附件N (0) > 第X章, 前言 (1) > 第X节 (2) > 一、, 第X条 (3) > （一） (4) > 1. and 附件 rows (5) > —— (6)

A box (专栏, or a 表 caption) opens inside the current section; its numbered items (1．2．… or
一、二、… counting up from one) are its children, and any other heading, or a paragraph indented
with full-width spaces, closes it. Lines of the table of contents (ending in a page number) and
table rows (a tab between cells) are never headings. In a 附件 a line holding only a number starts
a row (第N项), its first line giving the title.

Offsets are into the plan's whitespace-free text (`normalize_whitespace`), where quotes are
matched. A section's `body` is the text it owns itself: its lines up to its first subsection and
back after a closed box, without its heading line when it has subsections.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from dashboard.checks import normalize_whitespace

_CN = "零一二三四五六七八九十百"
_HEADINGS = (  # kind, pattern of the label at the start of the stripped line, rank
    ("annex", re.compile(r"附件\s*\d*$"), 0),
    ("preface", re.compile(r"前\s*言$"), 1),
    ("chapter", re.compile(rf"第[{_CN}]+章"), 1),
    ("section", re.compile(rf"第[{_CN}]+节"), 2),
    ("box", re.compile(r"专栏\s*\d*|表(?=\s)"), 7),
    ("part", re.compile(rf"[{_CN}]+、|第[{_CN}]+条"), 3),
    ("sub", re.compile(rf"[（(][{_CN}]+[）)]"), 4),
    ("item", re.compile(r"\d{1,2}\s*[.．、](?!\d)"), 5),
    ("dash", re.compile(r"——"), 6),
)
_ROW = re.compile(r"\d{1,3}$")
_NUMBERED = ("part", "sub", "item")
_TOC_LINE = re.compile(r"\s*\S.*?(\.{3,}|…{2,}|\t)\s*\d+\s*$")
_TABLE_ROW = re.compile(r"\S.*\t")
_INDENT = "\u3000\u3000"
_SENTENCE_END = tuple("。；：！？”）")


@dataclass(frozen=True)
class Section:
    """One heading of a plan and the text it owns."""

    index: int
    parent: int | None
    kind: str
    label: str  # as printed: 第三章, （二）, 1., 专栏6, 第3项; "（开头）" for the text before any heading
    title: str  # the heading's words after the label, up to the first full stop
    path: tuple[str, ...]  # labels from the outermost section down to this one
    start: int
    stop: int  # end of this section and its subsections
    body: str  # the text it owns itself, whitespace-free

    def heading(self, title_chars: int = 30) -> str:
        """The labels of the enclosing sections, then this one's label and (cut) title."""
        title = self.title if len(self.title) <= title_chars else self.title[: title_chars - 1] + "…"
        gap = "" if not title or self.label[-1] in "、）.．—" else " "
        return " ".join((*self.path[:-1], f"{self.label}{gap}{title}"))


def _number(label: str) -> int:
    """The number of a numbered label: 12. → 12, （十五） → 15, 二十一、 → 21."""
    digits = re.sub(r"\D", "", label)
    if digits:
        return int(digits)
    value, chars = 0, re.sub(rf"[^{_CN}]", "", label)
    tens = chars.find("十")
    if tens >= 0:
        value = 10 * (_CN.index(chars[tens - 1]) if tens > 0 else 1)
        chars = chars[tens + 1 :]
    return value + (_CN.index(chars[0]) if chars else 0)


def _heading(raw: str, in_annex: bool) -> tuple[str, str, str, int] | None:
    """(kind, label, rest of the line, rank) of a heading line, else None."""
    line = raw.strip()
    if not line or _TABLE_ROW.search(raw) or _TOC_LINE.match(raw):
        return None
    if in_annex and _ROW.match(line):
        return "row", f"第{line}项", "", 5
    for kind, pattern, rank in _HEADINGS:
        match = pattern.match(line)
        if match:
            label = re.sub(r"\s+", "", match.group(0)).replace("(", "（").replace(")", "）")
            return kind, label, line[match.end() :], rank
    return None


def _title(rest: str, lines: list[str], i: int) -> str:
    """The heading's words: the rest of its line, else the next non-empty line; cut at 。 or ：."""
    if not rest.strip():
        rest = next((line for line in lines[i + 1 : i + 4] if line.strip()), "")
    words = re.split(r"[。：:]", normalize_whitespace(rest).replace("*", ""), maxsplit=1)[0]
    return words[:30] + ("…" if len(words) > 30 else "")


@dataclass
class _Open:
    kind: str
    label: str
    title: str
    rank: int
    parent: int | None
    start: int
    stop: int = 0
    lines: list[int] = field(default_factory=list)
    last_item: int = 0
    item_kind: str | None = None
    interrupts: bool = False  # a box set in the middle of a sentence, which resumes after it


def _next_item(box: _Open, head: tuple[str, str, str, int]) -> bool:
    """Whether a heading is the next numbered item of an open box (and count it if so)."""
    kind, label = head[0], head[1]
    if kind not in _NUMBERED or box.item_kind not in (None, kind) or _number(label) != box.last_item + 1:
        return False
    box.item_kind, box.last_item = kind, box.last_item + 1
    return True


def _closes_box(box: _Open, raw: str, head: tuple[str, str, str, int] | None) -> bool:
    """A box ends at a heading that is not its next item, at a paragraph indented with full-width
    spaces, and, when it cut a sentence short, at the next page (a line starting with a space)."""
    if head is not None:
        return not _next_item(box, head)
    return raw.startswith(_INDENT) or (box.interrupts and raw.startswith(" "))


def _parse(lines: list[str], starts: list[int]) -> tuple[list[_Open], list[int]]:
    """The sections opened while reading `lines` (the text before any heading first), and the
    section owning each line."""
    opened = [_Open("front", "（开头）", "", -1, None, 0)]
    stack, owners, box, previous = [0], [], None, ("。", True)

    def close(down_to: int, at: int) -> None:
        while len(stack) > down_to:
            opened[stack.pop()].stop = at

    for i, raw in enumerate(lines):
        at = starts[i]
        head = _heading(raw, any(opened[s].kind == "annex" for s in stack))
        if box is not None and _closes_box(opened[box], raw, head):
            close(stack.index(box), at)
            box = None
        if head is not None:
            kind, label, rest, rank = head
            if box is not None:
                close(stack.index(box) + 1, at)
            else:
                while opened[stack[-1]].rank >= rank or (kind == "box" and opened[stack[-1]].kind == "dash"):
                    close(len(stack) - 1, at)
            opened.append(_Open(kind, label, _title(rest, lines, i), rank, stack[-1], at))
            stack.append(len(opened) - 1)
            if kind == "box":
                box = stack[-1]
                opened[box].interrupts = not previous[1] and not previous[0].endswith(_SENTENCE_END)
        if not _TOC_LINE.match(raw):
            opened[stack[-1]].lines.append(i)
        owners.append(stack[-1])
        if raw.strip():
            previous = (raw.strip(), head is not None)
    close(1, starts[-1])
    return opened, owners


class PlanSections:
    """A plan text cut into sections; `locate` finds the section that holds a quote."""

    def __init__(self, text: str):
        lines = text.splitlines()
        flat = [normalize_whitespace(line) for line in lines]
        self.text = "".join(flat)
        self._line_starts = [0]
        for line in flat:
            self._line_starts.append(self._line_starts[-1] + len(line))
        opened, self._owners = _parse(lines, self._line_starts)
        opened[0].stop = len(self.text)
        self.sections = self._freeze(opened, flat)

    @staticmethod
    def _freeze(opened: list[_Open], flat: list[str]) -> list[Section]:
        has_children = {o.parent for o in opened}
        sections: list[Section] = []
        for index, o in enumerate(opened):
            own = o.lines[1:] if index in has_children and index > 0 else o.lines
            body = "".join(flat[i] for i in own)
            parent = o.parent if o.parent else None
            path = (*sections[parent].path, o.label) if parent is not None else (o.label,)
            sections.append(Section(index, parent, o.kind, o.label, o.title, path, o.start, o.stop, body))
        return sections

    def _enclosing(self, start: int, end: int) -> int:
        """The innermost section holding the text between two offsets."""
        line = bisect.bisect_right(self._line_starts, start) - 1
        index = self._owners[min(line, len(self._owners) - 1)]
        while index and self.sections[index].stop < end:
            index = self.sections[index].parent or 0
        return index

    def locate(self, quote: str, locator: str = "") -> Section | None:
        """The section holding `quote` (whitespace ignored); of several places, the one whose labels
        the `locator` names most often, else the first. None when the quote is not in the text."""
        needle = normalize_whitespace(quote)
        hint = normalize_whitespace(locator).replace("(", "（").replace(")", "）")
        candidates, at = [], self.text.find(needle) if needle else -1
        while at >= 0:
            candidates.append(self.sections[self._enclosing(at, at + len(needle))])
            at = self.text.find(needle, at + 1)
        if not candidates:
            return None
        return max(candidates, key=lambda s: sum(label.rstrip("、.．") in hint for label in s.path))
