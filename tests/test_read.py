"""Reading text-like inputs: encodings, formats, and clear errors naming the file."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from gdparse.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FileTooLargeError,
    GdparseError,
    InputNotFoundError,
    UnsupportedFormatError,
)
from gdparse.read import read, read_bytes
from gdparse.vietnamese import split_tone

TEXT = "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;\nỦy ban nhân dân tỉnh"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_decodes_text_encodings(data: bytes, encoding: str) -> None:
    raw = read_bytes(data, "plan.txt")
    assert raw.encoding == encoding
    assert raw.text == TEXT


def test_windows_1258_with_decomposed_tone_marks() -> None:
    # Windows-1258 has ă, â, ơ … precomposed and the five tone marks as combining characters.
    data = "".join(bare + (tone or "") for bare, tone in map(split_tone, TEXT)).encode("cp1258")
    raw = read_bytes(data, "plan.txt")
    assert raw.encoding == "cp1258"
    assert unicodedata.normalize("NFC", raw.text) == TEXT


@pytest.mark.parametrize(
    ("data", "name", "error", "cause"),
    [
        (b"", "empty.txt", EmptyInputError, "empty"),
        (b"  \n\t \n", "blank.txt", EmptyInputError, "whitespace"),
        (b"\x00\x01\x02\x03" * 100, "blob.txt", BinaryInputError, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "scan.png", UnsupportedFormatError, ".png"),
    ],
)
def test_bad_input_gives_a_clear_error(data: bytes, name: str, error: type[GdparseError], cause: str) -> None:
    with pytest.raises(error) as info:
        read_bytes(data, name)
    assert info.value.path == name
    assert cause in str(info.value)


def test_size_limit(tmp_path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("Kế hoạch " * 100, encoding="utf-8")
    with pytest.raises(FileTooLargeError) as info:
        read(f, max_bytes=100)
    assert str(f) in str(info.value)


def test_missing_file_names_the_file(tmp_path) -> None:
    with pytest.raises(InputNotFoundError) as info:
        read(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)
    assert isinstance(info.value, FileNotFoundError) and isinstance(info.value, GdparseError)


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (TEXT.encode(), "a.txt", "txt"),
        (TEXT.encode(), "a.md", "md"),
        (b"<html><body><p>K\xe1\xba\xbf ho\xe1\xba\xa1ch</p></body></html>", "a.html", "html"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "a.txt", "html"),
        (TEXT.encode(), "noextension", "txt"),
    ],
)
def test_format_from_name_and_content(data: bytes, name: str, fmt: str) -> None:
    assert read_bytes(data, name).format == fmt


def test_sha256_and_size() -> None:
    raw = read_bytes(TEXT.encode(), "a.txt")
    assert len(raw.sha256) == 64
    assert raw.size_bytes == len(TEXT.encode())


def test_unknown_encoding() -> None:
    data = b"Ke hoach \xe0\xe1 " * 50 + b"\x81"
    with pytest.raises(EncodingError) as info:
        read_bytes(data, "odd.txt")
    assert "odd.txt" in str(info.value) and "encoding" in info.value.cause


def test_damaged_utf8_is_read_and_says_so() -> None:
    data = TEXT.encode("utf-8") * 20 + b"\x81" + TEXT.encode("utf-8")
    raw = read_bytes(data, "cut.txt")
    assert raw.encoding.startswith("utf-8 (1 invalid")
    assert raw.text.count("\ufffd") == 1


UNICODE_SPACES = "\u3000\u00a0\u2003\n\u3000\r\n\u2003\u00a0\n"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "empty.txt"),
        (UNICODE_SPACES.encode("utf-8"), "spaces.txt"),
        (codecs.BOM_UTF8 + UNICODE_SPACES.encode("utf-8"), "spaces-bom.txt"),
        (codecs.BOM_UTF16_LE + UNICODE_SPACES.encode("utf-16-le"), "spaces-utf16.txt"),
        ("\u200b\ufeff \u2060\n".encode(), "zero-width.md"),
        (b"<html><body><p>&nbsp;</p>\n<br/></body></html>", "blank.html"),
    ],
)
def test_a_text_without_a_visible_character_is_empty_in_every_encoding(data: bytes, name: str) -> None:
    # One rule, on the decoded text: an empty file and a file of Unicode spaces are both empty.
    with pytest.raises(EmptyInputError) as info:
        read_bytes(data, name)
    assert info.value.path == name


def test_a_docx_without_text_is_empty() -> None:
    from tests.fixtures.issue6.helpers import docx, p

    with pytest.raises(EmptyInputError, match="DOCX file holds no text"):
        read_bytes(docx(p("\u3000"), p("")), "blank.docx")


def test_unicode_spaces_around_text_are_kept() -> None:
    assert read_bytes(f"{UNICODE_SPACES}Kế hoạch{UNICODE_SPACES}".encode(), "a.txt").text.strip() == "Kế hoạch"
