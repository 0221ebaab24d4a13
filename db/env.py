"""Alembic environment: runs on the connection KH65 hands over, or on db/alembic.ini's URL."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from kh65_desktop.storage import models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.connect() as connection:
            _migrate(connection)
            connection.commit()
    else:
        _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=True
    )  # SQLite alters tables by copying them
    with context.begin_transaction():
        context.run_migrations()


run()
