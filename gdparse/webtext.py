"""Repairs for text copied from legal web portals, as edits the normaliser applies with offsets.

Each rule is a pure function ``text -> list[Edit]`` (``(start, end, replacement)`` against its
input) with ``EXAMPLES`` of what it does. :func:`web_text_edits` runs all rules on one input and
returns sorted, non-overlapping edits; :func:`repair_web_text` applies them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from collections.abc import Callable
from functools import cache, lru_cache

import regex

from gdparse.knowledge.loader import phrases_pattern
from gdparse.knowledge.webtext import web_text
from gdparse.knowledge.windows import windows
from gdparse.vietnamese import fold, strip_accents

Edit = tuple[int, int, str]
Rule = Callable[[str], list[Edit]]

# --- site navigation and metadata boxes before the document --------------------------------

# "ủy" is looked for behind the agency word once it is found: a look-behind tried first read back over
# the whole run of whitespace before every position of it (quadratic in blank lines and spaces).
_DOC_START = regex.compile(
    r"(?m)^[ \t#*|]*+(?:ủy\s+ban\s+nhân\s+dân|ubnd|hội\s+đồng\s+nhân\s+dân|cộng\s+hòa\s+xã\s+hội|"
    r"(?:bộ|sở|ban)(?<!ủy\s*(?:bộ|sở|ban))\s+[^\n]{2,50}$|tỉnh ủy|thành ủy|số\s*:|kính gửi\s*:)"
)
# A line of a portal's navigation or metadata box (webtext.yaml).
_BOILERPLATE = regex.compile(rf"(?m)^[ \t#*|-]*(?:{phrases_pattern(web_text().navigation_lines, space=' ')})\b")


_NAVIGATION_SPAN = windows().portal_navigation  # how far navigation may push the letterhead down


_NAVIGATION_HEAD = 1000


def drop_navigation(text: str) -> list[Edit]:
    """Drop portal navigation and metadata boxes before the letterhead (two such lines or more)."""
    if _letterhead_in_head(text):
        return []
    # Only the first 20000 characters are searched: fold just those (and two more, which the
    # tone-placement look-ahead of a pair at the edge reads).
    folded = fold(text[: _NAVIGATION_SPAN + 2])
    start = _DOC_START.search(folded, 0, _NAVIGATION_SPAN)
    if start is None or start.start() == 0:
        return []
    if len(_BOILERPLATE.findall(folded, 0, start.start())) < 2:
        return []
    return [(0, start.start(), "")]


def _letterhead_in_head(text: str) -> bool:
    """Whether the first lines (about 1000 characters) already show that nothing is dropped: a document
    start with fewer than two boilerplate lines before it. Most texts start with their letterhead, and
    folding those lines is far cheaper than folding 20000 characters.

    Exact: the head ends with a line break, so its folded characters are those of the longer fold (no
    capital sigma, whose lowercase reads its context), and a match in it is a match there too; the
    first match there is then no later, with no more boilerplate lines before it.
    """
    end = text.find("\n", _NAVIGATION_HEAD, _NAVIGATION_SPAN)
    if end < 0:
        return False
    head = text[: end + 1]
    if "Σ" in head:
        return False
    folded = fold(head)
    start = _DOC_START.search(folded)
    return start is not None and (start.start() == 0 or len(_BOILERPLATE.findall(folded, 0, start.start())) < 2)


# --- table pipes alone on a line -----------------------------------------------------------

_LONE_PIPES = regex.compile(r"(?m)^[ \t]*(?:\|[ \t:|-]*)\n")


def drop_lone_pipes(text: str) -> list[Edit]:
    """Lines holding only table pipes or a markdown separator ("|", "| |", "|---|---|")."""
    return [(m.start(), m.end(), "") for m in _LONE_PIPES.finditer(text)]


# --- lines broken inside a phrase, a number or a date --------------------------------------

# A word that announces a number or date, and what the next line must start with to continue it.
_CONNECTORS = (
    (regex.compile(r"(?i)(?<!\p{L})số[ \t]*:?[ \t]*$"), regex.compile(r"^(?:\d|/)")),
    (regex.compile(r"(?i)(?<!\p{L})ngày[ \t]*$"), regex.compile(r"^(?:\d{1,2}(?:[/.-]|$)|(?i:tháng))")),
    (regex.compile(r"(?i)(?<!\p{L})tháng[ \t]*$"), regex.compile(r"^(?:\d{1,2}(?:[/.-]|$)|(?i:năm))")),
    (regex.compile(r"(?i)(?<!\p{L})năm[ \t]*$"), regex.compile(r"^(?:19|20)\d\d(?!\d)")),
)
_BIGRAMS = frozenset(web_text().split_phrases)  # two words a line break may split (webtext.yaml)


@cache
def _province_pairs() -> frozenset[str]:
    from gdparse.knowledge.provinces import province_names  # noqa: PLC0415

    return frozenset(fold(n) for n in province_names() if " " in n)


# The word before and after each line break, both bounded. Anchored on the line break, with the
# word before it read by a look-behind: the same matches as an overlapped search for
# "(?<!\S)(?P<a>\S{1,40})[ \t]*\n[ \t]*(?P<b>\S{1,60})" (one per line break), without trying a
# match at every position of the text; the bounds keep it linear on text like "((((…".
_LINE_BREAK = regex.compile(r"(?<=(?<!\S)(?P<a>\S{1,40})[ \t]*)\n[ \t]*(?P<b>\S{1,60})")
_TRAILING_PUNCT = regex.compile(r"[,.:;]+$")
# The same matches found fast with ``re``, from the line break (a literal first character): the word
# before it read in the reversed text (only words of up to 10 characters can join), the word after
# it only for a word that can. ``_NON_SPACE`` is the ``\S`` of ``regex`` (Unicode White_Space).
_SPACE_CHARS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NON_SPACE = f"[^{_SPACE_CHARS}]"
_LINE_START_WORD = re.compile(rf"\n[ \t]*({_NON_SPACE}{{1,60}})")
_CONNECTOR_WORDS = frozenset({"số", "ngày", "tháng", "năm"})


@cache
def _phrase_firsts() -> frozenset[str]:
    """First words of the phrases that a line break may split ("ủy" of "ủy ban", "hà" of "hà nội")."""
    return frozenset(p.split()[0] for p in _BIGRAMS | _province_pairs())


@cache
def _reversed_line_end_word() -> re.Pattern[str]:
    """A line break and the word before it (up to 10 characters), in the reversed text.

    The word must end in a character that a joining word can end in (after folding, "*" and ":." aside):
    an ASCII character folds to itself lowercased, so the others are ruled out in the pattern. ASCII
    digits and punctuation that no joining word holds are ruled out anywhere in the word.
    """
    words = _phrase_firsts() | _CONNECTOR_WORDS
    ends = {w[-1] for w in words}
    ascii_chars = [chr(c) for c in range(128) if not chr(c).isspace() and chr(c) not in "*:."]
    last_ruled_out = "".join(c for c in ascii_chars if c.lower() not in ends)
    ruled_out = "".join(c for c in ascii_chars if not c.isalpha() and not any(c in w for w in words))
    word = f"[^{_SPACE_CHARS}{re.escape(ruled_out)}]{{1,10}}"
    return re.compile(rf"\n[ \t]*(?![{re.escape(last_ruled_out)}])({word})(?!{_NON_SPACE})")


@lru_cache(maxsize=4096)  # the same line-final words recur all through a document
def _joining_word(reversed_word: str) -> str | None:
    """The folded form of a line's last word (given reversed) if it is a connector word or the first
    word of a known phrase, else None."""
    last = fold(reversed_word[::-1].strip("*"))
    return last if last.rstrip(":.") in _CONNECTOR_WORDS or last in _phrase_firsts() else None


def join_broken_lines(text: str) -> list[Edit]:
    """A line break inside "Số:\\n1696/QĐ-TTg", "ngày\\n03/3/2021", "Hà\\nNội", "ỦY\\nBAN NHÂN DÂN"
    becomes a space."""
    edits = []
    # The matches of ``_LINE_BREAK`` whose word before the break has at most 10 characters (connector
    # words and phrase heads are short); one per line break, so each is found on its own.
    size = len(text)
    for end_word in _reversed_line_end_word().finditer(text[::-1]):
        nl = size - 1 - end_word.start()
        if text[nl + 1 : nl + 2] in ("\n", ""):
            continue  # a blank line or the end: no word after the break (the common case, told cheaply)
        # Cheap test first: only a connector word or the first word of a known phrase can join.
        last = _joining_word(end_word.group(1))
        if last is None:
            continue
        m = _LINE_START_WORD.match(text, nl)
        if m is None:
            continue
        b = m.group(1)
        before = text[max(0, nl - 30) : nl]
        pair = f"{last} {fold(_TRAILING_PUNCT.sub('', b.strip('*')))}"
        line_a = text[text.rfind("\n", 0, nl) + 1 : nl].split()
        phrase = (pair in _BIGRAMS or pair in _province_pairs()) and (len(line_a) <= 4 or b[:1].islower())
        joined = phrase or any(end.search(before) and nxt.match(b) for end, nxt in _CONNECTORS)
        if joined:
            s = nl - len(before) + len(before.rstrip(" \t"))
            e = m.start(1)
            edits.append((s, e, " "))
    return sorted(set(edits))


_SYMBOL_BREAK = regex.compile(r"(?<=\d[/-]?[\p{Lu}\d&]*[/-])[ \t]*\n[ \t]*(?=[\p{Lu}\d])|(?<=\d)[ \t]*\n[ \t]*(?=[/-][\p{Lu}\d])")
# Every match starts right after a "/", "-" or digit that ends a line (both look-behinds end on one):
# try the pattern only there, not at every position. Such line ends are found in the reversed text,
# where the line break comes first (a literal first character: a fast ``re`` scan). ``\d`` of ``re``
# is str.isdecimal; astral characters cover the digits of newer Unicode versions.
_REVERSED_SYMBOL_LINE_END = re.compile("\n[ \t]*[/\\-\\d\U00010000-\U0010ffff]")


def join_broken_symbols(text: str) -> list[Edit]:
    """A line break inside a number and symbol: "1696/QĐ-\\nTTg", "1696\\n/QĐ-TTg"."""
    edits = []
    size = len(text)
    for line_end in _REVERSED_SYMBOL_LINE_END.finditer(text[::-1]):
        m = _SYMBOL_BREAK.match(text, size - line_end.end() + 1)  # just after the last character
        if m:
            edits.append((m.start(), m.end(), ""))
    edits.reverse()
    return edits


# --- words glued where inline tags were ----------------------------------------------------

_SYLLABLE = regex.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:uye|uya|oai|oay|oeo|uoi|uou|uay|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)"
    r"(?:ch|ng|nh|c|m|n|p|t)?$"
)
_TOKEN = regex.compile(r"\p{L}{5,}")
_LETTER = regex.compile(r"\p{L}")


@lru_cache(maxsize=65536)  # the same heads and tails recur in every token of a document
def _is_syllable(s: str) -> bool:
    return bool(_SYLLABLE.match(strip_accents(fold(s))))


# The longest string _SYLLABLE matches: three letters of initial, three of vowel, two of final. Folding
# and stripping keep lengths, so no longer head is a syllable and no longer token is three of them.
_LONGEST_SYLLABLE = 8


def _split(token: str) -> list[int] | None:
    """Split points that make ``token`` two or three syllables, each starting with a consonant."""
    # Bounded: trying every head of a long run of letters (each a slice and a fold) was quadratic,
    # and recursing into every tail exhausted the stack.
    if len(token) > 3 * _LONGEST_SYLLABLE:
        return None
    for i in range(2, min(len(token) - 1, _LONGEST_SYLLABLE + 1)):
        head, tail = token[:i], token[i:]
        if not _is_syllable(head) or strip_accents(fold(tail[0])) in "aeiouy":
            continue
        if _is_syllable(tail):
            return [i]
        rest = _split(tail)
        if rest is not None and len(rest) == 1:
            return [i, i + rest[0]]
    return None


def _glue_candidates(text: str) -> set[str]:
    """The distinct non-ASCII ``_TOKEN`` matches of ``text`` that could split: those holding a vowel,
    consonants and a vowel (every token that splits does, see ``_vowel_consonants_vowel``).

    One ``re`` scan for that rare sequence (a Vietnamese syllable never holds it) instead of
    splitting the whole text into words; only the runs of letters around the few matches are read.
    """
    words: set[str] = set()
    if text.isascii():
        return words
    pattern = _vowel_consonants_vowel()
    m = pattern.search(text)
    while m:
        before = _LAST_NON_LETTER.search(text, 0, m.start())
        start = before.end() if before else 0
        end = _LETTERS.match(text, m.end()).end()
        if end - start >= 5:
            word = text[start:end]
            if not word.isascii():
                words.add(word)
        m = pattern.search(text, end)
    return words


_LAST_NON_LETTER = regex.compile(r"(?r)\P{L}")
_LETTERS = regex.compile(r"\p{L}*")


def _folded_base(char: str) -> str:
    """``strip_accents(fold(char))`` of one character, without filling their caches."""
    lower = char.lower()
    lower = lower if len(lower) == 1 else char
    if lower in "đĐ":
        return "d" if lower == "đ" else "D"
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isascii() else lower


@cache
def _vowel_consonants_vowel() -> re.Pattern[str]:
    """A letter whose folded base is a vowel, letters whose base is a consonant, and a vowel letter.

    A token that splits is syllables each matching ``_SYLLABLE`` once folded and stripped (so all of its
    letters have ASCII bases), the second starting with a consonant: the last vowel of the first,
    its final consonants, the initial consonants of the next and the vowel after them are such a
    sequence. Only letters of the Basic Multilingual Plane have ASCII bases.
    """
    vowels, consonants = [], []
    for code in range(0x10000):
        char = chr(code)
        if char.isalpha() and _LETTER.match(char):
            base = _folded_base(char)
            if base in ("a", "e", "i", "o", "u", "y"):
                vowels.append(char)
            elif base.isascii() and base.islower():
                consonants.append(char)
    vowel, consonant = _char_class(vowels), _char_class(consonants)
    return re.compile(f"{vowel}{consonant}+{vowel}")


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def split_glued_words(text: str) -> list[Edit]:
    """Insert the space lost with an inline tag: "Kếhoạch" -> "Kế hoạch", "đồngnhân" -> "đồng nhân"."""
    # Each distinct token is tested once; positions are looked up only when some token splits.
    glued = {}
    for token in _glue_candidates(text):
        if _is_syllable(token):
            continue
        points = _split(token)
        if points:
            glued[token] = points
    if len(glued) > 8:  # one scan of the whole text, not a search per token: stays linear
        return [(m.start() + p, m.start() + p, " ") for m in _TOKEN.finditer(text) for p in glued.get(m.group(), ())]
    edits = []
    for token, points in glued.items():
        # Occurrences that are whole runs of letters are exactly the ``_TOKEN`` matches equal to it.
        start = text.find(token)
        while start >= 0:
            end = start + len(token)
            if not (start and _LETTER.match(text, start - 1)) and not _LETTER.match(text, end):
                edits += [(start + p, start + p, " ") for p in points]
            start = text.find(token, start + 1)
    return sorted(edits)


drop_navigation.EXAMPLES = [("Trang chủ\nVăn bản pháp luật\nThuộc tính\nỦY BAN NHÂN DÂN\nTỈNH X", "ỦY BAN NHÂN DÂN\nTỈNH X")]
drop_lone_pipes.EXAMPLES = [("a\n|\n| |\n|---|---|\nb\n", "a\nb\n")]
join_broken_lines.EXAMPLES = [("Số:\n1696/QĐ-TTg", "Số: 1696/QĐ-TTg"), ("Hà\nNội, ngày 5", "Hà Nội, ngày 5"),
                              ("ỦY\nBAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"), ("ngày\n03/3/2021", "ngày 03/3/2021")]
join_broken_symbols.EXAMPLES = [("số 1696/QĐ-\nTTg ngày", "số 1696/QĐ-TTg ngày")]
split_glued_words.EXAMPLES = [("Kếhoạch", "Kế hoạch"), ("Hội đồngnhân dân", "Hội đồng nhân dân")]

RULES: tuple[Rule, ...] = (drop_navigation, drop_lone_pipes, join_broken_symbols, join_broken_lines, split_glued_words)


def web_text_edits(text: str) -> list[Edit]:
    """Edits of every rule against ``text``, sorted and non-overlapping (earlier rules win)."""
    edits: list[Edit] = []
    # Accepted spans, sorted; they never overlap, so their ends rise with their starts and the only
    # span that can overlap a new one is the last one starting before its end.
    spans: list[tuple[int, int]] = []
    for rule in RULES:
        for e in rule(text):
            i = bisect_left(spans, (e[1], -1))
            if not i or spans[i - 1][1] <= e[0]:
                edits.append(e)
                insort(spans, (e[0], e[1]))
    return sorted(edits, key=lambda e: (e[0], e[1]))


def apply(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for s, e, rep in edits:
        out += [text[pos:s], rep]
        pos = e
    return "".join(out) + text[pos:]


def repair_web_text(text: str) -> str:
    """``text`` with every repair applied."""
    return apply(text, web_text_edits(text))
