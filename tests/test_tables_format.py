"""How numbers, qualified values, shares and lists are written in every table, tooltip and download."""

from __future__ import annotations

import math

import pytest

from dashboard.tables.format import LIST_SEPARATOR, format_number, format_percent, format_qualified, join


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (11.0, "11"),
        (11, "11"),
        (2234.06, "2234.06"),
        (0.1, "0.1"),
        (-3.5, "-3.5"),
        (None, ""),
        (math.nan, ""),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("qualifier", "value", "high", "text"),
    [
        ("exact", 9.5, None, "9.5"),
        (None, 9.5, None, "9.5"),
        ("about", 3000.0, None, "≈3000"),
        ("at_least", 13.5, None, "≥13.5"),
        ("over", 3500.0, None, ">3500"),
        ("at_most", 2.0, None, "≤2"),
        ("range", 1.0, 2.0, "1–2"),
        ("about", None, None, ""),
        ("exact", math.nan, None, ""),
    ],
)
def test_format_qualified_is_the_same_in_every_language(qualifier, value, high, text):
    assert format_qualified(qualifier, value, high) == text


@pytest.mark.parametrize(
    ("share", "text"), [(0.058284, "5.8%"), (0.0, "0.0%"), (-0.5, "-50.0%"), (None, ""), (math.nan, "")]
)
def test_format_percent(share, text):
    assert format_percent(share) == text


def test_join():
    assert LIST_SEPARATOR == ";"
    assert join(["a", "b", 3]) == "a;b;3"
    assert join(()) == ""
