"""The figure and text rules (domain/figure_rules.py) applied to what the services write and
import: every path of the window and the command line passes here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, SQLModel, col, select

from ..domain.figure_rules import (
    MAX_ABS,
    MAX_RATE_PERCENT,
    FigureKind,
    RuleError,
    check_figure,
    check_share,
    check_target,
    clean_text,
    field_label,
    jump_warning,
    may_be_negative,
)
from ..exchange.data import ExchangeData, ExchangeError, ValueData
from ..storage.figures import ValueKey, ValueState
from ..storage.models import Indicator, Locality, LocalityTarget, Period, Plan, ReportedValue

Changes = list[tuple[ValueKey, ValueState | None]]
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
    locality = (
        col(ReportedValue.locality_id).is_(None)
        if key.locality_id is None
        else ReportedValue.locality_id == key.locality_id
    )
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


def reviewed(engine: Engine, plan: Plan, data: ExchangeData) -> list[str]:
    """The warnings of `review_import`; ExchangeError naming the figures it refuses."""
    review = review_import(engine, plan, data)
    if review.refusals:
        shown = "; ".join(review.refusals[:5])
        more = len(review.refusals) - 5
        raise ExchangeError(
            data.source or "tệp",
            shown
            + (f" (và {more} lỗi khác)" if more > 0 else "")
            + ". Hãy sửa các số liệu này trong tệp (hoặc xin đơn vị gửi lại tệp) rồi nhập lại.",
        )
    return review.warnings


def jumps_refused(warnings: list[str]) -> str:
    """The command line's refusal of implausible jumps (the window asks instead)."""
    shown = "; ".join(warnings[:5]) + (
        f" (và {len(warnings) - 5} số khác)" if len(warnings) > 5 else ""
    )
    return f"có số liệu bất thường: {shown}. Nếu đúng là như vậy, nhập lại với --allow-jumps."


def review_import(engine: Engine, plan: Plan, data: ExchangeData) -> ImportReview:
    """Figures of this plan's indicators in a received file: a sign or rate the indicator
    cannot have is refused; a jump of more than 10× is a warning. Read in a few queries: a
    package may hold 100.000 figures."""
    review = ImportReview()
    if not data.values:
        return review
    with Session(engine) as session:
        indicators = {
            i.code: i for i in session.exec(select(Indicator).where(Indicator.plan_id == plan.id))
        }
        periods = {
            p.code: p.id for p in session.exec(select(Period).where(Period.plan_id == plan.id))
        }
        localities = {loc.code: loc.id for loc in session.exec(select(Locality))}
        local_targets = {
            (t.indicator_id, t.locality_id): t.target_value
            for t in session.exec(select(LocalityTarget))
        }
        # plain rows: a plan holds over a hundred thousand figures
        stored = (
            session.connection()
            .exec_driver_sql(
                "SELECT r.indicator_id, coalesce(r.locality_id, 0), r.period_id, r.value "
                "FROM reported_value r JOIN period p ON p.id = r.period_id "
                "WHERE p.plan_id = ? AND r.value IS NOT NULL ORDER BY p.ends_on",
                (plan.id,),
            )
            .fetchall()
        )
    same = {(i, loc, p): v for i, loc, p, v in stored}
    latest = {(i, loc): v for i, loc, _, v in stored}  # the last one in period order wins
    # what each figure is judged by, read off the ORM objects once, not once per figure
    kinds = {code: FigureKind.of(i) for code, i in indicators.items()}
    judged = {
        code: (i, kind, i.id, i.target_value, may_be_negative(kind), kind.unit.strip() == "%")
        for code, i in indicators.items()
        for kind in (kinds[code],)
    }
    for value in data.values:
        found = judged.get(value.indicator)
        figure = value.value
        if found is None or figure is None:
            continue
        indicator, kind, indicator_id, plan_target, negative_ok, percent = found
        # the reader checked bounds and decimals (exchange/checks.py); here what the
        # indicator allows, with the full check (and its message) only for a figure refused
        if (
            (figure < 0 and not negative_ok)
            or (percent and abs(figure) > MAX_RATE_PERCENT)
            or not abs(figure) < MAX_ABS
        ):
            try:
                check_figure(figure, kind, _place(indicator, value))
            except RuleError as refused:
                review.refusals.append(str(refused))
                continue
        locality_id = localities.get(value.locality, 0) if value.locality else 0
        last = same.get(
            (indicator_id, locality_id, periods.get(value.period)),
            latest.get((indicator_id, locality_id)),
        )
        target = local_targets.get((indicator_id, locality_id)) if locality_id else plan_target
        if jump_warning(figure, target, last, ""):
            review.warnings.append(
                jump_warning(figure, target, last, _place(indicator, value)) or ""
            )
    return review
