"""Vietnamese personal names with realistic frequencies, for demo data.

Family-name shares follow the commonly cited national figures (Nguyễn about
38 %, Trần 11 %, Lê 9.5 %, Phạm 7 %, Hoàng/Huỳnh 5 %, ...). Older women very
often carry the middle name Thị, older men Văn.
"""

from __future__ import annotations

import itertools
import random

FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38.4),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.0),
    ("Hoàng", 4.3),
    ("Huỳnh", 0.8),
    ("Phan", 4.5),
    ("Vũ", 3.2),
    ("Võ", 0.7),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đào", 0.8),
    ("Đinh", 0.7),
    ("Trịnh", 0.6),
    ("Mai", 0.5),
    ("Lương", 0.5),
    ("Tạ", 0.4),
    ("Cao", 0.4),
    ("Chu", 0.3),
    ("Lưu", 0.3),
    ("Kiều", 0.2),
    ("Phùng", 0.3),
    ("Nghiêm", 0.1),
)

MIDDLE_FEMALE_OLD = (("Thị", 80), ("Ngọc", 4), ("Thu", 4), ("Kim", 4), ("Hồng", 4), ("Bích", 4))
MIDDLE_FEMALE_YOUNG = (
    ("Thị", 25),
    ("Ngọc", 10),
    ("Thu", 8),
    ("Thanh", 8),
    ("Minh", 6),
    ("Thùy", 8),
    ("Phương", 7),
    ("Khánh", 6),
    ("Hải", 5),
    ("Bảo", 5),
    ("Mai", 6),
    ("Quỳnh", 6),
)
MIDDLE_MALE_OLD = (("Văn", 70), ("Đức", 8), ("Hữu", 7), ("Xuân", 5), ("Công", 5), ("Quang", 5))
MIDDLE_MALE_YOUNG = (
    ("Văn", 25),
    ("Minh", 15),
    ("Đức", 12),
    ("Quang", 10),
    ("Hoàng", 8),
    ("Tuấn", 6),
    ("Thành", 8),
    ("Gia", 8),
    ("Anh", 8),
)
GIVEN_FEMALE = (
    "Hằng",
    "Lan",
    "Hoa",
    "Hương",
    "Mai",
    "Hà",
    "Thảo",
    "Linh",
    "Nga",
    "Hạnh",
    "Hiền",
    "Huyền",
    "Loan",
    "Nhung",
    "Phương",
    "Thủy",
    "Trang",
    "Yến",
    "Dung",
    "Liên",
    "Oanh",
    "Tuyết",
    "Xuân",
    "Ngọc",
    "Ánh",
    "Thơm",
    "Hồng",
    "Vân",
    "Huệ",
    "Lụa",
    "Tâm",
    "Nguyệt",
    "Quyên",
    "Chi",
    "My",
    "Ngân",
    "Diệp",
    "Đào",
)
GIVEN_MALE = (
    "Hùng",
    "Dũng",
    "Tuấn",
    "Minh",
    "Nam",
    "Hải",
    "Sơn",
    "Long",
    "Thắng",
    "Quang",
    "Đức",
    "Bình",
    "Cường",
    "Hòa",
    "Khánh",
    "Phúc",
    "Thành",
    "Trung",
    "Việt",
    "Hiếu",
    "Đạt",
    "Tùng",
    "Lâm",
    "Toàn",
    "Kiên",
    "Mạnh",
    "Thịnh",
    "Bảo",
    "Chiến",
    "Đông",
    "Hưng",
    "Lợi",
    "Tài",
    "Vinh",
    "Hậu",
    "Nghĩa",
    "Quý",
    "Khôi",
    "An",
)


class _Weighted:
    """A weighted choice with its cumulative weights computed once."""

    def __init__(self, table: tuple[tuple[str, float], ...]) -> None:
        self.names = [name for name, _ in table]
        self.cumulative = list(itertools.accumulate(weight for _, weight in table))

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.names, cum_weights=self.cumulative)[0]


_family = _Weighted(FAMILY_NAMES)
_middle = {
    (gender, old): _Weighted(table)
    for (gender, old), table in {
        ("female", True): MIDDLE_FEMALE_OLD,
        ("female", False): MIDDLE_FEMALE_YOUNG,
        ("male", True): MIDDLE_MALE_OLD,
        ("male", False): MIDDLE_MALE_YOUNG,
    }.items()
}
_bands = [(1938, 1960), (1961, 1975), (1976, 1990), (1991, 2005), (2006, None)]
_band_cumulative = list(itertools.accumulate([28, 30, 18, 14, 10]))


def family_name(rng: random.Random) -> str:
    return _family(rng)


def personal_name(rng: random.Random, gender: str, birth_year: int, family: str) -> str:
    """A full name: family, middle and given name, with middle names fitting the age."""
    old = birth_year < 1975
    gender = "female" if gender == "female" else "male"
    given_names = GIVEN_FEMALE if gender == "female" else GIVEN_MALE
    middle = _middle[gender, old](rng)
    given = rng.choice(given_names)
    if middle == given:
        given = rng.choice(given_names)
    # Younger people fairly often have a two-part middle name (Nguyễn Thị Thu Trang).
    if not old and rng.random() < 0.15:
        extra = _middle[gender, False](rng)
        if extra not in (middle, given):
            middle = f"{middle} {extra}"
    return f"{family} {middle} {given}"


def birth_year(rng: random.Random, this_year: int) -> int:
    """Skewed older: the movement reaches many people over 50 first."""
    low, high = rng.choices(_bands, cum_weights=_band_cumulative)[0]
    return rng.randint(low, high or this_year - 12)
