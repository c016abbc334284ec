"""The view of the current run, built once by the app and read by the page it runs.

A context variable, not session state: it holds no widget and lives only for the run (each run
of each session executes in its own thread, so runs never see each other's view).
"""

from __future__ import annotations

from contextvars import ContextVar

from dashboard.view import View

_VIEW: ContextVar[View] = ContextVar("view")


def set_view(view: View) -> None:
    _VIEW.set(view)


def current_view() -> View:
    """The view the app built at the top of this run."""
    return _VIEW.get()
