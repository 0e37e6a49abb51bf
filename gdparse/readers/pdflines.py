"""PDF page content, pure: positioned characters (pdfplumber dicts) -> lines of words with their
weight and superscripts; running headers, footers, page numbers and footnote areas told apart."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BOLD_FONT = regex.compile(r"(?i)bold|black|heavy|,b(?:$|,)|-b$|demi")
# Possessive spaces: "\s*[-–(]?\s*" split a line of spaces in every way before failing.
_PAGE_NUMBER = regex.compile(r"(?i)^(?:trang\s*+)?[-–(]?\s*+\d{1,4}\s*+[-–)]?(?:\s*+/\s*+\d{1,4})?$|^[ivxlc]{1,6}$")
_DIGITS = regex.compile(r"\d+")
_SUP_MARKER = regex.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")  # combining marks stay with their letter


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    bold: bool
    glued: bool = False  # no space before it (a change of weight inside a word)


@dataclass(frozen=True)
class PdfLine:
    """A line of words on a PDF page, where it sits and its type size (not a line of the
    document's text: that is :class:`gdparse.lines.Line`)."""

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return "".join((w.text if w.glued or not i else " " + w.text) for i, w in enumerate(self.words))


@dataclass(frozen=True)
class TableBlock:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]


@dataclass
class PageLayout:
    """What a reader extracted from one page: its characters (pdfplumber dicts) and tables."""

    number: int
    width: float
    height: float
    chars: list[dict]
    tables: list[TableBlock] = field(default_factory=list)


# --- characters -> lines ------------------------------------------------------------------


def chars_to_lines(page: PageLayout) -> list[PdfLine]:
    """Lines of a page outside its tables, split where a wide gap separates two columns."""
    chars = [c for c in page.chars if c.get("text", "").strip() or c.get("text") == " "]
    chars = [c for c in chars if not any(_inside(c, t) for t in page.tables)]
    clusters: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: c["bottom"]):
        if clusters and abs(c["bottom"] - clusters[-1][-1]["bottom"]) <= 1.5:
            clusters[-1].append(c)
        else:
            clusters.append([c])
    clusters = _attach_superscripts(clusters)
    lines = []
    for cluster in clusters:
        lines.extend(_cluster_to_lines(page.number, cluster))
    return sorted(lines, key=lambda ln: (round(ln.top), ln.x0))


def _inside(c: dict, t: TableBlock) -> bool:
    y, x = (c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2
    return t.top - 1 <= y <= t.bottom + 1 and t.x0 - 1 <= x <= t.x1 + 1


def _size(cluster: list[dict]) -> float:
    return max(c["size"] for c in cluster if c["text"].strip()) if any(c["text"].strip() for c in cluster) else 0


def _attach_superscripts(clusters: list[list[dict]]) -> list[list[dict]]:
    """A cluster of small characters raised within a taller line's height joins that line."""
    out: list[list[dict]] = []
    for i, cluster in enumerate(clusters):
        size = _size(cluster)
        top = min(c["top"] for c in cluster)
        bottom = max(c["bottom"] for c in cluster)
        host = None
        for j in (i + 1, i - 1):
            if 0 <= j < len(clusters) and _size(clusters[j]) * 0.8 > size > 0:
                h_top = min(c["top"] for c in clusters[j])
                h_bottom = max(c["bottom"] for c in clusters[j])
                if h_top - 2 <= top and bottom < h_bottom:
                    host = j
                    break
        if host is None:
            out.append(cluster)
        else:
            for c in cluster:
                c["_sup"] = True
            (clusters[host] if host > i else out[-1]).extend(cluster)
    return out


def _cluster_to_lines(page: int, cluster: list[dict]) -> list[PdfLine]:
    chars = sorted(cluster, key=lambda c: c["x0"])
    size = _size(chars) or 10.0
    segments: list[list[dict]] = [[]]
    last_x1 = None
    for c in chars:
        if last_x1 is not None and c["x0"] - last_x1 > 2.5 * size and segments[-1]:
            segments.append([])
        segments[-1].append(c)
        last_x1 = c["x1"] if c["text"].strip() else last_x1
    lines = []
    for seg in segments:
        words = _words(seg, size)
        if not words:
            continue
        body = [c for c in seg if c["text"].strip() and not c.get("_sup")]
        top = min(c["top"] for c in body or seg)
        bottom = max(c["bottom"] for c in body or seg)
        lines.append(
            PdfLine(page, words[0].x0, words[-1].x1, top, bottom, max(c["size"] for c in body or seg), tuple(words))
        )
    return lines


def _words(chars: list[dict], size: float) -> list[Word]:
    words: list[Word] = []
    current: list[dict] = []
    last_x1 = None
    glued = False

    def flush(next_glued: bool) -> None:
        nonlocal glued
        if current:
            text = "".join(c["text"].translate(_SUPERSCRIPT) if c.get("_sup") else c["text"] for c in current)
            bold = bool(_BOLD_FONT.search(current[0].get("fontname", "")))
            words.append(Word(text, current[0]["x0"], current[-1]["x1"], bold, glued))
            current.clear()
        glued = next_glued

    for c in chars:
        if not c["text"].strip():
            flush(False)
            last_x1 = None
            continue
        if last_x1 is not None and c["x0"] - last_x1 > 0.2 * size and not c.get("_sup"):
            flush(False)
        elif (
            current
            and bool(_BOLD_FONT.search(c.get("fontname", "")))
            != bool(_BOLD_FONT.search(current[0].get("fontname", "")))
            and c["text"].strip() not in _MARKS
        ):
            flush(True)  # the weight changes inside a word: "**Mục tiêu 1**;"
        current.append(c)
        last_x1 = c["x1"]
    flush(False)
    return words


# --- page furniture and footnotes ---------------------------------------------------------


def drop_furniture(pages: list[tuple[PageLayout, list[PdfLine]]]) -> list[list[PdfLine]]:
    """Lines without running headers, footers and page numbers."""

    def in_margin(line: PdfLine, page: PageLayout) -> bool:
        return line.bottom < page.height * 0.12 or line.top > page.height * 0.88

    keys: Counter[str] = Counter()
    for page, lines in pages:
        keys.update({_DIGITS.sub("#", ln.text) for ln in lines if in_margin(ln, page)})
    repeated = {k for k, n in keys.items() if n >= 2 and n >= 0.5 * len(pages)}
    out = []
    for page, lines in pages:
        out.append(
            [
                ln
                for ln in lines
                if not (in_margin(ln, page) and (_PAGE_NUMBER.match(ln.text) or _DIGITS.sub("#", ln.text) in repeated))
            ]
        )
    return out


def split_footnotes(lines: list[PdfLine], body_size: float) -> tuple[list[PdfLine], list[PdfLine]]:
    """Body lines and the footnote lines at the foot of a page (small type, led by a number)."""
    k = len(lines)
    while k > 0 and lines[k - 1].size < 0.85 * body_size:
        k -= 1
    foot = lines[k:]
    if foot and _SUP_MARKER.match(foot[0].text) or (foot and foot[0].words[0].text.isdigit()):
        return lines[:k], foot
    return lines, []


def footnote_paragraphs(foot: list[PdfLine]) -> list[str]:
    notes: list[str] = []
    for line in foot:
        text = line.text
        first = line.words[0].text
        if _SUP_MARKER.match(text) or (first.isdigit() and len(first) <= 3):
            marker = _SUP_MARKER.match(text).group() if _SUP_MARKER.match(text) else first.translate(_SUPERSCRIPT)
            rest = text[len(marker) :] if _SUP_MARKER.match(text) else text[len(first) :]
            notes.append(f"{marker} {rest.strip()}")
        elif notes:
            notes[-1] += " " + text
    return notes
