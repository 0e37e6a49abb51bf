"""How golden outputs are stored in tests/golden/ (see its README.md).

A document case (a seed in any form, a phenomenon) is three readable files, so that a change
shows as an ordinary line diff: ``ID.json`` the whole JSON output but its ``text`` (sorted keys,
indent 1, characters as written), ``ID.text`` the ``text`` field as it is, ``ID.outline.txt``
the section tree. ``ID.json`` plus ``ID.text`` is the output, value for value.

The mutants of a seed are too many for files of their own (about 130 kB of JSON each, 40 MB
for 300): ``mutants/NNN.jsonl.xz`` holds the whole output of each, one JSON line per case;
near-copies of one seed, they compress 55 to 80 times. ``mutants/NNN.sha256`` lists, one
line per case, the SHA-256 of its input and of its output (the canonical JSON, text included):
the test compares against it, and it is what a commit's diff shows.
"""

from __future__ import annotations

import json
import lzma
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT
from tests.golden_cases import Rendered, canonical, sha256

GOLDEN = ROOT / "tests" / "golden"
MUTANTS = GOLDEN / "mutants"
DOCUMENT_SUFFIXES = (".outline.txt", ".json", ".text")
README = GOLDEN / "README.md"


def rendered_files(rendered: Rendered) -> dict[str, str]:
    """A rendered case as its stored files, suffix -> content."""
    output = dict(rendered.output)
    text = output.pop("text", None)
    files = {".json": canonical(output)}
    if text is not None:
        files[".text"] = text
    if rendered.outline is not None:
        files[".outline.txt"] = rendered.outline
    return files


def output_files(output: dict) -> dict[str, str]:
    """A stored output (no outline) as the files a document case would have: for diffs."""
    return rendered_files(Rendered(output, None))


def files_output(files: dict[str, str]) -> dict:
    """The whole output back from its files."""
    output = json.loads(files[".json"])
    if ".text" in files:
        output["text"] = files[".text"]
    return output


def document_path(case_id: str, suffix: str) -> Path:
    return GOLDEN / f"{case_id}{suffix}"


def stored_bytes(path: Path, revision: str | None = None) -> bytes | None:
    """A golden file as it is, or as it was committed at ``revision`` (None when absent)."""
    if revision is None:
        return path.read_bytes() if path.exists() else None
    name = f"{revision}:{path.relative_to(ROOT).as_posix()}"
    shown = subprocess.run(["git", "show", name], cwd=ROOT, capture_output=True)
    return shown.stdout if shown.returncode == 0 else None


def read_document(case_id: str, revision: str | None = None) -> dict[str, str] | None:
    found = {suffix: stored_bytes(document_path(case_id, suffix), revision) for suffix in DOCUMENT_SUFFIXES}
    files = {suffix: data.decode("utf-8") for suffix, data in found.items() if data is not None}
    return files if ".json" in files else None


def write_document(case_id: str, files: dict[str, str]) -> None:
    for suffix in DOCUMENT_SUFFIXES:
        path = document_path(case_id, suffix)
        if suffix in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[suffix].encode("utf-8"))  # bytes: no newline translation
        else:
            path.unlink(missing_ok=True)


@dataclass(frozen=True)
class MutantRecord:
    case: str
    input_sha256: str
    output: dict

    @property
    def output_sha256(self) -> str:
        return sha256(canonical(self.output))


def mutants_path(seed_id: str) -> Path:
    return MUTANTS / f"{seed_id}.jsonl.xz"


def manifest_path(seed_id: str) -> Path:
    return MUTANTS / f"{seed_id}.sha256"


def read_mutants(seed_id: str, revision: str | None = None) -> dict[str, MutantRecord]:
    data = stored_bytes(mutants_path(seed_id), revision)
    if data is None:
        return {}
    lines = lzma.decompress(data).decode("utf-8").splitlines()
    records = (MutantRecord(**json.loads(line)) for line in lines)
    return {r.case: r for r in records}


def read_manifest(seed_id: str) -> dict[str, tuple[str, str]]:
    """Case -> (input SHA-256, output SHA-256)."""
    path = manifest_path(seed_id)
    if not path.exists():
        return {}
    rows = (line.split() for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {case: (input_sha, output_sha) for case, input_sha, output_sha in rows}


MANIFEST_HEADER = "# case, SHA-256 of its input, SHA-256 of its output (whole outputs: {name})\n"


def write_mutants(seed_id: str, records: list[MutantRecord]) -> None:
    MUTANTS.mkdir(parents=True, exist_ok=True)
    lines = "".join(
        json.dumps({"case": r.case, "input_sha256": r.input_sha256, "output": r.output}, ensure_ascii=False,
                   sort_keys=True) + "\n"
        for r in records
    )
    # xz, not gzip: its 8 MB window spans many near-copies of the seed (gzip's 32 kB does not
    # span one), so a seed's 4-9 MB of outputs pack to 70-170 kB instead of 0.6-1.5 MB.
    mutants_path(seed_id).write_bytes(lzma.compress(lines.encode("utf-8")))
    manifest = MANIFEST_HEADER.format(name=mutants_path(seed_id).name) + "".join(
        f"{r.case} {r.input_sha256} {r.output_sha256}\n" for r in records
    )
    manifest_path(seed_id).write_text(manifest, encoding="utf-8")


def stored_paths() -> set[Path]:
    return {p for p in GOLDEN.rglob("*") if p.is_file()}
