"""The report's tables: indicators, tasks, figures by locality."""

from __future__ import annotations

from ..domain.numbers import format_date, format_measure, format_number, format_rate
from ..domain.tasks import Urgency
from ..domain.terms import AgencyKind, StatedKind
from ..services.report_facts import ReportFacts, Stated
from ..services.rows import Breakdown, BreakdownRow, IndicatorRow, TaskRow
from .document import Align, Column, Row, Table
from .sentences import target_text

STATED = "*"  # marks a figure the document states and the app cannot compute
STATED_NOTE = (
    f"({STATED}) Số liệu theo văn bản của kế hoạch: văn bản nêu, không tính được từ các số "
    "liệu khác."
)

INDICATOR_COLUMNS = [
    Column("STT", 10, Align.CENTER),
    Column("Chỉ tiêu", 46),
    Column("Đơn vị tính", 18),
    Column("Kế hoạch năm", 21, Align.RIGHT),
    Column("Thực hiện kỳ báo cáo", 21, Align.RIGHT),
    Column("So với kế hoạch (%)", 15, Align.RIGHT),
    Column("Còn phải thực hiện", 18, Align.RIGHT),
    Column("Đánh giá", 16, Align.CENTER),
]
TASK_COLUMNS = [
    Column("STT", 10, Align.CENTER),
    Column("Nhiệm vụ, giải pháp", 103),
    Column("Thời hạn", 25, Align.CENTER),
    Column("Tình trạng", 27, Align.CENTER),
]
TASK_COLUMNS_WITH_LEAD = [
    Column("STT", 10, Align.CENTER),
    Column("Nhiệm vụ, giải pháp", 80),
    Column("Cơ quan\nchủ trì", 28),  # never "Cơ quan chủ" over "trì"
    Column("Thời hạn", 22, Align.CENTER),
    Column("Tình trạng", 25, Align.CENTER),
]
LOCALITY_COLUMNS = [
    Column("STT", 10, Align.CENTER),
    Column("Địa phương", 41),
    Column("Kế hoạch", 22, Align.RIGHT),
    Column("Thực hiện", 22, Align.RIGHT),
    Column("So với kế hoạch (%)", 22, Align.RIGHT),
    Column("Còn phải thực hiện", 24, Align.RIGHT),
    Column("Đánh giá", 24, Align.CENTER),
]


def value_cell(row: IndicatorRow, period_id: int | None) -> str:
    """ "ước 30.750", "83,50", a qualitative result's words; the period when older."""
    latest = row.latest
    if latest is None:
        return ""
    if latest.value is None:
        text = latest.text
    else:
        shown = format_measure(latest.value, row.unit)
        text = f"ước {shown}" if latest.is_estimate else shown
    if period_id is not None and latest.period_id != period_id:
        text += f" ({latest.period_name})"
    return text


def _stated(stated: Stated | None) -> str:
    return "" if stated is None else format_number(stated.value, stated.decimals) + STATED


def indicator_cells(
    number: str, row: IndicatorRow, period_id: int | None, facts: ReportFacts | None
) -> tuple[str, ...]:
    """A row of the indicator table; a share or remainder the app cannot compute but the
    document states is printed with its decimals and marked."""
    percent = row.progress.percent_of_plan
    remaining = row.progress.remaining
    said = facts.stated if facts is not None else {}
    return (
        number,
        row.name,
        row.unit,
        target_text(row),
        value_cell(row, period_id),
        format_rate(percent)
        if percent is not None
        else _stated(said.get((row.id, StatedKind.PERCENT_OF_PLAN))),
        format_measure(remaining, row.unit)
        if remaining is not None
        else _stated(said.get((row.id, StatedKind.REMAINING))),
        row.progress.status.label,
    )


def indicator_table(
    rows: list[IndicatorRow], period_id: int | None, facts: ReportFacts | None = None
) -> Table:
    """Grouped as the plan groups them, each group under its heading (the plan's own codes,
    "II.1", would clash with the report's section numbers); "trong đó" rows get a dash."""
    table = Table(INDICATOR_COLUMNS, [])
    group: str | None = None
    number = 0
    for row in rows:
        if row.group_heading != group:
            group, number = row.group_heading, 0
            table.rows.append(Row(("", group), group=True))
        if row.parent_code:
            table.rows.append(Row(indicator_cells("-", row, period_id, facts)))
        else:
            number += 1
            table.rows.append(Row(indicator_cells(str(number), row, period_id, facts)))
    return table


def has_stated(table: Table) -> bool:
    return any(cell.endswith(STATED) for row in table.rows for cell in row.cells[5:7])


def task_status(task: TaskRow) -> str:
    return task.status.label + (" (quá hạn)" if task.urgency is Urgency.OVERDUE else "")


NAMED_LEADS = 3  # more lead agencies of one kind than this are counted, not named


def lead_cell(task: TaskRow, kinds: dict[int, AgencyKind]) -> str:
    """The lead agencies, named; many of one kind counted ("13 sở, ban, ngành tỉnh"), so a
    task assigned to every office does not fill a page."""
    provincial = [
        n
        for n, i in zip(task.lead, task.lead_ids, strict=False)
        if kinds.get(i) is not AgencyKind.DISTRICT
    ]
    local = [
        n
        for n, i in zip(task.lead, task.lead_ids, strict=False)
        if kinds.get(i) is AgencyKind.DISTRICT
    ]
    parts = []
    if provincial:
        many = len(provincial) > NAMED_LEADS
        parts.append(f"{len(provincial)} sở, ban, ngành tỉnh" if many else ", ".join(provincial))
    if local:
        many = len(local) > NAMED_LEADS
        parts.append(f"UBND {len(local)} địa phương" if many else ", ".join(local))
    return "; ".join(parts)


def task_table(
    tasks: list[TaskRow],
    results: dict[str, list[tuple[str, str]]],
    kinds: dict[int, AgencyKind] | None = None,
) -> Table:
    """Each task with its deadline and status at the cut-off, and what was done on it
    (`results`: task code -> (agency name, text)). With `kinds` (the province report) a
    lead-agency column, and each result names its agency."""
    with_lead = kinds is not None
    rows = []
    for i, task in enumerate(tasks, start=1):
        text = task.text
        for agency, result in results.get(task.code, []):
            who = f" ({agency})" if with_lead and agency else ""
            text += f"\nKết quả thực hiện{who}: {result}"
        deadline = format_date(task.deadline) if task.deadline else task.deadline_text
        cells = [str(i), text]
        if with_lead:
            cells.append(lead_cell(task, kinds or {}))
        cells += [deadline, task_status(task)]
        rows.append(Row(tuple(cells)))
    columns = TASK_COLUMNS_WITH_LEAD if with_lead else TASK_COLUMNS
    if results:
        title = "Nhiệm vụ, giải pháp và kết quả thực hiện"
        columns = [columns[0], Column(title, columns[1].width_mm), *columns[2:]]
    return Table(columns, rows)


def _locality_cells(label: str, b: BreakdownRow | None, unit: str) -> tuple[str, ...]:
    if b is None:
        return (label, "", "", "", "", "")
    percent = b.progress.percent_of_plan
    value = format_measure(b.value, unit)
    return (
        label,
        format_measure(b.target, unit),
        f"ước {value}" if b.is_estimate and value else value,
        format_rate(percent) if percent is not None else "",
        format_measure(b.progress.remaining, unit),
        b.progress.status.label,
    )


def locality_table(b: Breakdown) -> Table:
    """An indicator over every locality, with the localities' totals."""
    rows = [
        Row((str(i), *_locality_cells(r.locality, r, b.unit)))
        for i, r in enumerate(b.rows, start=1)
    ]
    total_percent = (
        b.total_value / b.total_target * 100
        if b.total_value is not None and b.total_target
        else None
    )
    remaining = (
        max(0.0, b.total_target - b.total_value)
        if b.total_target is not None and b.total_value is not None
        else None
    )
    rows.append(
        Row(
            (
                "",
                "Tổng cộng toàn tỉnh",
                format_measure(b.total_target, b.unit),
                format_measure(b.total_value, b.unit),
                format_rate(total_percent) if total_percent is not None else "",
                format_measure(remaining, b.unit),
                "",
            ),
            total=True,
        )
    )
    return Table(LOCALITY_COLUMNS, rows)


ONE_LOCALITY_COLUMNS = [
    Column("STT", 10, Align.CENTER),
    Column("Chỉ tiêu", 45),
    Column("Đơn vị tính", 18),
    Column("Kế hoạch", 20, Align.RIGHT),
    Column("Thực hiện", 20, Align.RIGHT),
    Column("So với kế hoạch (%)", 16, Align.RIGHT),
    Column("Còn phải thực hiện", 18, Align.RIGHT),
    Column("Đánh giá", 18, Align.CENTER),
]


def one_locality_table(breakdowns: list[tuple[Breakdown, BreakdownRow | None]]) -> Table:
    """One locality's own figures, an indicator a row."""
    rows = []
    for i, (b, own) in enumerate(breakdowns, start=1):
        cells = _locality_cells(b.indicator, own, b.unit)
        rows.append(Row((str(i), cells[0], b.unit, *cells[1:])))
    return Table(ONE_LOCALITY_COLUMNS, rows)
