"""The figure and text rules (domain/figure_rules.py) applied to what the services write and
import: every path of the window and the command line passes here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from types import SimpleNamespace
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from ..domain.figure_rules import (
    MAX_ABS,
    FigureKind,
    RuleError,
    check_figure,
    check_share,
    check_target,
    clean_text,
    field_label,
    figure_ok,
    is_percent,
    jump_warning,
    may_be_negative,
)
from ..exchange.checks import refusal
from ..exchange.data import ExchangeData, ValueData
from ..storage.figure_keys import at_locality
from ..storage.figures import StoredFigure, ValueKey, ValueState, stored_figures
from ..storage.models import Indicator, Locality, LocalityTarget, Period, Plan, ReportedValue

Changes = list[tuple[ValueKey, ValueState | None]]
StoredFigures = dict[tuple[int, int, int | None], StoredFigure]
_FIGURE_FIELDS = ("baseline_value", "same_period_value")


def _what(indicator: Any) -> str:
    return f"Chỉ tiêu {indicator.code} “{indicator.name[:60]}”"


def _indicators(session: Session, ids: Iterable[int]) -> dict[int, Indicator]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = session.exec(select(Indicator).where(col(Indicator.id).in_(wanted)))
    return {i.id: i for i in rows if i.id is not None}


def checked_states(session: Session, changes: Changes) -> Changes:
    """Each figure within the rules of its indicator, its texts cleaned; RuleError if not."""
    indicators = _indicators(session, (k.indicator_id for k, s in changes if s is not None))
    checked: Changes = []
    for key, state in changes:
        if state is not None:
            indicator = indicators.get(key.indicator_id)
            if indicator is None:
                raise LookupError(f"Không còn chỉ tiêu {key.indicator_id}.")
            what = _what(indicator)
            if state.achieved is not None and not isinstance(state.achieved, bool):
                raise RuleError(f"{what}: “Đạt” phải là có hoặc không.")
            state = state._replace(
                value=check_figure(state.value, FigureKind.of(indicator), what),
                text=clean_text(state.text, "text", f"{what}, nội dung"),
                note=clean_text(state.note, "note", f"{what}, ghi chú"),
                entered_by=clean_text(state.entered_by, "entered_by", f"{what}, người nhập"),
            )
        checked.append((key, state))
    return checked


def checked_target(session: Session, indicator_id: int, value: float | None) -> float | None:
    """A locality's target for an indicator."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise LookupError(f"Không còn chỉ tiêu {indicator_id}.")
    return check_target(value, FigureKind.of(indicator), f"{_what(indicator)}, kế hoạch địa bàn")


def fields_of(row: SQLModel) -> dict[str, Any]:
    """A row's fields as they are (model_dump would warn on a plain-string enum value)."""
    return {name: getattr(row, name) for name in type(row).model_fields}


def checked_fields(session: Session, row: SQLModel, changes: dict[str, Any]) -> dict[str, Any]:
    """A row's new fields: texts cleaned and within their length, an indicator's target and
    figures within the rules (judged by the indicator as it will be after the change)."""
    checked = dict(changes)
    for name, value in changes.items():
        if isinstance(value, str) and not isinstance(value, Enum):
            checked[name] = clean_text(value, name, field_label(name))
    if isinstance(row, Indicator):
        after = {**fields_of(row), **checked}
        kind = FigureKind.of(SimpleNamespace(**after))  # enums from their values too
        what = f"Chỉ tiêu {after['code']}"
        if "target_value" in changes:
            checked["target_value"] = check_target(changes["target_value"], kind, what)
        if "target_share" in changes:
            checked["target_share"] = check_share(changes["target_share"], what)
        for name in _FIGURE_FIELDS:
            if name in changes:
                checked[name] = check_figure(changes[name], kind, what)
    elif isinstance(row, LocalityTarget) and "target_value" in changes:
        checked["target_value"] = checked_target(session, row.indicator_id, changes["target_value"])
    return checked


def jump_warnings(session: Session, changes: Changes) -> list[str]:
    """Figures more than 10× their target or the last figure before them."""
    indicators = _indicators(session, (k.indicator_id for k, s in changes if s is not None))
    warnings = []
    for key, state in changes:
        indicator = indicators.get(key.indicator_id)
        if state is None or state.value is None or indicator is None:
            continue
        target = indicator.target_value
        if key.locality_id is not None:
            local = session.get(LocalityTarget, (key.indicator_id, key.locality_id))
            target = local.target_value if local else None
        last = _last_figure(session, key)
        warning = jump_warning(state.value, target, last, _what(indicator))
        if warning:
            warnings.append(warning)
    return warnings


def _last_figure(session: Session, key: ValueKey) -> float | None:
    """The figure stored for this key, else the latest of the indicator (same locality)."""
    locality = at_locality(ReportedValue.locality_id, key.locality_id)
    rows = session.exec(
        select(ReportedValue.period_id, ReportedValue.value)
        .join(Period, col(Period.id) == ReportedValue.period_id)
        .where(
            ReportedValue.indicator_id == key.indicator_id,
            locality,
            col(ReportedValue.value).is_not(None),
        )
        .order_by(col(Period.ends_on).desc())
    ).all()
    same = next((v for p, v in rows if p == key.period_id), None)
    return same if same is not None else (rows[0][1] if rows else None)


@dataclass
class ImportReview:
    """What the rules say of a received file against this plan."""

    refusals: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _place(indicator: Indicator, value: ValueData) -> str:
    where = f"{_what(indicator)}, kỳ {value.period}"
    return where + (f", địa bàn {value.locality}" if value.locality else "")


def reviewed(session: Session, plan: Plan, data: ExchangeData, stored: StoredFigures) -> list[str]:
    """The warnings of `review_import`; ExchangeError naming the figures it refuses."""
    review = review_import(session, plan, data, stored)
    if review.refusals:
        raise refusal(data, review.refusals)
    return review.warnings


def jumps_refused(warnings: list[str]) -> str:
    """The command line's refusal of implausible jumps (the window asks instead)."""
    shown = "; ".join(warnings[:5]) + (
        f" (và {len(warnings) - 5} số khác)" if len(warnings) > 5 else ""
    )
    return f"có số liệu bất thường: {shown}. Nếu đúng là như vậy, nhập lại với --allow-jumps."


def review_import(
    session: Session, plan: Plan, data: ExchangeData, stored: StoredFigures | None = None
) -> ImportReview:
    """Figures of this plan's indicators in a received file: a sign or rate the indicator
    cannot have is refused; a jump of more than 10× is a warning. `stored`: the plan's stored
    figures of the file's indicators, as the preview has read them (read here if not given):
    a package may hold 100.000 figures."""
    review = ImportReview()
    if not data.values:
        return review
    indicators = {
        i.code: i for i in session.exec(select(Indicator).where(Indicator.plan_id == plan.id))
    }
    periods = list(session.exec(select(Period).where(Period.plan_id == plan.id)))
    period_ids = {p.code: p.id for p in periods}
    ends = {p.id: p.ends_on for p in periods}
    localities = {loc.code: loc.id for loc in session.exec(select(Locality))}
    local_targets = {
        (t.indicator_id, t.locality_id): t.target_value
        for t in session.exec(select(LocalityTarget))
    }
    if stored is None:
        stored = stored_figures(session.connection(), ends)
    same: dict[tuple[int, int, int], float] = {}
    latest: dict[tuple[int, int], tuple[Any, float]] = {}  # (its period's end, the figure)
    for (indicator_id, period_id, locality_id), row in stored.items():
        figure = row[4]
        if figure is None:
            continue
        place, end = locality_id or 0, ends[period_id]
        same[(indicator_id, place, period_id)] = figure
        if (indicator_id, place) not in latest or end >= latest[(indicator_id, place)][0]:
            latest[(indicator_id, place)] = (end, figure)
    # what each figure is judged by, read off the ORM objects once, not once per figure
    judged = {
        code: (i, kind, i.id, i.target_value, may_be_negative(kind), is_percent(kind))
        for code, i in indicators.items()
        for kind in (FigureKind.of(i),)
    }
    for value in data.values:
        found = judged.get(value.indicator)
        figure = value.value
        if found is None or figure is None:
            continue
        indicator, kind, indicator_id, plan_target, negative_ok, percent = found
        # the reader checked bounds and decimals (exchange/checks.py); here what the
        # indicator allows, with the full check (and its message) only for a figure refused
        if not (abs(figure) < MAX_ABS and figure_ok(figure, negative_ok, percent)):
            try:
                check_figure(figure, kind, _place(indicator, value))
            except RuleError as refused:
                review.refusals.append(str(refused))
                continue
        locality_id = localities.get(value.locality, 0) if value.locality else 0
        last = same.get((indicator_id, locality_id, period_ids.get(value.period)))
        if last is None and (indicator_id, locality_id) in latest:
            last = latest[(indicator_id, locality_id)][1]
        target = local_targets.get((indicator_id, locality_id)) if locality_id else plan_target
        if jump_warning(figure, target, last, ""):
            review.warnings.append(
                jump_warning(figure, target, last, _place(indicator, value)) or ""
            )
    return review
