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


def navigation(lang: Lang):
    """The navigation with page titles in the language; the Map page is the default."""
    pages = [
        st.Page(str(PAGES_DIR / file), title=ui(title, lang), icon=icon, url_path=path, default=index == 0)
        for index, (file, title, icon, path) in enumerate(PAGES)
    ]
    return st.navigation(pages, position="top")
