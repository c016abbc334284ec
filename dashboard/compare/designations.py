"""Designations several plans or cities claim: one row per claim, who shares what, and which zones a
designation's claims place on the map.

A designation is shared when its claims come from two or more distinct cities or two or more
distinct plans. Sharing is a property of the designation, computed over all its claims, so a
filter that narrows the claims never turns a shared designation into an unshared one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.filters import apply_filters

if TYPE_CHECKING:
    from dashboard.catalog import Catalog

CLAIM_COLUMNS = [
    "designation_id",
    "name_zh",
    "name_en",
    "level",
    "kind",
    "shared",
    "n_cities",
    "n_plans",
    "city",
    "zone_id",
    "project_id",
    "stance",
    "source_id",
    "source_ids",
    "locator",
    "quote",
    "cite",
]


def is_shared(claims) -> bool:
    """Claimed by two or more distinct cities or two or more distinct plans."""
    return len({c.city for c in claims}) >= 2 or len({c.source for c in claims}) >= 2


def claims_frame(designations: pd.DataFrame) -> pd.DataFrame:
    """One row per claim, in catalog order, with its designation's names, level, kind and sharing;
    `cite` is the claim's position among its designation's claims (its passage on the Sources page)."""
    rows = []
    for d in designations.itertuples():
        cities, plans = {c.city for c in d.claims}, {c.source for c in d.claims}
        shared = is_shared(d.claims)
        for cite, c in enumerate(d.claims):
            designation = [d.id, d.name_zh, d.name_en, d.level, d.kind, shared, len(cities), len(plans)]
            claim = [c.city, c.zone, c.project, c.stance, c.source, (c.source,), c.locator, c.quote, cite]
            rows.append([*designation, *claim])
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS, dtype=object)


def filter_claims(claims: pd.DataFrame, state) -> pd.DataFrame:
    """The claims the view's city, plan and name filters keep (`designations` in their declarations;
    themes and zone kinds do not narrow claims)."""
    return apply_filters(claims, "designations", state)


def view_claims(catalog: Catalog, state) -> pd.DataFrame:
    """The claims of the view: every designation's claims narrowed by the view's filters."""
    return filter_claims(claims_frame(catalog.designations), state)


def shared_designations(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per shared designation among `claims`, most claimant cities first, then most plans,
    then catalog order: designation_id, name_zh, name_en, level, kind, n_cities, n_plans, n_claims."""
    shared = claims[claims["shared"].astype(bool)]
    first = shared.drop_duplicates("designation_id").copy()
    first["n_claims"] = first["designation_id"].map(shared["designation_id"].value_counts()).astype(int)
    first["order"] = range(len(first))
    first = first.sort_values(["n_cities", "n_plans", "order"], ascending=[False, False, True], kind="stable")
    columns = ["designation_id", "name_zh", "name_en", "level", "kind", "n_cities", "n_plans", "n_claims"]
    return first[columns].reset_index(drop=True)


def claimants(claims: pd.DataFrame, designation_id: str) -> dict[str, pd.DataFrame]:
    """A designation's claims grouped by claiming city, cities in order of their first claim."""
    own = claims[claims["designation_id"] == designation_id]
    return {city: own[own["city"] == city] for city in dict.fromkeys(own["city"])}


def claiming_zones(catalog: Catalog, designation_id: str) -> tuple[str, ...]:
    """The zones a designation's claims place it in: a claim's zone, or the zone its project sits
    in; in catalog order, each once. Empty for no designation or an unknown one."""
    match = catalog.designations[catalog.designations["id"] == designation_id]
    if match.empty:
        return ()
    located = dict(zip(catalog.projects["id"], catalog.projects["located_zone"], strict=True))
    wanted = set()
    for claim in match.iloc[0]["claims"]:
        zone = claim.zone if claim.zone is not None else located.get(claim.project)
        if zone is not None:
            wanted.add(zone)
    return tuple(z for z in catalog.zones["id"] if z in wanted)
