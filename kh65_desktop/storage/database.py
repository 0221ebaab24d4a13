"""Opening the local database: engine, SQLite settings, migrations, first-start data.

Only a path where nothing exists is created afresh; an empty, foreign, damaged or newer file
is refused before anything is written to it (storage/kh65_file.py says which it is)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from .. import APP_NAME, __version__
from ..resources import BUILTIN_PLAN, migrations_path, resource_path
from .backup import make_backup
from .engines import (
    ServerAddress,
    explain_server,
    is_login_failure,
    is_server,
    is_server_address,
    parse_server_address,
    server_engine,
    server_state,
)
from .failures import StorageError, explain
from .kh65_file import FileKind, FileState, inspect_file, read_only, revisions
from .models import AppMeta
from .plan_file import load_plan

log = logging.getLogger(__name__)
BUILTIN_LOADED = "builtin_plan_loaded"
_NEW = ".new"  # a database being created, renamed into place once whole
# One migration or first seeding at a time on a server, whoever starts first (any constant
# that is KH65's: pg_advisory_xact_lock keys are shared by every program on the server).
_SCHEMA_LOCK = 6_565_001


class DatabaseOpenError(StorageError):
    """The database file cannot be opened; the message says what the clerk can do."""


class RefusedDatabaseError(DatabaseOpenError):
    """A file KH65 will not write to (empty, not SQLite, another program's, damaged or of a
    newer schema); `reason` says what it is, the message adds what to do. It is unchanged."""

    def __init__(self, kind: FileKind, reason: str, advice: str) -> None:
        super().__init__(f"{reason} {advice}")
        self.kind, self.reason = kind, reason


class ServerLoginError(DatabaseOpenError):
    """The server refused the user name or password: the window asks for it again."""


def refuse_unless_kh65(path: Path, integrity: bool = False) -> FileState:
    """The rule the window and the command line share: the file's state if KH65 may open it
    (missing, so created; older, so migrated; current), else RefusedDatabaseError. With
    `integrity`, SQLite's quick check runs first (before any write)."""
    try:
        state = inspect_file(path, integrity)
    except (OSError, sqlite3.Error) as error:
        raise DatabaseOpenError(explain(error, f"tệp cơ sở dữ liệu {path}")) from error
    keep = "KH65 không ghi gì vào tệp này; tệp được giữ nguyên."
    advice = f"{keep} Hãy chọn đúng tệp (--db) hoặc khôi phục từ bản sao lưu."
    if state.kind is FileKind.EMPTY:
        reason = (
            f"Tệp cơ sở dữ liệu {path} trống (0 byte hoặc không có bảng nào), có thể do lần "
            "ghi trước bị gián đoạn (ổ đĩa đầy, mất điện)."
        )
    elif state.kind is FileKind.NOT_SQLITE:
        reason = f"Tệp {path} không phải là cơ sở dữ liệu (có thể đã chọn nhầm tệp)."
    elif state.kind is FileKind.FOREIGN:
        reason = f"Tệp {path} là cơ sở dữ liệu của chương trình khác, không phải của KH65."
    elif state.kind is FileKind.DAMAGED:
        reason = f"Cơ sở dữ liệu {path} bị hỏng (kiểm tra toàn vẹn không đạt)."
    elif state.kind is FileKind.NEWER:
        reason = (
            f"Cơ sở dữ liệu {path} do một phiên bản KH65 Desktop mới hơn ghi (lược đồ dữ liệu "
            f"{state.revision}); phiên bản đang chạy ({__version__}) chỉ đọc được đến lược "
            f"đồ {state.head}."
        )
        advice = f"Hãy cài phiên bản KH65 Desktop mới nhất. {keep}"
    else:
        return state
    raise RefusedDatabaseError(state.kind, reason, advice)


def database_target(text: str | None) -> Path | ServerAddress:
    """The --db argument: a server database (postgresql://…) or a file path (database_path)."""
    if is_server_address(text):
        return parse_server_address(str(text))
    return database_path(text)


def database_path(text: str | None) -> Path:
    """The --db argument as a file path: a path, a file:// URL or SQLAlchemy's sqlite:///;
    anything else (http://…, a folder, nothing) is refused with what to write instead."""
    if text is None:
        return default_db_path()
    raw = text.strip()
    example = "ví dụ --db D:\\KH65\\kh65.db"
    if not raw:
        raise DatabaseOpenError(
            f"Đường dẫn cơ sở dữ liệu (--db) trống. Hãy ghi đường dẫn một tệp, {example}."
        )
    parts = urlsplit(raw)
    if len(parts.scheme) <= 1:  # no scheme, or a Windows drive letter ("C:")
        path = Path(raw)
    elif parts.scheme == "file":
        netloc = "" if parts.netloc in ("", "localhost") else f"//{parts.netloc}"
        path = Path(url2pathname(netloc + parts.path))
    elif raw.startswith("sqlite:///") and not parts.query:
        path = Path(raw.removeprefix("sqlite:///"))
    else:
        raise DatabaseOpenError(
            f"“{raw}” không phải là đường dẫn tệp: KH65 mở tệp cơ sở dữ liệu trên máy này hoặc "
            f"ổ mạng, hoặc cơ sở dữ liệu trên máy chủ PostgreSQL (postgresql://…), không mở địa "
            f"chỉ {parts.scheme}://. Hãy ghi đường dẫn tệp, {example}, hoặc địa chỉ máy chủ, ví "
            "dụ --db postgresql://ten_dang_nhap@may-chu:5432/kh65."
        )
    path = path.expanduser().absolute()  # ":memory:" stays a file name, never memory
    if path.is_dir():
        raise DatabaseOpenError(
            f"{path} là một thư mục, không phải tệp. Hãy ghi đường dẫn tệp, ví dụ "
            f"{path / 'kh65.db'}."
        )
    return path


def default_db_path() -> Path:
    """The database in the user's data folder (e.g. %LOCALAPPDATA%\\KH65 Desktop on Windows)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "kh65.db"


def create_db_engine(path: Path, reading: bool = False) -> Engine:
    """An engine whose every connection enforces foreign keys and durable commits; `reading`:
    connections that cannot write (a command beside the window that holds the database)."""
    # The pool hands one connection to one thread at a time; background work may use it.
    # A URL object, never a string: a '?' or '#' in a folder name stays part of the name.
    url = URL.create("sqlite", database=str(path))
    if reading:
        engine = create_engine(url, creator=lambda: read_only(path, check_same_thread=False))
    else:
        engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        if not reading:
            cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit that has returned survives a power cut, WAL or not.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return engine


def alembic_config() -> Config:
    """Alembic configured from code, so it works from source and from a bundle."""
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    return config


def db_file(engine: Engine) -> Path | None:
    """The database file behind an engine; None on a server."""
    if is_server(engine):
        return None
    return Path(engine.url.database) if engine.url.database else None


def schema_revisions(engine: Engine) -> tuple[str | None, str | None]:
    """(the file's schema revision, the app's newest); None for a new, empty file."""
    head = revisions()[1]  # read once per process: the scripts do not change while it runs
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (the newest by default), keeping the data."""
    if is_server(engine):
        _upgrade_server(engine, revision)
        return
    current, head = schema_revisions(engine)
    target = head if revision == "head" else revision
    if current == target:
        return  # nothing to do: no migration, no full foreign-key scan of a large file
    path = db_file(engine)
    if current is not None and path is not None:  # open_database has refused a newer schema
        make_backup(path, "truoc-nang-cap")  # a migration is the riskiest write there is
    with engine.connect() as connection:
        # Batch migrations copy tables; foreign keys are checked after, not during.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    if problems:
        raise RuntimeError(f"Cơ sở dữ liệu có {len(problems)} liên kết hỏng sau khi nâng cấp.")


def _upgrade_server(engine: Engine, revision: str) -> None:
    """A server's migration: one transaction (PostgreSQL's DDL is transactional, so a failure
    leaves the schema as it was), one client at a time, no PRAGMAs and no file backup."""
    with engine.connect() as connection:
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")
        current = MigrationContext.configure(connection).get_current_revision()
        target = revisions()[1] if revision == "head" else revision
        if current != target:  # another client may have migrated while this one waited
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        connection.commit()


def seed_builtin_plan(engine: Engine, plan_file: Path | None = None) -> bool:
    """Load the built-in plan once, into a database that has never had it; True if loaded."""
    with Session(engine) as session:
        if is_server(engine):  # two clerks starting at once on a new server: one seeds
            session.connection().exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")
        if session.get(AppMeta, BUILTIN_LOADED) is not None:
            return False
        load_plan(session, plan_file or resource_path(*BUILTIN_PLAN))
        session.add(AppMeta(key=BUILTIN_LOADED, value="1"))
        session.commit()
    log.info("Đã nạp kế hoạch có sẵn vào cơ sở dữ liệu.")
    return True


def open_database(
    path: Path | ServerAddress | None = None,
    seed: bool = True,
    integrity: bool = False,
    reading: bool = False,
) -> Engine:
    """Open the database at `path`, migrate it, and load plan 65 on first start. A missing
    file is created (whole, or not at all); any file that is not KH65's is refused unchanged.
    `integrity`: SQLite's quick check first (a migration always has it). `reading`: never
    write (no creation, migration or seeding: DatabaseOpenError if one is needed).
    A ServerAddress: the same on a PostgreSQL server's database (open_server)."""
    if isinstance(path, ServerAddress):
        return open_server(path, seed, reading)
    path = path or default_db_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(
            explain(exc, f"thư mục {path.parent}") + " Hãy chọn nơi lưu khác (--db)."
        ) from exc
    state = refuse_unless_kh65(path, integrity)
    if state.kind is FileKind.OLDER and not integrity:
        state = refuse_unless_kh65(path, integrity=True)  # a migration is the riskiest write
    if reading and state.kind is not FileKind.CURRENT:
        raise DatabaseOpenError(
            f"Cơ sở dữ liệu {path} cần được tạo hoặc nâng cấp, nhưng đang được dùng ở nơi khác. "
            "Hãy đóng cửa sổ KH65 rồi chạy lại lệnh."
        )
    try:
        if state.kind is FileKind.MISSING:
            _create(path, seed)
        engine = create_db_engine(path, reading)
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        raise DatabaseOpenError(explain(exc, f"tệp cơ sở dữ liệu {path}")) from exc
    try:
        if not reading:
            upgrade(engine)
            if seed:
                seed_builtin_plan(engine)
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        engine.dispose()
        raise DatabaseOpenError(explain(exc, f"tệp cơ sở dữ liệu {path}")) from exc
    except StorageError:
        engine.dispose()
        raise
    return engine


def open_server(address: ServerAddress, seed: bool = True, reading: bool = False) -> Engine:
    """Open a database on a PostgreSQL server: an empty one gets KH65's schema (and plan 65),
    an older one is migrated, a newer one or another program's is refused unchanged."""
    engine = server_engine(address)
    try:
        state = server_state(engine)
        _refuse_server(state, address)
        if reading and state.kind is not FileKind.CURRENT:
            raise DatabaseOpenError(
                f"Cơ sở dữ liệu {address.describe()} cần được tạo hoặc nâng cấp; lệnh chỉ đọc "
                "không làm việc đó. Hãy mở cửa sổ KH65 (hoặc một lệnh ghi) một lần trước."
            )
        if not reading:
            upgrade(engine)
            if seed:
                seed_builtin_plan(engine)
    except DBAPIError as exc:
        engine.dispose()
        error = ServerLoginError if is_login_failure(exc) else DatabaseOpenError
        raise error(explain_server(exc, address)) from exc
    except BaseException:
        engine.dispose()
        raise
    return engine


def _refuse_server(state: FileState, address: ServerAddress) -> None:
    keep = "KH65 không ghi gì vào cơ sở dữ liệu này; nó được giữ nguyên."
    where = address.describe()
    if state.kind is FileKind.FOREIGN:
        raise RefusedDatabaseError(
            state.kind,
            f"Cơ sở dữ liệu {where} có bảng của chương trình khác, không phải của KH65.",
            f"{keep} Hãy dùng một cơ sở dữ liệu trống, riêng cho KH65 (docs/server-setup.md).",
        )
    if state.kind is FileKind.NEWER:
        raise RefusedDatabaseError(
            state.kind,
            f"Cơ sở dữ liệu {where} do một phiên bản KH65 Desktop mới hơn ghi (lược đồ dữ liệu "
            f"{state.revision}); phiên bản đang chạy ({__version__}) chỉ đọc được đến lược đồ "
            f"{state.head}.",
            f"Hãy cài phiên bản KH65 Desktop mới nhất. {keep}",
        )


def _create(path: Path, seed: bool) -> None:
    """A new database, built under a temporary name and renamed into place once migrated and
    seeded: a failed first start (full disk, a kill) leaves no half-made file at `path`."""
    new = path.with_name(path.name + _NEW)
    for leftover in (new, *_companions(new), *_companions(path)):
        leftover.unlink(missing_ok=True)  # an earlier failed creation; a WAL without its file
    engine = create_db_engine(new)
    try:
        upgrade(engine)
        if seed:
            seed_builtin_plan(engine)
        with engine.connect() as connection:
            # Written back from the WAL now, where a full disk raises: at close SQLite would
            # give up silently and leave the data in a WAL that the rename leaves behind.
            busy, log_pages, written = connection.exec_driver_sql(
                "PRAGMA wal_checkpoint(TRUNCATE)"
            ).fetchone()
        engine.dispose()
        if busy or log_pages != written or not inspect_file(new, integrity=True).kind.is_kh65:
            raise DatabaseOpenError(
                f"Không tạo được cơ sở dữ liệu mới {path}: tệp tạo ra không đầy đủ (ổ đĩa có "
                "thể đã đầy). Hãy giải phóng chỗ trống rồi mở lại."
            )
        new.replace(path)
        for leftover in _companions(new):  # the check's read-only connection leaves them
            leftover.unlink(missing_ok=True)
    except BaseException:
        engine.dispose()
        for leftover in (new, *_companions(new)):
            leftover.unlink(missing_ok=True)
        raise
    log.info("Đã tạo cơ sở dữ liệu mới %s", path)


def _companions(path: Path) -> tuple[Path, Path]:
    return Path(f"{path}-wal"), Path(f"{path}-shm")
