"""DOCX reader: WordprocessingML rendered to the plain-text conventions of the text pipeline.

One paragraph per line with a blank line between paragraphs; bold runs as ``**…**``; Word's
automatic numbering written out before the paragraph ("II.", "2.1.", "a)"); a bordered table as
tab-separated rows, a borderless (layout) table such as the letterhead as its cells' paragraphs;
footnote references as superscript digits and footnote bodies at the end, each on a line that
starts with its marker. Headers and footers live in other parts and are never read. Runs in a
legacy font (.VnTime, VNI-Times …) are converted from TCVN3 or VNI; a run in a capital font
(.VnTimeH) or formatted all caps (``w:caps``) gets the capitals it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from gdparse.read import RawDocument
from gdparse.readers import legacy
from gdparse.readers.numbering import Numbering, W, numbering_from_xml
from gdparse.readers.safezip import open_zip, parse_xml, read_member

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_OFF = {"0", "false", "off", "none"}


@dataclass(frozen=True)
class RunStyle:
    bold: bool | None = None
    font: str | None = None
    hidden: bool | None = None
    caps: bool | None = None  # "All caps": lowercase shown as capitals


@dataclass(frozen=True)
class Style:
    run: RunStyle
    based_on: str | None
    num: tuple[str, int] | None
    table_borders: bool | None = None


@dataclass
class Context:
    """What rendering needs from the other parts, and what it collects on the way."""

    styles: dict[str, Style]
    defaults: RunStyle
    numbering: Numbering
    footnote_bodies: dict[str, Element]
    footnotes: list[str] = field(default_factory=list)  # rendered bodies, in reference order
    legacy_fonts: set[str] = field(default_factory=set)
    # What a ``w:softHyphen`` outside a legacy font stands for: nothing (an optional hyphen is
    # invisible), or U+00AD where the text turns out to be TCVN3 under another font name.
    soft_hyphen: str = ""
    soft_hyphens: int = 0  # how many were met


def read_docx(data: bytes, path: str) -> RawDocument:
    """Read a DOCX file's body. Raises CorruptFileError for damaged, encrypted or bomb files."""
    archive = open_zip(data, path)
    document = read_member(archive, "word/document.xml", path)
    if document is None:
        from gdparse.errors import CorruptFileError

        raise CorruptFileError(path, "a ZIP file without word/document.xml: not a Word document")

    def part(name: str) -> Element | None:
        raw = read_member(archive, f"word/{name}", path)
        return None if raw is None else parse_xml(raw, name, path)

    styles, defaults = styles_from_xml(part("styles.xml"))
    footnotes_root = part("footnotes.xml")
    bodies = {} if footnotes_root is None else {f.get(W + "id"): f for f in footnotes_root.iter(W + "footnote")}
    numbering_root = part("numbering.xml")
    body = parse_xml(document, "document.xml", path).find(W + "body")

    def render(soft_hyphen: str) -> tuple[str, Context]:
        # A fresh context each time: numbering counts as it renders.
        ctx = Context(styles, defaults, numbering_from_xml(numbering_root), bodies, soft_hyphen=soft_hyphen)
        text = "\n\n".join(b for b in render_blocks(body if body is not None else [], ctx) if b.strip())
        if ctx.footnotes:
            text += "\n\n" + "\n".join(ctx.footnotes)
        return text, ctx

    text, ctx = render("")
    notes: list[str] = []
    encoding = None
    if ctx.legacy_fonts:
        encoding = "+".join(sorted({legacy.font_encoding(f)[0] or "" for f in ctx.legacy_fonts}))
        notes.append(f"text in legacy fonts ({', '.join(sorted(ctx.legacy_fonts))}) converted to Unicode")
    elif (name := legacy.detect(text)) is not None:
        if ctx.soft_hyphens:
            text = render(_LEGACY_SOFT_HYPHEN)[0]  # rare: legacy text in a font of another name
        text, encoding = legacy.to_unicode(text, name), name
        notes.append(f"text in the {name.upper()} encoding without a legacy font name; converted to Unicode")
    return RawDocument(path=path, sha256="", format="docx", text=text + "\n", encoding=encoding, notes=tuple(notes))


# --- styles --------------------------------------------------------------------------------


def _on(el: Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in _OFF


def run_style(rpr: Element | None) -> RunStyle:
    if rpr is None:
        return RunStyle()
    fonts = rpr.find(W + "rFonts")
    font = None if fonts is None else _run_font(fonts.get(W + "ascii"), fonts.get(W + "hAnsi"))
    return RunStyle(
        bold=_on(rpr.find(W + "b")), font=font, hidden=_on(rpr.find(W + "vanish")), caps=_on(rpr.find(W + "caps"))
    )


def _run_font(ascii_font: str | None, high_font: str | None) -> str | None:
    """The font that decides how a run reads: a legacy font in either slot, else the ASCII one.
    Word draws legacy codes (bytes 0x80-0xFF) in the high-ANSI font (``w:hAnsi``), plain letters
    in the ASCII one; writers set one or both."""
    for font in (high_font, ascii_font):
        if legacy.font_encoding(font)[0] is not None:
            return font
    return ascii_font or high_font


def _merge(inner: RunStyle, outer: RunStyle) -> RunStyle:
    return RunStyle(
        bold=inner.bold if inner.bold is not None else outer.bold,
        font=inner.font or outer.font,
        hidden=inner.hidden if inner.hidden is not None else outer.hidden,
        caps=inner.caps if inner.caps is not None else outer.caps,
    )


def styles_from_xml(root: Element | None) -> tuple[dict[str, Style], RunStyle]:
    if root is None:
        return {}, RunStyle()
    defaults = run_style(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
    styles = {}
    for s in root.iter(W + "style"):
        based = s.find(W + "basedOn")
        num = s.find(f"{W}pPr/{W}numPr")
        borders = s.find(f"{W}tblPr/{W}tblBorders")
        styles[s.get(W + "styleId", "")] = Style(
            run=run_style(s.find(W + "rPr")),
            based_on=None if based is None else based.get(W + "val"),
            num=_num_pr(num),
            table_borders=None if borders is None else _has_borders(borders),
        )
    return styles, defaults


def _style_chain(ctx: Context, style_id: str | None) -> list[Style]:
    chain, seen = [], set()
    while style_id and style_id in ctx.styles and style_id not in seen:
        seen.add(style_id)
        chain.append(ctx.styles[style_id])
        style_id = ctx.styles[style_id].based_on
    return chain


def _styled_run(ctx: Context, style_id: str | None, base: RunStyle) -> RunStyle:
    for style in _style_chain(ctx, style_id):
        base = _merge(base, style.run)
    return base


def _num_pr(num: Element | None) -> tuple[str, int] | None:
    if num is None:
        return None
    num_id, ilvl = num.find(W + "numId"), num.find(W + "ilvl")
    if num_id is None:
        return None
    return num_id.get(W + "val", "0"), int(ilvl.get(W + "val", "0")) if ilvl is not None else 0


def _has_borders(borders: Element) -> bool:
    return any(b.get(W + "val", "nil") not in ("nil", "none") for b in borders)


# --- body ----------------------------------------------------------------------------------


def render_blocks(parent, ctx: Context) -> list[str]:
    """Paragraphs and tables of a container, in order, one string per block."""
    blocks: list[str] = []
    for child in parent:
        tag = child.tag
        if tag == W + "p":
            blocks.append(render_paragraph(child, ctx))
        elif tag == W + "tbl":
            blocks.extend(render_table(child, ctx))
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                blocks.extend(render_blocks(content, ctx))
    return blocks


def render_paragraph(p: Element, ctx: Context, *, numbered: bool = True) -> str:
    ppr = p.find(W + "pPr")
    style_id = None
    num = None
    para_run = RunStyle()
    if ppr is not None:
        pstyle = ppr.find(W + "pStyle")
        style_id = None if pstyle is None else pstyle.get(W + "val")
        num = _num_pr(ppr.find(W + "numPr"))
        para_run = run_style(ppr.find(W + "rPr"))
    if num is None:
        num = next((s.num for s in _style_chain(ctx, style_id) if s.num), None)
    base = _styled_run(ctx, style_id, ctx.defaults)
    pieces: list[tuple[str, bool]] = []
    # Legacy text of the runs read so far and not converted yet, with its (encoding, capitals,
    # bold): runs of one formatting are converted together, as a VNI letter (a base letter and
    # its mark) may be cut between two runs (Word splits runs at each editing session).
    legacy_text, legacy_form = "", None
    for run in _runs(p):
        rpr = run.find(W + "rPr")
        rstyle = None if rpr is None or rpr.find(W + "rStyle") is None else rpr.find(W + "rStyle").get(W + "val")
        style = _merge(run_style(rpr), _styled_run(ctx, rstyle, base))
        if style.hidden:
            continue
        encoding, capitals = legacy.font_encoding(style.font)
        text = _run_text(run, ctx, rpr, _LEGACY_SOFT_HYPHEN if encoding else ctx.soft_hyphen)
        # Legacy codes are Windows-1252 characters: a run with Unicode-only letters is Unicode
        # text that kept its legacy font name, and converting it would garble it.
        form = None
        if encoding and text.strip() and not legacy.has_unicode_letters(text):
            ctx.legacy_fonts.add(style.font or "")
            form = (encoding, capitals or bool(style.caps), bool(style.bold))
        elif encoding:
            text = text.replace(_LEGACY_SOFT_HYPHEN, ctx.soft_hyphen)
        if legacy_form is not None and form != legacy_form:
            pieces.append(_converted(legacy_text, legacy_form))
            legacy_text, legacy_form = "", None
        if form is None:
            pieces.append((text, bool(style.bold)))
        else:
            legacy_text, legacy_form = legacy_text + text, form
    if legacy_form is not None:
        pieces.append(_converted(legacy_text, legacy_form))
    label = ctx.numbering.label(*num) if (numbered and num and "".join(t for t, _ in pieces).strip()) else None
    if label:
        # Word draws the label in its level's weight, else in the paragraph mark's.
        level_bold = ctx.numbering.level(*num).bold
        pieces.insert(0, (label + " ", bool(para_run.bold if level_bold is None else level_bold)))
    return _with_bold_marks(pieces)


def _converted(text: str, form: tuple[legacy.Legacy, bool, bool]) -> tuple[str, bool]:
    """A piece of legacy text converted, with its weight; ``form`` is (encoding, capitals, bold)."""
    encoding, capitals, bold = form
    return legacy.to_unicode(text, encoding, capitals=capitals), bold


_SKIP_CONTAINERS = {W + "del", W + "moveFrom", W + "instrText", W + "delText"}


def _runs(p: Element):
    """Runs of a paragraph, through hyperlinks, insertions, smart tags and content controls."""
    for child in p:
        if child.tag == W + "r":
            yield child
        elif child.tag in _SKIP_CONTAINERS or child.tag == W + "pPr":
            continue
        else:
            yield from _runs(child)


# Word stores the character U+00AD as a soft hyphen element; in TCVN3 that byte is the letter "ư".
_LEGACY_SOFT_HYPHEN = "\u00ad"


def _run_text(run: Element, ctx: Context, rpr: Element | None, soft_hyphen: str) -> str:
    """The run's text; a ``w:softHyphen`` becomes ``soft_hyphen``."""
    out = []
    superscript = (
        rpr is not None and (va := rpr.find(W + "vertAlign")) is not None and va.get(W + "val") == "superscript"
    )
    for el in run:
        tag = el.tag
        if tag == W + "t":
            text = el.text or ""
            # A footnote marker typed by hand as superscript digits.
            out.append(text.translate(_SUPERSCRIPT) if superscript and text.isdigit() else text)
        elif tag in (W + "tab", W + "ptab"):
            out.append(" ")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "softHyphen":
            ctx.soft_hyphens += 1
            out.append(soft_hyphen)
        elif tag == W + "footnoteReference":  # endnotes (endnotes.xml) are not read
            out.append(_footnote_marker(el.get(W + "id", ""), ctx))
    return "".join(out)


def _footnote_marker(note_id: str, ctx: Context) -> str:
    body = ctx.footnote_bodies.get(note_id)
    number = str(len(ctx.footnotes) + 1)
    marker = number.translate(_SUPERSCRIPT)
    text = ""
    if body is not None:
        text = " ".join(render_paragraph(p, ctx, numbered=False) for p in body.iter(W + "p")).strip()
    ctx.footnotes.append(f"{marker} {' '.join(text.split())}")
    return marker


def _with_bold_marks(pieces: list[tuple[str, bool]]) -> str:
    """Join runs; each stretch of bold text becomes ``**…**`` (spaces kept outside the marks)."""
    merged: list[list] = []
    for text, bold in pieces:
        if merged and (merged[-1][1] == bold or not text.strip()):
            merged[-1][0] += text
        else:
            merged.append([text, bold])
    out = []
    for text, bold in merged:
        if not bold or not text.strip():
            out.append(text)
            continue
        for i, line in enumerate(text.split("\n")):
            core = line.strip()
            lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()) :]
            out.append(("\n" if i else "") + (f"{lead}**{core}**{trail}" if core else line))
    return "".join(out).strip(" ")


# --- tables --------------------------------------------------------------------------------


def render_table(tbl: Element, ctx: Context) -> list[str]:
    """A bordered table as tab-separated rows (one block); a layout table as its paragraphs."""
    rows = [r for r in tbl if r.tag == W + "tr"]
    if not _is_bordered(tbl, ctx):
        blocks = []
        for row in rows:
            for cell in _cells(row):
                blocks.extend(render_blocks(cell, ctx))
        return blocks
    lines = []
    for row in rows:
        cells = []
        for cell in _cells(row):
            tcpr = cell.find(W + "tcPr")
            merged = tcpr is not None and tcpr.find(W + "vMerge") is not None
            continued = merged and tcpr.find(W + "vMerge").get(W + "val", "continue") == "continue"
            text = "" if continued else " ".join(" ".join(render_blocks(cell, ctx)).split())
            cells.append(text.replace("\t", " "))
            span = tcpr.find(W + "gridSpan") if tcpr is not None else None
            cells.extend([""] * (int(span.get(W + "val", "1")) - 1 if span is not None else 0))
        if any(c.strip() for c in cells):
            lines.append("\t".join(cells))
    return ["\n".join(lines)] if lines else []


def _cells(row: Element):
    for child in row:
        if child.tag == W + "tc":
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _cells(content)


def _is_bordered(tbl: Element, ctx: Context) -> bool:
    tblpr = tbl.find(W + "tblPr")
    if tblpr is not None:
        borders = tblpr.find(W + "tblBorders")
        if borders is not None:
            return _has_borders(borders)
        style = tblpr.find(W + "tblStyle")
        if style is not None:
            for s in _style_chain(ctx, style.get(W + "val")):
                if s.table_borders is not None:
                    return s.table_borders
    # No table-level borders: bordered if the cells draw their own.
    return any(_has_borders(b) for b in tbl.iter(W + "tcBorders"))
