"""Every download button of the app, declared once: pressing one reruns nothing.

A press that reruns the page races the browser's fetch of the file (the run may replace the file the
button points to, and the fetch then fails), and it costs a whole script run that changes nothing
on screen."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st


def download_button(
    label: str,
    data: bytes | Callable[[], bytes],
    *,
    file_name: str,
    mime: str,
    key: str,
    container=st,
    **options,
) -> None:
    """A download of `data` (bytes, or a callable made when pressed) that does not rerun the page."""
    container.download_button(
        label, data, file_name=file_name, mime=mime, key=key, on_click="ignore", **options
    )
