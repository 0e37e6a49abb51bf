"""Every registry alias in a text, overlapping matches included, without tokenising the whole text.

Aliases are sequences of matching tokens (:func:`gdparse.registry.tokens`): words of the folded text,
with "và" dropped and acronym runs ("LĐ-TB&XH") read as one word. The alias keys form a trie of
tokens, written as a regular expression: C-level passes over the folded text (one for words after a
blank, one for words after other characters) stop at every token that begins an alias and, looking
ahead along the trie, mark every alias that ends on the way.

Acronym runs are joined beforehand: their joiners are deleted from a copy of the folded text (the
"view"), whose offsets map back through the deleted positions. Characters that only ``re`` reads
as word characters (superscript footnote marks) are blanked in the view. Lines where the folded
text does not give the tokens otherwise (the placeholder character, characters outside the BMP,
the other characters on which ``re`` and ``regex`` disagree about ``\\w``) are tokenised in full by
the registry (rare). The standard ``re`` module is used: it runs these patterns several times
faster than ``regex``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import regex

from gdparse import registry

Token = tuple[str, int, int]
# One alias match: token count, start, end (offsets into the text), alias key, and where its line
# goes on: the end in the view (an int), or the line's tokens and the index of the match's last
# token when the line was read in full.
Match = tuple[int, int, int, str, "int | tuple[list[Token], int]"]

# registry.TOKEN for the view, where ``re`` and ``regex`` agree on ``\w``.
_TOKEN = re.compile(r"[\w\x01]+|[.:;()\n]")


def _char_class(chars: str) -> str:
    """A ``re`` character class body for a sorted string of distinct characters, as ranges."""
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) if i == j else f"{re.escape(chars[i])}-{re.escape(chars[j])}")
        i = j + 1
    return "".join(out)


@cache
def _irregular_char() -> re.Pattern[str]:
    """Characters that make a line irregular: a joiner between capitals (the line may hold an
    acronym run), a character of :func:`_blanked_chars`, or an odd character, after which the line
    is tokenised in full: the placeholder, characters outside the BMP and the others on which ``re``
    and ``regex`` disagree about ``\\w``.

    Folding never turns a character into an odd one, so the text is scanned, not its folded copy.
    """
    bmp = "".join(map(chr, range(0x10000)))
    disagree = set(regex.findall(r"\w", bmp)) ^ set(re.findall(r"\w", bmp))
    odd = _char_class("".join(sorted(disagree))) + "\x01\U00010000-\U0010FFFF"
    upper = _char_class("".join(regex.findall(r"\p{Lu}", bmp)))
    # One character set first, so that ``re`` scans for it quickly.
    return re.compile(f"[&/\\-{odd}](?:(?<=[&/\\-])(?=[{upper}])(?<=[{upper}].)|(?<![&/\\-]))")


@cache
def _blanked_chars() -> frozenset[str]:
    """Characters that ``re`` reads as word characters and ``regex`` does not (superscript digits
    of footnote marks): to the registry's tokens they part words as a blank does, so the view
    holds a blank instead of tokenising their line in full."""
    bmp = "".join(map(chr, range(0x10000)))
    return frozenset(re.findall(r"\w", bmp)) - frozenset(regex.findall(r"\w", bmp))


@cache
def alias_trie() -> dict:
    """Alias keys as a trie of tokens; the entry ``""`` of a node is the alias key ending there."""
    root: dict = {}
    for key in registry.alias_index():
        node = root
        for tok in key.split():
            node = node.setdefault(tok, {})
        node[""] = key
    return root


def _char_trie(items: list[tuple[str, str]]) -> str:
    """An alternation of literals, each followed by its own continuation, factored by prefix so that
    a failing position costs one character test."""
    alternatives, by_char = [], {}
    for literal, rest in items:
        if literal:
            by_char.setdefault(literal[0], []).append((literal[1:], rest))
        else:
            alternatives.append(rest)
    alternatives += [re.escape(c) + _char_trie(sub) for c, sub in sorted(by_char.items())]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


@cache
def _non_word_chars() -> str:
    """Every BMP character that is no word character for ``re``, in order."""
    return "".join(re.findall(r"\W", "".join(map(chr, range(0x10000)))))


def _non_word_class(exclude: str) -> str:
    """A ``re`` class of the non-word characters (those outside the BMP included) but ``exclude``,
    spelled out: ``re`` scans for a spelled-out set faster than for a negated ``\\w``."""
    chars = "".join(c for c in _non_word_chars() if c not in exclude)
    return f"[{_char_class(chars)}\U00010000-\U0010FFFF]"


@cache
def _gap() -> str:
    """Between two tokens of an alias: characters that are no token, and dropped words ("và").

    Possessive: a token never begins with a gap character nor is a dropped word, so giving any of
    the gap back cannot help; and the common gap, blanks, is one fast repeat before the general
    one. A dropped word needs no "no word character before": what precedes it is a gap character
    or the end of a token, and a word token ends before a non-word character.
    """
    dropped = "|".join(map(re.escape, sorted(registry.DROPPED_WORDS)))
    return rf" *+[^\w.:;()\n]*+(?:(?:{dropped})(?!\w)[^\w.:;()\n]*+)*+"


def _is_word(tok: str) -> bool:
    return regex.fullmatch(r"\w+", tok) is not None


def sequence_pattern(tokens: tuple[str, ...]) -> str:
    """A ``re`` pattern for these tokens coming next in the folded text of a regular line, after a
    token (no "no word character before" test for a word: see _gap)."""
    return "".join(_gap() + (rf"{re.escape(t)}(?!\w)" if _is_word(t) else re.escape(t)) for t in tokens)


def next_token_pattern(choices: dict[str, str]) -> str:
    """A ``re`` pattern for the next token being one of ``choices``, followed by its pattern; one
    character test per failing position however many choices there are."""
    words = [(tok, r"(?!\w)" + rest) for tok, rest in choices.items() if _is_word(tok)]
    others = [(tok, rest) for tok, rest in choices.items() if not _is_word(tok)]
    # No "no word character before" test for a word: see _gap.
    branches = ([_char_trie(words)] if words else []) + ([_char_trie(others)] if others else [])
    return _gap() + (branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")")


def _after(node: dict, depth: int, path: tuple[str, ...], ends: dict) -> str:
    """What follows the token that leads to ``node`` (``depth`` tokens matched so far): an empty
    group where an alias ends, then the next tokens, optional if an alias ended here."""
    out = ""
    if "" in node:
        name = f"end{len(ends)}"
        path += (name,)
        ends[name] = (depth, node[""], path)
        out = f"(?P<{name}>)"
    choices = {tok: _after(child, depth + 1, path, ends) for tok, child in node.items() if tok}
    if choices:
        following = next_token_pattern(choices)
        out += f"(?:{following})?" if "" in node else following
    return out


def _first_tokens(trie: dict, ends: dict, word_start: bool) -> str:
    """The first token of an alias, consumed, and the rest looked ahead for (another alias may
    begin at the next token). With ``word_start`` the caller has made sure that no word character
    comes before; otherwise "no word character before" is tested once a word token matched, so that
    the pattern starts with a character set, which ``re`` scans for quickly."""
    items = []
    for tok, child in trie.items():
        rest = f"(?={_after(child, 1, (), ends)})"
        if _is_word(tok):
            rest = r"(?!\w)" + ("" if word_start else rf"(?<!\w.{{{len(tok)}}})") + rest
        items.append((tok, rest))
    return _char_trie(items)


Paths = dict[int, tuple[tuple[int, int, str], ...]]


def _compile(prefixes: tuple[str, ...], trie: dict, word_start: bool) -> list[tuple[re.Pattern[str], Paths]]:
    """The first tokens of ``trie`` after each prefix as a pattern, with, for the group of the last
    alias end of a match (``lastindex``), the (group, token count, alias key) of every alias end on
    its path (the groups are the same in each pattern)."""
    ends: dict[str, tuple[int, str, tuple[str, ...]]] = {}
    body = _first_tokens(trie, ends, word_start)
    out = []
    for prefix in prefixes:
        pattern = re.compile(prefix + body)
        group = pattern.groupindex
        paths = {group[name]: tuple((group[step], ends[step][0], ends[step][1]) for step in path)
                 for name, (_, _, path) in ends.items()}
        out.append((pattern, paths))
    return out


@cache
def _alias_patterns() -> tuple[list[tuple[re.Pattern[str], Paths]], list[tuple[re.Pattern[str], Paths]]]:
    """The alias trie as patterns that consume the first token of an alias and look ahead along the
    trie as far as the text goes, leaving an empty group at every alias end on the way (the tokens
    after a position are fixed, so all aliases beginning there lie on one path); with the alias
    ends of each match (:func:`_compile`).

    First, patterns that consume the one character before the alias: a word begins after a blank
    or after another non-word character (or at the start of the text: see ``matches``). The common
    case starts with a literal blank, which ``re`` finds faster than a character set, and the trie
    is tried at word starts only. Second, a pattern for first tokens that are not words (if an
    alias begins with one).
    """
    trie = alias_trie()
    words = {tok: child for tok, child in trie.items() if _is_word(tok)}
    others = {tok: child for tok, child in trie.items() if not _is_word(tok)}
    return (_compile((" ", _non_word_class(" ")), words, word_start=True) if words else [],
            _compile(("",), others, word_start=False) if others else [])


def _line(text: str, pos: int) -> tuple[int, int]:
    """Start and end (before the line break) of the line holding ``pos``."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


class AliasSearch:
    """The alias matches of one text (``keys`` is ``fold(text)``) and the tokens that follow them."""

    def __init__(self, text: str, keys: str) -> None:
        self.text, self.keys = text, keys
        odd, runs, blanks = set(), set(), []
        blanked = _blanked_chars()
        line = (0, 0)
        for m in _irregular_char().finditer(text):
            if m.start() >= line[1]:  # the first hit on its line: find the line once
                line = _line(text, m.start())
            char = m.group()
            if char in "&/-":
                runs.add(line)
            elif char in blanked:
                blanks.append((m.start(), line))
            else:
                odd.add(line)
        runs -= odd
        self.odd_lines = sorted(odd)
        # Deleted joiners, as positions in the view; and the view: the folded text with joiners of
        # acronym runs deleted, blanked characters and odd lines blanked out (same length, so no
        # alias is found there).
        self._deleted: list[int] = []
        self.view = keys
        blank_at = [pos for pos, line in blanks if line not in odd]
        if odd or runs or blank_at:
            self.view = self._build_view(odd, runs, blank_at)

    def _build_view(self, odd: set[tuple[int, int]], runs: set[tuple[int, int]], blank_at: list[int]) -> str:
        cuts: list[tuple[int, int, str]] = [(start, end, " " * (end - start)) for start, end in odd]
        cuts += [(pos, pos + 1, " ") for pos in blank_at]
        for start, end in runs:
            for m in registry.ACRONYM_RUN.finditer(self.text, start, end):
                cuts += [(i, i + 1, "") for i in range(m.start(), m.end()) if self.text[i] in "&/-"]
        pieces, pos = [], 0
        for start, end, replacement in sorted(cuts):
            pieces += [self.keys[pos:start], replacement]
            if not replacement:
                self._deleted.append(start - len(self._deleted))
            pos = end
        pieces.append(self.keys[pos:])
        return "".join(pieces)

    def _offset(self, view_pos: int) -> int:
        """The offset into the text of a token boundary in the view."""
        return view_pos + bisect_right(self._deleted, view_pos) if self._deleted else view_pos

    def matches(self) -> list[Match]:
        """Every alias match, overlapping ones included."""
        out: list[Match] = []
        trie = alias_trie()
        for start, end in self.odd_lines:
            toks = registry.tokens_in(self.text, self.keys, start, end)
            for i, (key, _, _) in enumerate(toks):
                if key in trie:
                    out += _walk_tokens(toks, i)
        view, deleted = self.view, self._deleted
        after_char, others = _alias_patterns()
        # (match, characters before the alias, view position of string position 0, alias ends): a
        # word at the start of the view is matched after a line break put before its first line.
        hits = [(m, 1, 0, paths) for pattern, paths in after_char for m in pattern.finditer(view)]
        if after_char and view:
            pattern, paths = after_char[1]
            line_end = view.find("\n")
            m = pattern.match("\n" + (view if line_end < 0 else view[:line_end]))
            if m:
                hits.append((m, 1, -1, paths))
        hits += [(m, 0, 0, paths) for pattern, paths in others for m in pattern.finditer(view)]
        for m, skip, base, paths in hits:
            start = m.start() + skip + base
            start += bisect_right(deleted, start)  # _offset inlined: it runs for every match
            for group, count, key in paths[m.lastindex]:
                stop = m.end(group) + base
                out.append((count, start, stop + bisect_right(deleted, stop), key, stop))
        return out

    def end_after(self, match: Match, pattern: re.Pattern[str]) -> int | None:
        """The end (offset into the text) of what ``pattern`` matches right after ``match``, built
        with :func:`sequence_pattern`; None if the match comes from a line read in full."""
        stop = match[4]
        if isinstance(stop, tuple):
            return None
        found = pattern.match(self.view, stop)
        return self._offset(found.end()) if found else None

    def tokens_after(self, match: Match, limit: int) -> list[Token]:
        """Up to ``limit`` tokens of the line after a match (offsets into the text)."""
        rest = match[4]
        if isinstance(rest, tuple):
            toks, last = rest
            return toks[last + 1 : last + 1 + limit]
        view, offset = self.view, self._offset
        end = view.find("\n", rest)
        out: list[Token] = []
        for m in _TOKEN.finditer(view, rest, len(view) if end < 0 else end):
            key = m.group()
            if key not in registry.DROPPED_WORDS:
                out.append((key, offset(m.start()), offset(m.end())))
                if len(out) == limit:
                    break
        return out


def _walk_tokens(toks: list[Token], first: int) -> list[Match]:
    """Aliases beginning at token ``first`` of a line's tokens."""
    out: list[Match] = []
    node = alias_trie()
    for last in range(first, len(toks)):
        node = node.get(toks[last][0])
        if node is None:
            break
        if "" in node:
            out.append((last - first + 1, toks[first][1], toks[last][2], node[""], (toks, last)))
    return out
