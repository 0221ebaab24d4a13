"""Checks every zip-based file (.kh65 packages and .xlsx workbooks) gets before it is read."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from .data import MAX_CONTENT_BYTES, MAX_FILE_BYTES, MAX_RATIO, ExchangeError


def check_archive(path: Path, what: str) -> None:
    """Size, zip structure, member names and compression ratios; raises ExchangeError."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ExchangeError(path, f"tệp quá lớn ({size / 1048576:.0f} MB; tối đa 50 MB).")
    if not zipfile.is_zipfile(path):
        raise ExchangeError(path, f"đây không phải là {what}, hoặc tệp đã bị cắt ngắn khi gửi.")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ExchangeError(path, f"tệp bị hỏng hoặc không đầy đủ ({exc}).") from None
    total = 0
    for info in members:
        name = PurePosixPath(info.filename)
        if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
            raise ExchangeError(path, f"tệp chứa tên “{info.filename}” trỏ ra ngoài thư mục.")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            raise ExchangeError(
                path,
                f"phần “{info.filename}” giải nén ra quá lớn so với kích "
                "thước nén; tệp có thể là “bom nén”.",
            )
        total += info.file_size
    if total > MAX_CONTENT_BYTES:
        raise ExchangeError(path, "nội dung giải nén vượt quá giới hạn 200 MB.")
