"""Dongguan's six 片区 and their towns, read from the one file that states the grouping.

``data/geo/dongguan_towns.csv`` gives every street, town and the 松山湖 park with the 片区 (zone id)
it belongs to, following the city's 园区统筹组团 grouping as commonly reported. The plan
(dg_finance_14fyp) names the six 片区 but not their towns, so everything that lists a 片区's towns
(the footprint notes, the zone detail panel, the table in ``FOOTPRINTS.md``) derives it from here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TOWNS_PATH = Path(__file__).resolve().parents[1] / "data" / "geo" / "dongguan_towns.csv"
KINDS_EN = {"street": ("street", "streets"), "town": ("town", "towns"), "park": ("park", "parks")}
SOURCE_EN = (
    "dongguan_towns.csv: the city's 园区统筹组团 grouping as commonly reported; the plan names the "
    "six 片区 but not their towns"
)


@dataclass(frozen=True)
class TownSeat:
    """One row of dongguan_towns.csv: a town, street or park seat and the zone (片区) it belongs to."""

    name_zh: str
    name_en: str
    kind: str  # street | town | park
    zone_id: str
    lon: float
    lat: float

    @property
    def short_zh(self) -> str:
        """The name without 街道 or 镇: 莞城街道 → 莞城, 石碣镇 → 石碣."""
        for suffix in ("街道", "镇"):
            if self.name_zh.endswith(suffix):
                return self.name_zh[: -len(suffix)]
        return self.name_zh


def read_town_seats(path: Path = TOWNS_PATH) -> list[TownSeat]:
    """The rows of dongguan_towns.csv in file order; lines starting with ``#`` are comments."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return [
            TownSeat(r["name_zh"], r["name_en"], r["kind"], r["zone_id"], float(r["lon"]), float(r["lat"]))
            for r in rows
        ]


def grouping(seats: list[TownSeat]) -> dict[str, tuple[TownSeat, ...]]:
    """Zone id → its members, zones and members in file order."""
    groups: dict[str, list[TownSeat]] = {}
    for seat in seats:
        groups.setdefault(seat.zone_id, []).append(seat)
    return {zone: tuple(members) for zone, members in groups.items()}


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def members_text(members: tuple[TownSeat, ...]) -> str:
    """The members by kind, in file order: "莞城, 东城 and 南城 streets; 石碣 and 高埗 towns"."""
    by_kind: dict[str, list[str]] = {}
    for seat in members:
        by_kind.setdefault(seat.kind, []).append(seat.short_zh)
    parts = []
    for kind, names in by_kind.items():
        one, many = KINDS_EN.get(kind, (kind, kind))
        parts.append(f"{_and(names)} {one if len(names) == 1 else many}")
    return "; ".join(parts)


def footprint_note(method: str, members: tuple[TownSeat, ...]) -> str:
    """The note of a tiled footprint: its drawing method, then its members and where they come from."""
    return f"{method.rstrip()} Members ({SOURCE_EN}): {members_text(members)}."


@cache
def _default_grouping() -> dict[str, tuple[TownSeat, ...]]:
    return grouping(read_town_seats())


def grouping_note(zone_id: str, seats: list[TownSeat] | None = None) -> tuple[str, str] | None:
    """For the detail panel of a 片区: a (zh, en) pair (for `dashboard.i18n.pick`) saying that its
    towns come from the grouping file, not from the plan, and naming them; None for other zones."""
    groups = grouping(seats) if seats is not None else _default_grouping()
    members = groups.get(zone_id)
    if not members:
        return None
    zh = (
        "地图上本片区所含镇街取自东莞市“园区统筹组团”的通行划分（据公开报道，见 dongguan_towns.csv），"
        "并非出自规划：规划只列出六大片区，未列所辖镇街。本片区："
        + "、".join(s.short_zh for s in members)
        + "。"
    )
    en = (
        "The towns drawn for this area come from the city's 园区统筹组团 grouping as commonly reported "
        "(dongguan_towns.csv), not from the plan, which names the six areas but not their towns. "
        "This area: " + ", ".join(f"{s.name_en} ({s.short_zh})" for s in members) + "."
    )
    return zh, en
