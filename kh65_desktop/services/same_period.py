"""Same-period figures ("cùng kỳ": the same period a year earlier), read and written.

Which figure is an indicator's "cùng kỳ" in a period:

1. the one typed by a clerk (or received in a package) for that indicator and period,
   province-wide (table same_period_value);
2. else the plan's own (Indicator.same_period_value), but only where it says what it seems to:
   - in the plan's own period: the latest period that ends on or before the plan's issue
     date (a plan states its results "6 tháng đầu năm", and last year's beside them, as of
     the day it is issued; for the 9-month period last year's 6-month figure is no
     comparison);
   - measured as the indicator is: its label is empty or starts with "cùng kỳ". The plan's
     "% kế hoạch giải ngân cùng kỳ năm 2023" (32,5) is a share of last year's plan beside a
     disbursement in tỷ đồng: "tăng 6.650% so với cùng kỳ" would follow from it;
   - a year named in the label ("cùng kỳ năm 2023") is the year before the period's end.

A clerk's figure is written through the same figure rules as any figure
(domain/figure_rules.check_figure: bounds, decimals, sign, rate), in one transaction; an
undo or redo puts a figure back only while it is still as its own write left it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import NamedTuple

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..domain.figure_rules import FigureKind, check_figure, clean_text
from ..storage.changed_since import write_unless_changed
from ..storage.figure_keys import at_locality, keyed_row
from ..storage.figures import Changes, write_figures
from ..storage.models import Indicator, Period, Plan, SamePeriodValue
from ..storage.stored_dates import as_stored
from .figure_checks import checked_states
from .kept import KeptItem, figure_items

_PLAN_LABEL = re.compile(r"^cùng kỳ\b")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


class SamePeriodKey(NamedTuple):
    """Which same-period figure: an indicator in a period, province-wide or one locality's."""

    indicator_id: int
    period_id: int
    locality_id: int | None = None


class SamePeriodState(NamedTuple):
    """A stored same-period figure and who wrote it when (what a guarded undo compares)."""

    value: float
    entered_by: str
    entered_at: datetime


SameChanges = list[tuple[SamePeriodKey, float | None]]
SamePrevious = list[tuple[SamePeriodKey, SamePeriodState | None]]


# -- which figure counts ------------------------------------------------------------------
def plan_period_id(plan: Plan, periods: Iterable[Period]) -> int | None:
    """The period the plan's own figures belong to: the latest one ended by its issue date."""
    ended = [p for p in periods if p.ends_on <= plan.issued_on]
    return max(ended, key=lambda p: (p.ends_on, p.id or 0)).id if ended else None


def plan_figure(indicator: Indicator, period_end: date) -> float | None:
    """The plan's own same-period figure, if it measures the indicator and names no other
    year than the one before `period_end` (the caller has checked the period)."""
    if indicator.same_period_value is None:
        return None
    label = unicodedata.normalize("NFC", indicator.same_period_label or "").strip().lower()
    if label and not _PLAN_LABEL.match(label):
        return None
    years = {int(m.group(0)) for m in _YEAR.finditer(label)}
    if years and years != {period_end.year - 1}:
        return None
    return indicator.same_period_value


def typed_figures(
    session: Session, plan_id: int | None, locality_id: int | None = None
) -> dict[tuple[int, int], float]:
    """Every typed same-period figure of a plan (province-wide, or one locality's), by
    (indicator, period): one query for a whole table."""
    place = at_locality(SamePeriodValue.locality_id, locality_id)
    rows = session.exec(
        select(SamePeriodValue.indicator_id, SamePeriodValue.period_id, SamePeriodValue.value)
        .join(Indicator, col(Indicator.id) == SamePeriodValue.indicator_id)
        .where(Indicator.plan_id == plan_id, place)
    )
    return {(i, p): v for i, p, v in rows}


def figure_for(
    indicator: Indicator,
    period: Period | None,
    typed: dict[tuple[int, int], float],
    plan_period: int | None,
) -> float | None:
    """The "cùng kỳ" of `indicator` in `period` by the rule above."""
    if period is None or indicator.id is None or period.id is None:
        return None
    own = typed.get((indicator.id, period.id))
    if own is not None:
        return own
    return plan_figure(indicator, period.ends_on) if period.id == plan_period else None


# -- writing --------------------------------------------------------------------------------
def _row(session: Session, key: SamePeriodKey) -> SamePeriodValue | None:
    return keyed_row(session, SamePeriodValue, key.indicator_id, key.period_id, key.locality_id)


def _state(row: SamePeriodValue | None) -> SamePeriodState | None:
    return None if row is None else SamePeriodState(row.value, row.entered_by, row.entered_at)


def checked(session: Session, changes: SameChanges) -> SameChanges:
    """Each figure within its indicator's rules (negative, absurd: RuleError, in Vietnamese)."""
    ids = {k.indicator_id for k, _ in changes}
    indicators = {
        i.id: i for i in session.exec(select(Indicator).where(col(Indicator.id).in_(ids)))
    }
    result: SameChanges = []
    for key, value in changes:
        indicator = indicators.get(key.indicator_id)
        if indicator is None:
            raise LookupError(f"Không còn chỉ tiêu {key.indicator_id}.")
        if session.get(Period, key.period_id) is None:
            raise LookupError(f"Không còn kỳ báo cáo {key.period_id}.")
        what = f"Chỉ tiêu {indicator.code} “{indicator.name[:60]}”, số cùng kỳ"
        result.append((key, check_figure(value, FigureKind.of(indicator), what)))
    return result


def write(session: Session, changes: SameChanges, by: str, now: datetime) -> SamePrevious:
    """Set (None: remove) figures in the caller's transaction; returns what they were."""
    by = clean_text(by, "entered_by", "Người nhập")
    return [
        (key, put_state(session, key, None if value is None else SamePeriodState(value, by, now)))
        for key, value in checked(session, changes)
    ]


def put_state(
    session: Session, key: SamePeriodKey, state: SamePeriodState | None
) -> SamePeriodState | None:
    """Store exactly this state (an undo puts back who wrote it and when); returns the
    previous one. The caller has checked the figure."""
    row = _row(session, key)
    previous = _state(row)
    if state is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            SamePeriodValue(
                indicator_id=key.indicator_id,
                period_id=key.period_id,
                locality_id=key.locality_id,
                value=state.value,
                entered_by=state.entered_by,
                entered_at=state.entered_at,
            )
        )
    else:
        row.value, row.entered_by, row.entered_at = state
    session.flush()
    return previous


class SamePeriodService:
    """What the window and the command line call; one short session per call."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def typed(self, key: SamePeriodKey) -> float | None:
        """The figure typed (or received) for this key; None when there is none."""
        with self._session() as session:
            row = _row(session, key)
            return row.value if row else None

    def figure(self, indicator_id: int, period_id: int) -> float | None:
        """The province-wide "cùng kỳ" of an indicator in a period: typed, else the plan's."""
        with self._session() as session:
            indicator = session.get(Indicator, indicator_id)
            period = session.get(Period, period_id)
            if indicator is None or period is None:
                return None
            plan = session.get(Plan, indicator.plan_id)
            periods = session.exec(select(Period).where(Period.plan_id == indicator.plan_id))
            own = plan_period_id(plan, periods) if plan else None
            row = _row(session, SamePeriodKey(indicator_id, period_id))
            typed = {} if row is None else {(indicator_id, period_id): row.value}
            return figure_for(indicator, period, typed, own)

    def in_period(self, plan: Plan, period: Period) -> dict[int, float]:
        """Every indicator's province-wide "cùng kỳ" in `period` (typed, else the plan's):
        what a period form starts with."""
        with self._session() as session:
            indicators = list(session.exec(select(Indicator).where(Indicator.plan_id == plan.id)))
            periods = session.exec(select(Period).where(Period.plan_id == plan.id))
            own = plan_period_id(plan, periods)
            typed = typed_figures(session, plan.id)
        found = {i.id: figure_for(i, period, typed, own) for i in indicators if i.id is not None}
        return {i: v for i, v in found.items() if v is not None}

    def set(self, changes: SameChanges, by: str, now: datetime | None = None) -> SamePrevious:
        """Set (None: clear) same-period figures in one transaction; returns the previous
        states for undo. RuleError (and nothing written) for a figure the rules refuse."""
        with self._session() as session, session.begin():
            return write(session, changes, by, now or datetime.now(UTC))


def save_with_figures(
    engine: Engine,
    figures: Changes,
    same: SameChanges,
    by: str,
    now: datetime,
) -> tuple[Changes, SamePrevious]:
    """A period form's figures and same-period figures, in one transaction (a refused one
    writes nothing of either); returns both previous states."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        same_previous = write(session, same, by, now)
        figures = checked_states(session, figures)
        previous = write_figures(session.connection(), figures, by, now) if figures else []
        return previous, same_previous


def put_back_unless_changed(
    engine: Engine,
    figures: Changes,
    same: Sequence[tuple[SamePeriodKey, SamePeriodState | None, SamePeriodState | None]],
    by: str,
    since: tuple[str, datetime],
    now: datetime,
) -> tuple[Changes, list[SamePeriodKey], list[KeptItem], list[SamePeriodKey]]:
    """An undo or redo of `save_with_figures`, in one transaction: figures as in
    guarded_edits.set_values_unless_changed; a same-period figure (key, state to write,
    state expected now) only while it is still as this command's last write left it (the
    states come from this command's own checked writes).
    Returns the figures and same-period keys written, then those left alone."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        written, later = (
            write_unless_changed(session.connection(), figures, by, now, *since)
            if figures
            else ([], [])
        )
        done: list[SamePeriodKey] = []
        left: list[SamePeriodKey] = []
        for key, state, expected in same:
            if not _same_state(_state(_row(session, key)), expected):
                left.append(key)
                continue
            put_state(session, key, state)
            done.append(key)
        return written, done, figure_items(session, later), left


def _same_state(a: SamePeriodState | None, b: SamePeriodState | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.value, a.entered_by, as_stored(a.entered_at)) == (
        b.value,
        b.entered_by,
        as_stored(b.entered_at),
    )


__all__ = [
    "SamePeriodKey",
    "SamePeriodService",
    "SamePeriodState",
    "figure_for",
    "plan_figure",
    "plan_period_id",
    "put_back_unless_changed",
    "save_with_figures",
    "typed_figures",
]
