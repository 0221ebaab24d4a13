"""Exchange between offices: what a received file would change (the preview), applying it in
one transaction, and undoing it. Who may change what: services/exchange_rights.py; when a
received figure replaces ours and when it is a conflict: domain/conflicts.py."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, true
from sqlmodel import Session, col, select

from ..domain.conflicts import (
    FUTURE_TOLERANCE,
    TemplateVerdict,
    believed,
    ours_is_later,
    same_figure,
    template_action,
    too_late,
    utc,
)
from ..domain.numbers import format_moment, format_number
from ..domain.periods import batch_problem
from ..domain.terms import Direction, IndicatorKind, SectionKind, TargetForm, TaskStatus
from ..exchange.data import (
    ExchangeData,
    ExchangeError,
    TargetData,
    TaskData,
    TextData,
    ValueData,
)
from ..storage.figures import StoredFigure, stored_figures
from ..storage.locks import LOCKED_LABEL, Locks, locked_reason
from ..storage.models import (
    ImportLog,
    Indicator,
    IndicatorGroup,
    Locality,
    Period,
    Plan,
    ReportText,
    Task,
)
from ..storage.stored_dates import from_stored_time
from . import exchange_reviews
from . import exchange_same_period as same_period
from .bulk import paused_gc
from .exchange_rights import SenderRights, sender_rights
from .figure_checks import reviewed
from .kept import KeptItem
from .organisations import plan_mismatch, resolve_code
from .package_keys import foreign_rows, judge_signature


class Action(StrEnum):
    ADD = "add"
    CHANGE = "change"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    REFUSED = "refused"  # not the sender's to change, or stamped in the future: never written

    @property
    def label(self) -> str:
        return {
            "add": "Thêm mới",
            "change": "Thay đổi",
            "unchanged": "Không đổi",
            "conflict": "Xung đột",
            "refused": "Từ chối",
        }[self]


Figure = tuple[float | None, str, bool]  # value, text, is an estimate
# A figure is formatted only when the clerk looks at its row: a package may hold 100.000.
Shown = str | Figure


def _shown(shown: Shown) -> str:
    return shown if isinstance(shown, str) else _value_text(*shown)


@dataclass(slots=True)
class PreviewRow:
    """One thing a file would add or change, shown to the clerk before anything is written."""

    kind: str  # "value", "task", "period", "text" (a report section), "indicator", "target"
    code: str  # the indicator, task or period code
    name: str
    period: str
    locality: str
    was: Shown  # what is here now
    becomes: Shown  # what the file brings
    action: Action
    ours_at: datetime | None = None
    theirs_at: datetime | None = None
    take_theirs: bool = True  # for conflicts: the clerk's choice (default keeps ours)
    payload: Any = None  # what applying it writes
    reason: str = ""  # why it is refused, or why a template row counts as unchanged

    @property
    def old(self) -> str:
        return _shown(self.was)

    @property
    def new(self) -> str:
        return _shown(self.becomes)

    @property
    def applies(self) -> bool:
        return self.action in (Action.ADD, Action.CHANGE) or (
            self.action is Action.CONFLICT and self.take_theirs
        )


@dataclass
class ImportPreview:
    data: ExchangeData
    sender: str
    rows: list[PreviewRow] = field(default_factory=list)
    earlier: ImportLog | None = None  # the same content was imported before
    warnings: list[str] = field(default_factory=list)  # implausible jumps (figure_checks.py)
    signature: Any = None  # package_keys.SignatureVerdict: who signed it, checked

    def counts(self) -> dict[Action, int]:
        tally = Counter(r.action for r in self.rows)
        return {a: tally.get(a, 0) for a in Action}

    @property
    def changes_nothing(self) -> bool:
        return not any(r.applies for r in self.rows)

    @property
    def locked(self) -> int:
        """Refused rows that are figures approved here (storage/locks.py), not the sender's
        fault."""
        return sum(
            1 for r in self.rows if r.action is Action.REFUSED and r.reason.startswith(LOCKED_LABEL)
        )

    @property
    def kept_here(self) -> int:
        """The file's figures (and statuses) left as they are here: conflicts not taken."""
        return sum(1 for r in self.rows if r.action is Action.CONFLICT and not r.take_theirs)


def kept_summary(preview: ImportPreview) -> str:
    """What of the file is not written, and why (the CLI's words; the dialog says the same
    through its translations)."""
    parts = []
    if preview.kept_here:
        parts.append(
            f"giữ nguyên {format_number(preview.kept_here)} số liệu ở đây vì ở đây đã sửa sau "
            "thời điểm trong tệp (xung đột; chọn lấy số trong tệp nếu muốn)"
        )
    if preview.locked:
        parts.append(
            f"bỏ qua {format_number(preview.locked)} số liệu đã được duyệt và đang khóa "
            "(muốn nhận, hãy mở lại kỳ của đơn vị đó, ghi lý do)"
        )
    refused = preview.counts()[Action.REFUSED] - preview.locked
    if refused:
        parts.append(
            f"từ chối {format_number(refused)} dòng không thuộc trách nhiệm của đơn vị gửi "
            "hoặc có thời điểm sai (lý do ở từng dòng)"
        )
    return "; ".join(parts)


def _value_text(value: float | None, text: str, estimate: bool) -> str:
    shown = format_number(value) if value is not None else text
    return f"ước {shown}" if estimate and shown else (shown or "—")


class ExchangeService:
    """Export a plan's figures for an agency; preview, apply and undo received files."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # -- preview -------------------------------------------------------------------------
    @paused_gc()
    def preview(self, plan: Plan, data: ExchangeData) -> ImportPreview:
        """What importing `data` would do, row by row; nothing is written."""
        if data.plan_code != plan.code:
            raise ExchangeError(data.source, plan_mismatch(self.engine, data.plan_code, plan))
        now = datetime.now(UTC)
        made = utc(data.created_at)
        if too_late(made, now):
            raise ExchangeError(
                data.source,
                f"tệp ghi thời điểm lập {moment_text(made)}, muộn hơn giờ của máy này "
                f"({moment_text(now)}): đồng hồ của máy gửi hoặc máy này đang sai. Hãy kiểm tra "
                "ngày giờ hai máy rồi xin gửi lại tệp.",
            )
        with self._session() as session:
            # an old code (a package from before a merge) speaks for its successor
            found = resolve_code(self.engine, data.sender_code, plan.ends_on)
            if found is None:
                raise ExchangeError(
                    data.source,
                    f"đơn vị gửi “{data.sender_name}” (mã "
                    f"{data.sender_code}) không có trong danh sách cơ quan.",
                )
            named, sender = found
            rights = sender_rights(session, plan, sender, data)
            signature = judge_signature(session, data)  # refuses a forged or foreign one
            foreign_rows(data, rights)
            # codes to (id, name) as plain rows: the loop below runs once per figure
            indicators = _named(session, Indicator, Indicator.plan_id == plan.id)
            periods = _named(session, Period, Period.plan_id == plan.id)
            localities = _named(session, Locality, true())
            tasks = {t.code: t for t in session.exec(select(Task).where(Task.plan_id == plan.id))}
            defined = (
                {
                    i.code: i
                    for i in session.exec(select(Indicator).where(Indicator.plan_id == plan.id))
                }
                if data.definitions
                else {}
            )
            sent = {v.indicator for v in data.values}
            current = stored_figures(
                session.connection(),
                (p_id for p_id, _ in periods.values()),
                (i_id for code, (i_id, _) in indicators.items() if code in sent),
            )
            ours_texts = _stored_texts(session, sender.id) if data.texts else {}
            locks = Locks(session.connection(), plan.id or 0)  # approved: skipped
            earlier = (
                session.exec(
                    select(ImportLog).where(
                        ImportLog.content_sha256 == data.content_sha256,
                        col(ImportLog.undone_at).is_(None),
                    )
                ).first()
                if data.content_sha256
                else None
            )
        groups = {g.code for g in self._groups(plan)}
        self._check_known(data, indicators, periods, localities, tasks, groups)
        shown = sender.name if named.id == sender.id else f"{named.name} → {sender.name}"
        preview = ImportPreview(data, shown, earlier=earlier, signature=signature)
        with self._session() as session:  # refuses an impossible figure
            preview.warnings = reviewed(session, plan, data, current)
        new_periods = {p.code: p for p in data.periods if p.code not in periods}
        if refused := batch_problem(  # the period dialog's rules (domain/periods.py)
            list(new_periods.values()),
            [(code, name) for code, (_, name) in periods.items()],
            (plan.starts_on, plan.ends_on),
        ):
            raise ExchangeError(data.source, refused)
        refused_definitions = rights.definition_refusal()
        for definition in data.definitions:
            row = self._definition_row(definition, defined.get(definition.code))
            if row is not None:
                if refused_definitions:
                    row.action, row.reason = Action.REFUSED, refused_definitions
                preview.rows.append(row)
        new_names = {d.code: d.name for d in data.definitions}
        period_names = {code: name for code, (_, name) in periods.items()}
        period_names.update((code, p.name) for code, p in new_periods.items())
        judge = _Judge(now, made, data, rights)
        append = preview.rows.append
        used_periods: set[str] = set()
        for number, value in enumerate(data.values, start=1):
            known = indicators.get(value.indicator)
            period = periods.get(value.period)
            place = localities[value.locality] if value.locality else None
            ours = (
                current.get((known[0], period[0], place[0] if place else None))
                if known and period
                else None
            )
            row = judge.value_row(
                number,
                value,
                known[1] if known else new_names[value.indicator],
                period_names.get(value.period, ""),
                place[1] if place else "",
                ours,
            )
            if locks and known and period and row.action not in (Action.REFUSED, Action.UNCHANGED):
                if found := locks.covering(known[0], period[0], place[0] if place else None):
                    row.action, row.reason = Action.REFUSED, locked_reason(found)
            if row.action is not Action.REFUSED:
                used_periods.add(value.period)
            append(row)
        for text in data.texts:
            task = tasks[text.task] if text.task else None
            period_id = periods[text.period][0] if text.period in periods else None
            ours = ours_texts.get((period_id, text.section, task.id if task else None))
            row = _text_row(text, ours, period_names.get(text.period, ""), made, now)
            reason = rights.task_refusal(text.task) if text.task else None
            if reason and row.action is not Action.UNCHANGED:
                row.action, row.reason = Action.REFUSED, reason
            if row.action is not Action.REFUSED:
                used_periods.add(text.period)
            append(row)
        for task in data.tasks:
            row = self._task_row(task, tasks[task.code], made, now)
            reason = rights.task_refusal(task.code)
            if reason and row.action is not Action.UNCHANGED:
                row.action, row.reason = Action.REFUSED, reason
            append(row)
        with self._session() as session:
            for row in same_period.preview_rows(
                session, plan, data, rights, now, PreviewRow, Action
            ):
                if row.payload.period in new_periods and row.payload.period not in used_periods:
                    row.action, row.reason = Action.REFUSED, "Tệp không có số liệu của kỳ này."
                append(row)
            preview.rows += exchange_reviews.preview_rows(
                session, plan, data, rights, PreviewRow, Action
            )
        preview.rows[:0] = [_period_row(p, p.code in used_periods) for p in new_periods.values()]
        return preview

    def _groups(self, plan: Plan) -> list[IndicatorGroup]:
        with self._session() as session:
            return list(
                session.exec(select(IndicatorGroup).where(IndicatorGroup.plan_id == plan.id))
            )

    def _check_known(
        self,
        data: ExchangeData,
        indicators: dict,
        periods: dict,
        localities: dict,
        tasks: dict,
        groups: set[str],
    ) -> None:
        def refuse(what: str, missing: set[str]) -> None:
            if missing:
                shown = ", ".join(sorted(missing)[:5]) + (" …" if len(missing) > 5 else "")
                raise ExchangeError(data.source, f"có {what} không có trong kế hoạch: {shown}.")

        defined = {d.code for d in data.definitions}
        refuse("chỉ tiêu", {v.indicator for v in data.values} - set(indicators) - defined)
        refuse(
            "nhóm chỉ tiêu",
            {d.group for d in data.definitions if d.code not in indicators} - groups,
        )
        refuse("địa phương", {v.locality for v in data.values if v.locality} - set(localities))
        refuse(
            "kỳ báo cáo",
            {v.period for v in data.values} - set(periods) - {p.code for p in data.periods},
        )
        refuse("nhiệm vụ", {t.code for t in data.tasks} - set(tasks))
        refuse("nhiệm vụ", {t.task for t in data.texts if t.task} - set(tasks))
        refuse(
            "kỳ báo cáo",
            {t.period for t in data.texts} - set(periods) - {p.code for p in data.periods},
        )
        for t in data.tasks:
            if t.status not in {s.value for s in TaskStatus}:
                raise ExchangeError(
                    data.source, f"nhiệm vụ {t.code}: tình trạng “{t.status}” không hợp lệ."
                )

    def _definition_row(self, d: TargetData, ours: Indicator | None) -> PreviewRow | None:
        """A new indicator, or a changed definition or target; None when nothing differs."""
        fields = definition_fields(d)
        new = d.target_text or format_number(d.target_value) or "—"
        if ours is None:
            return PreviewRow("indicator", d.code, d.name, "", "", "—", new, Action.ADD, payload=d)
        changed = {k: v for k, v in fields.items() if getattr(ours, k) != v}
        if not changed:
            return None
        old = ours.target_text or format_number(ours.target_value) or "—"
        return PreviewRow(
            "target", d.code, d.name, "", "", old, new, Action.CHANGE, payload=(ours.id, changed)
        )

    def _task_row(
        self, task: TaskData, ours: Task, made: datetime | None, now: datetime
    ) -> PreviewRow:
        theirs_at, ours_at = utc(task.updated_at), utc(ours.updated_at)
        old, new = TaskStatus(ours.status).label, TaskStatus(task.status).label
        row = PreviewRow(
            "task",
            task.code,
            ours.text[:80],
            "",
            "",
            old,
            new,
            Action.CHANGE,
            ours_at,
            theirs_at,
            payload=task,
        )
        if ours.status.value == task.status and ours.note == task.note:
            row.action = Action.UNCHANGED
        elif too_late(theirs_at, now):
            row.action, row.reason = Action.REFUSED, _future(theirs_at, now)
        elif ours_is_later(ours_at, None, theirs_at, made, now):  # tasks keep no receipt
            row.action, row.take_theirs = Action.CONFLICT, False
        return row

    # -- apply and undo ------------------------------------------------------------------
    @paused_gc()
    def apply(self, plan: Plan, preview: ImportPreview, imported_by: str) -> ImportLog:
        """Write everything the preview (and the clerk's choices) says, in one transaction."""
        from .exchange_apply import apply_import

        return apply_import(self.engine, plan, preview, imported_by)

    @paused_gc()
    def undo(self, log_id: int, undone_by: str) -> list[KeptItem]:
        """Put back what an import changed, in one transaction, except what was written
        since: returned (services/import_undo.py)."""
        from .exchange_apply import undo_import

        return undo_import(self.engine, log_id, undone_by)

    def imports(self) -> list[ImportLog]:
        """Every import, newest first."""
        with self._session() as session:
            return list(session.exec(select(ImportLog).order_by(col(ImportLog.id).desc())))


def definition_fields(d: TargetData) -> dict[str, Any]:
    return {
        "name": d.name,
        "unit": d.unit,
        "kind": IndicatorKind(d.kind),
        "direction": Direction(d.direction),
        "target_form": TargetForm(d.target_form),
        "target_value": d.target_value,
        "target_strict": d.target_strict,
        "target_share": d.target_share,
        "target_text": d.target_text,
    }


def _named(session: Session, model: Any, where: Any) -> dict[str, tuple[int, str]]:
    """Code → (id, name) of a table's rows."""
    rows = session.exec(select(model.code, model.id, model.name).where(where))
    return {code: (id_, name) for code, id_, name in rows}


def moment_text(moment: datetime | None) -> str:
    """A time as the clerk reads it; one at the end of the calendar (which local time would
    push past year 9999) in ISO form."""
    try:
        return format_moment(moment)
    except (OverflowError, ValueError):
        return moment.isoformat() if moment else ""


def _future(moment: datetime | None, now: datetime) -> str:
    return (
        f"Thời điểm nhập {moment_text(moment)} muộn hơn giờ của máy này ({moment_text(now)}) quá "
        f"{FUTURE_TOLERANCE.seconds // 60} phút: đồng hồ máy gửi hoặc máy này đang sai. Hãy "
        "kiểm tra ngày giờ rồi xin gửi lại."
    )


def _stored_texts(session: Session, agency_id: int | None) -> dict[tuple, ReportText]:
    """The sender's report sections here, by (period id, section, task id)."""
    return {
        (t.period_id, t.kind.value, t.task_id): t
        for t in session.exec(select(ReportText).where(ReportText.agency_id == agency_id))
    }


def short_text(text: str, length: int = 80) -> str:
    """A section's text on one line of the preview: its start says which."""
    line = " ".join(text.split())
    return (line if len(line) <= length else line[: length - 1].rstrip() + "…") or "—"


def _text_row(
    text: TextData, ours: ReportText | None, period: str, made: datetime | None, now: datetime
) -> PreviewRow:
    """A received section against ours: the rules of figures (domain/conflicts.py), with
    no receipt time (like tasks)."""
    section = SectionKind(text.section)
    theirs_at, ours_at = utc(text.updated_at), utc(ours.updated_at) if ours else None
    row = PreviewRow(
        "text",
        text.task or "",
        section.label,
        period,
        "",
        short_text(ours.text) if ours else "—",
        short_text(text.text),
        Action.ADD,
        ours_at,
        theirs_at,
        payload=text,
    )
    here = ours.text if ours else ""
    if here == text.text or not (here.strip() or text.text.strip()):
        row.action = Action.UNCHANGED
    elif too_late(theirs_at, now):
        row.action, row.reason = Action.REFUSED, _future(theirs_at, now)
    elif ours is None:
        row.action = Action.ADD
    elif ours_is_later(ours_at, None, theirs_at, made, now):
        row.action, row.take_theirs = Action.CONFLICT, False
    else:
        row.action = Action.CHANGE
    return row


def _period_row(p: Any, used: bool) -> PreviewRow:
    """A period the file brings; added only if a figure of it is received."""
    row = PreviewRow(
        "period",
        p.code,
        p.name,
        p.name,
        "",
        "—",
        f"{p.starts_on:%d/%m/%Y} – {p.ends_on:%d/%m/%Y}",
        Action.ADD,
        payload=p,
    )
    if not used:
        row.action, row.reason = Action.REFUSED, "Không nhận số liệu nào của kỳ này."
    return row


@dataclass(slots=True)
class _Judge:
    """Decides each received figure: refused, added, changed, unchanged or a conflict."""

    now: datetime
    made: datetime | None  # when the file was made (a template: exported)
    data: ExchangeData
    rights: SenderRights

    def value_row(
        self,
        number: int,
        value: ValueData,
        name: str,
        period: str,
        locality: str,
        ours: StoredFigure | None,
    ) -> PreviewRow:
        """What one received figure would do, against the stored one (or none)."""
        theirs_at = utc(value.entered_at)
        row = PreviewRow(
            "value",
            value.indicator,
            name,
            period,
            locality,
            "—",
            (value.value, value.text, value.estimate),
            Action.ADD,
            theirs_at=theirs_at,
            payload=value,
        )
        if ours is not None:
            row.was = (ours[4], ours[5], bool(ours[7]))
            row.ours_at = from_stored_time(ours[11])  # aware, UTC
        reason = self.rights.value_refusal(value.indicator, value.locality)
        if reason is None and too_late(theirs_at, self.now):
            where = f"dòng {value.row}" if value.row else f"số liệu thứ {number}"
            reason = f"{where.capitalize()}: {_future(value.entered_at, self.now)}"  # as written
        if reason is not None:
            row.action, row.reason = Action.REFUSED, reason
            return row
        at_export = self.data.at_export
        if at_export is not None and value.key in at_export:
            return self._template_row(row, value, at_export[value.key], ours)
        if ours is None:
            return row
        if ours[5] == value.text and same_figure(
            (ours[4], bool(ours[7])), (value.value, value.estimate)
        ):
            row.action = Action.UNCHANGED
        elif ours_is_later(row.ours_at, from_stored_time(ours[12]), theirs_at, self.made, self.now):
            row.action, row.take_theirs = Action.CONFLICT, False  # changed here since: keep ours
        else:
            row.action = Action.CHANGE
        return row

    def _template_row(
        self,
        row: PreviewRow,
        value: ValueData,
        exported: tuple[float | None, bool],
        ours: StoredFigure | None,
    ) -> PreviewRow:
        """A template row against what it was at export: no clock needed."""
        here = (ours[4], bool(ours[7])) if ours is not None else None
        edited_here = here is not None and not same_figure(here, exported)
        changed_here = False
        if ours is not None and self.made is not None and row.ours_at != self.made:
            # not written by an earlier import of this very template (stamped with its
            # export time): changed here since the export?
            received = from_stored_time(ours[12])
            entered = believed(row.ours_at, received, self.now)
            changed_here = (entered is not None and entered > self.made) or (
                received is not None and received > self.made
            )
            changed_here = changed_here or edited_here
        verdict = template_action((value.value, value.estimate), exported, here, changed_here)
        if verdict is TemplateVerdict.UNCHANGED:
            row.action = Action.UNCHANGED
            if edited_here:
                row.reason = "Người điền mẫu không sửa số này; giữ số đã sửa ở đây."
        elif verdict is TemplateVerdict.CONFLICT:
            row.action, row.take_theirs = Action.CONFLICT, False
            row.reason = (
                f"Lúc xuất mẫu là {_value_text(exported[0], '', exported[1])}; cả ở đây "
                "và trong mẫu đều đã sửa sau đó."
            )
        else:
            row.action = Action.ADD if ours is None else Action.CHANGE
        return row
