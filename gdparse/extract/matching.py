"""The one way extractors scan a pattern over a span of text, and what it may skip.

:class:`PlainScan` is the reference: ``pattern.finditer(text, start, end)``. :class:`LiteralScan`
finds the same matches, in the same order, faster where it can skip work: a span without any of
the literals every match holds (:attr:`Prefilter.needs`) is not scanned at all; in a long span
(a whole document) a pattern whose every match starts at a line start is tried only after line
breaks, and one whose every match starts with one of a few literals (:attr:`Prefilter.starts`)
only where one of them occurs (``str.find`` runs at C speed; the regex engine would try every
offset).

What may be skipped is derived from the pattern itself (:func:`derive`), never written by hand: a
wrong hint would drop matches in silence. Where nothing can be derived (case-insensitive
patterns, syntax the derivation does not know), the prefilter is empty and the scan is the plain
one. ``tests/test_matching.py`` runs both scans on the same texts and spans, and checks every
derived literal against the matches of random patterns on random texts.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import regex

# Above this many start literals a scan per literal costs more than the regex engine's own scan.
MAX_STARTS = 16
# Flags of ``regex`` that keep what a literal of the pattern matches: the default ones, and those
# that change only anchors, dots and layout. Any other (IGNORECASE, REVERSE, V1, …): no prefilter.
_KEPT_FLAGS = regex.UNICODE | regex.VERSION0 | regex.MULTILINE | regex.DOTALL | regex.VERBOSE
# Small classes of single characters are read as alternatives of one-character literals.
_SMALL_CLASS = 4
# In a derived start literal, "at a line start": the literal after it follows a line break or
# starts the text (a noncharacter, which no pattern or text of a plan holds).
LINE_START = "\uffff"


@dataclass(frozen=True)
class Prefilter:
    """What is derived from a pattern: every match starts with one of ``starts`` and holds one of
    ``needs`` (an empty tuple: nothing known); ``line_start``: every match starts at a line start."""

    starts: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    line_start: bool = False


class PlainScan:
    """The reference scan: the matches of ``pattern.finditer`` over a span."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
        """The matches of the pattern in ``text[start:end]`` (lookarounds see the whole text)."""
        return self.pattern.finditer(text, start, len(text) if end is None else end)

    def search(self, text: str, start: int = 0, end: int | None = None) -> regex.Match[str] | None:
        """The first match in ``text[start:end]``, or None."""
        return self.pattern.search(text, start, len(text) if end is None else end)


# Below this many characters the regex engine's own scan costs less than finding literals first.
LONG_SPAN = 2048


class LiteralScan(PlainScan):
    """:class:`PlainScan` that skips what the pattern's :class:`Prefilter` rules out: a span that
    holds none of the needed literals is not scanned; a long span is tried only where a start
    literal occurs, or only at line starts. Literals are found by ``str.find`` (C speed)."""

    __slots__ = ("literals", "_needs", "_after_newline", "_any_start", "_starts_only")

    def __init__(self, pattern: regex.Pattern[str], literals: Prefilter) -> None:
        super().__init__(pattern)
        self.literals = literals
        self._needs = literals.needs
        # Many short start literals are found faster by one scan for all of them (the standard
        # ``re`` engine, an alternation of literals) than by a ``str.find`` scan for each.
        starts = literals.starts
        self._any_start = (re.compile("|".join(map(re.escape, sorted(starts, key=len, reverse=True))))
                           if starts and sum(1 / len(s) for s in starts) > 1.5
                           and not any(s[0] == LINE_START for s in starts) else None)
        # A line of the pattern found by the line break before it (a literal: the engine skips ahead).
        self._after_newline = (regex.compile(f"\n(?:{_INLINE_FLAGS.sub('', pattern.pattern, count=1)})", pattern.flags)
                               if literals.line_start else None)
        # Where the start literals are the needed ones, finding them is the test.
        self._starts_only = bool(starts) and set(starts) == set(literals.needs) and self._after_newline is None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
        end = len(text) if end is None else end
        long = end - start >= LONG_SPAN
        if long and self._starts_only:
            return self._at(text, start, end, self._start_positions(text, start, end))
        if not self._holds_a_need(text, start, end):
            return iter(())
        if long:
            if self._after_newline is not None:
                return self._at_lines(text, start, end)
            if self.literals.starts:  # where no start literal occurs, nothing is tried
                return self._at(text, start, end, self._start_positions(text, start, end))
        return self.pattern.finditer(text, start, end)

    def search(self, text: str, start: int = 0, end: int | None = None) -> regex.Match[str] | None:
        end = len(text) if end is None else end
        if end - start < LONG_SPAN:
            return self.pattern.search(text, start, end) if self._holds_a_need(text, start, end) else None
        return next(iter(self.finditer(text, start, end)), None)

    def _holds_a_need(self, text: str, start: int, end: int) -> bool:
        """Whether the span holds a needed literal (or no literal is known to be needed)."""
        find = text.find
        for need in self._needs:
            if find(need, start, end) >= 0:
                return True
        return not self._needs

    def _start_positions(self, text: str, start: int, end: int) -> list[int]:
        """Sorted positions in the span where a start literal occurs (after a line break, or at the
        text's start, for one at a line start)."""
        if self._any_start is not None:
            return self._one_pass_positions(text, start, end)
        found: set[int] = set()
        for literal in self.literals.starts:
            shift = 0
            if literal[0] == LINE_START:
                literal, shift = "\n" + literal[1:], 1
                if start == 0 and text.startswith(literal[1:]):
                    found.add(0)
            i = text.find(literal, max(0, start - shift), end)
            while i >= 0:
                found.add(i + shift)
                i = text.find(literal, i + 1, end)
        return sorted(found)

    def _one_pass_positions(self, text: str, start: int, end: int) -> list[int]:
        """Every position where a start literal occurs (a literal may begin inside another's match:
        each search resumes one character after the last one found)."""
        search = self._any_start.search
        found = []
        m = search(text, start, end)
        while m is not None:
            found.append(m.start())
            m = search(text, m.start() + 1, end)
        return found

    def _at(self, text: str, start: int, end: int, positions: list[int]) -> Iterator[regex.Match[str]]:
        """Leftmost matches, each try resuming where the last match ended, as ``finditer`` does;
        the pattern never matches the empty string (each match starts with a literal)."""
        match = self.pattern.match
        resume = start
        for pos in positions:
            if pos < resume:
                continue
            m = match(text, pos, end)
            if m is not None:
                yield m
                resume = m.end()

    def _at_lines(self, text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
        """The matches of a pattern that matches only at line starts, and never the empty string."""
        match = self.pattern.match
        resume = start
        if start == 0 or text[start - 1] == "\n":
            m = match(text, start, end)
            if m is not None:
                yield m
                resume = m.end()
        search = self._after_newline.search
        while resume < end:
            # A line break at resume - 1 or later: a line start at resume or later.
            found = search(text, max(start, resume - 1), end)
            if found is None:
                return
            m = match(text, found.start() + 1, end)
            if m is None:  # cannot be: the line start matched after its break
                resume = found.start() + 2
                continue
            yield m
            resume = m.end()


_INLINE_FLAGS = regex.compile(r"\A\(\?[a-zA-Z]+\)")


def literal_positions(text: str, literals: tuple[str, ...], start: int, end: int) -> list[int]:
    """Sorted start positions of every occurrence of any of ``literals`` in ``text[start:end]``."""
    found: set[int] = set()
    for literal in literals:
        i = text.find(literal, start, end)
        while i >= 0:
            found.add(i)
            i = text.find(literal, i + 1, end)
    return sorted(found)


def scan(pattern: str | regex.Pattern[str], flags: int = 0) -> PlainScan:
    """The scan of a pattern: accelerated by its derived prefilter when it has one, else plain."""
    compiled = pattern if isinstance(pattern, regex.Pattern) else regex.compile(pattern, flags)
    literals = prefilter(compiled)
    return LiteralScan(compiled, literals) if literals != Prefilter() else PlainScan(compiled)


# ------------------------------------------------------------------------------------ derivation


@lru_cache(maxsize=1024)
def prefilter(pattern: regex.Pattern[str]) -> Prefilter:
    """The literals that every match of ``pattern`` starts with, and those of which every match
    holds one (:func:`derive`), kept where they are worth a search: :class:`LiteralScan` uses them."""
    starts, needs, line_start = derive(pattern)
    return Prefilter(_useful_starts(starts), _fewest(needs), line_start)


def derive(pattern: regex.Pattern[str]) -> tuple[set[str] | None, set[str] | None, bool]:
    """(literals every match starts with one of, literals every match holds one of, whether every
    match starts at a line start and is not empty), read off the
    pattern's syntax tree (``re``'s parser, on the pattern with its Unicode properties written as
    classes); None where none is known. Conservative: whatever the derivation does not understand
    (a case-insensitive part, a back reference, syntax ``re`` does not read as ``regex`` does)
    yields no literal, so a derived literal never rules out a match."""
    if pattern.flags & ~_KEPT_FLAGS:
        return None, None, False
    source = _as_re_syntax(pattern.pattern)
    if source is None:
        return None, None, False
    try:
        with warnings.catch_warnings():  # "possible nested set": a class ``regex`` reads as ``re`` does
            warnings.simplefilter("ignore")
            tree = sre_parse.parse(source, re.UNICODE | (pattern.flags & (re.M | re.S | re.X)))
    except (re.error, RecursionError, OverflowError):
        return None, None, False
    if tree.state.flags & re.IGNORECASE:  # an inline "(?i)" for the whole pattern
        return None, None, False
    items, multiline = list(tree), bool(tree.state.flags & re.MULTILINE)
    line_start = multiline and bool(items) and items[0] == (sre.AT, sre.AT_BEGINNING) and tree.getwidth()[0] > 0
    return _start_literals(items, multiline), _needed_literals(items, multiline), line_start


_ESCAPE = regex.compile(r"\\[pP]\{[^}]*\}|\\.", regex.S)
# Syntax of ``regex`` that ``re`` would parse without an error but read otherwise: POSIX classes
# ("[[:alpha:]]") and fuzzy matching ("{e<=1}"). Its other syntax ``re`` refuses (no prefilter).
_FOREIGN = regex.compile(r"\[:\^?[a-z]+:\]|\{[^}]*[<>=][^}]*\}")


def _as_re_syntax(source: str) -> str | None:
    """The pattern as ``re`` reads it, Unicode properties written as the word class (a class, as
    they are: the derivation looks only at literals); None if ``re`` would read it otherwise."""
    if _FOREIGN.search(_ESCAPE.sub("_", source)):
        return None
    return _ESCAPE.sub(lambda m: (r"\w" if m.group()[1] == "p" else r"\W") if m.group()[1] in "pP" else m.group(),
                       source)


# A set of (literal, exact) pairs: a match of the subpattern starts with ``literal``; ``exact``:
# the whole match is ``literal`` (what follows the subpattern comes right after it). None: unknown.
Heads = frozenset[tuple[str, bool]]
_MAX_HEADS = 64
_UNKNOWN: Heads = frozenset({("", False)})
_EMPTY: Heads = frozenset({("", True)})
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def _heads(items: list, multiline: bool) -> Heads:
    """What a sequence of parsed items starts with (``LINE_START`` for "at a line start")."""
    out: Heads = _EMPTY
    for item in items:
        if all(not exact for _, exact in out):
            break
        following = _item_heads(item, multiline)
        out = frozenset((_joined(head, more), more_exact) if exact else (head, False)
                        for head, exact in out for more, more_exact in (following if exact else _EMPTY))
        if len(out) > _MAX_HEADS:
            out = frozenset((head, False) for head, _ in out)
            if len(out) > _MAX_HEADS:
                return _UNKNOWN
    return out


def _joined(head: str, more: str) -> str:
    """``head`` then ``more``; a line start after text is only a position (the text before it holds
    the line break), a line start first says where the match starts."""
    return head + (more[1:] if head and more[:1] == LINE_START else more)


def _item_heads(item: tuple, multiline: bool) -> Heads:
    op, av = item
    if op is sre.LITERAL:
        return frozenset({(chr(av), True)})
    if op is sre.AT and av is sre.AT_BEGINNING and multiline:
        return frozenset({(LINE_START, True)})
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is sre.IN:
        chars = _class_chars(av)
        return frozenset((c, True) for c in chars) if chars else _UNKNOWN
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if (add_flags | del_flags) & re.IGNORECASE:
            return _UNKNOWN
        return _heads(list(body), (multiline or bool(add_flags & re.M)) and not del_flags & re.M)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _heads(list(av), multiline)
    if op is sre.BRANCH:
        out = frozenset().union(*(_heads(list(branch), multiline) for branch in av[1]))
        return out if len(out) <= _MAX_HEADS else _UNKNOWN
    if op in _REPEATS:
        low, high, body = av
        inner = _heads(list(body), multiline)
        once = inner if high == 1 else frozenset((head, False) for head, _ in inner)
        return once | _EMPTY if low == 0 else once
    return _UNKNOWN


def _class_chars(items: list) -> str | None:
    """The characters of a class of a few single characters, or None."""
    chars = []
    for op, av in items:
        if op is not sre.LITERAL:
            return None
        chars.append(chr(av))
    return "".join(chars) if len(chars) <= _SMALL_CLASS else None


def _start_literals(items: list, multiline: bool) -> set[str] | None:
    """Literals of which every match starts with one (None: none known); one that begins with
    ``LINE_START`` is matched at a line start."""
    heads = {head for head, _ in _heads(items, multiline)}
    return None if "" in heads or not heads else heads


def _needed_literals(items: list, multiline: bool) -> set[str] | None:
    """Literals of which every match holds one: the best of the start literals of each suffix of
    the sequence, and of the needed literals of each group it must match (None: none known)."""
    best: set[str] | None = None
    for i, (op, av) in enumerate(items):
        found = [_start_literals(items[i:], multiline)]
        if op is sre.SUBPATTERN and not (av[1] | av[2]) & re.IGNORECASE:
            found.append(_needed_literals(list(av[3]), (multiline or bool(av[1] & re.M)) and not av[2] & re.M))
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found.append(_needed_literals(list(av), multiline))
        elif op is sre.BRANCH:
            each = [_needed_literals(list(branch), multiline) for branch in av[1]]
            found.append(None if any(e is None for e in each) else set().union(*each))
        elif op in _REPEATS and av[0] >= 1:
            found.append(_needed_literals(list(av[2]), multiline))
        for candidate in found:
            # A match holds what follows its line start, not the line break before it.
            candidate = candidate and {c.removeprefix(LINE_START) for c in candidate}
            if candidate and "" not in candidate and (best is None or _rarity(candidate) > _rarity(best)):
                best = candidate
    return best


def _rarity(literals: set[str]) -> tuple[int, int]:
    """How selective a set of literals is: its shortest literal (blanks not counted), then fewer."""
    return min(len(s.strip()) for s in literals), -len(literals)


def _fewest(needs: set[str] | None) -> tuple[str, ...]:
    """The needed literals without those that hold another (where they occur, so does the other)."""
    if not needs:
        return ()
    return tuple(sorted(s for s in needs if not any(o != s and o in s for o in needs)))


def _useful_starts(starts: set[str] | None) -> tuple[str, ...]:
    """Start literals worth finding one by one: none that another of them begins (its positions are
    found with the other's); past ``MAX_STARTS`` of them, their shorter beginnings; and none a single
    blank, letter or digit or a bare line start (found almost everywhere: the regex engine's own
    scan is then faster)."""
    if not starts:
        return ()
    kept = _shortest(starts)
    width = max(map(len, kept))
    while len(kept) > MAX_STARTS and width > 1:
        width -= 1
        kept = _shortest({s[:width] for s in kept})
    if len(kept) > MAX_STARTS or any(s == LINE_START or (len(s) == 1 and (s.isspace() or s.isalnum())) for s in kept):
        return ()
    return tuple(sorted(kept))


def _shortest(literals: set[str]) -> set[str]:
    """The literals that no other of them begins."""
    return {s for s in literals if not any(o != s and s.startswith(o) for o in literals)}
