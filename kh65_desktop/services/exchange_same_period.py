"""Same-period figures ("cùng kỳ") in exchange packages: exported with an agency's figures,
previewed row by row, written by the import in its transaction, and put back by its undo.

They follow the figures' rules: the sender may send those of the indicators it leads (a
district: its own locality's); each is checked by domain/figure_rules.check_figure (a file
with one it refuses is refused whole, as for figures); one changed here later than the
sender's is a conflict, kept unless the clerk takes the file's. The import's undo puts
back only those still as the import left them (redo: still as the undo left them).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from ..domain.conflicts import believed, ours_is_later, same_figure, too_late, utc
from ..domain.figure_rules import FigureKind, RuleError, check_figure, clean_text
from ..exchange.checks import refusal
from ..exchange.data import ExchangeData, ExchangeError, SamePeriodData
from ..storage.figure_keys import keyed_row
from ..storage.models import Indicator, Locality, Period, Plan, SamePeriodValue
from ..storage.stored_dates import as_stored, from_stored_time
from .kept import KeptItem, KeptKind
from .same_period import SamePeriodKey, SamePeriodState, put_state

if TYPE_CHECKING:
    from .exchange import Action, PreviewRow
    from .exchange_rights import SenderRights

KIND = "same_period"  # PreviewRow.kind
LABEL = " (số cùng kỳ)"  # after the indicator's name in the preview


def export_same_period(
    session: Session,
    plan: Plan,
    indicator_ids: set[int],
    own_locality: int | None,
    period: Period | None,
    now: datetime,
) -> list[SamePeriodData]:
    """The same-period figures an agency sends: of the indicators it leads, and a district's
    own locality's."""
    query = select(SamePeriodValue, Indicator.code, Period.code).join(
        Indicator, col(Indicator.id) == SamePeriodValue.indicator_id
    )
    query = query.join(Period, col(Period.id) == SamePeriodValue.period_id).where(
        Indicator.plan_id == plan.id
    )
    if period is not None:
        query = query.where(SamePeriodValue.period_id == period.id)
    localities = {loc.id: loc.code for loc in session.exec(select(Locality))}
    return [
        SamePeriodData(
            indicator,
            period_code,
            localities[s.locality_id] if s.locality_id else None,
            s.value,
            s.entered_by,
            believed(utc(s.entered_at), None, now),
        )
        for s, indicator, period_code in session.exec(query)
        if s.indicator_id in indicator_ids or (own_locality and s.locality_id == own_locality)
    ]


def unknown_codes(
    data: ExchangeData, indicators: Iterable[str], periods: Iterable[str], localities: Iterable[str]
) -> None:
    """A file naming an indicator, period or locality this plan lacks is refused whole."""
    for what, sent, known in (
        ("chỉ tiêu", {s.indicator for s in data.same_period}, set(indicators)),
        ("kỳ báo cáo", {s.period for s in data.same_period}, set(periods)),
        ("địa phương", {s.locality for s in data.same_period if s.locality}, set(localities)),
    ):
        if missing := sorted(sent - known):
            shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            raise ExchangeError(
                data.source, f"có số cùng kỳ của {what} không có trong kế hoạch: {shown}."
            )


def preview_rows(
    session: Session,
    plan: Plan,
    data: ExchangeData,
    rights: SenderRights,
    now: datetime,
    row_type: type[PreviewRow],
    action: type[Action],
) -> list[PreviewRow]:
    """One preview row per received same-period figure (PreviewRow and Action are passed
    in: services/exchange.py, which owns them, imports this module)."""
    if not data.same_period:
        return []
    indicators = {
        i.code: i for i in session.exec(select(Indicator).where(Indicator.plan_id == plan.id))
    }
    periods = {p.code: p for p in session.exec(select(Period).where(Period.plan_id == plan.id))}
    localities = {loc.code: loc for loc in session.exec(select(Locality))}
    new_periods = {p.code: p.name for p in data.periods}
    unknown_codes(data, indicators, set(periods) | set(new_periods), localities)
    refused: list[str] = []
    rows = []
    made = utc(data.created_at)
    for item in data.same_period:
        indicator = indicators[item.indicator]
        period = periods.get(item.period)
        locality = localities[item.locality] if item.locality else None
        where = f"Chỉ tiêu {indicator.code} “{indicator.name[:60]}”, số cùng kỳ kỳ {item.period}"
        try:
            check_figure(item.value, FigureKind.of(indicator), where)
        except RuleError as error:
            refused.append(str(error))
            continue
        ours = (
            _stored(session, indicator.id, period.id, locality.id if locality else None)
            if period is not None and indicator.id is not None and period.id is not None
            else None
        )
        theirs_at = utc(item.entered_at)
        row = row_type(
            KIND,
            indicator.code,
            indicator.name + LABEL,
            period.name if period else new_periods.get(item.period, item.period),
            locality.name if locality else "",
            "—" if ours is None else (ours.value, "", False),
            (item.value, "", False),
            action.ADD,
            ours_at=utc(ours.entered_at) if ours else None,
            theirs_at=theirs_at,
            payload=item,
        )
        reason = rights.value_refusal(item.indicator, item.locality)
        if reason is None and too_late(theirs_at, now):
            reason = "Số cùng kỳ ghi thời điểm sửa muộn hơn giờ của máy này."
        if reason is not None:
            row.action, row.reason = action.REFUSED, reason
        elif ours is not None:
            if same_figure((ours.value, False), (item.value, False)):
                row.action = action.UNCHANGED
            elif ours_is_later(row.ours_at, None, theirs_at, made, now):
                row.action, row.take_theirs = action.CONFLICT, False
            else:
                row.action = action.CHANGE
        rows.append(row)
    if refused:
        raise refusal(data, refused)
    return rows


def _stored(
    session: Session, indicator_id: int, period_id: int, locality_id: int | None
) -> SamePeriodValue | None:
    return keyed_row(session, SamePeriodValue, indicator_id, period_id, locality_id)


def _key(session: Session, plan: Plan, item: SamePeriodData) -> SamePeriodKey:
    indicator = session.exec(
        select(Indicator.id).where(Indicator.plan_id == plan.id, Indicator.code == item.indicator)
    ).one()
    period = session.exec(
        select(Period.id).where(Period.plan_id == plan.id, Period.code == item.period)
    ).one()
    locality = (
        session.exec(select(Locality.id).where(Locality.code == item.locality)).one()
        if item.locality
        else None
    )
    return SamePeriodKey(indicator, period, locality)


def _plain(state: SamePeriodState | None) -> list[Any] | None:
    return None if state is None else [state.value, state.entered_by, as_stored(state.entered_at)]


def _same(state: SamePeriodState | None, kept: list[Any] | None) -> bool:
    return _plain(state) == kept


def _from(kept: list[Any] | None) -> SamePeriodState | None:
    if kept is None:
        return None
    at = from_stored_time(kept[2])
    assert at is not None
    return SamePeriodState(kept[0], kept[1], at)


def apply_rows(
    session: Session,
    plan: Plan,
    items: list[SamePeriodData],
    sender: str,
    now: datetime,
    redo_of: list[list[Any]] | None = None,
) -> tuple[list[list[Any]], list[KeptItem]]:
    """Write the received figures in the import's transaction; returns the undo entries
    [indicator, period, locality, before, after] and, for a redo (`redo_of`: the undone
    import's entries), those left alone because they changed since the undo."""
    undone = {(e[0], e[1], e[2]): e[3] for e in redo_of or []}
    entries: list[list[Any]] = []
    left: list[KeptItem] = []
    for item in items:
        key = _key(session, plan, item)
        current = _state_of(session, key)
        if redo_of is not None and tuple(key) in undone and not _same(current, undone[tuple(key)]):
            left.append(_kept(session, key, current))
            continue
        by = clean_text(item.entered_by or sender, "entered_by", "Người nhập")
        state = SamePeriodState(item.value, by, utc(item.entered_at) or now)
        before = put_state(session, key, state)
        entries.append([*key, _plain(before), _plain(state)])
    return entries, left


def _state_of(session: Session, key: SamePeriodKey) -> SamePeriodState | None:
    row = _stored(session, key.indicator_id, key.period_id, key.locality_id)
    return None if row is None else SamePeriodState(row.value, row.entered_by, row.entered_at)


def undo_rows(session: Session, entries: list[list[Any]], write: bool) -> list[KeptItem]:
    """Put back what the import replaced where its figure is still as it left it (`write`
    False: only say what would be left alone); returns those left alone."""
    kept: list[KeptItem] = []
    for indicator_id, period_id, locality_id, before, after in entries:
        key = SamePeriodKey(indicator_id, period_id, locality_id)
        current = _state_of(session, key)
        if not _same(current, after):
            kept.append(_kept(session, key, current))
        elif write:
            put_state(session, key, _from(before))
    return kept


def _kept(session: Session, key: SamePeriodKey, current: SamePeriodState | None) -> KeptItem:
    """A same-period figure left alone, described as the undo's message lists figures."""
    indicator = session.get(Indicator, key.indicator_id)
    period = session.get(Period, key.period_id)
    locality = session.get(Locality, key.locality_id) if key.locality_id else None
    return KeptItem(
        KeptKind.FIGURE,
        indicator.code if indicator else "",
        (indicator.name if indicator else "") + LABEL,
        period.name if period else "",
        locality.name if locality else "",
        current.value if current else None,
        removed=current is None,
        changed_by=current.entered_by if current else "",
        changed_at=current.entered_at if current else None,
    )
