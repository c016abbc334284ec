"""Streamlit renderings shared by pages: the zone detail panel and the citation block.

Plan text is always passed through `md_escape` (Markdown) or `html.escape` (HTML): never as markup.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.catalog import Catalog
from dashboard.csv_safety import to_csv_bytes
from dashboard.downloads import Table
from dashboard.geodata import GeoLayers, precision_of
from dashboard.i18n import Lang, ui
from dashboard.text_safety import md_escape
from dashboard.zone_detail import zone_detail


def render_problems(problems) -> None:
    """The located data problems, in both languages, instead of a traceback; stops the page."""
    st.error(ui("data_error", "en") + "\n\n" + ui("data_error", "zh"))
    st.markdown("\n".join(f"- {md_escape(problem)}" for problem in problems))
    st.stop()


def render_citations(catalog: Catalog, citations, lang: Lang) -> None:
    """Each citation as a quote with its plan and locator."""
    titles = dict(
        zip(catalog.sources["id"], catalog.sources["title_zh" if lang == "zh" else "title_en"], strict=True)
    )
    for citation in citations:
        st.markdown(f"> {md_escape(citation.quote)}")
        st.caption(
            f"{md_escape(titles.get(citation.source, citation.source))} · {md_escape(citation.locator)}"
        )


def render_zone_detail(catalog: Catalog, layers: GeoLayers, zone_id: str | None, lang: Lang) -> None:
    """The detail panel of the clicked zone, or a hint when none is selected."""
    detail = zone_detail(catalog, zone_id, lang, precision_of(layers, zone_id)) if zone_id else None
    if detail is None:
        st.info(ui("click_hint", lang))
        return
    st.subheader(md_escape(detail.name))
    st.caption(
        md_escape(f"{detail.other_name} · {detail.kind} · {detail.city} · {'、'.join(detail.districts)}")
    )
    if detail.precision:
        st.caption(f"{ui('precision', lang)}: {md_escape(detail.precision)}")
    st.markdown(f"**{ui('positioning', lang)}**: {md_escape(detail.positioning)}")
    st.markdown(f"**{ui('themes', lang)}**: {md_escape(' · '.join(detail.themes))}")
    st.markdown(f"**{ui('projects', lang)}** ({len(detail.projects)})")
    if detail.projects.empty:
        st.caption(ui("no_projects", lang))
    else:
        st.dataframe(detail.projects, hide_index=True, width="stretch")
    st.markdown(f"**{ui('targets', lang)}** ({len(detail.targets)})")
    if detail.targets.empty:
        st.caption(ui("no_targets", lang))
    else:
        st.dataframe(detail.targets, hide_index=True, width="stretch")
    st.markdown(f"**{ui('citations', lang)}**")
    render_citations(catalog, detail.citations, lang)


def csv_download(frame: pd.DataFrame, table: Table, lang: Lang) -> None:
    """The CSV download of a filtered table as `filtered_table` made it: the same bytes as
    `python -m dashboard.export` for the same filters."""
    st.download_button(
        ui("download_csv", lang),
        to_csv_bytes(frame),
        file_name=f"{table}.csv",
        mime="text/csv",
        key=f"dl_{table}_csv",
    )
