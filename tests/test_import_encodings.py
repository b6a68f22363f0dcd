"""Commune lists in the encodings they really arrive in: UTF-8, Vietnamese Excel's plain "CSV"
(Windows-1258, tones often as separate marks), and the legacy TCVN3 and VNI fonts, which must be
refused by name rather than imported as garbage."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import run_cli
from volunteer_kit.errors import InvalidInput
from volunteer_kit.imports.learner_list import read_learner_list, read_list_table

HEADER = "Họ và tên;Năm sinh;Đồng ý"
PEOPLE = {"Nguyễn Văn Ánh": 1956, "Trần Thị Hằng": 1961, "Lê Đức Thọ": 1950}
LIST = "\r\n".join([HEADER, *(f"{name};{year};Có" for name, year in PEOPLE.items())]) + "\r\n"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng

# Hand-made from the published tables, for the letters of LIST only. TCVN3 has no capital
# toned letters: a capitals font draws the small letter's code, so "Á" is written as "á".
TCVN3 = {
    "ễ": b"\xd4", "ă": b"\xa8", "Á": b"\xb8", "ầ": b"\xc7", "ị": b"\xde", "ằ": b"\xbb", "ê": b"\xaa",
    "Đ": b"\xa7", "ứ": b"\xf8", "ọ": b"\xe4", "à": b"\xb5", "ồ": b"\xe5", "ý": b"\xfd", "ó": b"\xe3",
}  # fmt: skip
# VNI Windows: base letter, then one byte for its marks; ị, đ/Đ and ư/ơ are single bytes.
VNI = {
    "ễ": b"e\xe3", "ă": b"a\xea", "Á": b"A\xd9", "ầ": b"a\xe0", "ị": b"\xf2", "ằ": b"a\xe8", "ê": b"e\xe2",
    "Đ": b"\xd1", "ứ": b"\xf6\xf9", "ọ": b"o\xef", "à": b"a\xf8", "ồ": b"o\xe0", "ý": b"y\xf9", "ó": b"o\xf9",
}  # fmt: skip


def _excel_cp1258(value: str) -> bytes:
    """Windows-1258 as Vietnamese Excel writes it: a letter the code page holds precomposed stays
    one byte; any other keeps its base letter (â, ă, ê, ô, ơ, ư included) and adds the tone as a
    combining mark. (Plain NFD cannot be encoded: cp1258 has no combining circumflex or horn.)"""
    out = bytearray()
    for char in unicodedata.normalize("NFC", value):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def _legacy(value: str, table: dict[str, bytes]) -> bytes:
    return b"".join(table.get(char) or char.encode("ascii") for char in unicodedata.normalize("NFC", value))


def _write(tmp_path: Path, data: bytes, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _learner_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM learner")).scalar_one()


def test_the_test_tables_give_the_garbage_people_actually_see() -> None:
    # What Excel shows for a legacy file on a Latin-1 PC, as the field reports quote it.
    assert _legacy("Nguyễn Văn", TCVN3).decode("cp1252") == "NguyÔn V¨n"
    assert _legacy("Nguyễn Văn", VNI).decode("cp1252") == "Nguyeãn Vaên"
    # Excel's Windows-1258 writes "ễ" as ê + a combining tilde, "ị" as i + a combining dot below.
    assert _excel_cp1258("Nguyễn Thị") == b"Nguy\xea\xden Thi\xf2"
    with pytest.raises(UnicodeEncodeError):
        unicodedata.normalize("NFD", "ễ").encode("cp1258")


def test_excel_plain_csv_in_windows_1258_imports_with_nfc_names(tmp_path: Path) -> None:
    path = _write(tmp_path, _excel_cp1258(LIST))
    listing = read_learner_list(path)
    names = {str(row.values["full_name"]): row.values["birth_year"] for row in listing.valid}
    assert names == PEOPLE
    assert all(unicodedata.is_normalized("NFC", cell) for row in read_list_table(path) for cell in row)
    data = tmp_path / "data"
    result = run_cli("learners", "import", str(path), "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 3
    result = run_cli("learners", "list", "--json", data_dir=data)
    stored = {learner["full_name"] for learner in json.loads(result.stdout)}
    assert stored == set(PEOPLE)  # byte-for-byte NFC, so equal to the precomposed names


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b""], ids=["with-bom", "without-bom"])
def test_utf8_lists_import_with_or_without_bom(tmp_path: Path, bom: bytes) -> None:
    path = _write(tmp_path, bom + LIST.encode("utf-8"))
    assert read_list_table(path)[0] == HEADER.split(";")
    result = run_cli("learners", "import", str(path), "--json", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 3


@pytest.mark.parametrize(("table", "name"), [(TCVN3, "TCVN3 (ABC)"), (VNI, "VNI")], ids=["tcvn3", "vni"])
def test_a_legacy_encoded_list_is_refused_by_name_and_imports_nobody(
    tmp_path: Path,
    data_dir: Path,
    engine,
    table: dict[str, bytes],
    name: str,
) -> None:
    path = _write(tmp_path, _legacy(LIST, table))
    with pytest.raises(InvalidInput) as refused:
        read_learner_list(path)
    assert f"có vẻ là bảng mã {name}" in refused.value.vi and name in refused.value.en
    for lang, words in (("vi", ("Unikey", "Chuyển mã", "CSV UTF-8")), ("en", ("Unikey", "CSV UTF-8"))):
        result = run_cli("--lang", lang, "learners", "import", str(path), data_dir=data_dir)
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert name in result.stderr and all(word in result.stderr for word in words), result.stderr
    assert _learner_count(engine) == 0


def _mixed() -> bytes:
    # Half of a list pasted from a UTF-8 file, half from a Windows-1258 one.
    return LIST.encode("utf-8") + _excel_cp1258(LIST)


def _binary() -> bytes:
    noise = random.Random(7).randbytes(4096)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise


def _cyrillic() -> bytes:
    return "Имя;Год\r\nИван Петров;1950\r\nМария Иванова;1962\r\n".encode("cp1251")


@pytest.mark.parametrize("make", [_mixed, _binary, _cyrillic], ids=["mixed", "binary", "cyrillic"])
def test_a_file_that_is_no_vietnamese_encoding_is_refused(
    tmp_path: Path,
    data_dir: Path,
    engine,
    make,
) -> None:
    path = _write(tmp_path, make())
    with pytest.raises(InvalidInput) as refused:
        read_learner_list(path)
    assert "UTF-8" in refused.value.vi and "UTF-8" in refused.value.en
    assert "TCVN3" not in refused.value.en and "VNI" not in refused.value.en
    result = run_cli("learners", "import", str(path), data_dir=data_dir)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "CSV UTF-8" in result.stderr
    assert _learner_count(engine) == 0
