"""Streamlit renderings shared by pages: problems, link notices, citations, the zone detail panel
and table downloads.

Plan text is always passed through `md_escape` (Markdown) or `html.escape` (HTML): never as markup.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from dashboard.catalog import Catalog, Problem
from dashboard.geodata import GeoLayers, precision_of
from dashboard.i18n import Lang, column_label, names_by_id, ui
from dashboard.passages import passage_query
from dashboard.tables import csv_bytes, labelled
from dashboard.text_safety import md_escape
from dashboard.ui.download import download_button
from dashboard.ui.pages import page_script
from dashboard.ui.publish import render_cite
from dashboard.ui.state import clear_filters
from dashboard.url_state import Notice
from dashboard.view_state import ViewState
from dashboard.zone_detail import zone_detail

_NOTICES_LISTED = 10


def render_problems(problems: list[Problem]) -> None:
    """The located data problems, in both languages, instead of a traceback; stops the page."""
    st.error(ui("data_error", "en") + "\n\n" + ui("data_error", "zh"))
    st.markdown("\n".join(f"- {md_escape(problem)}" for problem in problems))
    st.stop()


def render_notices(notices: list[Notice], lang: Lang) -> None:
    """What a link held that could not be used, as one message with a count."""
    if not notices:
        return
    lines = []
    for (kind, key, value), count in Counter((n.kind, n.key, n.value) for n in notices).items():
        if kind == "parameter":
            text = ui("notice_parameter", lang, value=value)
        elif kind == "search":
            text = ui("notice_search", lang, limit=value)
        else:
            text = ui("notice_unknown", lang, param=key, value=value)
        lines.append(text + (f" ×{count}" if count > 1 else ""))
    more = len(lines) - _NOTICES_LISTED
    body = "\n".join(f"- {md_escape(line)}" for line in lines[:_NOTICES_LISTED])
    if more > 0:
        body += "\n- " + md_escape(ui("notice_more", lang, count=more))
    st.info(md_escape(ui("notice_title", lang, count=len(notices))) + "\n\n" + body)


def render_citations(catalog: Catalog, citations, state: ViewState, record_kind: str, record_id: str) -> None:
    """Each citation as a quote with its plan and locator, linked to the passage in its plan."""
    lang = state.lang
    titles = names_by_id(catalog.sources, lang, "title")
    for index, citation in enumerate(citations):
        st.markdown(f"> {md_escape(citation.quote)}")
        where = f"{titles.get(citation.source, citation.source)} · {citation.locator}"
        st.page_link(
            page_script("sources"),
            label=md_escape(f"{where} — {ui('open_passage', lang)}"),
            icon=":material/menu_book:",
            query_params=passage_query(state, record_kind, record_id, index),
        )


def render_zone_detail(catalog: Catalog, layers: GeoLayers, state: ViewState) -> None:
    """The detail panel of the selected zone, or a hint when none is selected."""
    zone_id, lang = state.zone, state.lang
    detail = zone_detail(catalog, zone_id, lang, precision_of(layers, zone_id)) if zone_id else None
    if detail is None:
        st.info(ui("click_hint", lang))
        return
    st.subheader(md_escape(detail.name))
    parts = [detail.other_name, detail.kind, detail.city, *detail.districts]
    st.caption(md_escape(" · ".join(p for p in parts if p)))
    if detail.precision:
        st.caption(f"{ui('precision', lang)}: {md_escape(detail.precision)}")
    if detail.grouping:
        st.caption(md_escape(detail.grouping))
    st.markdown(f"**{ui('positioning', lang)}**: {md_escape(detail.positioning)}")
    st.markdown(f"**{ui('themes', lang)}**")
    st.markdown("\n".join(f"- {md_escape(text)}" for text, _cite in detail.evidence))
    for heading, records, none in (
        ("projects", detail.projects, "no_projects"),
        ("targets", detail.targets, "no_targets"),
    ):
        st.markdown(f"**{ui(heading, lang)}** ({len(records)})")
        if records.empty:
            st.caption(ui(none, lang))
        else:
            st.markdown(record_list(records))
    st.markdown(f"**{ui('citations', lang)}**")
    render_citations(catalog, detail.citations, state, "zones", zone_id)
    render_cite(catalog, zone_id, 0, lang, key="cite_zone")


def record_list(frame: pd.DataFrame) -> str:
    """A detail table (id, name, further columns) as a Markdown list, one record per line: the name,
    each further cell after its header, the id. It wraps in a narrow column and needs none of the
    table grid's code, which a first click would otherwise fetch (the tables have their pages)."""
    lines = []
    for row in frame.itertuples(index=False):
        record_id, name, *cells = row
        shown = [f"{header}: {cell}" for header, cell in zip(frame.columns[2:], cells, strict=True) if cell]
        rest = "".join(f" · {md_escape(text)}" for text in [*shown, record_id])
        lines.append(f"- **{md_escape(name)}**{rest}")
    return "\n".join(lines)


def render_empty(lang: Lang) -> None:
    """What an empty result says, with a way back to everything."""
    st.warning(ui("no_match", lang))
    st.button(ui("clear_filters", lang), on_click=clear_filters, key="clear_filters")


def table_with_download(
    table: pd.DataFrame,
    name: str,
    lang: Lang,
    catalog: Catalog | None = None,
    links: dict[str, str] | None = None,
) -> None:
    """A table as the screen shows it, and its CSV: the same columns, rows and order, and the
    same bytes as `python -m dashboard.export` for the same view. With `catalog`, selecting a row
    offers the citation of its passage; `links` maps further link columns (besides `passage`) to
    the UI key of their display text."""
    shown = labelled(table, lang)
    config = {}
    for column, text_key in {"passage": "open_passage", **(links or {})}.items():
        header = column_label(column, lang)
        if header in shown:
            config[header] = st.column_config.LinkColumn(header, display_text=ui(text_key, lang))
    citable = catalog is not None and len(table)
    event = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config=config or None,
        key=f"table_{name}",
        on_select="rerun" if citable else "ignore",
        selection_mode="single-row",
    )
    if citable:
        rows = event.selection.rows
        if rows:
            render_cite(catalog, str(table.iloc[rows[0], 0]), 0, lang, key=f"cite_{name}")
        else:
            st.caption(ui("cite_pick", lang))
    csv_download(table, name, lang)


def csv_download(table: pd.DataFrame, name: str, lang: Lang) -> None:
    """A table's CSV, the bytes `python -m dashboard.export` writes for the same view."""
    download_button(
        ui("download_csv", lang),
        csv_bytes(table, lang),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"dl_{name}_csv",
    )
