"""A problem names file, record and field; the error carries every problem and lists them all."""

from __future__ import annotations

from dashboard.problems import CatalogError, Problem


def test_a_problem_reads_as_one_located_line():
    problem = Problem("zones/a.yaml", "zone_a", "themes.0", "unknown theme id 'gold'")
    assert str(problem) == "zones/a.yaml: record 'zone_a', field 'themes.0': unknown theme id 'gold'"


def test_the_error_lists_every_problem():
    problems = [Problem("a.yaml", "x", "id", "one"), Problem("b.yaml", "-", "-", "two")]
    error = CatalogError(problems)
    assert error.problems == problems
    assert str(error) == (
        "2 problem(s) in the data:\n"
        "  - a.yaml: record 'x', field 'id': one\n"
        "  - b.yaml: record '-', field '-': two"
    )
