"""Narrative report sections and same-period ("cùng kỳ") figures.

A report's "Đặc điểm tình hình", each task's result, "Tồn tại, hạn chế", "Nguyên nhân",
"Nhiệm vụ, giải pháp thời gian tới" and "Kiến nghị, đề xuất" are the clerk's text per agency
and period; the same period's figure a year earlier is kept per indicator, period and
locality. Both tables start empty.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "situation",
                "task_result",
                "shortcomings",
                "causes",
                "next_steps",
                "proposals",
                name="sectionkind",
                native_enum=False,
                create_constraint=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_report_text_period_id", "report_text", ["period_id"])
    op.create_index(
        "uq_report_text_key",
        "report_text",
        ["period_id", sa.text("coalesce(agency_id, 0)"), "kind", sa.text("coalesce(task_id, 0)")],
        unique=True,
    )
    op.create_table(
        "same_period_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("entered_by", sa.String(), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["locality_id"], ["locality.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_same_period_value_indicator_id", "same_period_value", ["indicator_id"])
    op.create_index("ix_same_period_value_period_id", "same_period_value", ["period_id"])
    op.create_index(
        "uq_same_period_value_key",
        "same_period_value",
        ["indicator_id", "period_id", sa.text("coalesce(locality_id, 0)")],
        unique=True,
    )


def downgrade() -> None:
    op.drop_table("same_period_value")
    op.drop_table("report_text")
