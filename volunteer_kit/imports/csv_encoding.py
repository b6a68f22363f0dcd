"""Which encoding a commune's CSV file is in: UTF-8, or the Windows-1258 of Vietnamese Excel's plain "CSV".

Vietnamese Excel saves plain "CSV" in Windows-1258, often with the tone written as a separate
combining mark ("ê" + U+0303 for "ễ"), so that text is decoded and then NFC-normalised. Old lists
typed with the legacy font encodings TCVN3 (ABC) and VNI also "decode" as Windows-1258 — into
garbage such as "NguyÔn V¨n" or "Nguyeãn Vaên" — so a Windows-1258 reading is accepted only when
its words are Vietnamese syllables. Otherwise the file is refused, naming TCVN3 or VNI when the
bytes read as Vietnamese in that encoding, so the volunteer knows which conversion to run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from volunteer_kit.core.text import nfc
from volunteer_kit.errors import InvalidInput

# How many distinct words that hold non-ASCII bytes are weighed (among the first ones scanned):
# plenty to tell encodings apart, and the guess stays quick on a 50 MB file. Distinct, so that a
# hamlet repeated on every row counts once.
MAX_EVIDENCE_WORDS = 2_000
MAX_SCANNED_WORDS = 200_000
# A Windows-1258 reading may hold one odd word in fifty (a name from another language).
MAX_ODD_SHARE = 50

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = "aăâeêioôơuưy"


def _vietnamese_letters() -> dict[str, tuple[str, bool]]:
    """Every non-ASCII Vietnamese letter -> (its lowercase letter without tone, whether it carries a tone)."""
    letters: dict[str, tuple[str, bool]] = {}
    for vowel in _VOWELS:
        for tone in ("", *_TONES):
            for case in (vowel, vowel.upper()):
                letter = nfc(case + tone)
                if not letter.isascii():
                    letters[letter] = (vowel, bool(tone))
    letters["đ"] = letters["Đ"] = ("đ", False)
    return letters


_LETTERS = _vietnamese_letters()
# The vowel groups a Vietnamese syllable can hold (after "qu" and "gi" have taken their u and i).
_VOWEL_GROUPS = frozenset(
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uă uê ui uô uơ uy ưa ưi ươ ưu yê "
    "iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu".split()
)
_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")
_WORD = re.compile(r"[^\W\d_]+")
# Latin-1 symbols between letters ("V¨n", "Tr\xad¬ng") are TCVN3 letters read as Windows-1258.
_SYMBOLS_IN_WORD = re.compile(r"[^\W\d_][\u00a1-\u00bf\u00d7\u00f7]+[^\W\d_]")
# Runs of bytes between separators (space, comma, semicolon, quote) that hold a non-ASCII byte.
_NON_ASCII_TOKEN = re.compile(rb'[^\x00-\x20,;"]*[\x80-\xff][^\x00-\x20,;"]*')


def _is_syllables(word: str) -> bool:
    """Whether a run of letters is made of Vietnamese syllables: known vowel groups, one tone each."""
    bases: list[str] = []
    toned: list[bool] = []
    for char in word:
        base, tone = _LETTERS.get(char, (char.lower(), False))
        bases.append(base)
        toned.append(tone)
    text = "".join(bases)
    for run in _VOWEL_RUN.finditer(text):
        start, end = run.span()
        if end - start > 1 and text[max(start - 1, 0) : start + 1] in ("qu", "gi"):
            start += 1  # the u of "qu" and the i of "gi" belong to the consonant
        if text[start:end] not in _VOWEL_GROUPS or sum(toned[run.start() : end]) > 1:
            return False
    return True


def _is_foreign(char: str) -> bool:
    """A character no Vietnamese word holds: another alphabet's letter, a stray mark, a control."""
    if char.isascii() or char in _LETTERS:
        return False
    category = unicodedata.category(char)
    return category[0] in "LM" or category in ("Cc", "Co", "Cn", "Cs") or char == "\ufffd"


def _word_verdict(token: str) -> bool | None:
    """True if a token with non-ASCII text reads as Vietnamese, False if not, None if it says
    nothing either way (ASCII, or only numbers and symbols such as "25°C")."""
    if token.isascii():
        return None
    if any(_is_foreign(char) for char in token) or _SYMBOLS_IN_WORD.search(token):
        return False
    words = [word for word in _WORD.findall(token) if not word.isascii()]
    if not words:
        return None
    return all(_is_syllables(word) for word in words)


# TCVN3 (TCVN 5712:1993, the ABC fonts such as .VnTime): one byte per Vietnamese letter. It has no
# capital toned letters: a capitals font (.VnTimeH) draws the lowercase codes as capitals.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip


def _vni() -> dict[int, str]:
    """VNI Windows: a base letter followed by one byte for its marks (the byte Latin-1 shows as
    "ø ù û õ ï" for the tones, "â" for a circumflex, "ê" for a breve), except the single-byte
    letters ơ ư đ and the toned i and ỵ. Capitals use the capital form of the same byte."""
    circumflex, breve = "\u0302", "\u0306"
    grave, acute, tilde, hook, dot = tuple(_TONES)
    lower = {
        0xF9: acute, 0xF8: grave, 0xFB: hook, 0xF5: tilde, 0xEF: dot,
        0xE2: circumflex, 0xE1: circumflex + acute, 0xE0: circumflex + grave,
        0xE5: circumflex + hook, 0xE3: circumflex + tilde, 0xE4: circumflex + dot,
        0xEA: breve, 0xE9: breve + acute, 0xE8: breve + grave,
        0xFA: breve + hook, 0xFC: breve + tilde, 0xEB: breve + dot,
        0xF4: "ơ", 0xF6: "ư", 0xF1: "đ", 0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
    }  # fmt: skip
    table = dict(lower)
    for code, text in lower.items():
        table[code - 0x20] = text.upper()  # Latin-1 puts each capital 0x20 below its small letter
    return table


_VNI = _vni()


def _decode_table(table: dict[int, str]) -> Callable[[bytes], str]:
    mapping = [chr(code) if code < 0x80 else table.get(code, "\ufffd") for code in range(256)]
    return lambda data: nfc("".join(mapping[byte] for byte in data))


def _decode_cp1258(data: bytes) -> str:
    return nfc(data.decode("cp1258", errors="replace"))


_NAMES = {"TCVN3": "TCVN3 (ABC)", "VNI": "VNI Windows"}  # as Unikey's converter lists them
_DECODERS = {"Windows-1258": _decode_cp1258, "TCVN3": _decode_table(_TCVN3), "VNI": _decode_table(_VNI)}


@dataclass
class _Reading:
    """How the sampled words fare in one encoding."""

    name: str
    good: list[int] = field(default_factory=list)  # indexes of the words that read as Vietnamese
    bad: list[int] = field(default_factory=list)

    @property
    def plausible(self) -> bool:
        return len(self.bad) * MAX_ODD_SHARE <= len(self.good)

    @property
    def lead(self) -> int:
        return len(self.good) - len(self.bad)

    def decode(self, token: bytes) -> str:
        return _DECODERS[self.name](token)


@dataclass
class _Evidence:
    """The first distinct words of a file that hold non-ASCII bytes, to read in each candidate encoding."""

    data: bytes
    matches: list[re.Match[bytes]]

    @classmethod
    def sample(cls, data: bytes) -> _Evidence:
        matches: dict[bytes, re.Match[bytes]] = {}
        for scanned, match in enumerate(_NON_ASCII_TOKEN.finditer(data)):
            matches.setdefault(match.group(), match)
            if len(matches) >= MAX_EVIDENCE_WORDS or scanned >= MAX_SCANNED_WORDS:
                break
        return cls(data, list(matches.values()))

    def token(self, index: int) -> bytes:
        return self.matches[index].group()

    def line(self, index: int) -> int:
        return self.data.count(b"\n", 0, self.matches[index].start()) + 1 if self.matches else 1

    def weigh(self, name: str) -> _Reading:
        reading = _Reading(name)
        for index, match in enumerate(self.matches):
            verdict = _word_verdict(reading.decode(match.group()))
            if verdict is not None:
                (reading.good if verdict else reading.bad).append(index)
        return reading


def _shown(text: str) -> str:
    """A short, printable piece of the file for a one-line message."""
    text = "".join(char if char.isprintable() else "?" for char in text)
    return text if len(text) <= 24 else text[:23] + "…"


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM) as it is, Windows-1258 decoded and NFC;
    anything else (UTF-16, binary, TCVN3, VNI, other code pages) is an InvalidInput that says what
    was seen and what to do."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    _refuse_binary(data)
    evidence = _Evidence.sample(data)
    cp1258 = evidence.weigh("Windows-1258")
    if cp1258.plausible:
        try:
            return nfc(data.decode("cp1258"))
        except UnicodeDecodeError:
            pass  # a byte Windows-1258 does not use, past the sampled words: not this encoding
    legacy = max(evidence.weigh("TCVN3"), evidence.weigh("VNI"), key=lambda reading: reading.lead)
    # Naming a legacy encoding is advice only (the file is refused anyway), so the bar is lower:
    # most of its words read as Vietnamese, and more of them than as Windows-1258.
    if legacy.good and legacy.lead >= 0 and len(legacy.good) > len(cp1258.good):
        raise _legacy_error(legacy, cp1258, evidence)
    odd = cp1258.bad[0] if cp1258.bad else 0
    seen = _shown(cp1258.decode(evidence.token(odd))) if evidence.matches else ""
    raise InvalidInput(
        f'Tệp CSV không phải UTF-8 và không đọc được thành chữ Việt (dòng {evidence.line(odd)}: "{seen}"); '
        "hãy mở bằng Excel và lưu lại bằng 'CSV UTF-8 (Comma delimited)'.",
        f'The CSV file is not UTF-8 and does not read as Vietnamese (line {evidence.line(odd)}: "{seen}"); '
        "open it in Excel and save it again as 'CSV UTF-8 (Comma delimited)'.",
    )


def _refuse_binary(data: bytes) -> None:
    """NUL bytes never occur in single-byte text: this is UTF-16 (Excel's 'Unicode Text') or no text
    at all. The message is the one this reader always gave for a file that is not UTF-8."""
    if b"\x00" in data:
        raise InvalidInput(
            "Tệp CSV không phải UTF-8; hãy lưu lại bằng 'CSV UTF-8' trong Excel.",
            "The CSV file is not UTF-8; save it again as 'CSV UTF-8' in Excel.",
        )


def _legacy_error(legacy: _Reading, cp1258: _Reading, evidence: _Evidence) -> InvalidInput:
    """The refusal of a TCVN3 or VNI file, with one of its words as a spreadsheet shows it (Latin-1,
    as on most PCs) and as it was meant: a word whose two forms differ, so the user sees why."""

    def forms(index: int) -> tuple[str, str]:
        token = evidence.token(index)
        return _shown(token.decode("cp1252", errors="replace")), _shown(legacy.decode(token))

    odd = set(cp1258.bad)
    telling = [index for index in legacy.good if index in odd and len(set(forms(index))) == 2]
    example = (telling or legacy.good)[0]
    (seen, meant), line, name = forms(example), evidence.line(example), _NAMES[legacy.name]
    return InvalidInput(
        f'Tệp CSV có vẻ là bảng mã {name}, không phải Unicode (dòng {line}: "{seen}" là "{meant}"); '
        f"hãy dùng công cụ 'Chuyển mã' của Unikey để chuyển từ {name} sang Unicode, rồi lưu bằng "
        "'CSV UTF-8 (Comma delimited)' trong Excel.",
        f'The CSV file seems to be in the {name} encoding, not Unicode (line {line}: "{seen}" means '
        f"\"{meant}\"); use Unikey's 'Chuyển mã' (converter) tool to convert it from {name} to Unicode, "
        "then save it in Excel as 'CSV UTF-8 (Comma delimited)'.",
    )
