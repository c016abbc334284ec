"""The data of the Targets page's chart: each place's baseline and target of one family, in the
family's common unit."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import Lang, city_label, ui
from dashboard.indicators import comparable_values


def chart_frame(indicators: pd.DataFrame, family: str, lang: Lang) -> pd.DataFrame:
    """Normalized baseline and target per place for one family, indexed by place name."""
    rows = comparable_values(indicators[indicators["family"] == family]).drop_duplicates("scope")
    return pd.DataFrame(
        {
            ui("baseline", lang): pd.to_numeric(rows["normalized_baseline"], errors="coerce").to_numpy(),
            ui("target", lang): pd.to_numeric(rows["normalized_target"], errors="coerce").to_numpy(),
        },
        index=[city_label(s, lang) for s in rows["scope"]],
    )
