"""Low-level storage failures (OSError, SQLite errors) said in Vietnamese: what went wrong,
with which file or folder, and what the clerk can do. Used by the command line and the window,
so both say the same thing."""

from __future__ import annotations

import errno
import logging
import sqlite3

from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)
UNCHANGED = "Dữ liệu không bị thay đổi."


class StorageError(RuntimeError):
    """A storage failure already explained for the clerk (Vietnamese, with what to do)."""


def _sqlite_message(error: BaseException) -> str | None:
    """SQLite's own text for a failure of the file or the disk (not a broken rule such as a
    UNIQUE constraint), whether raised by sqlite3 or wrapped by SQLAlchemy."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        error = error.orig
    of_the_file = isinstance(error, sqlite3.OperationalError)
    of_the_file |= type(error) is sqlite3.DatabaseError  # "file is not a database", "malformed"
    return str(error).lower() if of_the_file else None


def explain(error: BaseException, subject: str) -> str:
    """`error` said for the clerk; `subject` names what was being written or read, e.g.
    "tệp cơ sở dữ liệu D:\\kh65.db" or "thư mục sao lưu D:\\backups"."""
    if isinstance(error, StorageError):
        return str(error)
    sqlite = _sqlite_message(error)
    code = error.errno if isinstance(error, OSError) else None
    if code == errno.ENOSPC or (sqlite and "disk is full" in sqlite):
        return (
            f"Ổ đĩa đã đầy: không ghi được {subject}. Hãy giải phóng chỗ trống (xoá bớt tệp "
            f"không cần) rồi thử lại. {UNCHANGED}"
        )
    if code == errno.EROFS or (sqlite and "readonly database" in sqlite):
        return (
            f"Không ghi được vào {subject}: tệp hoặc ổ đĩa chỉ cho phép đọc. Hãy bỏ thuộc tính "
            f"chỉ đọc (Properties → Read-only) hoặc chép sang thư mục có quyền ghi. {UNCHANGED}"
        )
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"Không có quyền ghi hoặc đọc {subject}. Hãy kiểm tra quyền của thư mục, hoặc "
            f"chọn nơi lưu khác (--db). {UNCHANGED}"
        )
    if sqlite and "locked" in sqlite:
        return (
            f"{_capital(subject)} đang bận: một chương trình khác đang ghi vào đó. Hãy đợi "
            f"việc đó xong (hoặc đóng cửa sổ KH65) rồi thử lại. {UNCHANGED}"
        )
    if code == errno.EEXIST:
        return (
            f"Không tạo được {subject}: đã có một tệp cùng tên ở đó. Hãy chọn nơi lưu khác "
            f"(--db). {UNCHANGED}"
        )
    if code == errno.EISDIR:
        return f"{_capital(subject)} là một thư mục, không phải tệp. Hãy chọn một tệp .db."
    if code in (errno.ENOENT, errno.ENOTDIR) or (sqlite and "unable to open" in sqlite):
        return (
            f"Không mở được {subject}: thư mục không tồn tại hoặc không truy cập được. Hãy "
            f"kiểm tra đường dẫn (ổ mạng, USB đã cắm chưa). {UNCHANGED}"
        )
    if sqlite and ("not a database" in sqlite or "malformed" in sqlite):
        return (
            f"{_capital(subject)} bị hỏng hoặc không phải cơ sở dữ liệu KH65. Hãy khôi phục "
            f"từ bản sao lưu (mở cửa sổ KH65). {UNCHANGED}"
        )
    if isinstance(error, OSError) or sqlite:
        log.warning("Lỗi đọc ghi %s: %r", subject, error)  # the system's own words, for support
        detail = f"mã lỗi {errno.errorcode.get(code, code)}" if code else "SQLite"
        return (
            f"Lỗi đọc ghi {subject} ({detail}). Hãy kiểm tra ổ đĩa rồi thử lại; nếu vẫn lỗi, "
            f"gửi tệp nhật ký kh65.log cho bộ phận hỗ trợ. {UNCHANGED}"
        )
    return str(error)


def is_storage_failure(error: BaseException) -> bool:
    """True for the failures `explain` knows how to say."""
    return isinstance(error, StorageError | OSError) or _sqlite_message(error) is not None


def explain_any(error: BaseException) -> str:
    """Any failure for a window message that already says the data is unchanged: the file an
    OSError names, else the database for SQLite's errors, without the closing sentence; other
    errors keep their own text (the app's own exceptions are already Vietnamese)."""
    if _from_server(error):
        from .engines import explain_server  # engines imports this module

        text = explain_server(error, None)
    elif isinstance(error, OSError):
        text = explain(error, f"tệp {error.filename}" if error.filename else "tệp")
    elif isinstance(error, StorageError) or _sqlite_message(error) is not None:
        text = explain(error, "cơ sở dữ liệu")
    else:
        return str(error)
    return text.removesuffix(UNCHANGED).strip().rstrip(".")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _from_server(error: BaseException) -> bool:
    """A failure of PostgreSQL's driver (a server database), not SQLite's or the disk's."""
    original = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    return type(original).__module__.startswith("psycopg")
