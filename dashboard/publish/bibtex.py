"""BibTeX entries, written out field by field with every special character escaped, so a hostile
title or quote stays text and cannot end an entry or start a command."""

from __future__ import annotations

import re

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "#": r"\#",
    "&": r"\&",
    "$": r"\$",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_PATTERN = re.compile("|".join(re.escape(c) for c in _SPECIAL))
_KEY = re.compile(r"[^A-Za-z0-9_:.-]")
_WHITESPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Text as a BibTeX field value: special characters escaped, whitespace runs made one space."""
    return _PATTERN.sub(lambda m: _SPECIAL[m[0]], _WHITESPACE.sub(" ", text).strip())


def entry(kind: str, key: str, fields: dict[str, str | None], *, verbatim: tuple[str, ...] = ()) -> str:
    """One `@kind{key, ...}` entry; None fields are left out. Fields named in `verbatim` are already
    BibTeX (e.g. a corporate author in double braces) and are not escaped."""
    lines = [f"@{kind}{{{_KEY.sub('_', key)},"]
    for name, value in fields.items():
        if value is None or value == "":
            continue
        text = value if name in verbatim else escape(value)
        lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines)


def corporate(name: str) -> str:
    """A corporate author, kept whole (not split into given and family names)."""
    return "{" + escape(name) + "}"
