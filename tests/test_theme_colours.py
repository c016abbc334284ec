"""Theme colours a reader can tell apart: every two swatches differ by a CIE76 difference of 20 or more."""

from __future__ import annotations

import itertools
import math

import pytest

MIN_DIFFERENCE = 20.0


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """sRGB (D65) to CIE L*a*b*."""

    def linear(c: float) -> float:
        return ((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92

    r, g, b = (linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def too_close(colours: dict[str, str]) -> list[tuple[str, str, float]]:
    """Every pair of themes whose colours differ by less than `MIN_DIFFERENCE`."""
    return [
        (a, b, round(math.dist(_lab(colours[a]), _lab(colours[b])), 1))
        for a, b in itertools.combinations(colours, 2)
        if math.dist(_lab(colours[a]), _lab(colours[b])) < MIN_DIFFERENCE
    ]


def test_the_checker_flags_two_close_colours():
    assert too_close({"navy": "#003f7f", "indigo": "#393b79", "gold": "#e6b800"}) == [("navy", "indigo", 9.9)]


@pytest.mark.parametrize("colour", ["#000000", "#ffffff", "#2e8b57"])
def test_a_colour_is_at_zero_distance_from_itself(colour):
    assert too_close({"a": colour, "b": colour}) == [("a", "b", 0.0)]


def test_every_two_theme_colours_are_distinguishable(real_catalog):
    themes = real_catalog.themes
    assert too_close(dict(zip(themes["id"], themes["colour"], strict=True))) == []
