"""A database's content as tests check it: the whole as one hash, on either engine (a refused
input must leave it unchanged: tests compare before and after), or one stored figure."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, inspect, text


def fingerprint(where: Path | Engine) -> str:
    """SQLite's own dump of a file (or an engine's file); every table's rows, in order, on a
    server (sequences too: an id handed out and rolled back is not content)."""
    if isinstance(where, Engine) and where.dialect.name == "sqlite":
        where = Path(where.url.database or "")
    if isinstance(where, Path):
        with sqlite3.connect(where) as db:
            return hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()
    digest = hashlib.sha256()
    with where.connect() as connection:
        for table in sorted(inspect(connection).get_table_names()):
            digest.update(table.encode())
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).fetchall()
            for row in sorted(repr(tuple(r)) for r in rows):
                digest.update(row.encode())
    return digest.hexdigest()


def stored_value(db_path: Path, code: str) -> float | None:
    """The province-wide figure stored for an indicator, read past the app (None: none)."""
    with sqlite3.connect(db_path) as db:
        row = db.execute(
            "SELECT rv.value FROM reported_value rv JOIN indicator i "
            "ON i.id = rv.indicator_id WHERE i.code = ? AND rv.locality_id IS NULL",
            (code,),
        ).fetchone()
    return row[0] if row else None
