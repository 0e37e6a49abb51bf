"""Normalise a decoded text: one text that every later stage spans over.

A pipeline of small ``text -> edits`` passes. Each pass returns edits against its input; the
runs of every pass are composed so that each normalised offset maps back to the original
(``NormalizedText.runs``, see :mod:`gdparse.offsets`). Tone-mark placement is *not* rewritten
here (hoà stays hoà); matching uses :func:`gdparse.vietnamese.fold`, which keeps length.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

import regex

from gdparse.lost_case import is_caps_line, legacy_lost
from gdparse.markdown_marks import markdown
from gdparse.model import Frozen
from gdparse.offsets import Edit, Run, apply_edits, compose, drop_overlaps, identity
from gdparse.whitespace import whitespace

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


class NormalizedText(Frozen):
    """The normalised text, its map back to the original, and layout hints found on the way."""

    text: str
    runs: tuple[Run, ...]
    bold: tuple[tuple[int, int], ...] = ()
    headings: tuple[tuple[int, int], ...] = ()  # markdown heading lines (start, end)


Pass = Callable[[str], list[Edit]]


def _has_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds one of a few ``chars``: one C-level search per character, far faster
    than a regex scan of a character class."""
    return any(c in text for c in chars)


# --- passes -------------------------------------------------------------------------------

# Plain character classes: the standard ``re`` engine scans them several times faster than ``regex``
# and matches exactly the same characters.
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def newlines(text: str) -> list[Edit]:
    """CRLF, CR, form feeds and Unicode line separators become LF."""
    if not _has_any(text, "\r\u2028\u2029\x0b\x0c\x85"):
        return []
    return [(m.start(), m.end(), "\n") for m in _NEWLINES.finditer(text) if m.group() != "\n"]


# Blocks that are dropped are found by their opening tag; their closing tag is then looked for on its
# own (``<script\b.*?</script\s*>`` in one pattern scanned to the end of the text for every opening
# tag left unclosed: quadratic in "<!--<!--…"). The other tags end at the next ">", possessively.
_BLOCK_TAG = regex.compile(
    r"(?is)<(script|style|head|nav|noscript)\b|<!--"
    r"|</?(?:p|div|br|li|ul|ol|tr|table|thead|tbody|h[1-6]|section|article|header|footer|blockquote)\b[^>]*+>"
    r"|</?(?:td|th)\b[^>]*+>"
)
_TAG_NAME = regex.compile(r"<(/?)([a-z0-9!-]+)")
_SUP = regex.compile(r"(?i)<sup>\s*(\d{1,3})\s*</sup>")
_INLINE_TAG = regex.compile(r"(?i)</?(?:[a-z][a-z0-9]*+)\b[^<>\n]{0,500}>")
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


@lru_cache(maxsize=8)
def _closing_tag(name: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?i)</{name}\s*>")


def html_blocks(text: str) -> list[Edit]:
    """HTML block structure: script/style dropped, blocks become lines, cells tabs."""
    edits = []
    # Every block ends with ">": none is looked for after the last one (an unclosed "<div" would
    # otherwise be read to the end of the text, once per tag).
    end = text.rfind(">") + 1
    unclosed: set[str] = set()  # blocks with no closing tag after some opening tag: none after a later one
    pos = 0
    while m := _BLOCK_TAG.search(text, pos, end):
        name = m.group(1)
        if name is not None or m.group() == "<!--":  # a block dropped with its content
            kind = name.lower() if name is not None else "!--"
            close = -1 if kind in unclosed else _block_end(text, kind, m.end())
            if close < 0:  # no match starts here: the other tags have other names
                unclosed.add(kind)
                pos = m.start() + 1
                continue
            edits.append((m.start(), close, ""))
            pos = close
            continue
        tag = m.group().lower()
        name_match = _TAG_NAME.match(tag)
        closing, tag_name = (name_match.group(1), name_match.group(2)) if name_match else ("", "")
        if tag_name in ("td", "th"):
            replacement = "" if closing else "\t"
        else:
            replacement = "\n"
        edits.append((m.start(), m.end(), replacement))
        pos = m.end()
    return edits


def _block_end(text: str, kind: str, start: int) -> int:
    """The end of the closing tag of a dropped block whose opening tag ends at ``start``, or -1."""
    if kind == "!--":
        close = text.find("-->", start)
        return close + 3 if close >= 0 else -1
    close = _closing_tag(kind).search(text, start)
    return close.end() if close else -1


def inline_tags(text: str) -> list[Edit]:
    """Inline tags (``<i>``, ``<b>``, ``<sup>``) and entities; ``<sup>1</sup>`` becomes ``¹``."""
    if "<" not in text and "&" not in text:
        return []
    edits: list[Edit] = []
    if "<" in text:  # tags start with "<", entities with "&": scan only for what can be there
        for m in _SUP.finditer(text):
            edits.append((m.start(), m.end(), m.group(1).translate(_TO_SUPERSCRIPT)))
        # <sup> matches are sorted and disjoint: bisect finds the one a tag could be inside.
        sup_starts = [s for s, _, _ in edits]
        sup_ends = [e for _, e, _ in edits]
        for m in _INLINE_TAG.finditer(text):
            i = bisect_right(sup_starts, m.start()) - 1
            if i < 0 or m.start() >= sup_ends[i]:
                edits.append((m.start(), m.end(), ""))
    if "&" in text:
        for m in _ENTITY.finditer(text):
            edits.append((m.start(), m.end(), html.unescape(m.group())))
    edits.sort()
    return drop_overlaps(edits)


_MARK = regex.compile(r"\p{M}")
_COMMON_MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # Vietnamese tones and vowel marks


def nfc(text: str) -> list[Edit]:
    """Compose decomposed characters (NFC), one base character and its marks at a time."""
    # One C-level check: every run of an NFC text is already composed. Skipped when a common
    # combining mark shows the text is decomposed (the check then normalises the whole text).
    if not _has_any(text, _COMMON_MARKS) and unicodedata.is_normalized("NFC", text):
        return []
    # Runs of "\P{M}\p{M}+": a maximal run of marks and the character before it. Marks are looked for
    # among the characters outside the blocks that hold none (ASCII to spacing modifiers, Latin
    # Extended Additional, common punctuation): one fast scan instead of a set of every character.
    marks = "".join(sorted(c for c in set(_MAYBE_MARK.findall(text)) if _MARK.match(c)))
    if not marks:
        return []
    edits = []
    end = 0
    # One mark at a time: a class of single characters scans far faster than a repeated one.
    for m in _mark_class(marks).finditer(text):
        if m.start() < end:
            continue  # in the run just composed
        end = m.end()
        while end < len(text) and text[end] in marks:
            end += 1
        start = m.start() - 1
        if start < 0:
            continue  # marks at the very start have no base character
        run = text[start:end]
        composed = unicodedata.normalize("NFC", run)
        if composed != run:
            edits.append((start, end, composed))
    return edits


_MAYBE_MARK = re.compile("[^\x00-\u02ff\u1e00-\u1eff\u2010-\u2027]")


@lru_cache(maxsize=16)
def _mark_class(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}]")


_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\u00ad]")
_ODD_SPACE_CHARS = "\u00a0\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060\u00ad" + "".join(map(chr, range(0x2000, 0x200B)))


def odd_spaces(text: str) -> list[Edit]:
    """No-break and other odd spaces become plain spaces; zero-width characters go."""
    # Each character present found by str.find: a few C-level scans instead of a regex class scan.
    edits = []
    for char in _ODD_SPACE_CHARS:
        at = text.find(char)
        if at < 0:
            continue
        replacement = "" if _ZERO_WIDTH.match(char) else " "
        while at >= 0:
            edits.append((at, at + 1, replacement))
            at = text.find(char, at + 1)
    return sorted(edits)


_FOOTNOTE_BODY = regex.compile(rf"(?m)^(?:[{SUPERSCRIPT_DIGITS}]+|\ufffd)[ \t]*\S[^\n]*$")
_FOOTNOTE_MARKS = SUPERSCRIPT_DIGITS + "\ufffd"


def footnotes_to_end(text: str) -> list[Edit]:
    """Footnote bodies printed at a page foot move to the end of the text.

    They would otherwise cut the sentence that the page break interrupted; at the end they
    stay footnotes (segment gives them a ``footnotes`` section).
    """
    # Bodies are whole lines: try the pattern only on lines that start with a mark, found by str.find
    # (a few fast scans, usually all empty) instead of a multiline regex scan.
    line_starts = []
    for mark in _FOOTNOTE_MARKS:
        at = text.find(mark)
        while at >= 0:
            if not at or text[at - 1] == "\n":
                line_starts.append(at)
            at = text.find(mark, at + 1)
    if not line_starts:
        return []
    line_starts.sort()
    bodies = [b for start in line_starts if (b := _FOOTNOTE_BODY.match(text, start))]
    if not bodies:
        return []
    tail_start = len(text.rstrip())
    # Bodies already at the end (after the last ordinary line) stay where they are.
    trailing = []
    for m in reversed(bodies):
        between = text[m.end() : tail_start]
        if between.strip() == "":
            trailing.append(m)
            tail_start = m.start()
        else:
            break
    moving = [m for m in bodies if m not in trailing]
    if not moving:
        return []
    edits: list[Edit] = [(m.start(), m.end() + (1 if text[m.end() : m.end() + 1] == "\n" else 0), "") for m in moving]
    block = "\n\n" + "\n".join(m.group() for m in moving)
    edits.append((len(text), len(text), block))
    return edits


_TERMINAL = set('.:;!?…"”)]/')
_PAGE_CUT = regex.compile(r"(?<=[^\n])\n(?:[ \t]*\n)+(?=\p{Ll})")
# Emphasis marks may come first ("**, và**"): they are unwrapped later, and the join must not wait for it.
_LEADING_PUNCT = regex.compile(r"\n(?:[ \t]*\n)*(?=(?:\*{1,2}|__)?[;,][ \t]*\p{L})")
# The same matches found fast: ``re`` jumps from line break to line break (a literal first character)
# to whole runs of blank lines, and the letter test runs only on the character after each. A failed
# test needs no retry inside the run: every later start in it ends at the same place, before the same
# character. So the run is possessive and has no look-ahead: with one, a run followed by a capital
# was retried from each of its line breaks, each time to its end (quadratic in the run's length).
_BLANK_LINES_RUN = re.compile(r"\n(?:[ \t]*+\n)++")
_PUNCT_LINE = re.compile(r"\n(?=(?:\*{1,2}|__)?[;,])")
_LOWERCASE = regex.compile(r"\p{Ll}")


def join_page_breaks(text: str) -> list[Edit]:
    """Join a sentence cut by a page break: "xây dựng,\\n\\nhoàn thiện" -> "xây dựng, hoàn thiện".

    Joined only when the line before does not end a sentence and the next starts lowercase (and
    is not a line in capitals whose first capital a legacy encoding could not write).
    A line starting with ";" or "," (a lost footnote marker left it there) joins its line.
    """
    edits: list[Edit] = []
    for m in _page_cuts(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()]
        before = line.rstrip()
        # A row ending in a tab ends with an empty cell: text joined after it would become a
        # cell of its own on the next normalisation, so the join would not be stable.
        # A lone footnote marker joined to text would become a footnote body on the next run.
        if (before.strip(_FOOTNOTE_MARKS) and before[-1] not in _TERMINAL and not line.endswith("\t")
                and not _looks_like_heading(before) and not _caps_but_lost(text, m.end())):
            edits.append((m.start(), m.end(), " "))
    for line in _PUNCT_LINE.finditer(text):
        # The match starts at the first line break of the blank lines before the line.
        start = line.start()
        while start and text[start - 1] in " \t\n":
            start -= 1
        m = _LEADING_PUNCT.match(text, text.index("\n", start))
        if m:
            edits.append((m.start(), m.end(), ""))
    edits.sort()
    return drop_overlaps(edits)


def _page_cuts(text: str) -> list[regex.Match[str] | re.Match[str]]:
    """``_PAGE_CUT.finditer(text)``: runs of blank lines before a lowercase letter.

    A run found by ``re`` starts after a character other than a line break (the break before it would
    have started the run), except at the start of the text, where the look-behind can only hold
    further in: that run is searched with the pattern itself.
    """
    cuts = []
    for m in _BLANK_LINES_RUN.finditer(text):
        after = text[m.end() : m.end() + 1]  # an ASCII character is \p{Ll} exactly when it is a-z
        if not (after.islower() if after.isascii() else _LOWERCASE.match(after)):
            continue
        if m.start() == 0:
            cut = _PAGE_CUT.search(text, 0, m.end() + 1)
            if cut:
                cuts.append(cut)
        else:
            cuts.append(m)
    return cuts


def _caps_but_lost(text: str, start: int) -> bool:
    """Whether the line at ``start`` is in capitals but for a first letter that a legacy encoding
    could only write in lowercase ("ủY BAN NHÂN DÂN" from TCVN3): a letterhead, not the rest of
    a sentence."""
    end = text.find("\n", start)
    return is_caps_line(text[start : end if end >= 0 else len(text)], legacy_lost())


def _looks_like_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_BLANK_RUN = regex.compile(r"\n{3,}")


def blank_lines(text: str) -> list[Edit]:
    """At most one blank line in a row; no blank lines at the start or the end."""
    edits = [(m.start(), m.end(), "\n\n") for m in _BLANK_RUN.finditer(text)]
    lead = len(text) - len(text.lstrip("\n"))
    if lead:
        edits = [(0, lead, "")] + [e for e in edits if e[0] >= lead]
    trail = len(text.rstrip("\n"))
    if trail < len(text):
        edits = [e for e in edits if e[1] <= trail] + [(trail, len(text), "\n" if trail else "")]
    return edits


# --- driver ---------------------------------------------------------------------------------


def _forward(runs: list[Run], offset: int, old_starts: list[int] | None = None) -> int:
    """Map an offset of a pass's input to its output; runs of one pass are monotonic.

    Pass ``old_starts`` (``[r[1] for r in runs]``) when mapping many offsets: it keeps that linear.
    """
    i = bisect_right([r[1] for r in runs] if old_starts is None else old_starts, offset) - 1
    if i < 0:
        return 0
    new_start, old_start, length = runs[i]
    return new_start + min(offset - old_start, length)


TEXT_PASSES: tuple[Pass, ...] = (odd_spaces, whitespace, footnotes_to_end, join_page_breaks, blank_lines)


def normalize(text: str, *, is_html: bool = False, extra_passes: tuple[Pass, ...] = ()) -> NormalizedText:
    """Normalise ``text``; ``extra_passes`` run after NFC (e.g. repairs of messy web text)."""
    passes: list[Pass] = [newlines]
    if is_html:
        passes.append(html_blocks)
    passes += [inline_tags, nfc, *extra_passes, *TEXT_PASSES]
    runs = identity(len(text))
    for step in passes:
        edits = step(text)
        if edits:
            text, step_runs = apply_edits(text, edits)
            runs = compose(step_runs, runs)
    bold: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    unwrapped = False
    for _ in range(3):  # nested emphasis ("****a****") unwraps one level per pass
        edits, new_bold, new_headings = markdown(text)
        if not edits:
            break
        unwrapped = True
        text, runs, bold, headings = _apply_keeping_spans(text, runs, edits, bold + new_bold, headings + new_headings)
    if unwrapped:
        # Removed marks expose what the text passes did not see: a letter and a loose combining
        # mark ("**a**\u0300"), spaces or pipes ("** |**"). One more round makes the result stable.
        # No odd space is left for odd_spaces: the first round removed them all, and nothing after it
        # inserts one (edits insert ASCII whitespace, move lines or compose letters and marks).
        for step in (nfc, *(p for p in TEXT_PASSES if p is not odd_spaces)):
            if edits := step(text):
                text, runs, bold, headings = _apply_keeping_spans(text, runs, edits, bold, headings)
    return NormalizedText(text=text, runs=tuple(runs), bold=tuple(bold), headings=tuple(headings))


def _apply_keeping_spans(text: str, runs: list[Run], edits: list[Edit], bold: list[tuple[int, int]],
                         headings: list[tuple[int, int]]) -> tuple[str, list[Run], list, list]:
    """Apply ``edits`` and carry the runs and the bold and heading spans over to the new text."""
    text, step_runs = apply_edits(text, edits)
    keys = [r[1] for r in step_runs]
    bold = [(_forward(step_runs, s, keys), _forward(step_runs, e, keys)) for s, e in bold]
    headings = [(_forward(step_runs, s, keys), _forward(step_runs, e, keys)) for s, e in headings]
    return text, compose(step_runs, runs), bold, headings
