"""Tables of the Sources page, built without Streamlit."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import Lang, city_label


def sources_table(sources: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The plans' metadata with headers in the language; unknown fields shown as '—'."""
    headers = (
        ("编号", "标题", "发布机关", "文号", "日期", "范围")
        if lang == "zh"
        else ("id", "title", "issued by", "document number", "date", "scope")
    )
    zh = lang == "zh"
    columns = [
        sources["id"],
        sources["title_zh" if zh else "title_en"],
        sources["issuer_zh" if zh else "issuer_en"],
        sources["doc_number"],
        sources["date"],
        sources["scope"].map(lambda s: city_label(s, lang)),
    ]
    return pd.DataFrame(
        {
            h: c.map(lambda v: "—" if v is None else v).to_numpy()
            for h, c in zip(headers, columns, strict=True)
        }
    )


def citation_choices(records: pd.DataFrame, lang: Lang) -> dict[str, tuple]:
    """Selectable label ('id · name') to the record's citations."""
    name = "name_zh" if lang == "zh" else "name_en"
    return {f"{r.id} · {getattr(r, name)}": tuple(r.citations) for r in records.itertuples()}
