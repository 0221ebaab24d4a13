"""Checks every zip-based file (.kh65 packages and .xlsx workbooks) gets before it is read."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

from .data import MAX_CONTENT_BYTES, MAX_FILE_BYTES, MAX_RATIO, ExchangeError

DAMAGED = (
    "tệp bị hỏng hoặc không đầy đủ (có thể do tải về hoặc chép chưa hết); "
    "hãy xin đơn vị gửi lại tệp."
)
UNREADABLE = (
    "không mở được tệp để đọc (đó là một thư mục, hoặc máy không cho đọc tệp); hãy chép tệp "
    "vào thư mục Tài liệu rồi chọn lại."
)
# What zipfile and zlib raise on a damaged archive or member (a flipped byte, a cut end,
# an unknown compression method); ExchangeError is a ValueError, so catch these only around
# reading, never around code that raises ExchangeError itself.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OSError,
    ValueError,
)


MAX_MEMBERS = 1000  # a package has 2, a workbook a dozen or so (3 per sheet)
END_RECORD = b"PK\x05\x06"  # the zip's last record: it counts the members


def _members_declared(path: Path) -> int | None:
    """The number of members the zip's end record declares, read before zipfile builds an
    object per member (400.000 empty members took it 4,6 s and 420 MB). 0xFFFF means more
    (ZIP64): too many either way."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 22 - 0xFFFF))  # the record, then a comment of up to 64 KB
        tail = handle.read()
    at = tail.rfind(END_RECORD)
    if at < 0 or len(tail) < at + 12:
        return None  # not a zip: said below
    return int.from_bytes(tail[at + 10 : at + 12], "little")


def megabytes(size: int) -> str:
    return f"{size / 1048576:.0f} MB"


def check_archive(
    path: Path,
    what: str,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_content_bytes: int = MAX_CONTENT_BYTES,
) -> None:
    """Size, zip structure, member names, encryption and compression ratios, all from the
    zip's directory (nothing is unpacked); raises ExchangeError."""
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError:
        raise ExchangeError(path, UNREADABLE) from None
    if size > max_file_bytes:
        raise ExchangeError(
            path,
            f"tệp quá lớn ({megabytes(size)}; tối đa {megabytes(max_file_bytes)} cho {what}).",
        )
    if not zipfile.is_zipfile(path):
        raise ExchangeError(path, f"đây không phải là {what}, hoặc tệp đã bị cắt ngắn khi gửi.")
    declared = _members_declared(path)
    if declared is not None and declared > MAX_MEMBERS:
        raise ExchangeError(
            path,
            f"tệp chứa quá nhiều phần ({declared:,}; {what} chỉ có vài phần, tối đa "
            f"{MAX_MEMBERS:,}); tệp không phải do KH65 Desktop hay Excel tạo ra.".replace(",", "."),
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except ZIP_ERRORS:
        raise ExchangeError(path, DAMAGED) from None
    total, names = 0, set()
    for info in members:
        name = PurePosixPath(info.filename)
        if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
            raise ExchangeError(path, f"tệp chứa tên “{info.filename}” trỏ ra ngoài thư mục.")
        if info.filename in names:
            raise ExchangeError(path, f"tệp chứa hai phần cùng tên “{info.filename}”; {DAMAGED}")
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise ExchangeError(
                path, "tệp nén có đặt mật khẩu; hãy xin đơn vị gửi lại tệp không đặt mật khẩu."
            )
        if info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            raise ExchangeError(
                path,
                f"phần “{info.filename}” giải nén ra quá lớn so với kích "
                "thước nén; tệp có thể là “bom nén”.",
            )
        total += info.file_size
    if total > max_content_bytes:
        raise ExchangeError(
            path, f"nội dung giải nén vượt quá giới hạn {megabytes(max_content_bytes)}."
        )
