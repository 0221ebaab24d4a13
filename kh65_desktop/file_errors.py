"""Why a file could not be written, in Vietnamese (the system's own text is English)."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "thư mục không tồn tại",
    errno.ENOTDIR: "đường dẫn có một phần không phải là thư mục",
    errno.EISDIR: "đó là một thư mục, không phải tệp",
    errno.EACCES: "không có quyền ghi vào đó, hoặc tệp đang mở trong chương trình khác (Excel)",
    errno.EPERM: "không có quyền ghi vào đó",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.EINVAL: "tên tệp có ký tự không dùng được",
}


def why_not_written(error: OSError) -> str:
    """ "thư mục không tồn tại", "ổ đĩa đã đầy"…; an unknown case says so with its number."""
    reason = _REASONS.get(error.errno or 0)
    if reason is None and isinstance(error, PermissionError):
        reason = _REASONS[errno.EACCES]
    return reason or f"lỗi hệ thống số {error.errno}"
