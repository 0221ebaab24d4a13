"""The three reports, built from the service layer into the report model.

The outline follows report-content.md: I. Đặc điểm tình hình (the clerk's text) → II. Kết
quả thực hiện (1. the indicators, a sentence each, then the table; 2. the tasks, counted,
then each with what was done) → III. Tồn tại, hạn chế và nguyên nhân → IV. Nhiệm vụ, giải
pháp thời gian tới → V. Kiến nghị, đề xuất. A section with nothing to say is left out and
the numbers stay consecutive. Statuses and deadlines are judged at the period's cut-off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from ..domain import progress as prog
from ..domain.consistency import Finding
from ..domain.numbers import format_date, format_date_long, format_number
from ..domain.periods import counted_to
from ..domain.report_texts import AgencyTexts
from ..domain.terms import AgencyKind, StatedKind, Status, TargetForm
from ..domain.text import fold
from ..services.checks import find_disagreements
from ..services.organisations import agency_name_for, planning_office_name
from ..services.plan_service import PlanService
from ..services.report_facts import ReportFacts, report_facts
from ..services.rows import Breakdown, IndicatorRow, TaskRow
from ..storage.models import Agency, Locality, Period, Plan
from ..storage.plan_file import DOCUMENT_AUTHOR
from .document import Letterhead, Paragraph, Part, Picture, Report
from .sections import CLOSING_SECTIONS, SITUATION, Numbered, Outline, narrative, roman
from .sentences import (
    SamePeriod,
    indicator_sentence,
    quantity,
    same_period_of,
    status_sentence,
    task_count_sentence,
)
from .tables import (
    STATED_NOTE,
    has_stated,
    indicator_table,
    locality_table,
    one_locality_table,
    task_table,
)

# a chart as one picture, or several when it is split across pages (charts/paper.py)
ChartRenderer = Callable[[list[IndicatorRow], Path], Path | list[Path]]


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
    # The province report from approved figures only (services/consolidation.py): the
    # agencies whose figures for the period are approved; an indicator is reported when all
    # its leads are among them (the office's own, unassigned ones always). None: every one.
    approved_leads: frozenset[int] | None = None


def abbreviation(name: str) -> str:
    """ "Sở Kế hoạch và Đầu tư" -> "SKHĐT": initials, keeping Đ, skipping "và" and "tỉnh"."""
    if fold(name).startswith("uy ban nhan dan"):
        return "UBND"
    words = [w for w in name.replace("-", " ").split() if fold(w) not in ("va", "tinh")]
    return "".join(w[0].upper() for w in words)


def province_line(plan: Plan) -> str:
    """The parent body above a department's name, from the plan's issuer: "Ủy ban nhân dân
    tỉnh Trà Vinh" -> "UBND TỈNH TRÀ VINH"."""
    body = plan.issuing_body.strip()
    if fold(body).startswith("uy ban nhan dan "):
        body = "UBND " + body[len("Ủy ban nhân dân ") :]
    return body.upper()


def consolidating_office(plans: PlanService, plan: Plan, period: Period | None = None) -> str:
    """The agency that consolidates the plan (its owner_code, or the successor of an owner
    merged by then), by its name at the period's end; the plan's issuer when it names none."""
    return planning_office_name(plans.engine, plan, period) or plan.issuing_body


# The kinds of local unit an agency's name may carry before the place's own name.
_LOCAL_KINDS = ("thành phố", "thị xã", "thị trấn", "huyện", "quận", "phường", "xã")


def place_name(agency_name: str) -> str:
    """ "Ủy ban nhân dân huyện Càng Long" -> "Càng Long": the date line's place."""
    rest = agency_name.split(" dân ", 1)[-1].strip()
    for kind in _LOCAL_KINDS:
        if fold(rest).startswith(fold(kind) + " "):
            return rest[len(kind) + 1 :].strip()
    return rest


def default_letterhead(
    plan: Plan,
    kind: ReportKind,
    agency: Agency | None,
    period: Period | None,
    today: date,
    office: str = "",
) -> Letterhead:
    """Sensible defaults a clerk then corrects: issuing body, recipients, signing authority.
    `office` is the plan's consolidating office (consolidating_office); without it the
    plan's issuer stands in."""
    office = office or plan.issuing_body
    planning = kind is ReportKind.PROVINCE or agency is None
    name = office if planning else agency.name  # type: ignore[union-attr]
    district = agency is not None and agency.kind is AgencyKind.DISTRICT and not planning
    period_name = in_sentence(period.name) if period else f"năm {plan.year}"
    subject = (
        f"Kết quả thực hiện Kế hoạch số {plan.number} ngày {format_date(plan.issued_on)} "
        f"của UBND tỉnh, {period_name}"
    )
    # the consolidating office's own report goes where the province report goes; compared
    # by name at the period's end, so the successor of a merged owner counts as the office
    to_province = planning or agency.name == office  # type: ignore[union-attr]
    recipients = ["Ủy ban nhân dân tỉnh"] if to_province else [office]
    copies = ["Như trên", "Lưu: VT, TH"]
    if not planning:
        copies.insert(1, "UBND tỉnh (b/c)")
    else:
        copies[1:1] = ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]
    return Letterhead(
        parent_body="" if district else province_line(plan),
        issuing_body=name.upper() if not district else f"ỦY BAN NHÂN DÂN\n{_place_of(name)}",
        number="",
        symbol=f"BC-{abbreviation(name)}",
        place=place_name(name) if district else plan.place,
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


def _notes(findings: list[Finding], codes: set[str]) -> list[Part]:
    mine = [f for f in findings if f.indicator_code in codes]
    if not mine:
        return []
    return [Paragraph("Ghi chú đối chiếu số liệu của văn bản:", indent=False)] + [
        Paragraph(f"- {f.message}", indent=False) for f in mine
    ]


def _plan_name(plan: Plan) -> str:
    """ "Kế hoạch số 65/KH-UBND ngày 04/7/2024 của Ủy ban nhân dân tỉnh Trà Vinh"."""
    return (
        f"{plan.document_type} số {plan.number} ngày {format_date(plan.issued_on)} của "
        f"{plan.issuing_body}"
    )


def _opening(plan: Plan, who: str, period: Period | None) -> Paragraph:
    period_name = in_sentence(period.name) if period else f"năm {plan.year}"
    return Paragraph(
        f"Thực hiện {plan.document_type} số {plan.number} {format_date_long(plan.issued_on)} "
        f"của {plan.issuing_body} về {plan.title[0].lower() + plan.title[1:]}, {who} báo cáo "
        f"kết quả thực hiện {period_name} như sau:"
    )


def _nothing_known(rows: list[IndicatorRow], scope: str, period_name: str) -> str:
    """ "Các chỉ tiêu của kế hoạch chưa có số liệu năm 2026; chỉ tiêu kế hoạch năm chưa
    được nhập." (the second clause only while no indicator has a target figure)."""
    sentence = f"Các chỉ tiêu {scope} chưa có số liệu {period_name}"
    if all(r.target.value is None for r in rows):
        sentence += "; chỉ tiêu kế hoạch năm chưa được nhập"
    return sentence + "."


def in_sentence(name: str) -> str:
    """A period's name inside a sentence: "Năm 2026" -> "năm 2026", "Quý I năm 2026" ->
    "quý I năm 2026"; "6 tháng đầu năm 2024" unchanged."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def _list_name(names: list[str], name: str) -> None:
    """An indicator's name as a list inside a sentence writes it: "tỷ lệ lao động qua đào
    tạo, trong đó có văn bằng …" (a "Trong đó:" row joined to the one before it, first
    letters lowered but for an abbreviation such as "GRDP")."""
    text = name.strip()
    part = fold(text).startswith("trong do:")
    if part:
        text = text.split(":", 1)[1].strip()
    if len(text) > 1 and not text[:2].isupper():
        text = text[0].lower() + text[1:]
    if part and names:
        names[-1] = f"{names[-1]}, trong đó {text}"
    else:
        names.append(text)


def cutoff(period: Period | None) -> date | None:
    """The day a period's figures are counted to (Decree 09), else its last day."""
    return None if period is None else counted_to(period)


def _closing(plan: Plan, who: str, recipients: list[str], to_committee: bool) -> Paragraph:
    """ "Trên đây là báo cáo kết quả thực hiện Kế hoạch số … của Ủy ban nhân dân tỉnh …, Sở
    … báo cáo Sở … xem xét, tổng hợp." """
    to = ", ".join(r.strip().rstrip(";.") for r in recipients if r.strip())
    asks = "xem xét, chỉ đạo" if to_committee else "xem xét, tổng hợp"
    tail = f"{who} báo cáo {to} {asks}." if to else f"{who} trân trọng báo cáo."
    return Paragraph(f"Trên đây là báo cáo kết quả thực hiện {_plan_name(plan)}, {tail}")


def chart_pictures(options: ReportOptions, rows: list[IndicatorRow]) -> list[Picture]:
    """The progress chart when asked for: one picture, or several when the renderer splits
    it across pages (charts/paper.py), the later ones captioned "(tiếp theo)"."""
    if not (options.include_charts and options.chart_renderer and options.workdir and rows):
        return []
    images = options.chart_renderer(rows, options.workdir / "tien-do.png")
    return [
        Picture(
            image, 165, "Biểu đồ tiến độ thực hiện các chỉ tiêu" + (" (tiếp theo)" if n else "")
        )
        for n, image in enumerate(images if isinstance(images, list) else [images])
    ]


class ReportBuilder:
    """Reads what a report needs through the services and lays it out as parts."""

    def __init__(self, plans: PlanService, plan: Plan, today: date) -> None:
        self.plans, self.plan, self.today = plans, plan, today

    def build(self, options: ReportOptions) -> Report:
        report = Report(options.letterhead)
        if options.kind is not ReportKind.PROVINCE:  # one agency's texts: its own, unnamed
            options = replace(options, texts=[replace(t, agency_name="") for t in options.texts])
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
            return consolidating_office(self.plans, self.plan, period)
        return agency_name_for(engine, options.agency, self.plan, period)

    def _to_committee(self, options: ReportOptions) -> bool:
        """The consolidating office's reports go to the People's Committee, to direct;
        the others to the office, to consolidate."""
        if options.kind is ReportKind.PROVINCE or options.agency is None:
            return True
        return self._who(options) == consolidating_office(self.plans, self.plan, options.period)

    def _period_name(self, options: ReportOptions) -> str:
        return in_sentence(options.period.name) if options.period else f"năm {self.plan.year}"

    def rows_for(self, options: ReportOptions) -> list[IndicatorRow]:
        """The indicators a report covers: an agency's own, or all of the plan's; for the
        report by locality the indicators it prints (a district's own figures)."""
        if options.kind is ReportKind.LOCALITY:
            return self._locality_rows(options)
        rows = self.plans.indicator_rows(self.plan, options.period)
        if options.kind is ReportKind.AGENCY and options.agency is not None:
            rows = [r for r in rows if options.agency.id in r.lead_ids]
        if options.kind is ReportKind.PROVINCE and options.approved_leads is not None:
            rows = [r for r in rows if set(r.lead_ids) <= options.approved_leads]
        return rows

    def tasks_for(self, options: ReportOptions) -> list[TaskRow]:
        """The tasks a report covers, overdue or due soon as they stood at the cut-off: a
        report written later says nothing new of a task that was on time then."""
        as_of = cutoff(options.period) or self.today
        tasks = self.plans.tasks(self.plan, as_of)
        if options.kind is ReportKind.AGENCY and options.agency is not None:
            tasks = [t for t in tasks if options.agency.id in t.lead_ids]
        return tasks

    def _cutoff_sentence(self, options: ReportOptions) -> list[Part]:
        day = cutoff(options.period)
        return [Paragraph(f"Số liệu tính đến ngày {format_date(day)}.")] if day else []

    def _indicators(self, report: Report, options: ReportOptions) -> None:
        rows = self.rows_for(options)
        tasks = self.tasks_for(options) if options.include_tasks else []
        who = self._who(options)
        report.add(_opening(self.plan, who, options.period), *self._cutoff_sentence(options))
        outline = Outline()
        report.add(*outline.section(SITUATION[0], narrative(options.texts, SITUATION[1])))
        results = Numbered()
        figures = results.item("Các chỉ tiêu kế hoạch", self._figures(rows, options))
        work = results.item("Các nhiệm vụ được giao", self._tasks(tasks, options))
        report.add(*outline.section("Kết quả thực hiện", figures + work))
        for title, kinds in CLOSING_SECTIONS:
            report.add(*outline.section(title, narrative(options.texts, kinds)))
        if outline.count == 0:
            report.add(
                Paragraph(
                    f"Trong {self._period_name(options)}, {who} không có chỉ tiêu, nhiệm vụ "
                    f"nào theo {_plan_name(self.plan)} cần báo cáo."
                )
            )
        report.add(
            _closing(self.plan, who, options.letterhead.recipients, self._to_committee(options))
        )

    def _same_period(
        self, row: IndicatorRow, facts: ReportFacts, period: Period | None
    ) -> SamePeriod:
        # The plan's own cùng kỳ figure speaks of a period before the plan was issued.
        applies = period is not None and period.ends_on <= self.plan.issued_on
        return same_period_of(row, facts.same_period.get(row.id), applies)

    def _figures(self, rows: list[IndicatorRow], options: ReportOptions) -> list[Part]:
        """A lead-in, a sentence per indicator, the counts, the table and what goes with it."""
        if not rows:
            return []
        period = options.period
        period_id = period.id if period else None
        facts = report_facts(self.plans.engine, self.plan, period)
        rows = [self._judged_by_stated_share(r, facts) for r in rows]
        scope = "được giao chủ trì" if options.kind is ReportKind.AGENCY else "của kế hoạch"
        said: list[tuple[str, bool]] = []
        unknown: list[str] = []
        for row in rows:
            sentence = indicator_sentence(
                row, facts, self._same_period(row, facts, period), period_id
            )
            if sentence is None:
                _list_name(unknown, row.name)
            else:
                said.append(
                    (sentence, row.latest is not None and row.latest.entered_by == DOCUMENT_AUTHOR)
                )
        parts: list[Part] = []
        period_name = self._period_name(options)
        plan_name = f"{self.plan.document_type} số {self.plan.number}"
        if rows and not said:  # a year just begun: one sentence, not a table of blanks
            return [Paragraph(_nothing_known(rows, scope, period_name))]
        if said:
            if all(from_plan for _, from_plan in said):
                lead = (
                    f"Theo số liệu nêu tại {_plan_name(self.plan)}, kết quả {period_name} của "
                    f"các chỉ tiêu {scope} như sau:"
                )
            else:
                lead = f"Kết quả thực hiện các chỉ tiêu {scope} {period_name} như sau:"
            parts.append(Paragraph(lead))
            every = all(from_plan for _, from_plan in said)
            for sentence, from_plan in said:
                mark = f" (theo {plan_name})" if from_plan and not every else ""
                parts.append(Paragraph(f"- {sentence[0].upper()}{sentence[1:]}{mark}."))
        if unknown:
            parts.append(Paragraph(f"Chưa có số liệu {period_name} của: {'; '.join(unknown)}."))
        if options.include_assessment:
            counts = status_sentence(rows, scope)
            if counts:
                parts.append(Paragraph(f"Đánh giá chung: {counts[0].lower()}{counts[1:]}"))
        table = indicator_table(rows, period_id, facts)
        parts.append(Paragraph("Kết quả cụ thể từng chỉ tiêu như bảng sau:"))
        parts.append(table)
        if has_stated(table):
            parts.append(Paragraph(STATED_NOTE, indent=False))
        if options.include_notes:
            findings = find_disagreements(self.plans.engine, self.plan)
            parts += _notes(findings, {r.code for r in rows})
        parts.extend(chart_pictures(options, rows))
        return parts

    def _judged_by_stated_share(self, row: IndicatorRow, facts: ReportFacts) -> IndicatorRow:
        """An amount without a target whose share of plan only the document states (jobs
        "đạt 86,20% kế hoạch") is judged on that share, as the computed share would be;
        the share itself stays the document's (printed as stated)."""
        stated = facts.stated.get((row.id, StatedKind.PERCENT_OF_PLAN))
        latest = row.latest
        if (
            row.progress.status is not Status.NO_DATA
            or stated is None
            or not stated.value
            or latest is None
            or latest.value is None
            or row.target.value is not None
        ):
            return row
        period = self.plans.get(Period, latest.period_id)
        implied = prog.Target(TargetForm.VALUE, latest.value * 100 / stated.value)
        spec = prog.IndicatorSpec(row.kind, row.direction, implied, row.baseline)
        reading = prog.Reading(
            latest.value,
            latest.achieved,
            prog.months_between(self.plan.starts_on, counted_to(period)),
            prog.months_between(self.plan.starts_on, self.plan.ends_on),
        )
        judged = prog.compute(spec, reading)
        return replace(row, progress=prog.Progress(judged.status))

    def _task_results(self, options: ReportOptions) -> dict[str, list[tuple[str, str]]]:
        results: dict[str, list[tuple[str, str]]] = {}
        for texts in options.texts:
            for code, text in texts.task_results.items():
                if text.strip():
                    results.setdefault(code, []).append((texts.agency_name, text.strip()))
        return results

    def _tasks(self, tasks: list[TaskRow], options: ReportOptions) -> list[Part]:
        if not tasks:
            return []
        kinds = (
            {a.id: a.kind for a in self.plans.agencies(self.plan)}
            if options.kind is ReportKind.PROVINCE
            else None
        )
        table = task_table(tasks, self._task_results(options), kinds)
        parts: list[Part] = [Paragraph(task_count_sentence(tasks))]
        parts.append(Paragraph("Tình hình thực hiện từng nhiệm vụ như sau:"))
        parts.append(table)
        footnotes = [t.note for t in tasks if t.note and t.note[0] in "⁽¹²³⁴⁵⁶⁷⁸⁹"]
        parts += [Paragraph(note, indent=False) for note in dict.fromkeys(footnotes)]
        return parts

    # -- the report by locality ------------------------------------------------------------
    def _locality_of(self, options: ReportOptions) -> Locality | None:
        agency = options.agency
        if agency is None or agency.kind is not AgencyKind.DISTRICT or agency.locality_id is None:
            return None
        return self.plans.get(Locality, agency.locality_id)

    def _breakdowns(self, options: ReportOptions) -> list[Breakdown]:
        period = options.period or self.plans.periods(self.plan)[-1]
        indicators = self.plans.breakdown_indicators(self.plan)
        if options.indicator_codes:
            indicators = [i for i in indicators if i.code in options.indicator_codes]
        return [
            self.plans.breakdown(self.plan, i.id, period) for i in indicators if i.id is not None
        ]

    def _locality_rows(self, options: ReportOptions) -> list[IndicatorRow]:
        """The indicators the report by locality prints, as rows for its chart: with the
        district's own figures when it is a district's report."""
        period = options.period or self.plans.periods(self.plan)[-1]
        breakdowns = {b.indicator_id: b for b in self._breakdowns(options)}
        rows = [r for r in self.plans.indicator_rows(self.plan, period) if r.id in breakdowns]
        locality = self._locality_of(options)
        if locality is None:
            return rows
        own_rows = []
        for row in rows:
            own = next((b for b in breakdowns[row.id].rows if b.locality_id == locality.id), None)
            if own is None:
                continue
            latest = row.latest
            if latest is not None:
                latest = replace(latest, value=own.value, is_estimate=own.is_estimate)
            target = replace(row.target, value=own.target, text="")
            own_rows.append(replace(row, target=target, latest=latest, progress=own.progress))
        return own_rows

    def _locality(self, report: Report, options: ReportOptions) -> None:
        period = options.period or self.plans.periods(self.plan)[-1]
        options = replace(options, period=period)
        who = self._who(options)
        report.add(_opening(self.plan, who, period), *self._cutoff_sentence(options))
        breakdowns = self._breakdowns(options)
        locality = self._locality_of(options)
        outline = Outline()
        if not breakdowns:
            report.add(
                Paragraph(
                    f"Trong {in_sentence(period.name)}, chưa có chỉ tiêu nào được giao theo "
                    "địa bàn để báo cáo."
                )
            )
        elif locality is not None:
            pairs = [
                (b, next((r for r in b.rows if r.locality_id == locality.id), None))
                for b in breakdowns
            ]
            parts: list[Part] = [
                Paragraph(
                    f"Kết quả thực hiện các chỉ tiêu trên địa bàn {in_sentence(locality.name)}:"
                ),
                one_locality_table(pairs),
            ]
            report.add(*outline.section("Kết quả thực hiện các chỉ tiêu", parts))
        else:
            for b in breakdowns:
                report.add(
                    *outline.section(
                        b.indicator,
                        [
                            Paragraph(
                                "Kết quả thực hiện theo từng địa phương, "
                                f"{in_sentence(period.name)}:"
                            ),
                            locality_table(b),
                            Paragraph(_totals_sentence(b)),
                        ],
                    )
                )
        if options.include_notes and breakdowns:
            findings = find_disagreements(self.plans.engine, self.plan)
            report.add(*_notes(findings, {r.code for r in self.rows_for(options)}))
        if options.include_charts:
            report.add(*chart_pictures(options, self.rows_for(options)))
        for title, kinds in CLOSING_SECTIONS:
            report.add(*outline.section(title, narrative(options.texts, kinds)))
        report.add(
            _closing(self.plan, who, options.letterhead.recipients, self._to_committee(options))
        )


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
            agree.append(f"{label} {quantity(province, b.unit)}")
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


_roman = roman  # the name older callers import
