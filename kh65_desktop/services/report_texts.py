"""The clerk's narrative sections of a report (table report_text), per agency and period.

Read as the report builder takes them (domain/report_texts.AgencyTexts), saved one section at
a time in one transaction (an empty text is no row), the previous period's text offered as a
start, and the guarded write an undo or redo makes: like services/guarded_edits.py, it puts a
section back only while it is still as the command's own write left it, so an undo never
eats a later edit (typed in another window, or brought by an import).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..domain.figure_rules import clean_text
from ..domain.report_texts import AgencyTexts
from ..domain.terms import SectionKind
from ..storage.assignments import led_tasks
from ..storage.models import Agency, Period, Plan, ReportText
from ..storage.sections_file import AGENCIES_KEY, TASKS_KEY, SectionsFile, SectionsPart
from ..storage.stored_dates import as_stored

TEXT_FIELD = "report_text"  # its length limit: domain/figure_rules.TEXT_LIMITS
# The sections a clerk writes besides the tasks' results, in the order a report prints them.
SECTIONS = tuple(k for k in SectionKind if k is not SectionKind.TASK_RESULT)


@dataclass(frozen=True)
class SectionKey:
    """Which section: `agency_id` None is the consolidating office's own text for the
    province report; `task_id` only for SectionKind.TASK_RESULT."""

    period_id: int
    agency_id: int | None
    kind: SectionKind
    task_id: int | None = None


@dataclass(frozen=True)
class SectionState:
    """A section as stored: its text, who wrote it and when."""

    text: str
    updated_by: str
    updated_at: datetime

    def same_as(self, other: SectionState | None) -> bool:
        return (
            other is not None
            and self.text == other.text
            and self.updated_by == other.updated_by
            and as_stored(self.updated_at) == as_stored(other.updated_at)
        )


@dataclass(frozen=True)
class AgencyTask:
    """A task an agency leads: its result is one of the agency's sections."""

    id: int
    code: str
    text: str


def _state(row: ReportText | None) -> SectionState | None:
    return SectionState(row.text, row.updated_by, row.updated_at) if row is not None else None


def _row(session: Session, key: SectionKey) -> ReportText | None:
    query = select(ReportText).where(
        ReportText.period_id == key.period_id,
        ReportText.kind == key.kind,
        sa.func.coalesce(ReportText.agency_id, 0) == (key.agency_id or 0),
        sa.func.coalesce(ReportText.task_id, 0) == (key.task_id or 0),
    )
    return session.exec(query).first()


def section_state(session: Session, key: SectionKey) -> SectionState | None:
    """One section as stored, read in the caller's transaction."""
    return _state(_row(session, key))


def put_section(session: Session, key: SectionKey, state: SectionState | None) -> None:
    """Write one section in the caller's transaction: None (or an empty text) removes it."""
    row = _row(session, key)
    if state is None or not state.text.strip():
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = ReportText(
            period_id=key.period_id,
            agency_id=key.agency_id,
            kind=key.kind,
            task_id=key.task_id,
            text=state.text,
            updated_at=state.updated_at,
        )
    row.text, row.updated_by, row.updated_at = state.text, state.updated_by, state.updated_at
    session.add(row)


def checked_text(text: str, kind: SectionKind) -> str:
    """The text as stored (figure_rules' text rules); RuleError when refused. Blank is ""."""
    cleaned = clean_text(text, TEXT_FIELD, kind.label)
    return cleaned if cleaned.strip() else ""


class ReportTextService:
    """Reads and writes the narrative sections, each write in one short transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # -- reading -----------------------------------------------------------------------------
    def stored(self, period_id: int, agency_id: int | None) -> dict[SectionKey, SectionState]:
        """Every stored section of one agency (None: the office's own) in one period."""
        with self._session() as session:
            rows = session.exec(
                select(ReportText).where(
                    ReportText.period_id == period_id,
                    sa.func.coalesce(ReportText.agency_id, 0) == (agency_id or 0),
                )
            )
            return {
                SectionKey(r.period_id, r.agency_id, SectionKind(r.kind), r.task_id): SectionState(
                    r.text, r.updated_by, r.updated_at
                )
                for r in rows
            }

    def state(self, key: SectionKey) -> SectionState | None:
        with self._session() as session:
            return _state(_row(session, key))

    def tasks_of(self, plan: Plan, agency_id: int) -> list[AgencyTask]:
        """The tasks an agency leads, in the plan's order: its report lists their results."""
        with self._session() as session:
            tasks = led_tasks(session, plan.id, agency_id)
            return [AgencyTask(t.id or 0, t.code, t.text) for t in tasks]

    def agency_texts(self, plan: Plan, period: Period, agency: Agency | None) -> AgencyTexts:
        """One agency's sections for a period, as the builder takes them (agency None: the
        consolidating office's own, named "")."""
        assert period.id is not None
        agency_id = agency.id if agency is not None else None
        stored = self.stored(period.id, agency_id)
        codes = {t.id: t.code for t in self.tasks_of(plan, agency_id)} if agency_id else {}
        sections: dict[SectionKind, str] = {}
        results: dict[str, str] = {}
        for key, state in stored.items():
            if key.kind is SectionKind.TASK_RESULT:
                if key.task_id in codes:  # a task no longer the agency's is not its to report
                    results[codes[key.task_id]] = state.text
            else:
                sections[key.kind] = state.text
        order = list(codes.values())
        return AgencyTexts(
            agency.name if agency is not None else "",
            {k: sections[k] for k in SECTIONS if k in sections},
            {code: results[code] for code in order if code in results},
        )

    def province_texts(self, plan: Plan, period: Period) -> list[AgencyTexts]:
        """The province report's: the office's own first (named ""), then each agency that
        has written something, in the agencies' order, under its name."""
        with self._session() as session:
            agencies = list(session.exec(select(Agency).order_by(col(Agency.position))))
            writing = set(
                session.exec(
                    select(ReportText.agency_id).where(ReportText.period_id == period.id).distinct()
                )
            )
        found = [self.agency_texts(plan, period, a) for a in agencies if a.id in writing]
        return [self.agency_texts(plan, period, None), *(t for t in found if not t.empty)]

    def for_report(
        self, plan: Plan, period: Period | None, agency: Agency | None, province: bool
    ) -> list[AgencyTexts]:
        """What ReportOptions.texts holds: the province report's set, an agency report's own
        sections, nothing for a report by district."""
        if period is None:
            return []
        if province:
            return self.province_texts(plan, period)
        return [self.agency_texts(plan, period, agency)] if agency is not None else []

    def with_file(
        self,
        file: SectionsFile,
        plan: Plan,
        period: Period,
        agency: Agency | None,
        province: bool,
        saved: list[AgencyTexts],
    ) -> list[AgencyTexts]:
        """The report's sections with a `--sections` file's over the saved ones (a section the
        file gives empty is left out); SectionsFileError names the line of a code that is
        not the plan's (an agency, or a task the agency does not lead)."""
        by_name = {t.agency_name: t for t in saved}
        if not province:
            if file.agencies_line is not None:
                raise file.refuse(
                    file.agencies_line,
                    f"bảng “{AGENCIES_KEY}” chỉ dùng cho báo cáo toàn tỉnh; báo cáo của một "
                    "cơ quan ghi các phần ngay ở đầu tệp.",
                )
            assert agency is not None
            return [self._merged(file, file.own, plan, agency, by_name.get(agency.name))]
        if file.own.task_results:
            raise file.refuse(
                min(file.own.task_lines.values()),
                f"báo cáo toàn tỉnh ghi kết quả nhiệm vụ trong bảng của cơ quan chủ trì "
                f"([{AGENCIES_KEY}.MÃ.{TASKS_KEY}]).",
            )
        with self._session() as session:
            agencies = list(session.exec(select(Agency).order_by(col(Agency.position))))
        codes = {a.code: a for a in agencies}
        for code, part in file.agencies.items():
            if code not in codes:
                raise file.refuse(
                    part.line, f"không có cơ quan mã “{code}” trong danh sách cơ quan."
                )
        own = self._merged(file, file.own, plan, None, by_name.get(""))
        parts = {codes[c].id: p for c, p in file.agencies.items()}
        found = [
            self._merged(file, parts[a.id], plan, a, by_name.get(a.name))
            if a.id in parts
            else by_name.get(a.name)
            for a in agencies
        ]
        return [own, *(t for t in found if t is not None and not t.empty)]

    def _merged(
        self,
        file: SectionsFile,
        part: SectionsPart,
        plan: Plan,
        agency: Agency | None,
        saved: AgencyTexts | None,
    ) -> AgencyTexts:
        tasks = [t.code for t in self.tasks_of(plan, agency.id)] if agency and agency.id else []
        for code, line in part.task_lines.items():
            if code not in tasks:
                whose = agency.name if agency is not None else ""
                raise file.refuse(line, f"“{code}” không phải mã một nhiệm vụ do {whose} chủ trì.")
        sections = {**(saved.sections if saved else {}), **part.sections}
        results = {**(saved.task_results if saved else {}), **part.task_results}
        return AgencyTexts(
            agency.name if agency is not None else "",
            {k: sections[k] for k in SECTIONS if sections.get(k, "").strip()},
            {c: results[c] for c in tasks if results.get(c, "").strip()},
        )

    def previous_period(self, plan: Plan, period: Period) -> Period | None:
        """The latest period of the plan ending before this one, of any kind."""
        with self._session() as session:
            return session.exec(
                select(Period)
                .where(Period.plan_id == plan.id, Period.ends_on < period.ends_on)
                .order_by(col(Period.ends_on).desc(), col(Period.id).desc())
            ).first()

    def previous_texts(
        self, plan: Plan, period: Period, agency_id: int | None
    ) -> dict[tuple[SectionKind, int | None], str]:
        """The previous period's sections of the same agency, keyed by (kind, task id): what
        the draft offers as a start for each section."""
        previous = self.previous_period(plan, period)
        if previous is None or previous.id is None:
            return {}
        return {(k.kind, k.task_id): s.text for k, s in self.stored(previous.id, agency_id).items()}

    # -- writing -----------------------------------------------------------------------------
    def save(
        self, key: SectionKey, text: str, by: str, now: datetime | None = None
    ) -> tuple[SectionState | None, SectionState | None]:
        """Save one section in one transaction (an empty text removes it); returns (what it
        was, what it is now) for the undo. A text outside the rules raises RuleError and
        nothing is written."""
        text = checked_text(text, key.kind)
        new = SectionState(text, by, now or datetime.now(UTC)) if text else None
        with self._session() as session, session.begin():
            old = _state(_row(session, key))
            put_section(session, key, new)
        return old, new

    def put_unless_changed(
        self, key: SectionKey, state: SectionState | None, expected: SectionState | None
    ) -> bool:
        """Write `state` (None: remove) only if the section is still `expected` (the state
        the command's own write left); False, nothing written, when someone wrote it since."""
        with self._session() as session, session.begin():
            now = _state(_row(session, key))
            still = now is None if expected is None else expected.same_as(now)
            if not still:
                return False
            put_section(session, key, state)
        return True
