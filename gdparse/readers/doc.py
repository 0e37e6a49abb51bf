"""Old Word documents (.doc, Word 97-2003): converted to DOCX by LibreOffice (the ``soffice`` or
``libreoffice`` command, Debian package libreoffice-writer-nogui) when it is installed, then
read by the DOCX reader. Like OCR, an optional system tool: without it a .doc fails with a
message saying how to convert it.

Each conversion runs in a temporary folder of its own, with a LibreOffice profile of its own (two
conversions sharing a profile wait for each other or fail), under a time limit; the whole process
group is ended on timeout, since ``soffice`` starts the converter as a child process.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from gdparse.errors import CorruptFileError, UnsupportedFormatError
from gdparse.read import RawDocument
from gdparse.readers.docx import read_docx

CONVERT_TIMEOUT_S = 120
COMMANDS = ("soffice", "libreoffice")
MISSING = (
    "an old Word .doc: convert it to .docx (save it as .docx in Word or LibreOffice), or install "
    "LibreOffice (Debian: apt-get install libreoffice-writer-nogui) and gdparse converts it"
)


def converter() -> str | None:
    """The LibreOffice command on PATH, or None."""
    for name in COMMANDS:
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def read_doc(data: bytes, path: str) -> RawDocument:
    """A .doc read as the DOCX that LibreOffice converts it to; the source still names the .doc."""
    exe = converter()
    if exe is None:
        raise UnsupportedFormatError(path, MISSING)
    raw = read_docx(doc_to_docx(exe, data, path), path)
    note = "an old Word .doc, converted to DOCX by LibreOffice before reading"
    return raw.model_copy(update={"notes": (note, *raw.notes)})


def doc_to_docx(exe: str, data: bytes, path: str) -> bytes:
    """The DOCX bytes of a .doc, converted by LibreOffice in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="gdparse-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "input.doc"
        source.write_bytes(data)
        command = [
            exe,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        returncode, stderr = _run(command, path)
        converted = folder / "out" / "input.docx"
        if not converted.is_file():
            said = stderr.strip().splitlines()[-1:] or [f"exit status {returncode}, no output"]
            raise CorruptFileError(path, f"LibreOffice could not convert this .doc ({said[0]})")
        return converted.read_bytes()


def _run(command: list[str], path: str) -> tuple[int, str]:
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=posix
        )
    except OSError as exc:
        raise UnsupportedFormatError(path, f"an old Word .doc, and LibreOffice does not start ({exc})") from None
    try:
        _, stderr = process.communicate(timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        _end(process, posix)
        raise CorruptFileError(
            path, f"LibreOffice took longer than {CONVERT_TIMEOUT_S} s to convert this .doc"
        ) from None
    except BaseException:  # an interrupt, a deadline: no converter left running
        _end(process, posix)
        raise
    return process.returncode, stderr.decode("utf-8", "replace")


def _end(process: subprocess.Popen, posix: bool) -> None:
    try:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except ProcessLookupError:
        pass
    process.communicate()
