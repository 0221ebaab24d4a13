"""The time a figure was received here, the plan's owner, and refused rows in the import log.

A figure's `entered_at` is the sender's clock; `received_at` is this machine's, so a wrong
clock at either end no longer decides a conflict alone. Existing figures are taken as received
when they were entered, but never later than now (a stamp in the future is not believed).
The plan's `owner_code` (the agency whose files may change definitions and targets) comes
from the built-in plan file's `[plan] owner_code` for the plan it describes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import tomllib
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reported_value", schema=None) as batch_op:
        batch_op.add_column(sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_code", sa.String(), server_default="", nullable=False))
    with op.batch_alter_table("import_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("refused", sa.Integer(), server_default="0", nullable=False))
    connection = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")  # stored form
    # SQLite's two-argument min() is PostgreSQL's least()
    least = "least" if connection.dialect.name == "postgresql" else "min"
    connection.execute(
        sa.text(f"UPDATE reported_value SET received_at = {least}(entered_at, :now)"),
        {"now": now},
    )
    code, owner = _builtin_owner()
    if owner:
        connection.execute(
            sa.text("UPDATE plan SET owner_code = :owner WHERE code = :code"),
            {"owner": owner, "code": code},
        )


def _builtin_owner() -> tuple[str, str]:
    """(plan code, owner agency code) as the built-in plan file states them."""
    from kh65_desktop.resources import BUILTIN_PLAN, resource_path

    try:
        meta = tomllib.loads(resource_path(*BUILTIN_PLAN).read_text("utf-8"))["plan"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "", ""
    return str(meta.get("code", "")), str(meta.get("owner_code", ""))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop import_log, and with foreign
    # keys on, its undo rows with it
    for table, column in (
        ("import_log", "refused"),
        ("plan", "owner_code"),
        ("reported_value", "received_at"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
