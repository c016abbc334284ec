"""A parameter of the view, declared once: everything the state, the URL, the widgets and the CLI
need to know about it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.i18n import Lang

if TYPE_CHECKING:
    from dashboard.catalog import Catalog

Mask = Callable[[pd.DataFrame, str, object, object], pd.Series]


@dataclass(frozen=True)
class Param:
    """One parameter of the view. `choices` is None for free text; `columns` maps each table the
    filter narrows to its column (empty for settings and modifiers such as `match`)."""

    name: str
    key: str
    label: str
    multi: bool
    default: object
    choices: Callable[[Catalog], tuple[str, ...]] | None
    option_labels: Callable[[Catalog, Lang], Mapping[str, str]] | None
    help: str
    columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    mask: Mask | None = None
    resolve: Callable[[str], str | None] | None = None
    cli: bool = True
    flag: str = ""  # the CLI flag when it is not the URL key

    def active(self, value: object) -> bool:
        """Whether the value restricts anything (an empty selection or blank text does not)."""
        return bool(value.strip()) if isinstance(value, str) else bool(value)
