"""Another window's (or process's) engine on the same database as a test's `engine`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.engines import parse_server_address


def reopen(engine: Engine) -> Engine:
    """A new engine (its own connections) on the database `engine` works on."""
    if engine.dialect.name == "postgresql":
        return open_database(parse_server_address(engine.url.render_as_string(hide_password=False)))
    return open_database(Path(engine.url.database or ""))
