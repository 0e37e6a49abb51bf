"""Citations of other documents, legal basis flagged, each with a normalised key (ANNOTATION.md §3).

Decisions (see also ANNOTATION rules in the gold):

- A citation names one identifiable document: a type word or abbreviation with a number and
  symbol ("Nghị quyết số 28/NQ-CP", "NQ 28", "Văn bản 1563/UBND-KGVX"), a bare symbol whose code
  says the type ("70/2008/NĐ-CP" after "Nghị định số …,"), or a law/code/constitution by name
  with a number, a date or a year ("Luật Bình đẳng giới ngày 29 tháng 11 năm 2006", "Hiến pháp
  2013"). A law named without any of these is a citation only in the legal-basis preamble;
  elsewhere ("thực hiện Luật Bình đẳng giới") it is a mention, not a citation.
- The document itself and the decision that issues it ("Ban hành kèm theo Quyết định số
  948/QĐ-UBND …", the letterhead "Số: …") are not citations: they are facts (metadata).
- ``legal_basis`` is True for citations in the preamble: a ``legal_basis`` section, or a line
  starting with Căn cứ / Thực hiện / Xét đề nghị / Theo đề nghị before the first "I." / "1." /
  "Điều 1" heading. Nested citations in such a line ("… thực hiện Nghị quyết số 11-NQ/TW") count.
- Key ``<type-slug>:<number>:<year>``: a known national document (the catalogue of
  gdparse.knowledge.documents) gets its catalogue key, whatever the form it is cited in (also a
  misprinted symbol whose type, leading number and date match one entry). Otherwise ``number``
  is the symbol without spaces, party symbols written "21/CT-TW" become "21-CT/TW", and the year
  is the symbol's year, else the date's year, else the year of the same type and number cited
  with a date elsewhere in the document, else empty. A law cited by name only uses the slug of
  its name ("luat:to-chuc-chinh-quyen-dia-phuong:2015"); a bare "NQ 28" takes the key of the
  document's fuller citation of the same type and leading number.
- Warnings: a date whose year contradicts the symbol's year (``citation_date_mismatch``), a
  citation dated after the citing document (``citation_after_document``).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

import regex

from gdparse.compact import is_big, share_field_sets
from gdparse.extract.anchors import is_digit, symbol_starts
from gdparse.extract.citation_details import GAP, SPACES, Candidate, dedupe, single_spaced
from gdparse.extract.dates import date_at
from gdparse.extract.header import NUMBER, clean_number
from gdparse.extract.matching import literal_positions, scan
from gdparse.knowledge import documents as cat
from gdparse.knowledge.documents import canonical_number
from gdparse.model import Citation, DocWarning, PlanDocument
from gdparse.vietnamese import fold

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext

STAGE = "extract.citations"
# Spaces with at most one line break, taken whole (possessive): what follows never starts with a
# space, and "[ \t]*\n?[ \t]*" could split a run of tabs in as many ways as it is long, at each of
# the several gaps of _AFTER_TYPE (a polynomial of high degree before a failure).
_SP = r"[ \t]*+(?:\n[ \t]*+)?"


def _word_alternation() -> str:
    words = sorted({w for r in cat.document_types().types for w in r.words}, key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)


_TYPE_WORD = regex.compile(rf"(?<!\p{{L}})(?P<word>{_word_alternation()})(?!\p{{L}})")
_AFTER_TYPE = regex.compile(rf"{_SP}(?:(?P<so>số|so|số hiệu){_SP})?:?{_SP}(?P<num>{NUMBER}|\d{{1,5}}(?![\d/.,]))")
_ABBREVIATIONS = tuple(sorted(cat.abbreviations(), key=len, reverse=True))  # "TTLT" before "TT"
_ABBR = scan(rf"(?<![\p{{L}}\d])(?P<abbr>{'|'.join(_ABBREVIATIONS)})[ .]{{1,2}}(?:số[ ]*)?(?P<num>{NUMBER}|\d{{1,5}}(?![\d/.,%]))")
_BARE = scan(rf"(?<![\p{{L}}\d/.-])(?P<num>{NUMBER})")
_NAME_STOP = (
    r"(?:số|năm|ngày|của|do|đã|được|về|trong|để|tại|theo|cho|tới|đến|với|nhằm|trên|khi|là|có|này|đó|"
    r"nhiệm kỳ|giai đoạn|hiện hành|và[ \t]+(?!\p{Lu})|và[ \t]+(?:các[ \t]+)?(?:Luật|Nghị|Bộ|Quyết|Hiến|Chiến|Chương))(?!\p{L})"
)
_TOKEN = r"\p{L}[\p{L}\d&]*"


def _written(words) -> tuple[str, ...]:
    """How folded type words are written in a text: "Bộ luật", "Bộ Luật", "BỘ LUẬT"."""
    return tuple(dict.fromkeys(form for w in words for form in (w[:1].upper() + w[1:], w.title(), w.upper())))


_LAW_WORDS = _written(w for rule in cat.cited_by_name() for w in rule.words)
_LAW = scan(
    rf"(?P<word>{'|'.join(_LAW_WORDS)})(?!\p{{L}})"
    rf"(?P<name>[ \t]+(?!{_NAME_STOP}){_TOKEN}(?:(?:,(?=[ ](?:chống|bổ sung)))?[ \t]+(?!{_NAME_STOP}){_TOKEN}){{0,14}})?"
)
_LAW_AMEND_WORDS = _written(cat.rule_for("luat").words)  # "Luật sửa đổi, bổ sung …"
_LAW_AMEND = scan(
    rf"(?P<word>{'|'.join(_LAW_AMEND_WORDS)})(?P<name>[ \t]+sửa đổi,? bổ sung[^;\n]*?)"
    r"(?=[ \t]+(?:năm[ \t]+\d{4}|ngày[ \t]+\d|số[ \t]+\d)|[;\n]|$)"
)
_LAW_NUMBER = regex.compile(rf"[ \t]+số{_SP}(?P<num>{NUMBER})")
_LAW_YEAR = regex.compile(r"[ \t]*(?:năm[ \t]+)?(?P<y>(?:19[4-9]|20\d)\d)(?!\d)")
_LIST_CONTEXT = regex.compile(r"(?:căn cứ|thực hiện|[;,]|\bvà|^)[ \t]*$")
_SELF_CONTEXT = regex.compile(r"kèm\s+theo\s*$")
# Possessive runs of spaces: two greedy runs around an optional bullet split a line of n spaces in
# n ways before failing (quadratic per line); the words never start with a space or a bullet.
_PREAMBLE_LINE = scan(r"(?m)^[ \t]*+[-+•]?[ \t]*+(?:căn cứ|thực hiện|xét đề nghị|theo đề nghị|xét tờ trình)(?!\p{L})")
_SYMBOL_YEAR = regex.compile(r"[/-]((?:19|20)\d\d)[/-]")
# Compiled once: these run for every citation candidate.
_TWO_CAPS = regex.compile(r"\p{Lu}{2}")
_LEAD = regex.compile(r"\d+")



# A type word, then what _AFTER_TYPE allows before its number: read backwards from the number.
_TYPE_WORD_BEFORE = regex.compile(rf"(?r)(?:{_word_alternation()})[ \t\n:]*(?:(?:số hiệu|số|so)[ \t\n:]*)?")
_GAP_CHARS = " \t\n:"
_SO_WORDS = ("số hiệu", "số", "so")
# Last characters of the type words; none is a gap character (else every number must be tried).
_TYPE_WORD_ENDS = frozenset(w[-1] for r in cat.document_types().types for w in r.words)
_ENDS_USABLE = not (_TYPE_WORD_ENDS & set(_GAP_CHARS))
# Nearest character before a position that no type word or number gap can contain.
_SYNC_BEFORE = regex.compile(r"(?r)[^\p{L}\s:]")


@lru_cache(maxsize=256)
def _rule_for_word(word: str) -> cat.TypeRule | None:
    return cat.type_for_word(SPACES.sub(" ", word))


@lru_cache(maxsize=256)
def _rule_for_law_word(word: str) -> cat.TypeRule | None:
    return cat.type_for_word(fold(word))


def typed_numbers_plain(text: str, folded: str) -> list[tuple[regex.Match[str], regex.Match[str]]]:
    """The reference reading: every type word of the folded text (``_TYPE_WORD``), with the number
    after it (``_AFTER_TYPE``) where a number follows, a symbol or one after "số"."""
    return _with_numbers(text, _TYPE_WORD.finditer(folded))


def typed_numbers(text: str, folded: str) -> list[tuple[regex.Match[str], regex.Match[str]]]:
    """:func:`typed_numbers_plain`, found from the numbers instead of from the type words (the type
    words are common words, a citation's number is rare): it is a sixth of the time of a whole
    parse less (tests/test_citation_scans.py checks that both find the same)."""
    return _with_numbers(text, _type_words_before_numbers(text, folded))


def _with_numbers(text: str, words) -> list[tuple[regex.Match[str], regex.Match[str]]]:
    found = []
    for m in words:
        after = _AFTER_TYPE.match(text, m.end())
        if after is not None and not (after.group("num").isdigit() and not after.group("so")):
            found.append((m, after))
    return found


def _type_words_before_numbers(text: str, folded: str):
    """The matches of ``_TYPE_WORD.finditer(folded)`` that a number may follow.

    Such a number starts with a symbol or follows "số"; between it and its type word there are
    only letters, spaces and colons. A type word contains neither digits nor punctuation, so the
    full scan's matches in the stretch of letters and spaces before the number are those of a scan
    of that stretch alone: scanning the stretches before candidate numbers gives the same matches
    as scanning the whole text.
    """
    numbers = set(symbol_starts(text))
    n = len(text)
    for j in literal_positions(text, ("số", "so"), 0, n):  # plain numbers follow "số", "so", "số hiệu"
        for q in (j + 2, j + 7 if text.startswith("số hiệu", j) else n):
            while q < n and text[q] in _GAP_CHARS:
                q += 1
            if q < n and is_digit(text[q]):
                numbers.add(q)
    for q in sorted(numbers):  # each number is a digit, so the stretches do not overlap
        if not _may_follow_type_word(folded, q) or _TYPE_WORD_BEFORE.match(folded, 0, q) is None:
            continue  # no type word right before: nothing to scan
        sync = _SYNC_BEFORE.search(folded, 0, q)
        yield from _TYPE_WORD.finditer(folded, sync.end() if sync else 0, q)


def _may_follow_type_word(folded: str, q: int) -> bool:
    """A necessary condition for ``_TYPE_WORD_BEFORE.match(folded, 0, q)``: a type word ends
    right before the gap before ``q``, or before "số" and its gap. A word does not end with a gap
    character, so each gap taken is the whole run of gap characters."""
    if not _ENDS_USABLE:
        return True
    p = q
    while p and folded[p - 1] in _GAP_CHARS:
        p -= 1
    if p and folded[p - 1] in _TYPE_WORD_ENDS:
        return True
    for so in _SO_WORDS:
        if p >= len(so) and folded.startswith(so, p - len(so)):
            r = p - len(so)
            while r and folded[r - 1] in _GAP_CHARS:
                r -= 1
            if r and folded[r - 1] in _TYPE_WORD_ENDS:
                return True
    return False


def _numbered(text: str, folded: str) -> list[Candidate]:
    """Candidates with a number; each is completed (date, issuer, title) only if dedupe keeps
    it: most bare symbols repeat the number of a citation found by its type word."""
    found = []
    for m, after in typed_numbers(text, folded):
        rule = _rule_for_word(m.group("word"))
        if rule is None or rule.cited_by_name:
            continue
        num = clean_number(after.group("num"))
        found.append(Candidate(m.start(), after.end(), rule.type, rule.slug, num, pending=after.end()))
    for m in _ABBR.finditer(text):
        rule = cat.type_for_abbreviation(m.group("abbr"))
        if rule is not None:
            found.append(Candidate(m.start(), m.end(), rule.type, rule.slug, clean_number(m.group("num")),
                                   pending=m.end()))
    for m in _BARE.finditer(text):
        number = clean_number(m.group("num"))
        if not _TWO_CAPS.search(number):
            continue
        rule = cat.type_for_symbol(number) or cat.rule_for("cong_van")
        found.append(Candidate(m.start(), m.end(), rule.type, rule.slug, number, pending=m.end()))
    return found


def _laws(text: str, folded: str, in_preamble) -> list[Candidate]:
    found = []
    for m in [*_LAW_AMEND.finditer(text), *_LAW.finditer(text)]:
        rule = _rule_for_law_word(m.group("word"))
        if rule is None:
            continue
        name = single_spaced(m.group("name") or "").strip() or None
        end, number, date, year_only = m.end(), None, None, None
        num = _law_number_at(text, end)
        if num is not None:
            number, end = clean_number(num.group("num")), num.end()
        if name is None and number is None and rule.type != "hien_phap":
            continue  # before reading a date: nothing names the law
        gap = GAP.match(folded, end)
        found_date = date_at(text, gap.end() if gap else end, folded=folded)
        if found_date is not None and found_date.day is not None:
            date, end = found_date, found_date.end
        else:
            y = _LAW_YEAR.match(folded, end)
            if y is not None:
                year_only, end = int(y.group("y")), y.end()
        if number is None and date is None and year_only is None and not (
            in_preamble(m.start()) and _LIST_CONTEXT.search(folded[max(0, m.start() - 20) : m.start()])
        ):
            continue
        # completed by dedupe, if kept
        found.append(Candidate(m.start(), end, rule.type, rule.slug, number, name, date, year_only, pending=end))
    return found


def _preamble_checker(doc: PlanDocument, folded: str, body_start: int | None):
    limit = len(folded) if body_start is None else body_start
    lines = [m.start() for m in _PREAMBLE_LINE.finditer(folded, 0, limit)]
    # Looked up by bisection, not by a scan of every section and line (and back to the line start)
    # per law found: quadratic in a preamble of many laws or on one long line.
    sections = sorted((s.start, s.end) for s in doc.sections if s.kind == "legal_basis")
    section_starts = [s for s, _ in sections]
    ends_so_far = list(accumulate((e for _, e in sections), max))  # the furthest end of a section so far
    line_ends = [_line_end(folded, s) for s in lines]

    def in_preamble(pos: int) -> bool:
        """Whether ``pos`` is in a legal-basis section or on a preamble line before the body."""
        i = bisect_right(section_starts, pos) - 1
        if i >= 0 and ends_so_far[i] > pos:
            return True
        if pos >= limit:
            return False
        j = bisect_right(lines, pos) - 1  # the last preamble line starting at or before pos: pos is on
        return j >= 0 and line_ends[j] >= pos  # it if no line break is between

    return in_preamble


def _law_number_at(text: str, pos: int) -> regex.Match[str] | None:
    """``_LAW_NUMBER.match(text, pos)``, tried only where "số" follows the spaces at ``pos``: before
    matching, the engine looks for "số" from ``pos`` on, to the end of the text if there is none (a
    scan per law: quadratic in a list of laws)."""
    after = pos
    while after < len(text) and text[after] in " \t":
        after += 1
    if after == pos or not text.startswith("số", after):
        return None
    return _LAW_NUMBER.match(text, pos)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end




def _year(c: Candidate) -> int | None:
    if c.number:
        m = _SYMBOL_YEAR.search(c.number + "/")
        if m:
            return int(m.group(1))
    if c.date is not None:
        return c.date.year
    return c.year_only


def _key_and_entry(c: Candidate, siblings: dict[tuple[str, str], str]) -> tuple[str, cat.NationalDocument | None]:
    date_year = c.date.year if c.date else c.year_only
    entry, _exact = cat.resolve(c.type, c.number, date_year, c.name)
    if entry is not None:
        return entry.key, entry
    if c.number:
        number = canonical_number(c.number)
        lead = _LEAD.match(number).group()
        if number.isdigit() and (c.type, lead) in siblings:
            return siblings[(c.type, lead)], None
        year = _year(c)
        return f"{c.slug}:{number}:{year or ''}", None
    return f"{c.slug}:{cat.slug(c.name or c.slug)}:{_year(c) or ''}", None


def find_citations(doc: PlanDocument, ctx: DocumentContext) -> tuple[list[Citation], list[DocWarning]]:
    """All citations of ``doc.text`` with their keys, and the warnings they raise."""
    text = doc.text
    folded = ctx.folded
    in_preamble = _preamble_checker(doc, folded, ctx.body_start)
    cands = dedupe(_numbered(text, folded) + _laws(text, folded, in_preamble), text, folded)
    own = ctx.number_line
    own_numbers = {canonical_number(a.number) for a in ctx.attached}
    if own and own.number:
        own_numbers.add(canonical_number(own.number))
    own_date = ctx.place_date
    cands = [
        c for c in cands
        if not (c.number and canonical_number(c.number) in own_numbers)
        and not ("kèm" in folded[max(0, c.start - 30) : c.start]  # cheap test first
                 and _SELF_CONTEXT.search(folded[max(0, c.start - 30) : c.start]))
    ]
    # keys of fully written citations, for bare "NQ 28" and undated repeats
    siblings: dict[tuple[str, str], str] = {}
    keyed = [_key_and_entry(c, {}) for c in cands]  # siblings change the keys of bare numbers only
    for c, (key, _) in zip(cands, keyed):
        if c.number and not c.number.isdigit():
            lead = _LEAD.match(c.number).group()
            if not key.endswith(":") or (c.type, lead) not in siblings:
                siblings[(c.type, lead)] = key
    own_iso = own_date.date.iso if own_date else None
    citations, warnings = [], []
    for i, (c, (key, entry)) in enumerate(zip(cands, keyed)):
        if entry is None and c.number:  # what _key_and_entry(c, siblings) would change
            number = canonical_number(c.number)
            if number.isdigit():
                key = siblings.get((c.type, _LEAD.match(number).group()), key)
        if key.endswith(":") and c.number:
            lead = _LEAD.match(c.number).group()
            key = siblings.get((c.type, lead), key)
        date = c.date.iso if c.date else (str(c.year_only) if c.year_only else None)
        issuer = c.issuer or (cat.issuer_for_symbol(c.number) if c.number else None)
        if issuer is None and entry is not None:
            issuer = entry.issuer
        if issuer is None:
            issuer = cat.issuer_of_slug(c.slug)  # laws, codes and the constitution: the National Assembly
        citations.append(Citation(
            id=f"cit-{i + 1:03d}", start=c.start, end=c.end, doc_type=c.type,
            number=canonical_number(c.number) if c.number else None, date=date, issuer=issuer,
            title=c.title or (f"{text[c.start:c.start + len(c.slug)].split()[0]} {c.name}" if c.name else None),
            key=key, legal_basis=in_preamble(c.start), catalogue_id=entry.id if entry else None,
        ))
        warnings += _check(c, entry, own_iso)
    return citations, warnings


def _check(c: Candidate, entry, own_iso: str | None) -> list[DocWarning]:
    if c.date is None:
        return []  # both warnings are about a citation's date
    out = []
    quote = f"{c.number or c.name}"
    iso = c.date.iso
    sym = _SYMBOL_YEAR.search((c.number or "") + "/")
    if sym and int(sym.group(1)) != c.date.year:
        hint = f"; the catalogue has {entry.number} of {entry.date}" if entry and entry.number != c.number else ""
        out.append(DocWarning(code="citation_date_mismatch", stage=STAGE, start=c.start, end=c.end,
                              message=f"{quote} is dated {iso}, which contradicts its symbol's year {sym.group(1)}{hint}"))
    if own_iso and iso[: len(own_iso)] > own_iso:
        out.append(DocWarning(code="citation_after_document", stage=STAGE, start=c.start, end=c.end,
                              message=f"{quote} is dated {iso}, after the citing document ({own_iso})"))
    return out


def extract_citations(doc: PlanDocument, ctx: DocumentContext) -> PlanDocument:
    """Fill ``doc.citations``; odd input becomes warnings."""
    citations, warnings = find_citations(doc, ctx)
    if is_big(doc.text):
        share_field_sets(citations)  # as they are built (see gdparse.compact)
    return doc.model_copy(update={"citations": tuple(citations), "warnings": doc.warnings + tuple(warnings)})
