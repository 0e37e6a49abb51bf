"""Lines for the terminal: what could act on a terminal is printed escaped, the rest as it is."""

from __future__ import annotations

import pytest

from gdparse.terminal import printable, warn


@pytest.mark.parametrize(("text", "shown"), [
    ("kế-hoạch 2024.docx: the file is empty", "kế-hoạch 2024.docx: the file is empty"),  # as is
    ("a\u00a0b", "a\u00a0b"),  # a no-break space is only a space
    ("evil\x1b[31mred", "evil\\x1b[31mred"),  # an escape sequence
    ("two\nlines\r", "two\\nlines\\r"),
    ("tab\there", "tab\\there"),
    ("bell\x07", "bell\\x07"),
    ("x\u202etxt.exe", "x\\u202etxt.exe"),  # a right-to-left override (hides the real suffix)
    ("line\u2028sep", "line\\u2028sep"),
    ("bad\udcffbyte", "bad\\udcffbyte"),  # an undecodable byte of a file name
    ("\x9b31m", "\\x9b31m"),  # the one-byte control sequence introducer
])
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_warn_prints_one_escaped_line(capsys: pytest.CaptureFixture) -> None:
    warn("a\nb.txt: the file is empty")
    assert capsys.readouterr().err == "a\\nb.txt: the file is empty\n"
