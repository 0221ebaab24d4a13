"""Initial schema: plans, agencies, localities, indicators, periods, values, tasks.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "locality",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("document_type", sa.String(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("issuing_body", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("signer_authority", sa.String(), nullable=False),
        sa.Column("signer_title", sa.String(), nullable=False),
        sa.Column("signer_name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "agency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("provincial", "district", name="agencykind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["locality_id"], ["locality.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "indicator_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("section", sa.String(), nullable=False),
        sa.Column("heading", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "code"),
    )
    with op.batch_alter_table("indicator_group", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_group_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "month",
                "quarter",
                "half_year",
                "nine_months",
                "year",
                name="periodkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("cutoff_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "code"),
    )
    with op.batch_alter_table("period", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_period_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "group_agency",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("lead", "coordinate", name="role", native_enum=False, length=20),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["indicator_group.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "agency_id"),
    )
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "accumulating",
                "level",
                "qualitative",
                name="indicatorkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "direction",
            sa.Enum("higher", "lower", name="direction", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "target_form",
            sa.Enum(
                "value",
                "floor",
                "ceiling",
                "change",
                "keep",
                "milestone",
                name="targetform",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_strict", sa.Boolean(), nullable=False),
        sa.Column("target_share", sa.Float(), nullable=True),
        sa.Column("target_text", sa.String(), nullable=False),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("baseline_label", sa.String(), nullable=False),
        sa.Column("same_period_value", sa.Float(), nullable=True),
        sa.Column("same_period_label", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("source_quote", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["indicator_group.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["parent_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "code"),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicator_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("lead_in", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("deadline_text", sa.String(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "not_started",
                "in_progress",
                "done",
                name="taskstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["group_id"], ["indicator_group.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "locality_target",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("locality_id", sa.Integer(), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["locality_id"], ["locality.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("indicator_id", "locality_id"),
    )
    op.create_table(
        "reported_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("achieved", sa.Boolean(), nullable=True),
        sa.Column("is_estimate", sa.Boolean(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("entered_by", sa.String(), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["locality_id"], ["locality.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reported_value", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reported_value_indicator_id"), ["indicator_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reported_value_period_id"), ["period_id"], unique=False
        )

    op.create_table(
        "stated_figure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=True),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "percent_of_plan",
                "remaining",
                "total_target",
                "total_value",
                name="statedkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("decimals", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("quote", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["locality_id"], ["locality.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stated_figure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stated_figure_indicator_id"), ["indicator_id"], unique=False
        )

    op.create_table(
        "task_agency",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("lead", "coordinate", name="role", native_enum=False, length=20),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("task_id", "agency_id"),
    )
    op.create_index(
        "uq_reported_value_key",
        "reported_value",
        ["indicator_id", "period_id", sa.text("coalesce(locality_id, 0)")],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_reported_value_key", "reported_value")
    op.drop_table("task_agency")
    with op.batch_alter_table("stated_figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stated_figure_indicator_id"))

    op.drop_table("stated_figure")
    with op.batch_alter_table("reported_value", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reported_value_period_id"))
        batch_op.drop_index(batch_op.f("ix_reported_value_indicator_id"))

    op.drop_table("reported_value")
    op.drop_table("locality_target")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_plan_id"))

    op.drop_table("task")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_plan_id"))
        batch_op.drop_index(batch_op.f("ix_indicator_group_id"))

    op.drop_table("indicator")
    op.drop_table("group_agency")
    with op.batch_alter_table("period", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_plan_id"))

    op.drop_table("period")
    with op.batch_alter_table("indicator_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_group_plan_id"))

    op.drop_table("indicator_group")
    op.drop_table("agency")
    op.drop_table("plan")
    op.drop_table("locality")
    op.drop_table("app_meta")
