"""Opening the local database: engine, SQLite settings, migrations, first-start data."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlmodel import Session

from .. import APP_NAME
from ..resources import BUILTIN_PLAN, migrations_path, resource_path
from .backup import make_backup
from .models import AppMeta
from .plan_file import load_plan

log = logging.getLogger(__name__)
BUILTIN_LOADED = "builtin_plan_loaded"


class DatabaseOpenError(RuntimeError):
    """The database file cannot be opened; the message says what the clerk can do."""


def default_db_path() -> Path:
    """The database in the user's data folder (e.g. %LOCALAPPDATA%\\KH65 Desktop on Windows)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "kh65.db"


def create_db_engine(path: Path) -> Engine:
    """An engine whose every connection enforces foreign keys and durable commits."""
    # The pool hands one connection to one thread at a time; background work may use it.
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
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
    """The database file behind an engine."""
    return Path(engine.url.database) if engine.url.database else None


def schema_revisions(engine: Engine) -> tuple[str | None, str | None]:
    """(the file's schema revision, the app's newest); None for a new, empty file."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (the newest by default), keeping the data."""
    current, head = schema_revisions(engine)
    target = head if revision == "head" else revision
    if current == target:
        return  # nothing to do: no migration, no full foreign-key scan of a large file
    path = db_file(engine)
    if current is not None and path is not None:
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


def seed_builtin_plan(engine: Engine, plan_file: Path | None = None) -> bool:
    """Load the built-in plan once, into a database that has never had it; True if loaded."""
    with Session(engine) as session:
        if session.get(AppMeta, BUILTIN_LOADED) is not None:
            return False
        load_plan(session, plan_file or resource_path(*BUILTIN_PLAN))
        session.add(AppMeta(key=BUILTIN_LOADED, value="1"))
        session.commit()
    log.info("Đã nạp kế hoạch có sẵn vào cơ sở dữ liệu.")
    return True


def open_database(path: Path | None = None, seed: bool = True) -> Engine:
    """Open (or create) the database at `path`, migrate it, and load plan 65 on first start."""
    path = path or default_db_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(
            f"Không tạo được thư mục {path.parent}: {exc.strerror}. Hãy chọn nơi lưu khác (--db)."
        ) from exc
    engine = create_db_engine(path)
    try:
        upgrade(engine)
        if seed:
            seed_builtin_plan(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise DatabaseOpenError(
            f"Tệp {path} không phải là cơ sở dữ liệu KH65 hoặc đã bị hỏng ({exc.orig}). "
            "Tệp không bị thay đổi; hãy chọn tệp khác hoặc khôi phục từ bản sao lưu."
        ) from exc
    return engine
