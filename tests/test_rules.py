"""Rules as data: every example in gdparse/knowledge/data/{headings,layout}.yaml matches its rule."""

from __future__ import annotations

import pytest

from gdparse.knowledge.layout import heading_rules, layout_rules
from gdparse.rules import classify_heading, line_is

HEADING_EXAMPLES = [(rule.kind, ex) for rule in heading_rules().rules for ex in rule.examples]
LAYOUT_EXAMPLES = [(name, ex) for name, rule in layout_rules().line_kinds.items() for ex in rule.examples]


@pytest.mark.parametrize(("kind", "example"), HEADING_EXAMPLES)
def test_heading_examples_classify_to_their_kind(kind: str, example: str) -> None:
    assert classify_heading(example) == kind


@pytest.mark.parametrize(("name", "example"), LAYOUT_EXAMPLES)
def test_layout_examples_match(name: str, example: str) -> None:
    assert line_is(name, example)


def test_rule_files_are_versioned() -> None:
    assert heading_rules().version >= 1 and layout_rules().version >= 1


@pytest.mark.parametrize(("heading", "kind"), [("Sở Nội vụ", None), ("Tăng cường sự lãnh đạo", None)])
def test_generic_headings_name_no_kind(heading: str, kind: None) -> None:
    assert classify_heading(heading) is kind
