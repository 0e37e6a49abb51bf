"""The inputs whose whole output is locked in tests/golden/, and that output in its stored form.

Cases, each named by the path of its golden files under tests/golden/:

- ``seeds/NNN`` the five seed plans as committed; ``seeds/NNN-crlf`` with Windows line ends;
  ``seeds/NNN-html`` one ``<p>`` per line; ``seeds/NNN-docx`` the DOCX that
  tests/fixtures/issue6/make_fixtures.py builds (byte-stable: fixed zip dates);
  ``seeds/NNN-pdf`` the committed PDF of that DOCX (text layer, no OCR);
- ``phenomena/NAME`` every plan in tests/fixtures/phenomena/;
- ``mutants/NNN-mK`` K = 0..59 mutated copies of each seed (tests/fuzzing.mutate, its random
  generator seeded by the case name, so every run sees the same inputs).

Every input is read from bytes under a path relative to the repository, so that no output
depends on where the checkout is; no case sets a deadline, and none needs OCR.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gdparse import to_json
from gdparse.errors import GdparseError
from gdparse.outline import outline
from gdparse.pipeline import parse_raw
from gdparse.read import read_bytes
from tests.conftest import ROOT, SEEDS
from tests.fixtures.issue6.helpers import seed_docx
from tests.fuzzing import mutate

PHENOMENA = sorted((ROOT / "tests" / "fixtures" / "phenomena").glob("*.txt"))
PDF_FIXTURES = ROOT / "tests" / "fixtures" / "issue6"
MUTANTS_PER_SEED = 60
OUTLINE_WIDTH = 120


@dataclass(frozen=True)
class Case:
    """One input: ``name`` is the path it is read under (it becomes ``source.path``)."""

    id: str
    name: str
    data: Callable[[], bytes]


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def seed_text(seed_id: str) -> str:
    return next(p for p in SEEDS if p.name.startswith(seed_id + "_")).read_text(encoding="utf-8")


def text_to_html(text: str) -> bytes:
    """A plan as a web page: one paragraph per line, its text escaped."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
    return f"<html><body>{body}</body></html>".encode()


def mutant_text(seed_id: str, index: int) -> str:
    rng = random.Random(f"golden-{seed_id}-{index}")
    return mutate(seed_text(seed_id), rng, steps=rng.randint(1, 6))


def seed_cases(seed: Path) -> list[Case]:
    sid = seed.name[:3]
    pdf = PDF_FIXTURES / f"seed{sid}.pdf"
    return [
        Case(f"seeds/{sid}", relative(seed), seed.read_bytes),
        Case(f"seeds/{sid}-crlf", f"{sid}-crlf.txt", lambda: seed_text(sid).replace("\n", "\r\n").encode()),
        Case(f"seeds/{sid}-html", f"{sid}.html", lambda: text_to_html(seed_text(sid))),
        Case(f"seeds/{sid}-docx", f"seed{sid}.docx", lambda: seed_docx(sid)),
        Case(f"seeds/{sid}-pdf", relative(pdf), pdf.read_bytes),
    ]


def document_cases() -> list[Case]:
    """Seeds in every form, then phenomena: each stored as readable files."""
    cases = [case for seed in SEEDS for case in seed_cases(seed)]
    cases += [Case(f"phenomena/{p.stem}", relative(p), p.read_bytes) for p in PHENOMENA]
    return cases


def mutant_cases(seed_id: str) -> list[Case]:
    """The mutants of one seed: stored together, compressed (tests/golden_files.py)."""
    return [
        Case(f"mutants/{seed_id}-m{i}", f"{seed_id}-m{i}.txt", lambda i=i: mutant_text(seed_id, i).encode())
        for i in range(MUTANTS_PER_SEED)
    ]


@dataclass(frozen=True)
class Rendered:
    """A case's output: the JSON object (or the typed error it raised) and the outline."""

    output: dict
    outline: str | None

    @property
    def stage_failures(self) -> list[str]:
        return [w["message"] for w in self.output.get("warnings", []) if w["code"] == "stage_failed"]


def canonical(obj: object) -> str:
    """The stored form of a JSON value: sorted keys, one-space indent, characters as written."""
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render(case: Case, data: bytes | None = None) -> Rendered:
    """Parse a case as a user would (bytes in, ``to_json`` out); a typed error is its output."""
    try:
        doc = parse_raw(read_bytes(case.data() if data is None else data, case.name))
    except GdparseError as exc:
        return Rendered({"error": type(exc).__name__, "message": str(exc)}, None)
    return Rendered(json.loads(to_json(doc)), outline(doc, width=OUTLINE_WIDTH) + "\n")
