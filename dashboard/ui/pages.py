"""The app's pages, declared once: file, title key, icon and path."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.i18n import Lang, ui

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
PAGES = (
    ("map.py", "page_map", ":material/map:", "map"),
    ("targets.py", "page_targets", ":material/trending_up:", "targets"),
    ("projects.py", "page_projects", ":material/list:", "projects"),
    ("compare.py", "page_compare", ":material/compare_arrows:", "compare"),
    ("sources.py", "page_sources", ":material/description:", "sources"),
)


def _root() -> None:
    """The site's root opens the Map at its own path, with the link's view."""
    st.switch_page(
        str(PAGES_DIR / PAGES[0][0]),
        query_params={k: st.query_params.get_all(k) for k in st.query_params},
    )


def navigation(lang: Lang):
    """The navigation with page titles in the language. Every page answers at its own path (the
    Map at /map); the root, a hidden default page, forwards to the Map."""
    pages = [
        st.Page(str(PAGES_DIR / file), title=ui(title, lang), icon=icon, url_path=path)
        for file, title, icon, path in PAGES
    ]
    root = st.Page(_root, title=ui(PAGES[0][1], lang), url_path="root", default=True, visibility="hidden")
    return st.navigation([root, *pages], position="top")
