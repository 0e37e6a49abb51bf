"""The one grammar of labels (ANNOTATION.md §1, §2), read by every stage: the label a line's content
starts with ("Mục tiêu 2:", "Chỉ tiêu 1.2 -", "Điều 3.", "Nhóm giải pháp …", "Mục tiêu chung",
"Mục tiêu cụ thể", "MỤC TIÊU, CHỈ TIÊU", an activity's "Mục tiêu:"), a label named inside a text
("chỉ tiêu 1, 2 của Mục tiêu 5"), and what a label means to the outline (its section scheme and
kind). The words are data (``labels.yaml``, :mod:`gdparse.knowledge.labels`); every pattern here is
built from them, so a new word or label is read by every stage at once.

Everything here reads the folded text (:func:`gdparse.vietnamese.fold`), but for
:func:`reference_start`, which clause splitting reads on the text as written.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from gdparse.knowledge.labels import Label, LabelKind, label_words, labels_file
from gdparse.knowledge.loader import phrases_pattern
from gdparse.model import SectionKind

# The number of a label at a line start: "2", "2a", "1.2", "12".
LABEL_NUMBER = r"\d{1,3}(?:\.\d{1,2})?[a-z]?"
# A number in a reference ("chỉ tiêu 1, 2 và 3 của Mục tiêu 5").
REFERENCE_NUMBER = r"\d+[a-z]?"


class LineLabel(NamedTuple):
    """A label at the start of a line's content: its kind, number, and where it ends (after its
    ":", "." or "-" and the spaces after it; for a named label without an end, after its words)."""

    kind: LabelKind
    number: str | None
    end: int


def _words(label: Label) -> str:
    return f"(?:{phrases_pattern(label.words)})"


def _number_words() -> str:
    words = labels_file().number_words
    return rf"(?:(?:{phrases_pattern(words)})\s+)?" if words else ""


def _label_pattern(label: Label) -> str:
    """One label as a group named after its kind (its number in ``n_<kind>``)."""
    if label.numbered:
        number = rf"\s+{_number_words()}(?P<n_{label.kind}>{LABEL_NUMBER})"
        if label.number == "optional":
            number = f"(?:{number})?"
        body = rf"{_words(label)}{number}\s*[:.\-]\s*"
    else:
        named = "|".join(f"(?:{p})" for p in label.patterns)
        end = {"whole_line": r"\s*:?\s*$", "optional": r"(?!\p{L})\s*[:.]?\s*", "colon": r"\s*:\s*",
               "none": r"(?!\p{L})"}[label.end or "none"]
        body = f"(?:{named}){end}"
    return f"(?P<{label.kind}>{body})"


@cache
def _line_label() -> regex.Pattern[str]:
    """Every label, in the order of the data file: the first that matches wins."""
    return regex.compile("|".join(_label_pattern(label) for label in labels_file().labels))


@cache
def _may_start(char: str) -> bool:
    """Whether a label can start with ``char`` (a partial match: exact, whatever the data holds)."""
    return _line_label().match(char, partial=True) is not None


def label_at(folded: str, start: int, end: int) -> LineLabel | None:
    """The label that ``folded[start:end]`` (a line's content, without the spaces around it) starts
    with, or None."""
    if start >= end or not _may_start(folded[start]):
        return None  # most lines: no label can start with their first character
    m = _line_label().match(folded, start, end)
    if m is None:
        return None
    kind = m.lastgroup
    return LineLabel(kind, m.group(f"n_{kind}") if f"n_{kind}" in _numbered_kinds() else None, m.end())  # type: ignore[arg-type]


@cache
def _numbered_kinds() -> frozenset[str]:
    return frozenset(f"n_{label.kind}" for label in labels_file().labels if label.numbered)


def label(kind: LabelKind) -> Label:
    """The data of one label."""
    return labels_file().label(kind)


@cache
def heading_label(kind: LabelKind) -> Label | None:
    """The label of ``kind`` when a line starting with it opens a section (it has a scheme)."""
    found = labels_file().label(kind)
    return found if found.scheme else None


@cache
def section_kind_of_scheme(scheme: str | None) -> SectionKind | None:
    """The section kind a label heading's scheme gives ("label-chi-tieu" -> targets), or None."""
    return next((lb.section_kind for lb in labels_file().labels if scheme and lb.scheme == scheme), None)


@cache
def scheme_of(kind: LabelKind) -> str | None:
    return labels_file().label(kind).scheme


def display(kind: LabelKind, number: str | None = None) -> str:
    """How the output names a label: "Chỉ tiêu 2", "Mục tiêu 1"."""
    name = labels_file().label(kind).display or kind
    return f"{name} {number}" if number else name


# ---------------------------------------------------------------- labels named in a text


@cache
def _mention(kinds: tuple[LabelKind, ...]) -> regex.Pattern[str]:
    words = phrases_pattern(label_words(*kinds))
    return regex.compile(rf"(?:{words})\s*{_number_words()}({LABEL_NUMBER})")


def starts_with_mention(folded: str, kinds: tuple[LabelKind, ...] = ()) -> bool:
    """Whether ``folded`` starts with a numbered label of ``kinds`` (all numbered labels when none
    is named) and its number, whatever follows: "mục tiêu 2 …", "điều 3 …"."""
    return _mention(kinds).match(folded) is not None


def mention_number(folded: str, kind: LabelKind) -> str | None:
    """The number of the first label of ``kind`` named in ``folded`` ("… Chỉ tiêu 2a …" -> "2a")."""
    m = _mention((kind,)).search(folded)
    return m.group(1) if m else None


class ReferenceGrammar(NamedTuple):
    targets: regex.Pattern[str]  # "chỉ tiêu 1, 2 (của|thuộc|tại)? Mục tiêu 5": group 1 the list, 2 the objective
    objective: regex.Pattern[str]  # "Mục tiêu 5": group 1
    list_split: regex.Pattern[str]  # what separates the numbers of a list


@cache
def references() -> ReferenceGrammar:
    """The patterns of references to objectives and targets (bold markers of the source may
    surround the numbers)."""
    data = labels_file()
    target, objective = _words(data.label("target")), _words(data.label("objective"))
    number = _number_words()
    # Runs of spaces and stars are taken whole (possessive; "\s+[*\s]*" is written "\s[*\s]*+"): what
    # follows each is a digit or a word, and the ways of splitting a run of tabs between adjacent runs
    # made a failed match polynomial in the run's length.
    joiner = rf"\s*+(?:{'|'.join(regex.escape(j) for j in data.list_joiners)})\s*+"
    numbers = rf"{REFERENCE_NUMBER}(?:{joiner}{REFERENCE_NUMBER})*"
    to_objective = phrases_pattern(data.reference_joiners)
    return ReferenceGrammar(
        regex.compile(rf"{target}\s[*\s]*+{number}({numbers})[*\s]*+(?:,\s*+)?(?:{to_objective})?[*\s]*+"
                      rf"{objective}\s[*\s]*+{number}(\d+)"),
        regex.compile(rf"{objective}\s[*\s]*+{number}(\d+)(?!\s*[.,]\d)"),
        regex.compile(joiner),
    )


@cache
def reference_start() -> str:
    """A pattern, on the text as written (case-insensitive), of a reference to a target or an
    objective starting after bold markers or spaces: what continues a clause after a semicolon
    ("…Mục tiêu 1; chỉ tiêu 1 của Mục tiêu 2")."""
    words = phrases_pattern(label_words("target", "objective"))
    return rf"[\s*]*(?i:(?:các\s+)?(?:{words})[\s*]*{_number_words()}\d)"
