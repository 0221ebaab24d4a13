"""The three reports, built from the service layer into the report model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from ..domain.consistency import Finding
from ..domain.numbers import format_date, format_date_long, format_number, format_quantity
from ..domain.report_texts import AgencyTexts
from ..domain.terms import AgencyKind, Status
from ..domain.text import fold
from ..services.checks import find_disagreements
from ..services.display import value_text
from ..services.organisations import agency_name_for, planning_office_name
from ..services.overview import status_counts
from ..services.plan_service import PlanService
from ..services.rows import Breakdown, IndicatorRow
from ..storage.models import Agency, Period, Plan
from .document import Align, Column, Heading, Letterhead, Paragraph, Picture, Report, Row, Table

# a chart as one picture, or several when it is split across pages (charts/paper.py)
ChartRenderer = Callable[[list[IndicatorRow], Path], Path | list[Path]]
PROVINCE = "UBND TỈNH TRÀ VINH"


class ReportKind(StrEnum):
    AGENCY = "agency"  # what a department or district sends to the planning department
    PROVINCE = "province"  # the planning department's report over all agencies
    LOCALITY = "locality"  # an indicator (or all) by district


@dataclass
class ReportOptions:
    """What the clerk chose; `letterhead` holds the variable parts of the document."""

    kind: ReportKind
    letterhead: Letterhead
    agency: Agency | None = None
    period: Period | None = None
    indicator_codes: list[str] = field(default_factory=list)  # locality report: which ones
    include_tasks: bool = True
    include_assessment: bool = True
    include_notes: bool = False  # the document-check findings as notes
    include_charts: bool = False
    chart_renderer: ChartRenderer | None = None
    workdir: Path | None = None  # where chart images are written
    # The clerk's narrative sections: for an agency report its own; for the province report
    # the consolidating office's own (agency_name "") first, then each agency's under its name
    texts: list[AgencyTexts] = field(default_factory=list)


def abbreviation(name: str) -> str:
    """ "Sở Kế hoạch và Đầu tư" -> "SKHĐT": initials, keeping Đ, skipping "và" and "tỉnh"."""
    if fold(name).startswith("uy ban nhan dan"):
        return "UBND"
    words = [w for w in name.replace("-", " ").split() if fold(w) not in ("va", "tinh")]
    return "".join(w[0].upper() for w in words)


def default_letterhead(
    plan: Plan,
    kind: ReportKind,
    agency: Agency | None,
    period: Period | None,
    today: date,
    planning_office: str | None = None,
) -> Letterhead:
    """Sensible defaults a clerk then corrects: issuing body, recipients, signing authority.
    `planning_office`: the consolidating office's name at the period's end
    (services/organisations.planning_office_name)."""
    planning = kind is ReportKind.PROVINCE or agency is None
    office = planning_office or "Sở Kế hoạch và Đầu tư"
    name = office if planning else agency.name  # type: ignore[union-attr]
    district = agency is not None and agency.kind is AgencyKind.DISTRICT and not planning
    period_name = period.name if period else f"năm {plan.year}"
    subject = (
        f"Kết quả thực hiện Kế hoạch số {plan.number} ngày {format_date(plan.issued_on)} "
        f"của UBND tỉnh, {period_name}"
    )
    recipients = ["Ủy ban nhân dân tỉnh"] if planning else [office]
    copies = ["Như trên", "Lưu: VT, TH"]
    if not planning:
        copies.insert(1, "UBND tỉnh (b/c)")
    else:
        copies[1:1] = ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]
    return Letterhead(
        parent_body="" if district else PROVINCE,
        issuing_body=name.upper() if not district else f"ỦY BAN NHÂN DÂN\n{_place_of(name)}",
        number="",
        symbol=f"BC-{abbreviation(name)}",
        place=plan.place,
        issued_on=today,
        subject=subject,
        recipients=recipients,
        copies_to=copies,
        authority="TM. ỦY BAN NHÂN DÂN" if district else "KT. GIÁM ĐỐC",
        signer_title="CHỦ TỊCH" if district else "PHÓ GIÁM ĐỐC",
        signer_name="",
    )


def _place_of(name: str) -> str:
    """ "Ủy ban nhân dân huyện Càng Long" -> "HUYỆN CÀNG LONG"."""
    return name.split(" dân ", 1)[-1].upper()


INDICATOR_COLUMNS = [
    Column("STT", 10, Align.CENTER),
    Column("Chỉ tiêu", 46),
    Column("Đơn vị tính", 17),
    Column("Kế hoạch năm", 22, Align.RIGHT),
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
LOCALITY_COLUMNS = [
    Column("STT", 10, Align.CENTER),
    Column("Địa phương", 41),
    Column("Kế hoạch", 22, Align.RIGHT),
    Column("Thực hiện", 22, Align.RIGHT),
    Column("So với kế hoạch (%)", 22, Align.RIGHT),
    Column("Còn phải thực hiện", 24, Align.RIGHT),
    Column("Đánh giá", 24, Align.CENTER),
]


def indicator_cells(number: str, row: IndicatorRow, period: Period | None) -> tuple[str, ...]:
    value = value_text(row.latest)
    if row.latest is not None and period is not None and row.latest.period_id != period.id:
        value += f" ({row.latest.period_name})"
    percent = row.progress.percent_of_plan
    return (
        number,
        row.name,
        row.unit,
        row.target_display,
        value,
        format_number(percent, 2) if percent is not None else "",
        format_number(row.progress.remaining),
        row.progress.status.label,
    )


def indicator_table(rows: list[IndicatorRow], period: Period | None) -> Table:
    """Grouped as the plan groups them; "trong đó" rows get a dash, not a number."""
    table = Table(INDICATOR_COLUMNS, [])
    group, number = None, 0
    for row in rows:
        if row.group_heading != group:
            group, number = row.group_heading, 0
            table.rows.append(Row((row.group_code, group), group=True))
        if row.parent_code:
            table.rows.append(Row(indicator_cells("-", row, period)))
        else:
            number += 1
            table.rows.append(Row(indicator_cells(str(number), row, period)))
    return table


def assessment(rows: list[IndicatorRow], who: str) -> list[Paragraph]:
    """Counts by status, then what each lagging indicator still needs per month."""
    counts = status_counts(rows)
    text = (
        f"Trong {len(rows)} chỉ tiêu {who}, có {counts[Status.MET]} chỉ tiêu đạt, "
        f"{counts[Status.ON_TRACK]} chỉ tiêu đúng tiến độ, {counts[Status.LAGGING]} chỉ "
        f"tiêu chậm tiến độ, {counts[Status.AT_RISK]} chỉ tiêu có nguy cơ không đạt và "
        f"{counts[Status.NO_DATA]} chỉ tiêu chưa đủ số liệu để đánh giá."
    )
    parts = [Paragraph(text)]
    for row in rows:
        p = row.progress
        if p.status not in (Status.LAGGING, Status.AT_RISK) or p.remaining is None:
            continue
        line = (
            f"- {row.name}: đạt {format_number(p.percent_of_plan, 2)}% kế hoạch, còn phải "
            f"thực hiện {format_quantity(p.remaining, row.unit)}"
        )
        if p.required_monthly_pace:
            line += (
                f"; bình quân mỗi tháng cần {format_quantity(p.required_monthly_pace, row.unit)}"
            )
        parts.append(Paragraph(line + "."))
    return parts


def _notes(findings: list[Finding], codes: set[str]) -> list[Paragraph]:
    mine = [f for f in findings if f.indicator_code in codes]
    if not mine:
        return []
    return [Paragraph("Ghi chú đối chiếu số liệu của văn bản:", indent=False)] + [
        Paragraph(f"- {f.message}", indent=False) for f in mine
    ]


def _opening(plan: Plan, who: str, period: Period | None) -> Paragraph:
    period_name = period.name if period else f"năm {plan.year}"
    return Paragraph(
        f"Thực hiện Kế hoạch số {plan.number} {format_date_long(plan.issued_on)} của "
        f"{plan.issuing_body} về {plan.title[0].lower() + plan.title[1:]}, {who} báo cáo kết "
        f"quả thực hiện {period_name} như sau:"
    )


class ReportBuilder:
    """Reads what a report needs through the services and lays it out as parts."""

    def __init__(self, plans: PlanService, plan: Plan, today: date) -> None:
        self.plans, self.plan, self.today = plans, plan, today

    def build(self, options: ReportOptions) -> Report:
        report = Report(options.letterhead)
        if options.kind is ReportKind.LOCALITY:
            self._locality(report, options)
        else:
            self._indicators(report, options)
        last = report.parts[-1]
        if isinstance(last, Paragraph):
            report.parts[-1] = Paragraph(last.text.rstrip(".") + "./.", last.indent)
        else:
            report.add(Paragraph("./.", indent=False))
        return report

    def _who(self, options: ReportOptions) -> str:
        """Who reports, named as at the period's end (services/organisations.py)."""
        engine, period = self.plans.engine, options.period
        if options.kind is ReportKind.PROVINCE or options.agency is None:
            return planning_office_name(engine, self.plan, period) or "Sở Kế hoạch và Đầu tư"
        return agency_name_for(engine, options.agency, self.plan, period)

    def rows_for(self, options: ReportOptions) -> list[IndicatorRow]:
        """The indicators a report covers: an agency's own, or all of the plan's."""
        rows = self.plans.indicator_rows(self.plan, options.period)
        if options.kind is ReportKind.AGENCY and options.agency is not None:
            rows = [r for r in rows if options.agency.id in r.lead_ids]
        return rows

    def _indicators(self, report: Report, options: ReportOptions) -> None:
        rows = self.rows_for(options)
        who = self._who(options)
        report.add(_opening(self.plan, who, options.period))
        report.add(
            Heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"), indicator_table(rows, options.period)
        )
        if options.include_notes:
            findings = find_disagreements(self.plans.engine, self.plan)
            report.add(*_notes(findings, {r.code for r in rows}))
        if options.include_charts and options.chart_renderer and options.workdir and rows:
            images = options.chart_renderer(rows, options.workdir / "tien-do.png")
            for n, image in enumerate(images if isinstance(images, list) else [images]):
                caption = "Biểu đồ tiến độ thực hiện các chỉ tiêu" + (" (tiếp theo)" if n else "")
                report.add(Picture(image, 165, caption))
        number = 1
        if options.include_assessment:
            number += 1
            scope = "được giao chủ trì" if options.kind is ReportKind.AGENCY else "của kế hoạch"
            report.add(Heading(f"{_roman(number)}. ĐÁNH GIÁ CHUNG"), *assessment(rows, scope))
        if options.include_tasks:
            number += 1
            report.add(
                Heading(f"{_roman(number)}. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP"),
                self._task_table(options),
            )
        report.add(
            Paragraph(
                f"Trên đây là báo cáo kết quả thực hiện Kế hoạch số {self.plan.number} của {who}."
            )
        )

    def _task_table(self, options: ReportOptions) -> Table:
        tasks = self.plans.tasks(self.plan, self.today)
        if options.kind is ReportKind.AGENCY and options.agency is not None:
            tasks = [t for t in tasks if options.agency.id in t.lead_ids]
        rows = [
            Row(
                (
                    str(i),
                    t.text,
                    format_date(t.deadline) if t.deadline else t.deadline_text,
                    t.status.label + (" (quá hạn)" if t.urgency.value == "overdue" else ""),
                )
            )
            for i, t in enumerate(tasks, start=1)
        ]
        return Table(TASK_COLUMNS, rows)

    def _locality(self, report: Report, options: ReportOptions) -> None:
        period = options.period or self.plans.periods(self.plan)[-1]
        indicators = self.plans.breakdown_indicators(self.plan)
        if options.indicator_codes:
            indicators = [i for i in indicators if i.code in options.indicator_codes]
        report.add(_opening(self.plan, self._who(options), period))
        for number, indicator in enumerate(indicators, start=1):
            assert indicator.id is not None
            breakdown = self.plans.breakdown(self.plan, indicator.id, period)
            report.add(
                Heading(f"{_roman(number)}. {indicator.name.upper()}"),
                locality_table(breakdown),
                Paragraph(_totals_sentence(breakdown)),
            )
        report.add(Paragraph("Trên đây là báo cáo kết quả thực hiện theo địa bàn."))


def locality_table(b: Breakdown) -> Table:
    rows = []
    for i, r in enumerate(b.rows, start=1):
        percent = r.progress.percent_of_plan
        rows.append(
            Row(
                (
                    str(i),
                    r.locality,
                    format_number(r.target),
                    format_number(r.value),
                    format_number(percent, 2) if percent is not None else "",
                    format_number(r.progress.remaining),
                    r.progress.status.label,
                )
            )
        )
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
                format_number(b.total_target),
                format_number(b.total_value),
                format_number(total_percent, 2) if total_percent is not None else "",
                format_number(remaining),
                "",
            ),
            total=True,
        )
    )
    return Table(LOCALITY_COLUMNS, rows)


def _totals_sentence(b: Breakdown) -> str:
    """The districts' totals against the province's figures; a figure missing on either side
    is said, never counted as agreement."""
    agree, disagree, missing = [], [], []
    for label, total, province, matches in (
        ("kế hoạch", b.total_target, b.province_target, b.target_matches),
        ("thực hiện", b.total_value, b.province_value, b.value_matches),
    ):
        if total is None or province is None:  # `matches` says yes to a missing figure
            side = "của các địa phương" if total is None else "toàn tỉnh"
            missing.append(f"{label} (chưa có số {side})")
        elif matches:
            agree.append(f"{label} {format_quantity(province, b.unit)}")
        else:
            disagree.append(
                f"{label}: tổng các địa phương {format_number(total)}, toàn tỉnh "
                f"{format_number(province)}"
            )
    sentences = []
    if agree:
        sentences.append(f"Tổng các địa phương khớp với số liệu toàn tỉnh về {' và '.join(agree)}.")
    if disagree:
        sentences.append(f"Lưu ý: chưa khớp với số liệu toàn tỉnh về {'; '.join(disagree)}.")
    if missing:
        sentences.append(f"Chưa đối chiếu được {' và '.join(missing)}.")
    return " ".join(sentences)


def _roman(number: int) -> str:
    """Section numbers: 1 -> "I", 14 -> "XIV"."""
    text = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            text, number = text + letters, number - value
    return text
