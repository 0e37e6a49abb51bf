"""The national indicator catalogue, its matching and the domain cues."""

from __future__ import annotations

import pytest

from gdparse.extract.indicators import domain_of, match_indicator
from gdparse.knowledge.indicators import catalogue, domains_file, indicator

INDICATORS = catalogue().indicators


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.id)
def test_examples_match_their_indicator(ind) -> None:
    assert ind.examples, f"{ind.id} has no example"
    for example in ind.examples:
        got, score = match_indicator(example, ind.strategy)
        assert got == ind.id, f"{example!r} -> {got}"
        assert score is not None and score >= 0.66


# National values of the 2021-2030 strategy (reference/NATIONAL.md).
@pytest.mark.parametrize(
    ("ind_id", "year", "value", "comparator"),
    [("NS2030-1.1", 2025, 60, "="), ("NS2030-1.1", 2030, 75, "="), ("NS2030-2.2", 2030, 25, "<"),
     ("NS2030-2.3", 2025, 27, ">="), ("NS2030-3.1", 2030, 1.4, "="), ("NS2030-3.2a", 2025, 80, "="),
     ("NS2030-3.2b", 2030, 70, "="), ("NS2030-4.1", 2025, 111, "="), ("NS2030-4.2", 2030, 42, "<"),
     ("NS2030-5.2", 2030, 40, "="), ("NS2030-5.3b", 2030, 35, "="), ("NS2030-6.1", 2025, 60, "=")],
)
def test_national_values(ind_id: str, year: int, value: float, comparator: str) -> None:
    ind = indicator(ind_id)
    assert ind is not None
    assert any(m.year == year and m.value == value and m.comparator == comparator for m in ind.milestones)


def test_unrelated_text_has_no_indicator() -> None:
    assert match_indicator("tỷ lệ trẻ em dân tộc thiểu số hoàn thành giáo dục tiểu học", "2021-2030") == (None, None)


def test_combined_target_gets_the_combined_id() -> None:
    text = "tỷ lệ nữ thạc sĩ đạt 50% và tỷ lệ nữ tiến sĩ đạt 35%"
    assert match_indicator(text, "2021-2030")[0] == "NS2030-5.3"
    assert match_indicator("tỷ lệ nữ thạc sĩ đạt 50%", "2021-2030")[0] == "NS2030-5.3a"


@pytest.mark.parametrize("rule", domains_file().domains, ids=lambda r: r.name)
def test_domain_examples(rule) -> None:
    for example in rule.examples:
        assert domain_of(example) == rule.name
