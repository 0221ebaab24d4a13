"""Figures an import replaced, one row each, instead of a JSON list inside import_log.

An import of 100.000 figures wrote an 8 MB JSON text into its log row; kept as rows, the
previous states are copied by SQLite itself. Existing logs are converted.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_COLUMNS = (
    "import_log_id, indicator_id, period_id, locality_id, existed, value, text, achieved, "
    "is_estimate, as_of, note, entered_by, entered_at"
)


_NAMES = tuple(name.strip() for name in _COLUMNS.split(","))
_INSERT = sa.text(
    f"INSERT INTO import_undo_value ({_COLUMNS}) VALUES ({', '.join(':' + n for n in _NAMES)})"
).bindparams(
    sa.bindparam("existed", type_=sa.Boolean()),
    sa.bindparam("achieved", type_=sa.Boolean()),
    sa.bindparam("is_estimate", type_=sa.Boolean()),
)  # dates stay the stored ISO text, which PostgreSQL casts


def upgrade() -> None:
    op.create_table(
        "import_undo_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_log_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("existed", sa.Boolean(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("text", sa.String(), nullable=True),
        sa.Column("achieved", sa.Boolean(), nullable=True),
        sa.Column("is_estimate", sa.Boolean(), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("entered_by", sa.String(), nullable=True),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["import_log_id"], ["import_log.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("import_undo_value", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_undo_value_import_log_id"), ["import_log_id"], unique=False
        )
    connection = op.get_bind()
    logs = connection.exec_driver_sql("SELECT id, undo_data FROM import_log").fetchall()
    for log_id, undo_data in logs:
        undo = json.loads(undo_data) if undo_data else {}
        rows = [_row(log_id, *entry) for entry in undo.pop("values", [])]
        if rows:
            # named parameters and typed columns: the same SQL on SQLite and PostgreSQL
            connection.execute(_INSERT, [dict(zip(_NAMES, row, strict=True)) for row in rows])
        connection.execute(
            sa.text("UPDATE import_log SET undo_data = :undo WHERE id = :id"),
            {"undo": json.dumps(undo, ensure_ascii=False), "id": log_id},
        )


def _row(log_id: int, indicator: int, period: int, locality: int | None, state: list | None):
    if state is None:
        return (log_id, indicator, period, locality, False, *([None] * 8))
    value, text, achieved, estimate, as_of, note, by, at = state
    return (log_id, indicator, period, locality, True, value, text, achieved, estimate,
            as_of, note, by, _stored_time(at))  # fmt: skip


def _stored_time(text: str | None) -> str | None:
    """ISO text as logged (a zone, a "T") to the stored form: UTC, no zone, microseconds."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(" ", "microseconds")


def downgrade() -> None:
    connection = op.get_bind()
    logs = connection.exec_driver_sql("SELECT id, undo_data FROM import_log").fetchall()
    for log_id, undo_data in logs:
        undo = json.loads(undo_data) if undo_data else {}
        undo["values"] = [
            [i, p, loc, [v, t, a, e, d, n, b, at] if existed else None]
            for i, p, loc, existed, v, t, a, e, d, n, b, at in connection.execute(
                sa.text(
                    "SELECT indicator_id, period_id, locality_id, existed, value, text, "
                    "achieved, is_estimate, as_of, note, entered_by, entered_at "
                    "FROM import_undo_value WHERE import_log_id = :id ORDER BY id"
                ),
                {"id": log_id},
            )
        ]
        connection.execute(
            sa.text("UPDATE import_log SET undo_data = :undo WHERE id = :id"),
            {"undo": json.dumps(undo, ensure_ascii=False), "id": log_id},
        )
    with op.batch_alter_table("import_undo_value", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_undo_value_import_log_id"))
    op.drop_table("import_undo_value")
