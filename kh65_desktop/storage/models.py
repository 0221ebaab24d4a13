"""The database tables (SQLModel). A plan is kept whole, not as a flattened sheet.

Every change to these tables needs an Alembic revision under `db/versions/`.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from ..domain.terms import (
    AgencyKind,
    Direction,
    IndicatorKind,
    PeriodKind,
    Role,
    SectionKind,
    StatedKind,
    TargetForm,
    TaskStatus,
)


def _enum(cls: type[Enum]) -> sa.Enum:
    """Store an enum as its value in a plain VARCHAR (no CHECK; migrations stay simple)."""
    return sa.Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


class AppMeta(SQLModel, table=True):
    """Key/value facts about this database (e.g. that the built-in plan was loaded)."""

    __tablename__ = "app_meta"
    key: str = Field(primary_key=True)
    value: str


class Plan(SQLModel, table=True):
    """A plan document: number, date, place, issuing body, title and signer."""

    __tablename__ = "plan"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)  # stable key across databases, e.g. "65/KH-UBND/2024"
    number: str  # "65/KH-UBND"
    document_type: str = "Kế hoạch"
    issued_on: date
    place: str
    issuing_body: str
    title: str
    year: int
    starts_on: date
    ends_on: date
    signer_authority: str  # "TM. ỦY BAN NHÂN DÂN"
    signer_title: str  # "CHỦ TỊCH"
    signer_name: str
    # The agency that consolidates the plan (its `[plan] owner_code`): the only sender whose
    # files may change definitions and targets (revision 0005; "" for nobody).
    owner_code: str = Field(default="", sa_column_kwargs={"server_default": ""})


class Locality(SQLModel, table=True):
    """A district, town or city: a breakdown key for figures."""

    __tablename__ = "locality"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name: str
    kind: str  # "thành phố", "huyện", "thị xã"; since 2025 "tỉnh", "xã", "phường"
    position: int = 0
    # Validity (revision 0007): None is "always" on that side. Districts end on 30/6/2025,
    # communes and wards begin on 1/7/2025 under their province (`parent_code`, a code and
    # not a foreign key: SQLite could not drop such a column on downgrade).
    valid_from: date | None = None
    valid_to: date | None = None
    parent_code: str = Field(default="", sa_column_kwargs={"server_default": ""})


class Agency(SQLModel, table=True):
    """A provincial body or a district People's Committee."""

    __tablename__ = "agency"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name: str
    kind: AgencyKind = Field(sa_type=_enum(AgencyKind))
    locality_id: int | None = Field(default=None, foreign_key="locality.id", ondelete="SET NULL")
    position: int = 0
    # Validity (revision 0007): None is "always" on that side; `name` is the current name,
    # earlier ones are in agency_name.
    valid_from: date | None = None
    valid_to: date | None = None


class AgencyName(SQLModel, table=True):
    """A name an agency bore until `valid_to` (inclusive) before a rename (revision 0007):
    the name on a date is the row with the earliest valid_to on or after it, else
    Agency.name."""

    __tablename__ = "agency_name"
    id: int | None = Field(default=None, primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", ondelete="CASCADE", index=True)
    name: str
    valid_to: date


class AgencySuccession(SQLModel, table=True):
    """An agency's work passing to another from a date (revision 0007): a merge (many into
    one) or one branch of a split (one into many, indicator by indicator)."""

    __tablename__ = "agency_succession"
    id: int | None = Field(default=None, primary_key=True)
    predecessor_id: int = Field(foreign_key="agency.id", ondelete="CASCADE", index=True)
    successor_id: int = Field(foreign_key="agency.id", ondelete="CASCADE", index=True)
    on_date: date  # the first day the successor holds the work
    kind: str  # "merge" or "split"
    decision: str = ""  # "Quyết định số …", as the reorganisation file cites it


class AgencySplitItem(SQLModel, table=True):
    """One item of a plan a split hands to the successor of its succession row (revision
    0007): a whole group, an indicator or a task, by the plan's and the item's codes, so a
    plan made later from that plan gives each item the right successor."""

    __tablename__ = "agency_split_item"
    id: int | None = Field(default=None, primary_key=True)
    succession_id: int = Field(foreign_key="agency_succession.id", ondelete="CASCADE", index=True)
    plan_code: str
    item_kind: str  # "group", "indicator" or "task" (domain/organisation.ItemKind)
    item_code: str
    note: str = ""  # why this successor, as the reorganisation file says


class LocalitySuccession(SQLModel, table=True):
    """A locality continued by another from a date (revision 0007): districts into the
    communes and wards made from them, provinces into the merged province."""

    __tablename__ = "locality_succession"
    id: int | None = Field(default=None, primary_key=True)
    predecessor_id: int = Field(foreign_key="locality.id", ondelete="CASCADE", index=True)
    successor_id: int = Field(foreign_key="locality.id", ondelete="CASCADE", index=True)
    on_date: date
    decision: str = ""


class ReorgLog(SQLModel, table=True):
    """One reorganisation file applied here (revision 0007): what it did and how to undo
    it (JSON of the rows it added and the fields it changed, as they were)."""

    __tablename__ = "reorg_log"
    id: int | None = Field(default=None, primary_key=True)
    code: str  # the file's own code, e.g. "tra-vinh-2025-so-nganh"
    title: str
    applied_at: datetime
    applied_by: str
    undo_data: str = ""
    undone_at: datetime | None = None


class IndicatorGroup(SQLModel, table=True):
    """A numbered part of the plan, assigned to lead and coordinating agencies."""

    __tablename__ = "indicator_group"
    __table_args__ = (sa.UniqueConstraint("plan_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    code: str  # "II.1"
    section: str  # "I" or "II"
    heading: str
    position: int = 0


class GroupAgency(SQLModel, table=True):
    """An agency's role (chủ trì / phối hợp) in an indicator group."""

    __tablename__ = "group_agency"
    group_id: int = Field(foreign_key="indicator_group.id", ondelete="CASCADE", primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", ondelete="CASCADE", primary_key=True)
    role: Role = Field(sa_type=_enum(Role))


class Indicator(SQLModel, table=True):
    """A target to track: unit, kind, direction, target in its form, baseline."""

    __tablename__ = "indicator"
    __table_args__ = (sa.UniqueConstraint("plan_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    group_id: int = Field(foreign_key="indicator_group.id", ondelete="CASCADE", index=True)
    parent_id: int | None = Field(default=None, foreign_key="indicator.id", ondelete="CASCADE")
    code: str  # stable within the plan: "II.1.1"
    position: int = 0
    name: str
    unit: str = ""
    kind: IndicatorKind = Field(sa_type=_enum(IndicatorKind))
    direction: Direction = Field(default=Direction.HIGHER, sa_type=_enum(Direction))
    target_form: TargetForm = Field(sa_type=_enum(TargetForm))
    target_value: float | None = None
    target_strict: bool = False
    target_share: float | None = None
    target_text: str = ""
    baseline_value: float | None = None
    baseline_label: str = ""
    same_period_value: float | None = None
    same_period_label: str = ""
    note: str = ""
    source_quote: str = ""  # the document's sentence, for review


class LocalityTarget(SQLModel, table=True):
    """An indicator's target for one locality (the district table's "Kế hoạch")."""

    __tablename__ = "locality_target"
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", primary_key=True)
    locality_id: int = Field(foreign_key="locality.id", ondelete="CASCADE", primary_key=True)
    target_value: float


class Period(SQLModel, table=True):
    """A reporting period with its start, end and data cut-off dates."""

    __tablename__ = "period"
    __table_args__ = (sa.UniqueConstraint("plan_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    code: str  # "2024-H1"
    name: str  # "6 tháng đầu năm 2024"
    kind: PeriodKind = Field(sa_type=_enum(PeriodKind))
    starts_on: date
    ends_on: date
    cutoff_on: date | None = None
    report_due_on: date | None = None  # when reports are due (revision 0008); None: not set


class ReportedValue(SQLModel, table=True):
    """A figure for an indicator, period and (optionally) locality, with its provenance."""

    __tablename__ = "reported_value"
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", index=True)
    period_id: int = Field(foreign_key="period.id", ondelete="CASCADE", index=True)
    locality_id: int | None = Field(default=None, foreign_key="locality.id", ondelete="CASCADE")
    value: float | None = None
    text: str = ""  # wording for qualitative results ("Đã hoàn thành 08/08 tiêu chí")
    achieved: bool | None = None  # the clerk's judgement where there is no number
    is_estimate: bool = False  # "ước"
    as_of: date | None = None  # "tính đến ngày 14/6/2024"
    note: str = ""
    entered_by: str = ""
    entered_at: datetime  # the sender's clock (or this machine's, when typed here)
    # When the figure was written into this database, on this machine's clock (revision
    # 0005; None on rows written by older code). Conflicts weigh both: services/conflicts.py.
    received_at: datetime | None = None
    # Bumped on every write (revision 0008): a save over a figure changed since it was read
    # is caught rather than silently overwriting another clerk's figure.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class StatedFigure(SQLModel, table=True):
    """A derived figure as the document states it, kept apart from computed ones."""

    __tablename__ = "stated_figure"
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", index=True)
    period_id: int | None = Field(default=None, foreign_key="period.id", ondelete="CASCADE")
    locality_id: int | None = Field(default=None, foreign_key="locality.id", ondelete="CASCADE")
    kind: StatedKind = Field(sa_type=_enum(StatedKind))
    value: float
    decimals: int = 0  # as shown: "45%" has 0, "53,05%" has 2
    source: str = ""  # where in the document: "I", "II.6", "II.3 bảng"
    quote: str = ""


class Task(SQLModel, table=True):
    """A task or solution paragraph with its deadline and status."""

    __tablename__ = "task"
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    group_id: int | None = Field(default=None, foreign_key="indicator_group.id", ondelete="CASCADE")
    code: str
    position: int = 0
    lead_in: str = ""  # the sentence that assigns the items below it
    text: str
    deadline: date | None = None
    deadline_text: str = ""  # as the document says it: "đến hết tháng 8 năm 2024"
    status: TaskStatus = Field(default=TaskStatus.NOT_STARTED, sa_type=_enum(TaskStatus))
    note: str = ""
    updated_by: str = ""
    updated_at: datetime | None = None
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})  # since 0008


class TaskAgency(SQLModel, table=True):
    """An agency's role in a task."""

    __tablename__ = "task_agency"
    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", ondelete="CASCADE", primary_key=True)
    role: Role = Field(sa_type=_enum(Role))


class ValueChange(SQLModel, table=True):
    """One change to a reported value: old -> new, who, when (added in revision 0002)."""

    __tablename__ = "value_change"
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", index=True)
    period_id: int = Field(foreign_key="period.id", ondelete="CASCADE")
    locality_id: int | None = Field(default=None, foreign_key="locality.id", ondelete="CASCADE")
    old_value: float | None = None
    new_value: float | None = None
    old_text: str = ""
    new_text: str = ""
    changed_by: str = ""
    changed_at: datetime


# One figure per indicator, period and locality; SQLite treats NULLs as distinct in a plain
# UNIQUE constraint, so the province-wide row (no locality) is keyed as locality 0.
sa.Index(
    "uq_reported_value_key",
    ReportedValue.indicator_id,
    ReportedValue.period_id,
    sa.func.coalesce(ReportedValue.locality_id, 0),
    unique=True,
)


class ImportLog(SQLModel, table=True):
    """One import of a file from another office: who sent it, what it did, how to undo it
    (added in revision 0003)."""

    __tablename__ = "import_log"
    id: int | None = Field(default=None, primary_key=True)
    file_name: str
    content_sha256: str = Field(index=True)
    sender: str  # the sending agency's name
    created_at: datetime  # when the sender made the file
    imported_at: datetime
    imported_by: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    conflicts_kept: int = 0
    conflicts_taken: int = 0
    refused: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # since 0005
    # JSON: the previous state of the tasks, targets, new indicators and periods it changed
    # (figures, which may be 100.000, are kept in import_undo_value since revision 0004)
    undo_data: str = ""
    undone_at: datetime | None = None
    # Revision 0008: who signed the package and what the signature check said
    # ("verified", "unsigned", "untrusted"; "" for imports before signatures existed).
    signer: str = Field(default="", sa_column_kwargs={"server_default": ""})
    signature_state: str = Field(default="", sa_column_kwargs={"server_default": ""})
    signer_fingerprint: str = Field(default="", sa_column_kwargs={"server_default": ""})


class ImportUndoValue(SQLModel, table=True):
    """A figure as it was before an import wrote it, to put back if the import is undone
    (revision 0004). In the order the import wrote them (by id)."""

    __tablename__ = "import_undo_value"
    id: int | None = Field(default=None, primary_key=True)
    import_log_id: int = Field(foreign_key="import_log.id", ondelete="CASCADE", index=True)
    indicator_id: int
    period_id: int
    locality_id: int | None = None
    existed: bool  # False: the import added the figure, and undo removes it
    value: float | None = None
    text: str | None = None
    achieved: bool | None = None
    is_estimate: bool | None = None
    as_of: date | None = None
    note: str | None = None
    entered_by: str | None = None
    entered_at: datetime | None = None


class ReportText(SQLModel, table=True):
    """A narrative section of an agency's report for a period, as the clerk typed it
    (revision 0006): "Đặc điểm tình hình", one task's result, "Tồn tại, hạn chế", … An empty
    text is no row. `agency_id` None: the consolidating office's own text for the province
    report. `task_id` only for SectionKind.TASK_RESULT."""

    __tablename__ = "report_text"
    id: int | None = Field(default=None, primary_key=True)
    period_id: int = Field(foreign_key="period.id", ondelete="CASCADE", index=True)
    agency_id: int | None = Field(default=None, foreign_key="agency.id", ondelete="CASCADE")
    kind: SectionKind = Field(sa_type=_enum(SectionKind))
    task_id: int | None = Field(default=None, foreign_key="task.id", ondelete="CASCADE")
    text: str
    updated_by: str = ""
    updated_at: datetime


sa.Index(
    "uq_report_text_key",
    ReportText.period_id,
    sa.func.coalesce(ReportText.agency_id, 0),
    ReportText.kind,
    sa.func.coalesce(ReportText.task_id, 0),
    unique=True,
)


class SamePeriodValue(SQLModel, table=True):
    """The same period's figure a year earlier ("cùng kỳ"), typed by the clerk or carried in
    a package, for an indicator, period and (optionally) locality (revision 0006). The plan's
    own stated ones stay on Indicator.same_period_value."""

    __tablename__ = "same_period_value"
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", index=True)
    period_id: int = Field(foreign_key="period.id", ondelete="CASCADE", index=True)
    locality_id: int | None = Field(default=None, foreign_key="locality.id", ondelete="CASCADE")
    value: float
    entered_by: str = ""
    entered_at: datetime


sa.Index(
    "uq_same_period_value_key",
    SamePeriodValue.indicator_id,
    SamePeriodValue.period_id,
    sa.func.coalesce(SamePeriodValue.locality_id, 0),
    unique=True,
)


class SubmissionReview(SQLModel, table=True):
    """One decision of the consolidating office on a unit's figures for a period (revision
    0008): "approved" (locks them), "returned" (with a comment for the unit), "reopened" (with
    the reason). Append-only: the latest row per unit and period is the state, the rest its
    log. A unit is an agency or a locality (one of the two ids is set)."""

    __tablename__ = "submission_review"
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE")
    period_id: int = Field(foreign_key="period.id", ondelete="CASCADE", index=True)
    agency_id: int | None = Field(default=None, foreign_key="agency.id", ondelete="CASCADE")
    locality_id: int | None = Field(default=None, foreign_key="locality.id", ondelete="CASCADE")
    state: str = Field(max_length=20)
    comment: str = Field(default="", sa_column_kwargs={"server_default": ""})
    decided_by: str = Field(default="", sa_column_kwargs={"server_default": ""})
    decided_at: datetime
    sent_at: datetime | None = None  # when a returned comment went out in a package


class TrustedKey(SQLModel, table=True):
    """An office's package signing key (Ed25519) that this office trusts (revision 0008),
    added once from the key file the office sent; replaced when a newer key is announced."""

    __tablename__ = "trusted_key"
    id: int | None = Field(default=None, primary_key=True)
    fingerprint: str = Field(unique=True)
    public_key: str  # base64 of the raw 32-byte key
    agency_code: str
    office_name: str
    added_at: datetime
    added_by: str = Field(default="", sa_column_kwargs={"server_default": ""})
    replaced_at: datetime | None = None
    replaced_by: str = Field(default="", sa_column_kwargs={"server_default": ""})
