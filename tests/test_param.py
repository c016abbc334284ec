"""A declared parameter says when its value restricts anything."""

from __future__ import annotations

import pytest

from dashboard.filters import FILTERS


@pytest.mark.parametrize(
    ("value", "active"),
    [
        ("", False),
        ("   ", False),
        ("\n\t", False),
        ("x", True),
        (" 前海 ", True),
        ((), False),
        (("a",), True),
    ],
)
def test_active(value, active):
    assert FILTERS[0].active(value) is active


def test_every_declaration_is_complete():
    for param in FILTERS:
        assert param.name and param.key and param.label and param.help, param
        assert (param.mask is None) == (not param.columns), param.name  # a mask exactly when it narrows
        assert param.option_labels is None or param.choices is not None, param.name
