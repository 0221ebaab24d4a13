"""The consolidating office's side, signed packages, and figure versions.

- submission_review: each decision of the consolidating office on a unit's figures for a
  period (approved, returned with a comment, reopened with a reason), append-only; the
  latest row per unit and period is its state, and "approved" locks its figures.
- period.report_due_on: the day reports for a period are due (the consolidating office
  sets it, e.g. the 18th after a cut-off on the 14th); empty: not set.
- import_log.signer / signature_state / signer_fingerprint: who signed a package received,
  and what the check said (verified, unsigned, untrusted).
- trusted_key: the offices whose package signing keys this office trusts (Ed25519).
- reported_value.version, task.version: bumped on every write, so that a save over a figure
  another clerk changed after it was read is caught (optimistic check).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "submission_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.String(), server_default="", nullable=False),
        sa.Column("decided_by", sa.String(), server_default="", nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["locality_id"], ["locality.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_submission_review_period_id", "submission_review", ["period_id"])
    op.create_table(
        "trusted_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.Column("public_key", sa.String(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("office_name", sa.String(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(), server_default="", nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("replaced_by", sa.String(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fingerprint"),
    )
    with op.batch_alter_table("period", schema=None) as batch_op:
        batch_op.add_column(sa.Column("report_due_on", sa.Date(), nullable=True))
    with op.batch_alter_table("import_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signer", sa.String(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("signature_state", sa.String(), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("signer_fingerprint", sa.String(), server_default="", nullable=False)
        )
    with op.batch_alter_table("reported_value", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the tables that refer to
    # these ones (import_undo_value, task_agency) with foreign keys on
    for table, column in (
        ("task", "version"),
        ("reported_value", "version"),
        ("import_log", "signer_fingerprint"),
        ("import_log", "signature_state"),
        ("import_log", "signer"),
        ("period", "report_due_on"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_table("trusted_key")
    op.drop_index("ix_submission_review_period_id", table_name="submission_review")
    op.drop_table("submission_review")
