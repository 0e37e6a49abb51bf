"""Load and validate the rule files in gdparse/data (rules as data, each with examples)."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

import regex
import yaml
from pydantic import Field

from gdparse.model import Frozen, SectionKind
from gdparse.vietnamese import fold


class HeadingRule(Frozen):
    kind: SectionKind
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)


class HeadingRules(Frozen):
    version: int
    rules: tuple[HeadingRule, ...]


class LineKindRule(Frozen):
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)
    caps_only: tuple[int, ...] = ()


class LayoutRules(Frozen):
    version: int
    line_kinds: dict[str, LineKindRule]


def load_yaml(name: str) -> object:
    """Parse a data file shipped in gdparse/data."""
    return yaml.safe_load(resources.files("gdparse.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def heading_rules() -> HeadingRules:
    return HeadingRules.model_validate(load_yaml("headings.yaml"))


@cache
def layout_rules() -> LayoutRules:
    return LayoutRules.model_validate(load_yaml("layout.yaml"))


@cache
def _compiled_headings() -> tuple[regex.Pattern[str], tuple[SectionKind, ...]]:
    """All heading rules as one alternation, rule ``i`` in group ``r{i}``: the first rule that
    matches wins, as trying them in order would, in one match."""
    rules = heading_rules().rules
    for rule in rules:
        _union(list(rule.patterns))  # the same checks: no inline flags or backreferences
    pattern = "|".join(f"(?P<r{i}>" + "|".join(f"(?:{p})" for p in rule.patterns) + ")" for i, rule in enumerate(rules))
    return regex.compile(pattern), tuple(rule.kind for rule in rules)


def classify_heading(heading: str, folded: str | None = None) -> SectionKind | None:
    """The section kind that a heading names, or None when it names none (inherit the parent's).
    ``folded`` is ``fold(heading)`` where the caller has it."""
    folded = (fold(heading) if folded is None else folded).strip(" *-+•:.")
    pattern, kinds = _compiled_headings()
    m = pattern.match(folded)
    if m is None:
        return None
    return kinds[int(m.lastgroup[1:])]


def _union(patterns: list[str]) -> regex.Pattern[str] | None:
    """One pattern that matches where any of ``patterns`` matches: one C-level match per line
    instead of one per pattern. Each pattern is wrapped in its own group, so the alternation
    backtracks into the next pattern exactly when the previous one fails."""
    for p in patterns:
        flags = regex.compile(p).flags
        if flags != regex.compile("").flags or regex.search(r"\\[1-9g]|\(\?P=", p):
            raise ValueError(f"rule pattern cannot be combined (inline flags or backreference): {p!r}")
    return regex.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@cache
def _compiled_line_kinds() -> dict[str, tuple[regex.Pattern[str] | None, regex.Pattern[str] | None]]:
    """Per line kind: the union of its patterns that count on any line, and of its caps-only ones."""
    compiled = {}
    for name, rule in layout_rules().line_kinds.items():
        caps = set(rule.caps_only)
        compiled[name] = (
            _union([p for i, p in enumerate(rule.patterns) if i not in caps]),
            _union([p for i, p in enumerate(rule.patterns) if i in caps]),
        )
    return compiled


_ASCII_LOWER = regex.compile(r"[a-z]")


@lru_cache(maxsize=4096)
def is_caps(line: str) -> bool:
    """At least two letters, all uppercase. Cached: segmentation asks this of the same line many times."""
    if _ASCII_LOWER.search(line):
        return False  # a lowercase letter: most lines are done here, in C
    letters = list(filter(str.isalpha, line))
    return len(letters) >= 2 and all(map(str.isupper, letters))


def line_is(kind: str, line: str, folded: str | None = None) -> bool:
    """Whether a line is of a layout kind (header, doc_type, legal_basis, recipients, signature …)."""
    folded = fold(line).strip() if folded is None else folded
    anywhere, caps_only = _compiled_line_kinds()[kind]
    if anywhere is not None and anywhere.match(folded):
        return True
    # Caps-only patterns first, the caps test (a scan of the line) only when one matches.
    return caps_only is not None and caps_only.match(folded) is not None and is_caps(line)


_NO_KINDS: frozenset[str] = frozenset()


@lru_cache(maxsize=256)
def _cached_union(patterns: tuple[str, ...]) -> regex.Pattern[str] | None:
    return _union(list(patterns))


# A line kind, the union of its patterns that count on any line, and of its caps-only ones.
_KindTest = tuple[str, "regex.Pattern[str] | None", "regex.Pattern[str] | None"]


@lru_cache(maxsize=2048)
def _kind_tests_for(kinds: tuple[str, ...], first: str) -> tuple[_KindTest, ...]:
    """Per kind, the unions of only those patterns that can match a line starting with ``first``
    (the character alone is a partial match): a body line is then tested against a pattern or two,
    not all of them. Asked once per distinct first character."""
    tests = []
    for name in kinds:
        rule = layout_rules().line_kinds[name]
        possible = [(i, p) for i, p in enumerate(rule.patterns) if regex.match(p, first, partial=True)]
        if possible:
            anywhere = tuple(p for i, p in possible if i not in rule.caps_only)
            caps_only = tuple(p for i, p in possible if i in rule.caps_only)
            tests.append((name, _cached_union(anywhere), _cached_union(caps_only)))
    return tuple(tests)


def line_kinds(kinds: tuple[str, ...], line: str, folded: str) -> frozenset[str]:
    """The layout kinds among ``kinds`` that a line is (``folded`` is its folded, stripped form):
    the same answer as ``line_is`` for each kind."""
    if not folded:
        return frozenset(kind for kind in kinds if line_is(kind, line, folded))
    found = None
    for name, anywhere, caps_only in _kind_tests_for(kinds, folded[0]):
        if (anywhere is not None and anywhere.match(folded)) or (
            caps_only is not None and caps_only.match(folded) and is_caps(line)
        ):
            found = [name] if found is None else found + [name]
    return _NO_KINDS if found is None else frozenset(found)
