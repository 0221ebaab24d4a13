"""Agencies and localities that change over time, and reorganisations applied.

An agency or a locality gets a validity (from, to; empty: always), an agency its earlier
names (agency_name), both their successions (merge, split; districts into communes) with the plan items each branch of a split takes
(agency_split_item), a
locality its parent's code (a commune's province); reorg_log keeps each reorganisation file applied,
with what is needed to undo it. Existing rows are valid always, as before.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agency", schema=None) as batch_op:
        batch_op.add_column(sa.Column("valid_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("valid_to", sa.Date(), nullable=True))
    with op.batch_alter_table("locality", schema=None) as batch_op:
        batch_op.add_column(sa.Column("valid_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("valid_to", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("parent_code", sa.String(), server_default="", nullable=False)
        )
    op.create_table(
        "agency_name",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_agency_name_agency_id", "agency_name", ["agency_id"])
    for table, parent in (("agency_succession", "agency"), ("locality_succession", "locality")):
        columns = [
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("predecessor_id", sa.Integer(), nullable=False),
            sa.Column("successor_id", sa.Integer(), nullable=False),
            sa.Column("on_date", sa.Date(), nullable=False),
        ]
        if table == "agency_succession":
            columns.append(sa.Column("kind", sa.String(), nullable=False))
        op.create_table(
            table,
            *columns,
            sa.Column("decision", sa.String(), nullable=False),
            sa.ForeignKeyConstraint(["predecessor_id"], [f"{parent}.id"], ondelete="CASCADE"),
            sa.ForeignKeyConstraint(["successor_id"], [f"{parent}.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(f"ix_{table}_predecessor_id", table, ["predecessor_id"])
        op.create_index(f"ix_{table}_successor_id", table, ["successor_id"])
    op.create_table(
        "agency_split_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("succession_id", sa.Integer(), nullable=False),
        sa.Column("plan_code", sa.String(), nullable=False),
        sa.Column("item_kind", sa.String(), nullable=False),
        sa.Column("item_code", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["succession_id"], ["agency_succession.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_agency_split_item_succession_id", "agency_split_item", ["succession_id"])
    op.create_table(
        "reorg_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_by", sa.String(), nullable=False),
        sa.Column("undo_data", sa.String(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for table in (
        "reorg_log",
        "agency_split_item",
        "locality_succession",
        "agency_succession",
        "agency_name",
    ):
        op.drop_table(table)
    # SQLite's own DROP COLUMN: a batch copy of agency/locality would cascade to their rows
    op.execute("ALTER TABLE locality DROP COLUMN parent_code")
    for table in ("agency", "locality"):
        for column in ("valid_from", "valid_to"):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
