import unicodedata

import pytest

from volunteer_kit.core.text import clean_text, fold, learner_search_text, sort_key


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Nguyễn Thị Hằng", "nguyen thi hang"),
        ("NGUYỄN THỊ HẰNG", "nguyen thi hang"),
        ("Đặng Văn Đức", "dang van duc"),
        ("Ưng Hoàng Phúc", "ung hoang phuc"),
        ("Hồ Thị Ỷ", "ho thi y"),
        ("  Lê   Văn\tTám  ", "le van tam"),
    ],
)
def test_fold_strips_accents_case_and_spacing(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_decomposed_text_is_stored_composed_and_folds_the_same() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hằng")
    assert nfd != "Nguyễn Thị Hằng"
    assert clean_text(nfd) == "Nguyễn Thị Hằng"
    assert unicodedata.is_normalized("NFC", clean_text(nfd))
    assert fold(nfd) == "nguyen thi hang"


def test_control_characters_are_removed() -> None:
    assert clean_text("Lê\x00Văn\x1bTám\u0085") == "Lê Văn Tám"


def test_sort_key_orders_by_given_name_first() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Minh Ánh", "Phạm Đức Anh"]
    assert sorted(names, key=sort_key) == ["Trần Thị An", "Lê Minh Ánh", "Phạm Đức Anh", "Nguyễn Văn Bình"]


def test_search_text_holds_name_phone_digits_and_hamlet() -> None:
    text = learner_search_text("Đỗ Thị Lụa", "0912 345 678", "Thôn Giang Cao")
    assert text == "do thi lua | 0912345678 | thon giang cao"
