"""Other windows on a PostgreSQL server learn of a change within moments: a trigger on
the tables clerks write NOTIFYs on one channel when a writing transaction commits (whoever
wrote: a window, `kh65` on the command line, an import), and each window LISTENs on its own
connection. The channel belongs to the database: NOTIFY never crosses databases.

The notice carries the writer's window id (set on each of its connections), so a window
does not reread after its own writes, which it has shown already. SQLite has no such
notices: a second window on a file sees changes when it next reads (after its own write, or
on switching tabs), and the optimistic check (storage/figure_versions.py) keeps either from
overwriting the other's figures meanwhile.
"""

from __future__ import annotations

import uuid
from typing import Any

import psycopg
from sqlalchemy import Engine, event

CHANNEL = "kh65_changes"
_WINDOW_SETTING = "kh65.window"  # a custom setting each connection of a window carries
# The tables whose rows the window shows and clerks write.
WATCHED = (
    "reported_value",
    "task",
    "report_text",
    "same_period_value",
    "indicator",
    "period",
    "locality_target",
    "submission_review",
)

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION kh65_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- one notice per table and writer per transaction: PostgreSQL folds duplicates
    PERFORM pg_notify('{CHANNEL}',
        coalesce(current_setting('{_WINDOW_SETTING}', true), '') || ' ' || TG_TABLE_NAME);
    RETURN NULL;
END $$
"""
_TRIGGER = (
    "CREATE OR REPLACE TRIGGER kh65_notify_{0} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
    "ON {0} FOR EACH STATEMENT EXECUTE FUNCTION kh65_notify_change()"
)


def install_change_notices(connection: Any) -> None:
    """Create (or replace) the trigger function and one statement trigger per watched table,
    in the caller's transaction (a SQLAlchemy connection; needs the tables' owner)."""
    connection.exec_driver_sql(_FUNCTION)
    for table in WATCHED:
        connection.exec_driver_sql(_TRIGGER.format(table))


def tag_window(engine: Engine, window_id: str) -> None:
    """Mark every connection this engine opens as the window's, so its own notices can be
    told from others'."""

    @event.listens_for(engine, "connect")
    def _tag(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, false)", (_WINDOW_SETTING, window_id))
        dbapi_connection.commit()

    engine.dispose()  # connections opened before the tag would notify untagged


def new_window_id() -> str:
    return uuid.uuid4().hex


class ChangeListener:
    """A connection of its own that LISTENs; `fileno()` becomes readable when a notice
    arrives, and `changed_tables()` reads them without blocking."""

    def __init__(self, engine: Engine, window_id: str) -> None:
        url = engine.url
        self.window_id = window_id
        self.connection = psycopg.connect(
            host=url.host,
            port=url.port,
            dbname=url.database,
            user=url.username,
            password=url.password,
            autocommit=True,
            connect_timeout=5,
            application_name="KH65 Desktop (listen)",
        )
        self.connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return self.connection.pgconn.socket

    def changed_tables(self) -> set[str]:
        """The tables others changed since the last call (empty: only this window's own
        writes, or nothing yet)."""
        pgconn = self.connection.pgconn
        pgconn.consume_input()
        tables: set[str] = set()
        while (notice := pgconn.notifies()) is not None:
            writer, _, table = notice.extra.decode().partition(" ")
            if writer != self.window_id:
                tables.add(table)
        return tables

    def close(self) -> None:
        self.connection.close()
