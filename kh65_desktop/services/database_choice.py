"""Which database the window uses (Cài đặt → Cơ sở dữ liệu…): a file or a server database,
checked before it is kept. Qt-free: the dialog and the tests call it alike."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from ..storage.database import RefusedDatabaseError, _refuse_server, database_target
from ..storage.engines import (
    ServerAddress,
    database_label,
    explain_server,
    is_server,
    server_engine,
    server_state,
)
from ..storage.failures import StorageError
from ..storage.kh65_file import FileKind
from ..storage.server_backup import backup_note


def connection_report(address: ServerAddress) -> str:
    """ "Kiểm tra kết nối": what the server database is, said for the clerk; StorageError
    (in Vietnamese) if it cannot be reached or is not one KH65 may use. Writes nothing."""
    engine = server_engine(address)
    try:
        state = server_state(engine)
        _refuse_server(state, address)
    except DBAPIError as exc:
        raise StorageError(explain_server(exc, address)) from exc
    except RefusedDatabaseError as exc:
        raise StorageError(str(exc)) from exc
    finally:
        engine.dispose()
    where = address.describe()
    if state.kind is FileKind.EMPTY:
        return (
            f"Kết nối được {where}: cơ sở dữ liệu trống, KH65 sẽ tạo bảng và nạp kế hoạch có sẵn."
        )
    if state.kind is FileKind.OLDER:
        return (
            f"Kết nối được {where}: dữ liệu KH65 lược đồ {state.revision}, sẽ được nâng cấp lên "
            f"{state.head} khi mở."
        )
    return f"Kết nối được {where}: dữ liệu KH65 (lược đồ {state.revision})."


def saved_choice(text: str) -> Path | ServerAddress | None:
    """The database kept in the settings, as a target; None for the default file."""
    return database_target(text) if text.strip() else None


def choice_text(target: Path | ServerAddress) -> str:
    """What the settings keep: a file's path, or the server address without a password."""
    return target.text() if isinstance(target, ServerAddress) else str(target)


def server_label(engine: Engine) -> str | None:
    """ "kh65 trên máy chủ 10.0.0.5:5432" for a server database (the title bar says it);
    None for a file."""
    return database_label(engine) if is_server(engine) else None


def server_backup_note(engine: Engine) -> str | None:
    """How a server database is backed up (pg_dump, by its administrator); None for a file,
    which KH65 backs up itself."""
    if not is_server(engine):
        return None
    url = engine.url
    address = ServerAddress(
        url.host or "", url.port or 5432, url.database or "", url.username or ""
    )
    return backup_note(address)


__all__ = [
    "StorageError",
    "choice_text",
    "connection_report",
    "saved_choice",
    "server_label",
    "server_backup_note",
]
