"""What --db names and the engine for it: a SQLite file on this PC (the default), or a
database on a PostgreSQL server of the office (`postgresql://user@host:port/db`).

Engine-specific SQL stays here and in storage/: SQLite's PRAGMAs (storage/database.py), a
server's connection settings, its schema check and its failures said in Vietnamese."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit

from sqlalchemy import URL, Connection, Engine, create_engine, inspect
from sqlalchemy.exc import DBAPIError

from .failures import StorageError
from .kh65_file import KH65_TABLES, FileKind, FileState, revisions

log = logging.getLogger(__name__)
SERVER_SCHEMES = frozenset({"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2"})
DEFAULT_PORT = 5432
CONNECT_TIMEOUT = 5  # seconds: a server that does not answer is said so, not waited on
EXAMPLE = "postgresql://ten_dang_nhap@may-chu:5432/kh65"


class ServerAddressError(StorageError):
    """A --db that looks like a server address but cannot be one; the message says why."""


@dataclass(frozen=True)
class ServerAddress:
    """A database on a PostgreSQL server. The password, if any, lives only in memory."""

    host: str
    port: int
    database: str
    user: str
    password: str | None = None

    def url(self) -> URL:
        """SQLAlchemy's URL for psycopg 3 (a URL object: no quoting of odd passwords)."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=self.password or None,
            host=self.host,
            port=self.port,
            database=self.database,
        )

    def describe(self) -> str:
        """ "kh65 trên máy chủ 10.0.0.5:5432" — for the title bar and messages; never the
        password."""
        return f"{self.database} trên máy chủ {self.host}:{self.port}"

    def text(self) -> str:
        """The address as typed, without the password (what settings keep)."""
        user = f"{self.user}@" if self.user else ""
        return f"postgresql://{user}{self.host}:{self.port}/{self.database}"

    def with_password(self, password: str | None) -> ServerAddress:
        return ServerAddress(self.host, self.port, self.database, self.user, password)


def is_server_address(text: str | None) -> bool:
    """Whether --db names a server (postgresql://…, postgres://…) rather than a file."""
    if not text:
        return False
    return urlsplit(text.strip()).scheme.lower() in SERVER_SCHEMES


def parse_server_address(text: str) -> ServerAddress:
    """`postgresql://user[:password]@host[:port]/database` (or postgres://, or SQLAlchemy's
    postgresql+psycopg://) as a ServerAddress; ServerAddressError naming the mistake."""
    raw = text.strip()
    parts = urlsplit(raw)
    if parts.scheme.lower() not in SERVER_SCHEMES:
        raise ServerAddressError(
            f"“{_hidden(raw)}” không phải địa chỉ máy chủ PostgreSQL. Hãy ghi dạng {EXAMPLE}."
        )
    host = parts.hostname or ""
    if not host:
        raise ServerAddressError(
            f"Địa chỉ “{_hidden(raw)}” thiếu tên máy chủ. Hãy ghi dạng {EXAMPLE}."
        )
    port = _port(parts, raw)
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise ServerAddressError(
            f"Địa chỉ “{_hidden(raw)}” thiếu tên cơ sở dữ liệu (phần sau dấu “/” cuối). "
            f"Hãy ghi dạng {EXAMPLE}."
        )
    user = unquote(parts.username or "")
    password = unquote(parts.password) if parts.password is not None else None
    return ServerAddress(host, port, database, user, password)


def _port(parts: SplitResult, raw: str) -> int:
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is None:
        return DEFAULT_PORT
    if not 0 < port < 65536:
        raise ServerAddressError(
            f"Cổng trong địa chỉ “{_hidden(raw)}” không hợp lệ: cổng là một số từ 1 đến 65535 "
            f"(PostgreSQL thường dùng {DEFAULT_PORT}). Hãy ghi dạng {EXAMPLE}."
        )
    return port


def _hidden(raw: str) -> str:
    """The address with any password replaced by ***, fit to show or log."""
    parts = urlsplit(raw)
    if parts.password is None:
        return raw
    return raw.replace(f":{parts.password}@", ":***@", 1)


def server_engine(address: ServerAddress) -> Engine:
    """An engine for a server: psycopg 3, connections checked before use (a server restarted
    overnight), a connect timeout, times in UTC (stored times are UTC)."""
    return create_engine(
        address.url(),
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT,
            "application_name": "KH65 Desktop",
            "options": "-c timezone=UTC",
        },
    )


def is_server(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def server_state(engine: Engine) -> FileState:
    """What the server database is, read only: EMPTY (no tables: created), FOREIGN (another
    program's tables), NEWER, OLDER or CURRENT."""
    known, head = revisions()
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return FileState(FileKind.EMPTY, head=head)
        if not KH65_TABLES <= tables:
            return FileState(FileKind.FOREIGN, head=head)
        versions = [
            r[0] for r in connection.exec_driver_sql("SELECT version_num FROM alembic_version")
        ]
    if len(versions) != 1:
        return FileState(FileKind.FOREIGN, head=head)
    revision = versions[0]
    if revision not in known:
        return FileState(FileKind.NEWER, revision, head)
    return FileState(FileKind.CURRENT if revision == head else FileKind.OLDER, revision, head)


def explain_server(error: BaseException, address: ServerAddress | None) -> str:
    """A server failure said for the clerk: what happened and what to do; never psycopg's
    English (it goes to the log, for support)."""
    if isinstance(error, StorageError):
        return str(error)
    original = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    state = getattr(original, "sqlstate", None) or ""
    words = str(original).lower()
    place = address.describe() if address else "cơ sở dữ liệu trên máy chủ"
    log.warning("Lỗi máy chủ %s: %r", place, original)
    if address is None:  # a failure during work: the title bar says which server it is
        address = ServerAddress("", DEFAULT_PORT, "", "")
    host = f"{address.host}:{address.port}" if address.host else "cơ sở dữ liệu"
    unchanged = "Dữ liệu không bị thay đổi."
    if "no password supplied" in words:
        return (
            f"Máy chủ cần mật khẩu của “{address.user}” để vào {place}. Trong cửa sổ: nhập mật "
            "khẩu khi được hỏi; với lệnh kh65: đặt biến môi trường PGPASSWORD hoặc ghi vào tệp "
            "pgpass (docs/server-setup.md)."
        )
    if state in ("28P01", "28000") or "password authentication failed" in words:
        return (
            f"Máy chủ từ chối đăng nhập của “{address.user}” vào {place}: sai mật khẩu hoặc tên "
            "đăng nhập. Hãy nhập lại mật khẩu; nếu quên, hỏi người quản trị máy chủ."
        )
    if state == "3D000" or ("database" in words and "does not exist" in words):
        return (
            f"Trên máy chủ {host} không có cơ sở dữ liệu "
            f"“{address.database}”. Hãy kiểm tra tên (chữ hoa, chữ thường) hoặc nhờ người quản "
            "trị tạo nó (docs/server-setup.md)."
        )
    if "could not translate host name" in words or "name or service not known" in words:
        return (
            f"Không tìm thấy máy chủ “{address.host or host}” trên mạng. Hãy kiểm tra tên máy chủ "
            "(hoặc dùng địa chỉ IP) và dây mạng."
        )
    if "timeout" in words or "timed out" in words:
        return (
            f"Máy chủ {host} không trả lời sau {CONNECT_TIMEOUT} giây. "
            f"Hãy kiểm tra mạng, tường lửa và máy chủ có đang bật không. {unchanged}"
        )
    if "refused" in words:
        return (
            f"Không kết nối được máy chủ {host}: máy chủ từ chối kết nối "
            "(PostgreSQL chưa chạy, sai cổng, hoặc tường lửa chặn). Hãy kiểm tra cổng và nhờ "
            f"người quản trị bật máy chủ. {unchanged}"
        )
    if state.startswith("57P") or state.startswith("08") or _lost(words):
        return (
            f"Mất kết nối với máy chủ {place} (máy chủ khởi động lại hoặc mạng bị ngắt). Việc "
            f"đang làm đã bị huỷ, không có gì được ghi dở. Hãy thử lại khi máy chủ hoạt động."
        )
    return (
        f"Lỗi từ máy chủ {place}. Hãy thử lại; nếu vẫn lỗi, gửi tệp nhật ký kh65.log cho bộ "
        f"phận hỗ trợ. {unchanged}"
    )


def _lost(words: str) -> bool:
    return any(
        phrase in words
        for phrase in (
            "server closed the connection",
            "terminating connection",
            "connection is closed",
            "consuming input failed",
            "connection failed",
            "connection is lost",
            "ssl syscall",
        )
    )


def is_login_failure(error: BaseException) -> bool:
    """Whether the server refused the user name or password (ask for it again)."""
    original = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    words = str(original).lower()
    return (getattr(original, "sqlstate", None) or "") in ("28P01", "28000") or any(
        phrase in words for phrase in ("password authentication failed", "no password supplied")
    )


def is_connection_lost(error: BaseException) -> bool:
    """Whether a failure is the server gone (restart, network) rather than a refused write."""
    original = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    state = getattr(original, "sqlstate", None) or ""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return state.startswith("57P") or state.startswith("08") or _lost(str(original).lower())


def database_label(engine: Engine) -> str:
    """Which database an engine works on, as the title bar says it: a file's path, or a
    server database's name and host."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return str(Path(url.database or ""))
    return f"{url.database} trên máy chủ {url.host}:{url.port or DEFAULT_PORT}"


def on_server(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def driver_sql(connection: Connection, sql: str) -> str:
    """SQL written for SQLite's driver as the connection's driver takes it: on PostgreSQL,
    psycopg's %s for ?, pg_temp for SQLite's temp schema, LIKE for GLOB (the patterns are
    made for it: like_prefix)."""
    return _for_server(sql) if on_server(connection) else sql


@cache
def _for_server(sql: str) -> str:
    sql = sql.replace("%", "%%").replace("?", "%s").replace("temp.", "pg_temp.")
    sql = re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)  # sqlite3's :name, not a ::cast
    return sql.replace(" GLOB ", " LIKE ")


def like_prefix(connection: Connection, prefix: str) -> str:
    """A pattern for "starts with `prefix`": GLOB's on SQLite, LIKE's on PostgreSQL."""
    if not on_server(connection):
        return prefix + "*"
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def stored_text_loaders(cursor: Any) -> None:
    """Have a psycopg cursor read dates and times as the text SQLite stores ("2024-06-14",
    "2024-06-14 08:30:00.000000" in UTC), so raw rows read alike on both engines."""
    from psycopg.adapt import Loader

    class StoredTime(Loader):
        def load(self, data: Any) -> str:
            moment = datetime.fromisoformat(bytes(data).decode())
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC).replace(tzinfo=None)
            return moment.isoformat(" ", "microseconds")

    class StoredDate(Loader):
        def load(self, data: Any) -> str:
            return bytes(data).decode()

    for name in ("timestamptz", "timestamp"):
        cursor.adapters.register_loader(name, StoredTime)
    cursor.adapters.register_loader("date", StoredDate)
