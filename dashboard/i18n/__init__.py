"""Every user-facing word in every language, and the only place that branches on the language.

Labels are (zh, en) pairs. Other modules ask for a pair's half (`pick`), a record's field in the
language (`field`), an id → name map (`names_by_id`), a vocabulary value's label (`label`) or a
UI string (`ui`); none of them compares the language to a literal.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Literal

import opencc
import pandas as pd

from dashboard.i18n.labels import COLUMNS, VOCABULARY_LABELS, city_column
from dashboard.i18n.strings import UI

Lang = Literal["zh", "zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh", "zh-Hant", "en")
SOURCE_LANG: Lang = "zh"  # the plans' language: `_zh` columns hold what its tables show
LANG_NAMES = {"zh": "简体中文", "zh-Hant": "繁體中文", "en": "English"}
_PICK = {"zh": 0, "zh-Hant": 0, "en": 1}
_HTML_LANG = {"zh": "zh-CN", "zh-Hant": "zh-HK", "en": "en"}
# Languages shown by converting the Simplified text with OpenCC (s2hk: Traditional, Hong Kong usage)
_OPENCC_CONFIG = {"zh-Hant": "s2hk"}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@cache
def localize(text: str, lang: Lang) -> str:
    """Simplified Chinese text as the language writes it (Traditional for zh-Hant); else unchanged.

    For labels and the data's own wording (names, positioning); never for quotes, which stay
    exactly as the plans publish them.
    """
    config = _OPENCC_CONFIG.get(lang)
    return _converter(config).convert(text) if config and text else text


def html_lang(lang: Lang) -> str:
    """The language's BCP 47 tag, for an HTML document or a citation."""
    return _HTML_LANG[lang]


def writes_chinese(lang: Lang) -> bool:
    """Whether the language is a Chinese script (citations then follow GB/T 7714)."""
    return _PICK[lang] == 0


def needs_conversion(lang: Lang) -> bool:
    """Whether the data's Chinese text is converted for the language (see `localize`)."""
    return lang in _OPENCC_CONFIG


def pick(pair: tuple[str, str], lang: Lang) -> str:
    """Choose the language's half of a (zh, en) pair."""
    return localize(pair[_PICK[lang]], lang)


def field(name: str, lang: Lang) -> str:
    """The record field holding `name` in the language: field("name", "zh") == "name_zh"."""
    return f"{name}_{'zh' if _PICK[lang] == 0 else 'en'}"


def other_field(name: str, lang: Lang) -> str:
    """The same field in the other language (the detail panel's second name)."""
    return f"{name}_{'en' if _PICK[lang] == 0 else 'zh'}"


def names_by_id(frame: pd.DataFrame, lang: Lang, name: str = "name") -> dict[str, str]:
    """id → the record's `name` field in the language, for a table of themes, sources, zones ..."""
    return dict(zip(frame["id"], frame[field(name, lang)], strict=True))


def label(vocabulary: str, value: str, lang: Lang) -> str:
    """A vocabulary value's label; a value without one (e.g. an unusual unit) passes through."""
    pair = VOCABULARY_LABELS[vocabulary].get(value)
    return value if pair is None else pick(pair, lang)


def labels(vocabulary: str, lang: Lang) -> dict[str, str]:
    """Every value of a vocabulary with its label, in declaration order."""
    return {value: pick(pair, lang) for value, pair in VOCABULARY_LABELS[vocabulary].items()}


def city_label(city: str, lang: Lang) -> str:
    """A city's name in the language; unknown names pass through unchanged."""
    return label("city", city, lang)


def has_chinese_twin(lang: Lang) -> bool:
    """Whether tables in the language carry the plans' Chinese in extra `_zh` columns."""
    return _PICK[lang] != 0


def column_label(column: str, lang: Lang) -> str:
    """The header of a table column in the language; `X_zh` is X's label marked as Chinese."""
    if column in COLUMNS:
        return pick(COLUMNS[column], lang)
    if column.endswith("_zh") and column[:-3] in COLUMNS:
        return pick(COLUMNS[column[:-3]], lang) + ui("chinese_suffix", lang)
    raise KeyError(column)


def ui(key: str, lang: Lang, **values: object) -> str:
    """A user-interface string in the language, with any {placeholders} filled in."""
    text = pick(UI[key], lang)
    return text.format(**values) if values else text


def count(key: str, n: int, lang: Lang) -> str:
    """A count with its noun in the right number: "1 zone", "2 zones", "3 个功能区"."""
    forms = pick(UI[key], lang).split("|")
    return (forms[0] if n == 1 or len(forms) == 1 else forms[1]).format(n=n)


def counts_line(zones: int, projects: int, targets: int, lang: Lang) -> str:
    """The caption under the title: how many of each the view shows."""
    parts = [count("count_zones", zones, lang), count("count_projects", projects, lang)]
    return ui("count_separator", lang).join([*parts, count("count_targets", targets, lang)])


def bilingual(key: str) -> str:
    """A UI string in every language at once, for the few labels that must not change with the
    language (the base map's layer names: changing them would redraw the map)."""
    return " ".join(UI[key])


def bilingual_label(vocabulary: str, value: str) -> str:
    """A vocabulary value's label in every language at once (see `bilingual`)."""
    return " ".join(dict.fromkeys(VOCABULARY_LABELS[vocabulary][value]))


def evidence_text(theme_name: str, phrase: str, lang: Lang) -> str:
    """A theme with the plan's words that give it: 绿色金融 — 「鼓励发展绿色金融」."""
    return f"{theme_name} — 「{phrase}」"


def join_names(names, lang: Lang) -> str:
    """Names listed in running text: 广州、深圳 / Guangzhou, Shenzhen."""
    return pick(("、", ", "), lang).join(names)


def headed(columns: Mapping[str, object], lang: Lang) -> pd.DataFrame:
    """A table whose headers are the column labels in the language."""
    return pd.DataFrame({column_label(name, lang): values for name, values in columns.items()})


__all__ = ["city_column"]  # re-exported for the tables with one column per city
