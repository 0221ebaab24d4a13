"""Why a file could not be written (a report, a package, an exported table), in the clerk's
words with what to do: the system's own text is English."""

from __future__ import annotations

import errno

from .atomic_file import TargetInUse

_IN_USE = (
    "tệp đang được mở trong chương trình khác (Word, Excel, trình đọc PDF). Hãy đóng tệp "
    "đó rồi lưu lại, hoặc lưu với tên khác"
)
_NO_RIGHT = "không có quyền ghi vào thư mục này. Hãy lưu vào thư mục khác"
_REASONS = {
    errno.ENOENT: "thư mục không tồn tại. Hãy chọn thư mục khác",
    errno.ENOTDIR: "đường dẫn có một phần không phải là thư mục. Hãy chọn thư mục khác",
    errno.EISDIR: "đó là một thư mục, không phải tệp. Hãy đặt tên tệp",
    errno.EACCES: f"{_NO_RIGHT}, hoặc đóng tệp nếu nó đang mở trong chương trình khác",
    errno.EPERM: _NO_RIGHT,
    errno.EROFS: "ổ đĩa chỉ cho phép đọc. Hãy lưu vào ổ khác",
    errno.ENOSPC: "ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc lưu vào ổ khác",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài. Hãy đặt tên ngắn hơn",
    errno.EINVAL: "tên tệp có ký tự không dùng được. Hãy đặt tên khác",
}


def why_not_written(error: OSError) -> str:
    """ "ổ đĩa đã đầy. Hãy …"; an unknown case gives its number (for support)."""
    if isinstance(error, TargetInUse):
        return _IN_USE
    reason = _REASONS.get(error.errno or 0)
    if reason is None and isinstance(error, PermissionError):
        reason = _REASONS[errno.EACCES]
    return reason or f"hệ thống báo lỗi khi ghi (mã {error.errno}). Hãy thử lưu vào chỗ khác"
