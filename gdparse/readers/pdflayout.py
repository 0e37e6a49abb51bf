"""PDF layout, pure: positioned characters of each page -> the plain-text conventions of the
text pipeline (paragraphs, ``**bold**``, tab-separated table rows, superscript footnote
markers, footnote bodies at the end) with the offset where each page starts.

A line wrapped by the page width is joined to the next when the next line's first word could
not have fitted on it; a real paragraph ends short of the margin, is followed by a larger gap,
or is followed by an indented line. Running headers, footers and page numbers (lines in the
page margins that repeat, or are only a number) are dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import regex

from gdparse.labels import label_at
from gdparse.numbering import bullets, numbering_at
from gdparse.readers.pdflines import (
    PageLayout,
    PdfLine,
    TableBlock,
    Word,
    chars_to_lines,
    drop_furniture,
    footnote_paragraphs,
    split_footnotes,
)
from gdparse.vietnamese import fold

__all__ = ["Frame", "PdfLine", "PageLayout", "TableBlock", "Word", "continues", "render"]

# --- lines -> paragraphs ------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    left: float
    right: float
    gap: float  # the usual gap between two lines of one paragraph
    size: float


def frame_of(lines: list[PdfLine], body_size: float) -> Frame:
    body = [ln for ln in lines if abs(ln.size - body_size) < 1] or lines
    xs0 = sorted(ln.x0 for ln in body)
    xs1 = sorted(ln.x1 for ln in body)
    gaps = sorted(
        b.top - a.bottom for a, b in zip(body, body[1:]) if a.page == b.page and 0 <= b.top - a.bottom < 3 * body_size
    )
    return Frame(
        left=xs0[len(xs0) // 20] if xs0 else 0,
        right=xs1[len(xs1) * 19 // 20] if xs1 else 0,
        gap=gaps[len(gaps) // 4] if gaps else body_size * 0.3,
        size=body_size,
    )



def _numbered(text: str) -> bool:
    """A line that starts with a number and a space ("1. ", "2.1 ", "IV. ", "a) ") or an article
    label ("Điều 3."): a numbered heading or item (gdparse.numbering, gdparse.labels)."""
    numbering = numbering_at(text)
    if numbering is not None and numbering.lead_scheme not in ("bullet", "part"):
        return text[numbering.lead_end - 1 : numbering.lead_end].isspace()
    label = label_at(fold(text), 0, len(text)) if numbering is None else None
    return label is not None and label.kind == "article"


def _bulleted(text: str) -> bool:
    """A line that starts with a bullet and a space."""
    return text[:1] in bullets() and text[1:2].isspace()


_ENDS_SENTENCE = regex.compile(r"[.:;!?…]\**$")


def continues(prev: PdfLine, line: PdfLine, frame: Frame) -> bool:
    """Whether ``line`` continues the paragraph of ``prev`` (``prev`` was wrapped)."""
    if abs(prev.size - line.size) > 1 or not line.words:
        return False
    if prev.page == line.page and line.top - prev.bottom > frame.gap + max(2.0, 0.3 * frame.size):
        return False
    text, before = line.text.replace("**", ""), prev.text
    if _numbered(text):
        return False  # a numbered heading or item starts a paragraph
    ends_sentence = bool(_ENDS_SENTENCE.search(before))
    indented = line.x0 > frame.left + 10
    if ends_sentence and (indented or _bulleted(text)):
        return False
    if all(w.bold for w in prev.words) and not line.words[0].bold:
        return False  # a bold heading line, then body text
    space = 0.3 * line.size
    first = line.words[0].x1 - line.words[0].x0
    left_gap, right_gap = prev.x0 - frame.left, frame.right - prev.x1
    if left_gap > 2 and abs(left_gap - right_gap) < 4:  # centred: wrapped when the word would not fit
        return (prev.x1 - prev.x0) + space + first > frame.right - frame.left - 2
    if prev.x1 + space + first <= frame.right + 2:
        return False  # the first word would have fitted: prev ended its paragraph
    # A wrapped line starts at the left margin (or the list's hanging indent), not indented further.
    return line.x0 <= prev.x0 + 2 or not indented


def _columns(lines: list[PdfLine]) -> list[tuple[list[PdfLine], bool]]:
    """Groups of lines in reading order, each with whether its lines may join the paragraph
    before: lines side by side (a letterhead or signature in two columns) are read column by
    column, each line a paragraph of its own."""
    groups: list[tuple[list[PdfLine], bool]] = []
    i = 0
    while i < len(lines):
        k = i
        # A block of side-by-side rows: rows of two or more lines sharing a top.
        while True:
            m = k
            while (
                m + 1 < len(lines) and lines[m + 1].page == lines[k].page and abs(lines[m + 1].top - lines[m].top) < 1
            ):
                m += 1
            if m == k:
                break
            k = m + 1
        if k == i:
            groups.append(([lines[i]], True))
            i += 1
            continue
        block = lines[i:k]
        split = min(ln.x1 for ln in block if ln.x0 < block[0].x1 + 1) + 1
        groups.append(([ln for ln in block if ln.x0 < split], False))
        groups.append(([ln for ln in block if ln.x0 >= split], False))
        i = k
    return groups


def render(pages: list[PageLayout]) -> tuple[str, tuple[int, ...]]:
    """The document's text and the offset where each page starts."""
    raw_lines = [(p, chars_to_lines(p)) for p in pages]
    kept = drop_furniture(raw_lines)
    sizes: Counter[float] = Counter()
    for lines in kept:
        for ln in lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 12.0
    body_pages, footnotes = [], []
    for lines in kept:
        body, foot = split_footnotes(lines, body_size)
        body_pages.append(body)
        footnotes.extend(footnote_paragraphs(foot))
    frame = frame_of([ln for lines in body_pages for ln in lines], body_size)
    blocks = _blocks(pages, body_pages, frame)
    text, starts = _serialise(blocks, len(pages))
    if footnotes:
        text += "\n\n" + "\n".join(footnotes)
    return text + "\n", starts


@dataclass
class _Para:
    words: list[tuple[Word, int]]  # word, page


@dataclass
class _Rows:
    rows: list[tuple[str, ...]]
    page: int
    continued: bool
    header: tuple[str, ...] = ()  # the table's first row (Word repeats it on each page)


def _blocks(pages: list[PageLayout], body_pages: list[list[PdfLine]], frame: Frame) -> list[_Para | _Rows]:
    blocks: list[_Para | _Rows] = []
    prev: PdfLine | None = None  # the last line, while its paragraph may go on
    for page, lines in zip(pages, body_pages):
        items: list[tuple[float, object]] = [(g[0][0].top, g) for g in _columns(lines)]
        items += [(t.top, t) for t in page.tables]
        items.sort(key=lambda it: it[0])
        for _, item in items:
            if isinstance(item, TableBlock):
                rows = [r for r in item.rows if any(c.strip() for c in r)]
                last = blocks[-1] if blocks else None
                continued = isinstance(last, _Rows) and bool(rows) and len(rows[0]) == len(last.rows[0])
                header = last.header if continued else (rows[0] if rows else ())
                if continued and rows[0] == header:
                    rows = rows[1:]  # the header row Word repeats on each page
                if rows:
                    blocks.append(_Rows(rows, page.number, continued, header))
                prev = None
                continue
            group, joinable = item
            for line in group:
                words = [(w, page.number) for w in line.words]
                if prev is not None and joinable and continues(prev, line, frame):
                    last = blocks[-1].words[-1][0].text
                    if len(last) > 1 and last.endswith("-") and last[-2].isalnum():
                        # a line broken after a hyphen inside a word or number: "KH-|UBND"
                        words[0] = (replace(words[0][0], glued=True), words[0][1])
                    blocks[-1].words.extend(words)
                else:
                    blocks.append(_Para(words))
                prev = line if joinable else None
    return blocks


def _serialise(blocks: list[_Para | _Rows], n_pages: int) -> tuple[str, tuple[int, ...]]:
    parts: list[str] = []
    length = 0
    starts: list[int] = []

    def emit(piece: str) -> None:
        nonlocal length
        parts.append(piece)
        length += len(piece)

    def reach(page: int) -> None:
        while len(starts) < page:
            starts.append(length)

    for block in blocks:
        if parts:
            emit("\n" if isinstance(block, _Rows) and block.continued else "\n\n")
        if isinstance(block, _Rows):
            reach(block.page)
            emit("\n".join("\t".join(c.replace("\t", " ") for c in r) for r in block.rows))
            continue
        # Segments of words with one weight on one page; a bold segment is written **…**.
        segments: list[tuple[bool, int, list[Word]]] = []
        for word, page in block.words:
            if segments and segments[-1][0] == word.bold and segments[-1][1] == page:
                segments[-1][2].append(word)
            else:
                segments.append((word.bold, page, [word]))
        for i, (bold, page, words) in enumerate(segments):
            if i and not words[0].glued:
                emit(" ")
            reach(page)
            text = "".join(w.text if w.glued or not k else " " + w.text for k, w in enumerate(words))
            emit(f"**{text}**" if bold else text)
    reach(n_pages)
    return "".join(parts), tuple(starts)
