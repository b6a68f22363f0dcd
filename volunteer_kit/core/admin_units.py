"""Administrative units after the 2025 reform: 34 provinces, communes with no districts.

Codes are the official ones (General Statistics Office list in force from
1 July 2025): provinces keep two digits, communes/wards five.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVINCES: dict[str, str] = {
    "01": "Thành phố Hà Nội",
    "04": "Tỉnh Cao Bằng",
    "08": "Tỉnh Tuyên Quang",
    "11": "Tỉnh Điện Biên",
    "12": "Tỉnh Lai Châu",
    "14": "Tỉnh Sơn La",
    "15": "Tỉnh Lào Cai",
    "19": "Tỉnh Thái Nguyên",
    "20": "Tỉnh Lạng Sơn",
    "22": "Tỉnh Quảng Ninh",
    "24": "Tỉnh Bắc Ninh",
    "25": "Tỉnh Phú Thọ",
    "31": "Thành phố Hải Phòng",
    "33": "Tỉnh Hưng Yên",
    "37": "Tỉnh Ninh Bình",
    "38": "Tỉnh Thanh Hóa",
    "40": "Tỉnh Nghệ An",
    "42": "Tỉnh Hà Tĩnh",
    "44": "Tỉnh Quảng Trị",
    "46": "Thành phố Huế",
    "48": "Thành phố Đà Nẵng",
    "51": "Tỉnh Quảng Ngãi",
    "52": "Tỉnh Gia Lai",
    "56": "Tỉnh Khánh Hòa",
    "66": "Tỉnh Đắk Lắk",
    "68": "Tỉnh Lâm Đồng",
    "75": "Thành phố Đồng Nai",
    "79": "Thành phố Hồ Chí Minh",
    "80": "Tỉnh Tây Ninh",
    "82": "Tỉnh Đồng Tháp",
    "86": "Tỉnh Vĩnh Long",
    "91": "Tỉnh An Giang",
    "92": "Thành phố Cần Thơ",
    "96": "Tỉnh Cà Mau",
}


@dataclass(frozen=True)
class CommuneUnit:
    code: str
    name: str
    kind: str  # xa, phuong, dac_khu
    province_code: str
    hamlets: tuple[str, ...]


# The demo commune: Bát Tràng (code 00577), Hà Nội, a craft-village commune whose
# villages are its hamlets (thôn).
DEMO_COMMUNE = CommuneUnit(
    code="00577",
    name="Xã Bát Tràng",
    kind="xa",
    province_code="01",
    hamlets=(
        "Thôn Bát Tràng",
        "Thôn Giang Cao",
        "Thôn Kim Lan",
        "Thôn Văn Đức",
        "Thôn Kim Đức",
        "Thôn Chử Xá",
    ),
)
