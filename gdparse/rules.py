"""Heading and layout-line rules (``gdparse.knowledge.layout``) compiled and applied to lines."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import regex

from gdparse.knowledge.layout import heading_rules, layout_rules
from gdparse.model import SectionKind
from gdparse.vietnamese import fold


@cache
def _compiled_headings() -> tuple[regex.Pattern[str], tuple[SectionKind, ...]]:
    """All heading rules as one alternation, rule ``i`` in group ``r{i}``: the first rule that
    matches wins, as trying them in order would, in one match."""
    rules = heading_rules().rules
    pattern = "|".join(
        f"(?P<r{i}>" + "|".join(f"(?:{_combinable(p)})" for p in rule.patterns) + ")" for i, rule in enumerate(rules)
    )
    return regex.compile(pattern), tuple(rule.kind for rule in rules)


def classify_heading(heading: str, folded: str | None = None) -> SectionKind | None:
    """The section kind that a heading names, or None when it names none (inherit the parent's).
    ``folded`` is ``fold(heading)`` where the caller has it."""
    # A heading wrapped onto a second line reads as one line.
    folded = (fold(heading) if folded is None else folded).strip(" *-+•:.").replace("\n", " ")
    pattern, kinds = _compiled_headings()
    m = pattern.match(folded)
    if m is None:
        return None
    return kinds[int(m.lastgroup[1:])]


def _combinable(pattern: str) -> str:
    """``pattern``, checked to mean the same inside an alternation of groups: no inline flags
    (they would apply to the whole) and no backreferences (group numbers shift)."""
    if regex.compile(pattern).flags != regex.compile("").flags or regex.search(r"\\[1-9g]|\(\?P=", pattern):
        raise ValueError(f"rule pattern cannot be combined (inline flags or backreference): {pattern!r}")
    return pattern


@cache
def _compiled_line_kinds() -> dict[str, tuple[tuple[regex.Pattern[str], bool], ...]]:
    return {
        name: tuple((regex.compile(p), i in rule.caps_only) for i, p in enumerate(rule.patterns))
        for name, rule in layout_rules().line_kinds.items()
    }


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
    caps = None
    for pattern, caps_only in _compiled_line_kinds()[kind]:
        if caps_only:
            if caps is None:
                caps = is_caps(line)
            if not caps:
                continue
        if pattern.match(folded):
            return True
    return False


_NO_KINDS: frozenset[str] = frozenset()

# A line kind, its patterns that count on any line, and its caps-only ones.
_KindTest = tuple[str, tuple["regex.Pattern[str]", ...], tuple["regex.Pattern[str]", ...]]


# How many first characters of a folded line choose the patterns it is tested against.
KIND_PREFIX = 2


@lru_cache(maxsize=2048)
def _kind_tests_for(kinds: tuple[str, ...], prefix: str) -> tuple[_KindTest, ...]:
    """Per kind, only those patterns that can match a line starting with ``prefix`` (its first
    ``KIND_PREFIX`` characters are a partial match): a body line is then tested against a pattern
    or none, not all of them. Tried one by one: the regex module rejects a pattern with a
    required literal (", ngày") faster alone than inside an alternation. Asked once per prefix."""
    tests = []
    for name in kinds:
        possible = [
            (pattern, caps) for pattern, caps in _compiled_line_kinds()[name] if pattern.match(prefix, partial=True)
        ]
        if possible:
            anywhere = tuple(pattern for pattern, caps in possible if not caps)
            caps_only = tuple(pattern for pattern, caps in possible if caps)
            tests.append((name, anywhere, caps_only))
    return tuple(tests)


def line_kinds(kinds: tuple[str, ...], line: str, folded: str) -> frozenset[str]:
    """The layout kinds among ``kinds`` that a line is (``folded`` is its folded, stripped form):
    the same answer as ``line_is`` for each kind."""
    return line_kinds_tester(kinds)(line, folded)


@lru_cache(maxsize=16)
def line_kinds_tester(kinds: tuple[str, ...]) -> Callable[[str, str], frozenset[str]]:
    """``line_kinds`` for fixed ``kinds``, with the tests of each line prefix at hand."""
    by_prefix: dict[str, tuple[_KindTest, ...]] = {}

    def kinds_of(line: str, folded: str) -> frozenset[str]:
        if not folded:
            return frozenset(kind for kind in kinds if line_is(kind, line, folded))
        prefix = folded[:KIND_PREFIX]
        tests = by_prefix.get(prefix)
        if tests is None:
            if len(by_prefix) >= 4096:
                by_prefix.clear()  # bounded: one entry per distinct prefix
            tests = by_prefix[prefix] = _kind_tests_for(kinds, prefix)
        if not tests:
            return _NO_KINDS  # most lines: no pattern can match their start
        found = []
        caps = None  # asked at most once, and only where a caps-only pattern could match
        for name, anywhere, caps_only in tests:
            # Loops inline, not any(): a call per test costs as much as a match.
            for pattern in anywhere:
                if pattern.match(folded):
                    found.append(name)
                    break
            else:
                if caps_only and (caps if caps is not None else (caps := is_caps(line))):
                    for pattern in caps_only:
                        if pattern.match(folded):
                            found.append(name)
                            break
        return frozenset(found) if found else _NO_KINDS

    return kinds_of
