"""A whole KH65 database copied to another, on either engine (a clerk's SQLite file to the
office's server, or a server database to a laptop's file for offline work).

Every table in dependency order, ids kept, in one transaction on the target: a failure, or
a copy that does not check out figure by figure, leaves the target as it was. A server's id
sequences are set past the copied ids, so the next row gets a new one."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Connection, Engine, MetaData, Table, bindparam, func, select, update
from sqlalchemy.exc import DBAPIError, StatementError

from ..domain.numbers import format_number
from .database import (
    _SCHEMA_LOCK,
    _refuse_server,
    alembic_config,
    create_db_engine,
    open_database,
    refuse_unless_kh65,
)
from .engines import ServerAddress, explain_server, is_server, server_engine, server_state
from .failures import StorageError, explain
from .kh65_file import FileKind
from .stored_dates import as_stored

log = logging.getLogger(__name__)
Progress = Callable[[str], None]
_BATCH = 5_000  # rows per insert: a plan's 100.000 figures in a few dozen statements
_NOT_DATA = frozenset({"alembic_version"})


class CopyRefused(StorageError):
    """The copy was not made; the message says why and what to do. The target is unchanged."""


@dataclass(frozen=True)
class CopyResult:
    rows: dict[str, int]  # table → rows copied

    @property
    def figures(self) -> int:
        return self.rows.get("reported_value", 0)


def copy_database(
    source: Path | ServerAddress,
    target: Path | ServerAddress,
    replace: bool = False,
    progress: Progress = lambda _line: None,
) -> CopyResult:
    """Copy `source` into `target` (created if missing, refused if it holds data unless
    `replace`); CopyRefused or DatabaseOpenError with the target unchanged."""
    if _same(source, target):
        raise CopyRefused("Nguồn và đích là cùng một cơ sở dữ liệu: không có gì để chép.")
    if isinstance(source, Path) and not source.is_file():  # else an empty one, copied over
        raise CopyRefused(
            f"Nguồn {source}: không có tệp này. Hãy kiểm tra đường dẫn sau --from; đích chưa "
            "bị thay đổi."
        )
    origin = open_database(source, seed=False)
    try:
        if isinstance(target, ServerAddress):
            return _to_server(origin, target, replace, progress)
        return _to_file(origin, target, replace, progress)
    finally:
        origin.dispose()


def _same(a: Path | ServerAddress, b: Path | ServerAddress) -> bool:
    if isinstance(a, Path) and isinstance(b, Path):
        return a.resolve() == b.resolve()
    if isinstance(a, ServerAddress) and isinstance(b, ServerAddress):
        return (a.host, a.port, a.database) == (b.host, b.port, b.database)
    return False


def _to_server(
    origin: Engine, address: ServerAddress, replace: bool, progress: Progress
) -> CopyResult:
    """Schema (if the database is empty) and rows in one transaction: PostgreSQL's DDL is
    transactional, so a failure leaves not even empty tables behind."""
    engine = server_engine(address)
    try:
        _refuse_server(server_state(engine), address)
        with engine.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            result = _copy_in(origin, connection, replace, address.describe(), progress)
            connection.commit()
        return result
    except DBAPIError as exc:
        raise CopyRefused(explain_server(exc, address)) from exc
    except (StatementError, ValueError, TypeError) as exc:
        raise _bad_value(exc) from exc
    finally:
        engine.dispose()


def _to_file(origin: Engine, path: Path, replace: bool, progress: Progress) -> CopyResult:
    """A new file is built beside its name and renamed into place once checked; an existing
    KH65 file is written in one transaction."""
    state = refuse_unless_kh65(path, integrity=True)
    if state.kind is FileKind.MISSING:
        new = path.with_name(path.name + ".copying")
        new.unlink(missing_ok=True)
        try:
            open_database(new, seed=False).dispose()
            result = _copy_file(origin, new, replace, progress, str(path))
            new.replace(path)
        finally:
            for leftover in (new, Path(f"{new}-wal"), Path(f"{new}-shm")):
                leftover.unlink(missing_ok=True)
        return result
    open_database(path, seed=False).dispose()  # an older file is migrated (and backed up)
    return _copy_file(origin, path, replace, progress, str(path))


def _copy_file(
    origin: Engine, path: Path, replace: bool, progress: Progress, name: str
) -> CopyResult:
    engine = create_db_engine(path)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # no other writer from the start
            result = _copy_in(origin, connection, replace, name, progress)
            connection.commit()
        return result
    except DBAPIError as exc:
        raise CopyRefused(explain(exc, f"tệp cơ sở dữ liệu {path}")) from exc
    except (StatementError, ValueError, TypeError) as exc:
        raise _bad_value(exc) from exc
    finally:
        engine.dispose()


def _copy_in(
    origin: Engine, target: Connection, replace: bool, where: str, progress: Progress
) -> CopyResult:
    """Rows of `origin` into `target` (same schema revision), inside the caller's
    transaction: emptied first with `replace`, else refused if it holds data; checked."""
    tables = reflected(target)
    held = {t.name: n for t in tables if (n := _count(target, t))}
    if held and not replace:
        sample = ", ".join(f"{name} {format_number(n)} dòng" for name, n in list(held.items())[:3])
        raise CopyRefused(
            f"Cơ sở dữ liệu đích {where} đã có dữ liệu ({sample}…). Để chép đè (xoá hết dữ liệu "
            "đang có ở đó), chạy lại với --replace; nếu không, chọn một cơ sở dữ liệu trống. "
            "Đích chưa bị thay đổi."
        )
    for table in reversed(tables):
        if held.get(table.name):
            target.execute(table.delete())
    with origin.connect() as source:
        rows = copy_rows(source, target, progress)
    check_copy(origin, target, rows, where)
    return CopyResult(rows)


def _bad_value(error: BaseException) -> CopyRefused:
    """A source value the target's column cannot hold (SQLite keeps text in a number column;
    a server does not)."""
    log.warning("Giá trị không chép được: %r", error)
    return CopyRefused(
        "Nguồn có một giá trị không đúng kiểu của cột (ví dụ chữ trong cột số), nên không chép "
        "được. Bản chép đã huỷ, đích chưa bị thay đổi. Hãy sửa số liệu đó ở nguồn (kh65 check "
        "chỉ ra những chỗ bất thường) rồi chép lại; chi tiết ghi trong tệp nhật ký kh65.log."
    )


def reflected(connection: Connection) -> list[Table]:
    """The database's own tables as they are (any schema revision), parents before
    children."""
    metadata = MetaData()
    with warnings.catch_warnings():  # SQLite cannot reflect the expression indexes; no need
        warnings.simplefilter("ignore")
        metadata.reflect(connection)
    return [t for t in metadata.sorted_tables if t.name not in _NOT_DATA]


def copy_rows(source: Connection, target: Connection, progress: Progress) -> dict[str, int]:
    """Every row of every table of `source` into the same table of `target` (ids kept), in
    dependency order; a table's references to itself (a sub-indicator's parent) are set once
    all its rows are in. The target's id sequences are moved past the copied ids."""
    theirs = {t.name: t for t in reflected(source)}
    copied: dict[str, int] = {}
    for table in reflected(target):
        origin = theirs.get(table.name)
        if origin is None:
            continue
        columns = [c.name for c in table.columns if c.name in origin.columns]
        own = [fk.parent.name for fk in table.foreign_keys if fk.column.table.name == table.name]
        later: list[dict[str, Any]] = []
        count = 0
        for batch in _batches(source, origin, columns):
            if own:
                later += [
                    {"_id": r["id"], **{c: r[c] for c in own}}
                    for r in batch
                    if any(r[c] is not None for c in own)
                ]
                batch = [{**r, **dict.fromkeys(own)} for r in batch]
            target.execute(table.insert(), batch)
            count += len(batch)
        if later:
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values({c: bindparam(c) for c in own})
            )
            target.execute(statement, later)
        copied[table.name] = count
        progress(f"Bảng {table.name}: {format_number(count)} dòng")
    if is_server(target.engine):
        _reset_sequences(target, reflected(target))
    return copied


def _batches(
    source: Connection, table: Table, columns: list[str]
) -> Iterator[list[dict[str, Any]]]:
    order = list(table.primary_key.columns) or [table.c[columns[0]]]
    result = source.execute(select(*(table.c[c] for c in columns)).order_by(*order))
    while chunk := result.fetchmany(_BATCH):
        yield [dict(r._mapping) for r in chunk]


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    for table in tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false) "
            f"WHERE pg_get_serial_sequence('{table.name}', 'id') IS NOT NULL"
        )


def _count(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def check_copy(origin: Engine, target: Connection, copied: dict[str, int], where: str) -> None:
    """Counts of every table, and each figure field by field, the same on both sides;
    CopyRefused (the caller's transaction rolls back) if not."""
    with origin.connect() as source:
        for table in reflected(target):
            if table.name not in copied:
                continue
            mine = _count(target, table)
            if mine != copied[table.name] or mine != _count(source, table):
                raise CopyRefused(
                    f"Bản chép vào {where} không khớp ở bảng {table.name} ({format_number(mine)} "
                    f"dòng, nguồn có {format_number(copied[table.name])}); đã huỷ, đích chưa bị "
                    "thay đổi."
                )
        figures = [t for t in reflected(target) if t.name == "reported_value"]
        if figures:
            theirs = {t.name: t for t in reflected(source)}["reported_value"]
            for a, b in zip(_figures(source, theirs), _figures(target, figures[0]), strict=True):
                if a != b:
                    raise CopyRefused(
                        f"Số liệu mã {a[0]} chép vào {where} khác nguồn ({a} ≠ {b}); đã huỷ, "
                        "đích chưa bị thay đổi."
                    )


def _figures(connection: Connection, table: Table) -> Iterator[tuple[Any, ...]]:
    """Each figure as stored (dates as text, times in UTC), whatever the engine returns."""
    names = sorted(c.name for c in table.columns)
    for row in connection.execute(select(*(table.c[n] for n in names)).order_by(table.c.id)):
        yield tuple(_plain(v) for v in row)


def _plain(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float | str):
        return value
    return as_stored(value)
