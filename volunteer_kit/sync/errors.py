"""What can go wrong while syncing, each as one line the user can act on."""

from __future__ import annotations

from volunteer_kit.errors import KnownError


class SyncError(KnownError):
    """A sync problem the user can act on; nothing already saved on this laptop is lost."""


class HubUnreachable(SyncError):
    def __init__(self, url: str, reason: str = "") -> None:
        detail = f" ({reason})" if reason else ""
        super().__init__(
            f"Không kết nối được máy chủ xã {url}{detail}; dữ liệu vẫn được giữ trên máy này. "
            "Hãy kiểm tra mạng rồi đồng bộ lại.",
            f"Cannot reach the commune hub {url}{detail}; your records are kept here. "
            "Check the network and sync again.",
        )


class HubCertificateUntrusted(SyncError):
    def __init__(self, url: str) -> None:
        super().__init__(
            f"Chứng chỉ bảo mật của máy chủ {url} không được tin cậy; hãy ghi danh bằng cả mã "
            "ghi danh (vk-enroll:…, có dấu vân tay chứng chỉ) từ người quản lý máy chủ, hoặc xin tệp "
            "chứng chỉ (PEM) rồi ghi danh lại với --ca-file.",
            f"The hub {url} has a certificate this laptop does not trust; enroll with the whole "
            "enrollment code (vk-enroll:…, with the certificate fingerprint) from the hub operator, or "
            "get the hub's certificate file (PEM) and enroll again with --ca-file.",
        )


class HubCertificateChanged(SyncError):
    """The hub's certificate is not the one this laptop pinned when it enrolled."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"Chứng chỉ của máy chủ {url} khác với lúc ghi danh (có thể là máy giả mạo); máy này "
            "không gửi gì. Nếu người quản lý máy chủ xác nhận đã đổi chứng chỉ, hãy ghi danh lại "
            "bằng mã mới.",
            f"The hub {url} shows another certificate than at enrollment (it may be an impostor); "
            "nothing was sent. If the hub operator confirms the certificate was replaced, enroll "
            "again with a new code.",
        )


class EnrollFingerprintMismatch(SyncError):
    """The certificate the hub shows is not the one the enrollment code names: nothing is enrolled."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"Dấu vân tay chứng chỉ của {url} không khớp với mã ghi danh (mã bị sửa, hoặc có máy "
            "giả mạo trên mạng); chưa ghi danh. Hãy xin lại mã hoặc mã QR từ người quản lý máy chủ.",
            f"The certificate fingerprint of {url} does not match the enrollment code (the code "
            "was altered, or an impostor is on the network); nothing was enrolled. Ask the hub "
            "operator for the code or QR again.",
        )


class DeviceRevoked(SyncError):
    """The hub no longer takes this laptop's token: an unknown token (401), or a device the commune
    officer (or the hub operator) revoked (403 "device_revoked", with the reason and time when the
    hub gives them). Nothing on the laptop is touched: its unsent records wait to be exported."""

    def __init__(self, reason: str = "", revoked_at: str = "", *, by_officer: bool = False) -> None:
        self.reason = reason.strip()
        self.revoked_at = revoked_at
        self.by_officer = by_officer
        if not by_officer:
            super().__init__(
                "Máy này đã bị gỡ khỏi máy chủ xã; dữ liệu của bạn vẫn được giữ trên máy này. "
                "Hãy xin mã ghi danh mới từ cán bộ xã.",
                "This laptop was removed from the hub; your records are kept here. "
                "Ask the commune officer for a new enrollment code.",
            )
            return
        why_vi = f" (lý do: {self.reason})" if self.reason else ""
        why_en = f" (reason: {self.reason})" if self.reason else ""
        super().__init__(
            f"Máy này đã bị cán bộ xã thu hồi{why_vi}. Dữ liệu chưa gửi vẫn còn trên máy; hãy xuất ra "
            f"tệp để cán bộ xã nhận lại: {EXPORT_HINT_VI}",
            "This laptop was removed from the hub; your records are kept here. It was revoked by the "
            f"commune officer{why_en}: export the unsent records to a file for the officer: {EXPORT_HINT_EN}",
        )


EXPORT_HINT_VI = "volunteer-kit bundle export TỆP.vkbundle (rồi volunteer-kit forget-hub)"
EXPORT_HINT_EN = "volunteer-kit bundle export FILE.vkbundle (then volunteer-kit forget-hub)"


class ProtocolMismatch(SyncError):
    def __init__(self, hub_protocol: object) -> None:
        super().__init__(
            f"Máy chủ xã dùng giao thức đồng bộ khác (phiên bản {hub_protocol}); hãy cập nhật Volunteer Kit.",
            f"This hub speaks another sync protocol (version {hub_protocol}); update Volunteer Kit.",
        )


class HubRefused(SyncError):
    """The hub said no (4xx) with its own one-line reason."""

    def __init__(self, status: int, detail: str, detail_vi: str) -> None:
        super().__init__(
            f"Máy chủ xã từ chối ({status}): {detail_vi or detail}",
            f"The hub refused ({status}): {detail or detail_vi}",
        )
        self.status = status
        self.detail = detail
        self.detail_vi = detail_vi


class HubFailed(SyncError):
    """The hub answered, but with an error of its own or something that is not the protocol."""

    def __init__(self, url: str, what: str) -> None:
        super().__init__(
            f"Máy chủ xã {url} gặp lỗi ({what}); dữ liệu vẫn được giữ trên máy này. Hãy thử lại sau.",
            f"The hub {url} failed ({what}); your records are kept here. Try again later.",
        )


class NotEnrolled(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "Máy này chưa ghi danh với máy chủ xã; hãy chạy: volunteer-kit enroll --hub ĐỊA_CHỈ --code MÃ",
            "This laptop is not enrolled with a hub yet; run: volunteer-kit enroll --hub URL --code CODE",
        )


class OtherCommune(SyncError):
    def __init__(self, held: str, offered: str) -> None:
        super().__init__(
            f"Máy này đang giữ dữ liệu của xã {held}, nên không ghi danh vào xã {offered} được. "
            f"Hãy dùng một thư mục dữ liệu khác (--data-dir), hoặc xin mã ghi danh của xã {held}.",
            f"This laptop holds records of commune {held}, so it cannot enroll in commune {offered}. "
            f"Use another data folder (--data-dir), or ask for an enrollment code of commune {held}.",
        )


class BundleUnusable(SyncError):
    """A bundle file that cannot be written or read."""
