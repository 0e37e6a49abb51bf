"""Old Word .doc: converted by LibreOffice when it is installed (an optional tool, like Tesseract),
otherwise a clear error saying how to convert it. A stand-in ``soffice`` tests the plumbing (time
limit, temporary folder, output read as DOCX) everywhere; the real one where it is installed."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest

import gdparse
from gdparse.batch import parse_many
from gdparse.errors import CorruptFileError, UnsupportedFormatError
from gdparse.read import read
from gdparse.readers import doc as doc_reader
from tests.fixtures.issue6.helpers import docx, p

FIXTURE = Path(__file__).parent / "fixtures" / "old_word_plan.doc"  # saved as Word 97-2003 by LibreOffice
FIXTURE_TEXT = ("KẾ HOẠCH", "Căn cứ Luật Bình đẳng giới;", "1. Mục tiêu: đạt 50% vào năm 2030.")
REAL_SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_which = shutil.which


def _only(tools: dict[str, str | None]):
    """shutil.which as if only ``tools`` (name -> path or None) were on PATH among LibreOffice's names."""
    return lambda name, *a, **k: tools.get(name) if name in doc_reader.COMMANDS else _which(name, *a, **k)


def _stand_in(tmp_path: Path, behaviour: str) -> str:
    """A stand-in soffice: "convert" writes the DOCX of FIXTURE_TEXT where LibreOffice would,
    "hang" sleeps, "fail" says why and writes nothing."""
    out_docx = tmp_path / "converted.docx"
    out_docx.write_bytes(docx(*(p(line) for line in FIXTURE_TEXT)))
    script = tmp_path / "soffice"
    script.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import shutil, sys, time
        from pathlib import Path
        args = sys.argv[1:]
        assert "--headless" in args and args[args.index("--convert-to") + 1].startswith("docx")
        if {behaviour!r} == "hang":
            time.sleep(60)
        if {behaviour!r} == "fail":
            sys.exit("Error: source file could not be loaded")
        outdir = Path(args[args.index("--outdir") + 1])
        outdir.mkdir(parents=True, exist_ok=True)
        shutil.copy({str(out_docx)!r}, outdir / (Path(args[-1]).stem + ".docx"))
        """), encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_without_libreoffice_a_doc_says_how_to_convert_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", _only({}))
    with pytest.raises(UnsupportedFormatError) as info:
        read(FIXTURE)
    assert info.value.path == str(FIXTURE)
    assert "old Word .doc: convert it to .docx" in info.value.cause and "LibreOffice" in info.value.cause


@pytest.mark.parametrize("command", ["soffice", "libreoffice"])
def test_with_libreoffice_a_doc_is_read_as_the_docx_it_converts_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   command: str) -> None:
    monkeypatch.setattr(shutil, "which", _only({command: _stand_in(tmp_path, "convert")}))
    raw = read(FIXTURE)
    assert raw.path == str(FIXTURE) and raw.format == "docx" and raw.size_bytes == FIXTURE.stat().st_size
    assert [line for line in raw.text.splitlines() if line] == list(FIXTURE_TEXT)
    assert any("old Word .doc" in note for note in raw.notes)
    assert gdparse.parse(FIXTURE).source.path == str(FIXTURE)


@pytest.mark.parametrize(("behaviour", "cause"), [("hang", "took longer than 1 s"), ("fail", "could not be loaded")])
def test_a_conversion_that_hangs_or_fails_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           behaviour: str, cause: str) -> None:
    monkeypatch.setattr(shutil, "which", _only({"soffice": _stand_in(tmp_path, behaviour)}))
    monkeypatch.setattr(doc_reader, "CONVERT_TIMEOUT_S", 1)
    with pytest.raises(CorruptFileError) as info:
        read(FIXTURE)
    assert cause in info.value.cause and info.value.path == str(FIXTURE)


def test_a_batch_names_a_doc_it_cannot_convert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", _only({}))
    (tmp_path / "old.doc").write_bytes(FIXTURE.read_bytes())
    ((path, doc, cause),) = list(parse_many([tmp_path / "old.doc"], progress=False))
    assert doc is None and "convert it to .docx" in cause


@pytest.mark.skipif(REAL_SOFFICE is None, reason="LibreOffice (soffice) is not installed: the real conversion "
                    "is not run here (Debian: apt-get install libreoffice-writer-nogui)")
def test_libreoffice_converts_a_real_doc() -> None:
    raw = read(FIXTURE)
    assert [line for line in raw.text.splitlines() if line] == list(FIXTURE_TEXT)
    assert raw.path == str(FIXTURE)
