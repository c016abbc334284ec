"""The app's pages, declared once: file, title key, icon and path."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.i18n import Lang, ui

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
PAGES = (
    ("map.py", "page_map", ":material/map:", "map"),
    ("zones.py", "zones_table", ":material/table_rows:", "zones"),
    ("targets.py", "page_targets", ":material/trending_up:", "targets"),
    ("projects.py", "page_projects", ":material/list:", "projects"),
    ("compare.py", "page_compare", ":material/compare_arrows:", "compare"),
    ("sources.py", "page_sources", ":material/description:", "sources"),
)


def _map_at_its_path() -> None:
    """/map answers like every other page: it opens the Map (served at the root) with the link's view."""
    st.switch_page(
        str(PAGES_DIR / PAGES[0][0]),
        query_params={k: st.query_params.get_all(k) for k in st.query_params},
    )


def navigation(lang: Lang):
    """The navigation with page titles in the language. The Map is the default page, at the root in
    one script run; /map, a hidden page, forwards to it (the default page cannot hold two paths)."""
    pages = [
        st.Page(
            str(PAGES_DIR / file),
            title=ui(title, lang),
            icon=icon,
            url_path=f"{path}-page" if index == 0 else path,  # the default's own name, so /map stays free
            default=index == 0,
        )
        for index, (file, title, icon, path) in enumerate(PAGES)
    ]
    alias = st.Page(_map_at_its_path, title=ui(PAGES[0][1], lang), url_path=PAGES[0][3], visibility="hidden")
    return st.navigation([*pages, alias], position="top")


def page_script(path: str) -> str:
    """The script of the page at `path` (e.g. "zones"), for links and switches between pages."""
    return str(PAGES_DIR / next(file for file, _title, _icon, at in PAGES if at == path))


def forwards(page) -> bool:
    """Whether this run's page only forwards the link to another (/map to the Map at the root)."""
    return page.url_path == PAGES[0][3]
