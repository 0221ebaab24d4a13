"""What an exchange file carries, keyed by stable codes (never database ids)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .signing import PublicKeyInfo

FORMAT = "kh65-exchange"
FORMAT_VERSION = 1

# Limits on what the app will read (docs/exchange-format.md).
MAX_FILE_BYTES = 50 * 1024 * 1024  # a package or workbook on disk
MAX_CONTENT_BYTES = 200 * 1024 * 1024  # the content once unpacked
MAX_RATIO = 200  # unpacked / packed size of any member: more is a zip bomb
MAX_VALUES = 2_000_000
MAX_ROWS = 100_000  # rows of an Excel template
MAX_PLAN_FILE = 4 * 1024 * 1024  # characters of a carried plan file (plan 65's is 46.000)


class ExchangeError(ValueError):
    """A file refused, with a Vietnamese message naming the file (and row and cell)."""

    def __init__(
        self, file: Path | str, problem: str, row: int | None = None, cell: str | None = None
    ) -> None:
        self.file, self.problem, self.row, self.cell = str(file), problem, row, cell
        where = f"tệp “{Path(self.file).name}”"
        if row is not None:
            where += f", dòng {row}"
        if cell is not None:
            where += f", ô {cell}"
        super().__init__(f"Không nhập được {where}: {problem} Cơ sở dữ liệu không thay đổi.")


@dataclass(frozen=True)
class PeriodData:
    code: str
    name: str
    kind: str
    starts_on: date
    ends_on: date
    cutoff_on: date | None = None


@dataclass(slots=True)  # not frozen: a package may bring 100.000, and frozen init is 6× slower
class ValueData:
    """A figure with its provenance (read-only by convention)."""

    indicator: str
    period: str
    locality: str | None
    value: float | None
    text: str = ""
    achieved: bool | None = None
    estimate: bool = False
    as_of: date | None = None
    note: str = ""
    entered_by: str = ""
    entered_at: datetime | None = None
    row: int | None = None  # where it came from in a workbook, for messages

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.indicator, self.period, self.locality)


@dataclass(frozen=True)
class TaskData:
    code: str
    status: str
    note: str = ""
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class TextData:
    """A narrative section of the sender's report for a period (report_text): keyed by
    period code, section kind and, for a task's result, the task's code."""

    period: str
    section: str  # a domain/terms.SectionKind value
    task: str | None
    text: str
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.period, self.section, self.task)


@dataclass(frozen=True)
class TargetData:
    """An indicator's definition, sent by the planning department."""

    code: str
    group: str
    name: str
    unit: str
    kind: str
    direction: str
    target_form: str
    target_value: float | None
    target_strict: bool = False
    target_share: float | None = None
    target_text: str = ""


@dataclass(frozen=True)
class SamePeriodData:
    """A same-period figure ("cùng kỳ": the period a year earlier) of an indicator in a
    period, province-wide or one locality's."""

    indicator: str
    period: str
    locality: str | None
    value: float
    entered_by: str = ""
    entered_at: datetime | None = None

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.indicator, self.period, self.locality)


@dataclass(frozen=True)
class ReviewData:
    """The consolidating office's decision on a unit's figures for a period (a return, with
    its comment for the unit), keyed by the unit's agency or locality code."""

    period: str
    agency: str | None
    locality: str | None
    state: str  # "returned"
    comment: str
    decided_by: str = ""
    decided_at: datetime | None = None


@dataclass
class ExchangeData:
    """One file's content."""

    plan_code: str
    sender_code: str
    sender_name: str
    created_at: datetime
    periods: list[PeriodData] = field(default_factory=list)
    values: list[ValueData] = field(default_factory=list)
    tasks: list[TaskData] = field(default_factory=list)
    definitions: list[TargetData] = field(default_factory=list)
    same_period: list[SamePeriodData] = field(default_factory=list)
    texts: list[TextData] = field(default_factory=list)  # the sender's report sections
    reviews: list[ReviewData] = field(default_factory=list)  # returns, from the planners
    # the plan's own file (docs/plan-file.md), sent by its owner with the definitions, so an
    # office that lacks the plan can load it; "" when not carried
    plan_file: str = ""
    content_sha256: str = ""
    source: str = ""  # the file's name
    # An Excel template's figures as they were when it was exported ((value, estimate) by
    # ValueData.key): a row the filler left alone is then unchanged whatever happened here
    # since. None for packages and for templates made before this was kept.
    at_export: dict[tuple[str, str, str | None], tuple[float | None, bool]] | None = None
    # who signed the package, its signature checked against the bytes received
    # (exchange/signing.py); None: unsigned (or a template)
    signer: PublicKeyInfo | None = None
