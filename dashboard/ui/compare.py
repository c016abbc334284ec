"""The Compare page's sections: matrix, shared designations, zone vs zone, targets, plan emphasis.

Every number and table comes from `dashboard.compare`; this module only draws them. Plan text goes
through `md_escape` before it reaches Markdown.
"""

from __future__ import annotations

import streamlit as st

from dashboard.compare.charts import MATRIX_SELECTION, emphasis_chart, growth_chart, matrix_chart
from dashboard.compare.cli import claims_table
from dashboard.compare.designations import claimants, claiming_zones, shared_designations, view_claims
from dashboard.compare.emphasis import plan_emphasis
from dashboard.compare.matrix import (
    PAGE_OF,
    cell_query,
    cells_frame,
    links_table,
    matrix_table,
    theme_city_matrix,
)
from dashboard.compare.targets import compare_targets, growth_frame
from dashboard.compare.zones import MAX_ZONES, MIN_ZONES, compare_zones, marked, suggested_pair
from dashboard.i18n import city_label, field, label, labels, names_by_id, ui
from dashboard.passages import passage_link
from dashboard.tables.comparisons import emphasis_table, target_compare_table, zone_compare_table
from dashboard.text_safety import md_escape
from dashboard.ui.pages import page_script
from dashboard.ui.render import table_with_download
from dashboard.ui.state import set_param, widget_key
from dashboard.ui.widgets import param_widget
from dashboard.url_state import to_query
from dashboard.view_state import PARAMS_BY_KEY, ViewState


def render_matrix(view, vocab) -> None:
    """The heatmap (a click opens the cell's records), its links table and its download."""
    catalog, state, lang = view.catalog, view.state, view.lang
    st.subheader(ui("compare_matrix", lang))
    param_widget(PARAMS_BY_KEY["cmp_of"], catalog, vocab, lang)
    of = st.session_state[widget_key("compare_of")]
    st.caption(ui("matrix_note", lang))
    if of == "targets" and state.kinds:
        st.caption(ui("kind_not_targets", lang))
    counts = theme_city_matrix(catalog, view.shown, state, of)
    cells = cells_frame(counts, catalog.themes, lang)
    event = st.altair_chart(
        matrix_chart(cells, label("compare_of", of, lang), lang),
        on_select="rerun",
        selection_mode=MATRIX_SELECTION,
        key="cmp_matrix_chart",
    )
    picked = (event.selection.get(MATRIX_SELECTION) or []) if event else []
    if picked and "theme_id" in picked[0] and "city" in picked[0]:
        query = cell_query(state, picked[0]["theme_id"], picked[0]["city"])
        st.switch_page(page_script(PAGE_OF[of]), query_params=query)
    table_with_download(matrix_table(counts, catalog.themes, lang), f"matrix_{of}", lang)
    with st.expander(ui("matrix_links", lang)):
        table_with_download(
            links_table(counts, catalog.themes, state, of),
            f"matrix_{of}_links",
            lang,
            links={"map_link": "open_cell"},
        )


def _claim_card(claim, zone_names: dict, project_names: dict, lang) -> None:
    """One claim: its stance and where it places the designation, the plan's words, the passage."""
    place = [label("stance", claim.stance, lang)]
    if claim.zone_id:
        place.append(ui("claim_zone", lang, zone=zone_names.get(claim.zone_id, claim.zone_id)))
    if claim.project_id:
        place.append(ui("claim_project", lang, project=project_names.get(claim.project_id, claim.project_id)))
    st.caption(md_escape(" · ".join(place)))
    link = passage_link("designations", claim.designation_id, int(claim.cite), lang)
    st.markdown(f"> {md_escape(claim.quote)}")
    st.caption(f"{md_escape(claim.locator)} · [{ui('open_passage', lang)}]({link})")


def _claimant_column(rows, catalog, lang) -> None:
    """A claimant city's claims, grouped by plan."""
    zone_names, project_names = names_by_id(catalog.zones, lang), names_by_id(catalog.projects, lang)
    titles = names_by_id(catalog.sources, lang, "title")
    for source_id in dict.fromkeys(rows["source_id"]):
        st.markdown(f"**{md_escape(titles.get(source_id, source_id))}**")
        for claim in rows[rows["source_id"] == source_id].itertuples():
            _claim_card(claim, zone_names, project_names, lang)


def render_shared(view, vocab) -> None:
    """Shared designations: a picker, each claimant city's claims side by side, the claims table."""
    catalog, state, lang = view.catalog, view.state, view.lang
    st.subheader(ui("compare_shared", lang))
    st.caption(ui("shared_note", lang))
    claims = view_claims(catalog, state)
    shared = shared_designations(claims)
    if shared.empty:
        st.info(ui("no_shared", lang))
    else:
        name = field("name", lang)
        options = {
            r.designation_id: ui(
                "designation_option", lang, name=getattr(r, name), cities=r.n_cities, plans=r.n_plans
            )
            for r in shared.itertuples()
        }
        if st.session_state.get(widget_key("compare_designation")) not in options:
            set_param("compare_designation", next(iter(options)))
        param_widget(
            PARAMS_BY_KEY["cmp_designation"],
            catalog,
            vocab,
            lang,
            options=list(options),
            format_func=options.get,
        )
        chosen = st.session_state[widget_key("compare_designation")]
        row = shared[shared["designation_id"] == chosen].iloc[0]
        level, kind = label("designation_level", row.level, lang), label("designation_kind", row.kind, lang)
        st.caption(md_escape(ui("designation_summary", lang, level=level, kind=kind, claims=row.n_claims)))
        if claiming_zones(catalog, chosen):
            st.page_link(
                page_script("map"),
                label=ui("show_on_map", lang),
                icon=":material/map:",
                query_params=to_query(ViewState(lang=lang, designation=chosen)),
            )
        else:
            st.caption(ui("no_claim_zone", lang))
        groups = claimants(claims, chosen)
        for column, (city, rows) in zip(st.columns(len(groups)), groups.items(), strict=True):
            with column:
                st.markdown(f"#### {md_escape(city_label(city, lang))}")
                _claimant_column(rows, catalog, lang)
    st.markdown(f"**{ui('claims_table', lang)}**")
    table_with_download(claims_table(catalog, state), "designations", lang)


def render_zones(view, vocab) -> None:
    """Zone vs zone: 2–4 zones' aspects in aligned rows, and their table."""
    catalog, lang = view.catalog, view.lang
    st.subheader(ui("compare_zones", lang))
    param_widget(PARAMS_BY_KEY["cmp_zones"], catalog, vocab, lang, max_selections=MAX_ZONES)
    chosen = tuple(st.session_state[widget_key("compare_zones")])
    if not chosen:
        st.caption(ui("compare_zones_default", lang))
        chosen = suggested_pair(catalog.zones)
    if len(chosen) < MIN_ZONES:
        st.info(ui("compare_zones_hint", lang))
        return
    sides = compare_zones(catalog, chosen, lang)
    st.caption(ui("shared_theme_note", lang))
    aspects = (
        ("themes", lambda s: [marked(t) for t in s.themes]),
        ("positioning", lambda s: [s.positioning]),
        ("projects", lambda s: list(s.projects)),
        ("targets", lambda s: list(s.targets)),
    )
    for column, side in zip(st.columns(len(sides)), sides, strict=True):
        column.markdown(f"**{md_escape(side.name)}**")
        column.caption(md_escape(f"{side.zone_id} · {side.city}"))
    for key, lines in aspects:
        st.markdown(f"**{ui(key, lang)}**")
        for column, side in zip(st.columns(len(sides)), sides, strict=True):
            items = lines(side)
            column.caption(md_escape(side.zone_id))  # says whose cell it is when columns stack (phones)
            if key == "positioning":
                column.markdown(md_escape(side.positioning))
            else:
                none = md_escape(ui("none", lang))
                column.markdown("\n".join(f"- {md_escape(i)}" for i in items) if items else none)
    for column, side in zip(st.columns(len(sides)), sides, strict=True):
        with column.expander(f"{ui('citations', lang)} · {side.zone_id} ({len(side.citations)})"):
            for title, locator, quote, link in side.citations:
                st.markdown(f"> {md_escape(quote)}")
                st.caption(
                    f"{md_escape(title)} · {md_escape(locator)} · [{ui('open_passage', lang)}]({link})"
                )
    table_with_download(zone_compare_table(sides, catalog.themes, lang), "zone_comparison", lang)


def render_targets(view) -> None:
    """Targets side by side: implied growth by family, the reasons a family cannot be compared,
    and the table in one unit per family."""
    catalog, lang = view.catalog, view.lang
    st.subheader(ui("compare_targets", lang))
    st.caption(ui("targets_compare_note", lang))
    comparisons = compare_targets(view.shown.indicators, lang)
    if not comparisons:
        st.info(ui("no_match", lang))
        return
    growth = growth_frame(comparisons, lang)
    if not growth.empty:
        st.altair_chart(growth_chart(growth, lang))
    lines = []
    for c in comparisons:
        if c.reasons:
            lines.append(f"- **{md_escape(c.name)}** ({md_escape(label('comparable', 'no', lang))})")
            lines.extend(f"    - {md_escape(reason)}" for reason in c.reasons)
    if lines:
        st.markdown("\n".join(lines))
    table_with_download(target_compare_table(comparisons, catalog.themes, lang), "targets_side_by_side", lang)


def render_emphasis(view) -> None:
    """Plan emphasis: each plan's share of zones and projects per theme, as a heatmap and a table."""
    catalog, lang = view.catalog, view.lang
    st.subheader(ui("compare_emphasis", lang))
    st.caption(ui("emphasis_note", lang))
    emphasis = plan_emphasis(catalog.sources, catalog.themes, view.shown.zones, view.shown.projects)
    if emphasis.empty:
        st.info(ui("no_match", lang))
        return
    st.altair_chart(
        emphasis_chart(emphasis, names_by_id(catalog.themes, lang), labels("compare_of", lang), lang)
    )
    table_with_download(
        emphasis_table(emphasis, catalog.sources, catalog.themes, lang), "plan_emphasis", lang
    )
