"""Editing a plan's structure: its own details, its groups and indicators (add, change, move,
delete), and deleting agencies and localities that nothing refers to.

Each call is one transaction. A refused input raises EditRefused with the Vietnamese reason
and writes nothing. Every write returns what its undo needs, and undo and redo pass
`expected`: they write only while the rows are still as the other side left them (the rule of
services/guarded_edits.py), so an undo never eats a later edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, SQLModel, col, select

from ..domain.codes import code_problem
from ..domain.figure_rules import RuleError, clean_text
from ..domain.numbers import format_date
from ..domain.target_forms import form_problem
from ..domain.terms import IndicatorKind, Role, TargetForm
from ..storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    LocalityTarget,
    Period,
    Plan,
    ReportedValue,
    SamePeriodValue,
    StatedFigure,
    Task,
    ValueChange,
)
from ..storage.stored_dates import as_stored
from .figure_checks import checked_fields, fields_of
from .references import GOES_WITH, uses
from .row_snapshots import (
    RestoreRefused,
    Snapshot,
    peek,
    put_back,
    read_rows,
    referring,
    table_of,
    take,
)

PLAN_FIELDS = (
    "number",
    "issued_on",
    "place",
    "issuing_body",
    "title",
    "year",
    "signer_authority",
    "signer_title",
    "signer_name",
)
_PLAN_REQUIRED = {
    "number": "số hiệu",
    "place": "địa danh",
    "issuing_body": "cơ quan ban hành",
    "title": "trích yếu",
}
FIRST_YEAR, LAST_YEAR = 2000, 2100
GROUP_FIELDS = ("code", "section", "heading", "lead_ids", "coordinating_ids")
INDICATOR_FIELDS = ("code", "name", "unit", "kind", "direction", "target_form")
# Changing these re-judges the figures the indicator already has against its rules.
_RULE_FIELDS = {"name", "unit", "kind", "direction", "target_form"}


class EditRefused(ValueError):
    """An edit refused; the message is the Vietnamese reason and what to do."""


@dataclass(frozen=True)
class IndicatorNode:
    """An indicator in the editor's tree, with its sub-indicators and how many figures."""

    indicator: Indicator
    figures: int
    children: tuple[IndicatorNode, ...]


@dataclass(frozen=True)
class GroupNode:
    group: IndicatorGroup
    lead_ids: tuple[int, ...]
    coordinating_ids: tuple[int, ...]
    indicators: tuple[IndicatorNode, ...]


@dataclass(frozen=True)
class IndicatorHoldings:
    """What deleting an indicator takes with it."""

    sub_indicators: int
    figures: int
    history: int
    locality_targets: int
    stated: int
    same_period: int

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.sub_indicators,
                self.figures,
                self.history,
                self.locality_targets,
                self.stated,
                self.same_period,
            )
        )


class PlanEditing:
    """Writes through one short session per call."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # -- reading -------------------------------------------------------------------------
    def outline(self, plan_id: int) -> list[GroupNode]:
        """The plan's groups in order, each with its indicators as a tree."""
        with self._session() as session:
            groups = session.exec(
                select(IndicatorGroup)
                .where(IndicatorGroup.plan_id == plan_id)
                .order_by(col(IndicatorGroup.position), col(IndicatorGroup.id))
            ).all()
            indicators = session.exec(
                select(Indicator)
                .where(Indicator.plan_id == plan_id)
                .order_by(col(Indicator.position), col(Indicator.id))
            ).all()
            counts = dict(
                session.exec(
                    select(ReportedValue.indicator_id, func.count())
                    .join(Indicator, col(Indicator.id) == ReportedValue.indicator_id)
                    .where(Indicator.plan_id == plan_id)
                    .group_by(col(ReportedValue.indicator_id))
                ).all()
            )
            links = session.exec(
                select(GroupAgency)
                .join(IndicatorGroup, col(IndicatorGroup.id) == GroupAgency.group_id)
                .where(IndicatorGroup.plan_id == plan_id)
            ).all()
        children: dict[Any, list[Indicator]] = {}
        for ind in indicators:
            children.setdefault((ind.group_id, ind.parent_id), []).append(ind)

        def nodes(group_id: int, parent_id: int | None) -> tuple[IndicatorNode, ...]:
            return tuple(
                IndicatorNode(i, counts.get(i.id, 0), nodes(group_id, i.id))
                for i in children.get((group_id, parent_id), [])
            )

        return [
            GroupNode(
                g,
                tuple(x.agency_id for x in links if x.group_id == g.id and x.role is Role.LEAD),
                tuple(
                    x.agency_id for x in links if x.group_id == g.id and x.role is Role.COORDINATE
                ),
                nodes(g.id, None),  # type: ignore[arg-type]
            )
            for g in groups
        ]

    # -- the plan's own details ----------------------------------------------------------
    def plan_refusal(self, plan_id: int, values: dict[str, Any]) -> str | None:
        """Why these details cannot be kept (None: they can)."""
        with self._session() as session:
            plan = _get(session, Plan, plan_id, "Kế hoạch")
            try:
                _checked_plan(session, plan, values)
            except EditRefused as refused:
                return str(refused)
        return None

    def change_plan(
        self, plan_id: int, changes: dict[str, Any], expected: dict[str, Any] | None = None
    ) -> dict[str, Any] | None:
        """Change the plan's details; returns the previous values of every field written
        (its span too, when the year moves it), or None when `expected` no longer holds."""
        with self._session() as session, session.begin():
            plan = _get(session, Plan, plan_id, "Kế hoạch")
            if expected is not None and not _still(plan, expected):
                return None
            changes = _checked_plan(session, plan, changes)
            return _write(plan, changes)

    # -- groups --------------------------------------------------------------------------
    def group_refusal(
        self, plan_id: int, values: dict[str, Any], except_id: int | None = None
    ) -> str | None:
        with self._session() as session:
            try:
                _checked_group(session, plan_id, values, except_id)
            except EditRefused as refused:
                return str(refused)
        return None

    def add_group(self, plan_id: int, values: dict[str, Any], key: int | None = None) -> int:
        """A new group at the end of the plan, with its lead and coordinating agencies
        (`key`: the id it had, when a redo puts it back)."""
        with self._session() as session, session.begin():
            checked = _checked_group(session, plan_id, values, None)
            last = session.exec(
                select(func.max(IndicatorGroup.position)).where(IndicatorGroup.plan_id == plan_id)
            ).one()
            group = IndicatorGroup(
                id=key,
                plan_id=plan_id,
                code=checked["code"],
                section=checked["section"],
                heading=checked["heading"],
                position=(last if last is not None else -1) + 1,
            )
            session.add(group)
            session.flush()
            assert group.id is not None
            _link_group(session, group.id, checked["lead_ids"], checked["coordinating_ids"])
            return group.id

    def change_group(
        self, group_id: int, changes: dict[str, Any], expected: dict[str, Any] | None = None
    ) -> dict[str, Any] | None:
        """Change a group's code, section, heading or agencies; the previous values, or
        None when `expected` no longer holds."""
        with self._session() as session, session.begin():
            group = _get(session, IndicatorGroup, group_id, "Nhóm chỉ tiêu")
            state = _group_state(session, group)
            if expected is not None and any(state[k] != _ids(v, k) for k, v in expected.items()):
                return None
            checked = _checked_group(session, group.plan_id, {**state, **changes}, group_id)
            old = {k: state[k] for k in changes}
            for name in ("code", "section", "heading"):
                if name in changes:
                    setattr(group, name, checked[name])
            if "lead_ids" in changes or "coordinating_ids" in changes:
                _relink_group(session, group_id, checked["lead_ids"], checked["coordinating_ids"])
            return old

    def remove_added_group(self, group_id: int) -> bool:
        """Undo of add_group: delete the group (its agency links with it) while it holds no
        indicator and no task; False when something was put in it since."""
        with self._session() as session, session.begin():
            group = session.get(IndicatorGroup, group_id)
            if group is None:
                return True
            if _group_holds(session, group_id):
                return False
            session.delete(group)
        return True

    def delete_group(self, group_id: int, expected: Snapshot | None = None) -> Snapshot | None:
        """Delete an empty group with its agency links. A group that still holds
        indicators or tasks is refused (they would go with it)."""
        with self._session() as session, session.begin():
            group = _get(session, IndicatorGroup, group_id, "Nhóm chỉ tiêu")
            held = _group_holds(session, group_id)
            if held:
                raise EditRefused(
                    f"Nhóm {group.code} còn {held}; hãy xóa hoặc chuyển chúng sang nhóm "
                    "khác trước khi xóa nhóm."
                )
            return _take(session, IndicatorGroup, [group_id], expected)

    # -- indicators ----------------------------------------------------------------------
    def indicator_refusal(
        self, plan_id: int, values: dict[str, Any], except_id: int | None = None
    ) -> str | None:
        """Why an indicator with these fields cannot be kept (None: it can). For a change,
        `values` may hold only the changed fields."""
        with self._session() as session:
            try:
                if except_id is None:
                    _checked_new_indicator(session, plan_id, values)
                else:
                    row = _get(session, Indicator, except_id, "Chỉ tiêu")
                    _checked_indicator_change(session, row, values)
            except EditRefused as refused:
                return str(refused)
        return None

    def add_indicator(self, values: dict[str, Any], key: int | None = None) -> int:
        """A new indicator (plan_id, group_id, parent_id and its fields) after the last one
        of its group, or after its parent's last sub-indicator."""
        with self._session() as session, session.begin():
            checked = _checked_new_indicator(session, values["plan_id"], values)
            siblings = _group_indicators(session, checked["group_id"])
            position = _position_after(siblings, checked.get("parent_id"))
            for ind in siblings:
                if ind.position >= position:
                    ind.position += 1
            row = Indicator.model_validate({**checked, "id": key, "position": position})
            session.add(row)
            session.flush()
            assert row.id is not None
            return row.id

    def remove_added_indicator(self, indicator_id: int) -> bool:
        """Undo of add_indicator: delete it and close the gap, unless something refers to
        it now (figures entered since, a sub-indicator): False, nothing deleted."""
        with self._session() as session, session.begin():
            row = session.get(Indicator, indicator_id)
            if row is None:
                return True
            connection = session.connection()
            for other, column in referring(table_of(Indicator)):
                if other.name not in GOES_WITH and read_rows(
                    connection, other, column, [indicator_id]
                ):
                    return False
            if session.exec(select(Indicator).where(Indicator.parent_id == indicator_id)).first():
                return False
            group_id, position = row.group_id, row.position
            session.delete(row)
            session.flush()
            for ind in _group_indicators(session, group_id):
                if ind.position > position:
                    ind.position -= 1
        return True

    def change_indicator(
        self, indicator_id: int, changes: dict[str, Any], expected: dict[str, Any] | None = None
    ) -> dict[str, Any] | None:
        """Change an indicator's fields (code, name, unit, kind, direction, target form,
        target…); the previous values, or None when `expected` no longer holds."""
        with self._session() as session, session.begin():
            row = _get(session, Indicator, indicator_id, "Chỉ tiêu")
            if expected is not None and not _still(row, expected):
                return None
            checked = _checked_indicator_change(session, row, changes)
            return _write(row, checked)

    def holdings(self, indicator_id: int) -> IndicatorHoldings:
        """What deleting the indicator would take with it."""
        with self._session() as session:
            snapshot = _peek(session, Indicator, _with_descendants(session, indicator_id))
        return IndicatorHoldings(
            sub_indicators=snapshot.count("indicator") - 1,
            figures=snapshot.count(table_of(ReportedValue).name),
            history=snapshot.count(table_of(ValueChange).name),
            locality_targets=snapshot.count(table_of(LocalityTarget).name),
            stated=snapshot.count(table_of(StatedFigure).name),
            same_period=snapshot.count(table_of(SamePeriodValue).name),
        )

    def delete_indicator(
        self, indicator_id: int, expected: Snapshot | None = None
    ) -> Snapshot | None:
        """Delete an indicator with its sub-indicators, figures, history, district targets
        and stated figures; the snapshot puts them back (`restore`). With `expected` (a
        redo), only while all of it is still exactly as it was: else None, nothing deleted."""
        with self._session() as session, session.begin():
            _get(session, Indicator, indicator_id, "Chỉ tiêu")
            ids = _with_descendants(session, indicator_id)
            return _take(session, Indicator, ids, expected)

    # -- positions -----------------------------------------------------------------------
    def move(
        self, model: type[IndicatorGroup] | type[Indicator], key: int, step: int
    ) -> tuple[dict[int, int], dict[int, int]] | None:
        """Move a group, or an indicator among its siblings (with its sub-indicators), one
        place up (step -1) or down (+1). Returns the positions before and after, or None
        when it is already first or last (nothing written)."""
        with self._session() as session, session.begin():
            row = _get(session, model, key, "Dòng")
            if isinstance(row, IndicatorGroup):
                rows = list(
                    session.exec(
                        select(IndicatorGroup)
                        .where(IndicatorGroup.plan_id == row.plan_id)
                        .order_by(col(IndicatorGroup.position), col(IndicatorGroup.id))
                    ).all()
                )
                order = _swapped(rows, rows.index(row), step)
            else:
                rows = _group_indicators(session, row.group_id)
                siblings = [r for r in rows if r.parent_id == row.parent_id]
                swapped = _swapped(siblings, siblings.index(row), step)
                order = None if swapped is None else _flattened(rows, row.parent_id, swapped)
            if order is None:
                return None
            before = {r.id: r.position for r in rows}
            for position, r in enumerate(order):
                r.position = position
            return before, {r.id: r.position for r in rows}  # type: ignore[misc]

    def set_positions(
        self, model: type[SQLModel], positions: dict[int, int], expected: dict[int, int]
    ) -> bool:
        """Put positions back (undo or redo of a move) while they are still `expected`."""
        with self._session() as session, session.begin():
            rows = {k: session.get(model, k) for k in positions}
            if any(r is None or r.position != expected.get(k) for k, r in rows.items()):
                return False
            for key, row in rows.items():
                row.position = positions[key]
        return True

    # -- agencies and localities ----------------------------------------------------------
    def uses(self, model: type[Agency] | type[Locality], key: int) -> list[str]:
        """What still refers to the agency or locality, in phrases (empty: nothing)."""
        with self._session() as session:
            return uses(session.connection(), model, key)

    def unused_refusal(self, model: type[Agency] | type[Locality], key: int) -> str | None:
        """Why the agency or locality cannot be deleted (what still refers to it), or None."""
        with self._session() as session:
            return _unused_refusal(session, model, key)

    def delete_unused(
        self, model: type[Agency] | type[Locality], key: int, expected: Snapshot | None = None
    ) -> Snapshot | None:
        """Delete an agency or locality nothing refers to; refused naming what does."""
        with self._session() as session, session.begin():
            refusal = _unused_refusal(session, model, key)
            if refusal:
                raise EditRefused(refusal)
            return _take(session, model, [key], expected)

    # -- undo of any delete ----------------------------------------------------------------
    def restore(self, snapshot: Snapshot) -> None:
        """Put deleted rows back with their ids. Refused (RestoreRefused, nothing written)
        when their code was taken since or what they belonged to is gone."""
        with self._session() as session, session.begin():
            main, rows = snapshot.tables[0]
            table = SQLModel.metadata.tables[main]
            for row in rows:
                if (
                    session.connection()
                    .execute(select(table.c.id).where(table.c.id == row["id"]))
                    .first()
                ):  # SQLite gives a deleted row's id to the next one added
                    raise RestoreRefused(
                        "một dòng khác đã được thêm vào sau khi xóa; hãy xóa dòng đó trước "
                        "nếu muốn lấy lại"
                    )
                if "code" not in table.c:
                    continue
                query = select(table.c.id).where(table.c.code == row["code"])
                if "plan_id" in table.c:
                    query = query.where(table.c.plan_id == row["plan_id"])
                if session.connection().execute(query).first():
                    raise RestoreRefused(
                        f"mã “{row['code']}” đã được dùng lại sau khi xóa; hãy đổi mã đó "
                        "trước nếu muốn lấy lại"
                    )
            put_back(session.connection(), snapshot)


# -- checks --------------------------------------------------------------------------------
def _unused_refusal(session: Session, model: type[Any], key: int) -> str | None:
    what = "Cơ quan" if model is Agency else "Địa phương"
    row = _get(session, model, key, what)
    used = uses(session.connection(), model, key)
    if not used:
        return None
    return (
        f"{what} “{row.name}” còn {'; '.join(used)}. Hãy bỏ những phân công, số liệu đó "
        "trước, rồi xóa lại."
    )


def _get(session: Session, model: type[Any], key: Any, what: str) -> Any:
    row = session.get(model, key)
    if row is None:
        raise LookupError(f"{what} này không còn trong cơ sở dữ liệu.")
    return row


def _clean(value: Any, name: str, what: str) -> str:
    try:
        return clean_text(value, name, what).strip()
    except RuleError as error:
        raise EditRefused(str(error)) from None


def _still(row: Any, expected: dict[str, Any]) -> bool:
    return all(as_stored(getattr(row, k)) == as_stored(v) for k, v in expected.items())


def _write(row: Any, changes: dict[str, Any]) -> dict[str, Any]:
    old = {name: getattr(row, name) for name in changes}
    for name, value in changes.items():
        setattr(row, name, value)
    return old


def _checked_plan(session: Session, plan: Plan, changes: dict[str, Any]) -> dict[str, Any]:
    """The plan's new details, cleaned; the span moves with the year."""
    checked = dict(changes)
    for name, label in {
        **_PLAN_REQUIRED,
        "signer_authority": "quyền hạn ký",
        "signer_title": "chức vụ người ký",
        "signer_name": "họ tên người ký",
    }.items():
        if name in changes:
            checked[name] = _clean(changes[name], name, f"Kế hoạch, {label}")
            if name in _PLAN_REQUIRED and not checked[name]:
                raise EditRefused(f"Kế hoạch chưa có {label}; hãy nhập {label}.")
    year = checked.get("year", plan.year)
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise EditRefused(
            f"Năm kế hoạch “{year}” không hợp lệ; hãy nhập năm từ {FIRST_YEAR} đến {LAST_YEAR}."
        )
    if year != plan.year and "starts_on" not in checked:  # the span follows the year
        shift = year - plan.year
        checked["starts_on"] = _in_year(plan.starts_on, plan.starts_on.year + shift)
        checked["ends_on"] = _in_year(plan.ends_on, plan.ends_on.year + shift)
    starts = checked.get("starts_on", plan.starts_on)
    ends = checked.get("ends_on", plan.ends_on)
    issued = checked.get("issued_on", plan.issued_on)
    if not isinstance(issued, date):
        raise EditRefused("Kế hoạch chưa có ngày ban hành; hãy nhập ngày (ví dụ 04/7/2024).")
    earliest = date(starts.year - 1, 1, 1)
    if not earliest <= issued <= ends:
        raise EditRefused(
            f"Ngày ban hành {format_date(issued)} không hợp với kế hoạch năm {year} "
            f"({format_date(starts)} – {format_date(ends)}); hãy nhập ngày từ "
            f"{format_date(earliest)} đến {format_date(ends)}."
        )
    if "starts_on" in checked:
        outside = session.exec(
            select(Period)
            .where(Period.plan_id == plan.id)
            .where((col(Period.ends_on) < starts) | (col(Period.ends_on) > ends))
            .order_by(col(Period.ends_on))
        ).first()
        if outside is not None:
            raise EditRefused(
                f"Kỳ “{outside.name}” kết thúc ngày {format_date(outside.ends_on)}, ngoài "
                f"năm kế hoạch mới ({format_date(starts)} – {format_date(ends)}); hãy sửa "
                "hoặc xóa kỳ đó trước khi đổi năm."
            )
    return checked


def _in_year(day: date, year: int) -> date:
    return day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)


def _ids(value: Any, name: str) -> Any:
    return tuple(sorted(value)) if name.endswith("_ids") else value


def _group_state(session: Session, group: IndicatorGroup) -> dict[str, Any]:
    links = session.exec(select(GroupAgency).where(GroupAgency.group_id == group.id)).all()
    return {
        "code": group.code,
        "section": group.section,
        "heading": group.heading,
        "lead_ids": tuple(sorted(x.agency_id for x in links if x.role is Role.LEAD)),
        "coordinating_ids": tuple(sorted(x.agency_id for x in links if x.role is Role.COORDINATE)),
    }


def _checked_group(
    session: Session, plan_id: int, values: dict[str, Any], except_id: int | None
) -> dict[str, Any]:
    code = _clean(values.get("code", ""), "code", "Nhóm chỉ tiêu, mã")
    heading = _clean(values.get("heading", ""), "heading", "Nhóm chỉ tiêu, tiêu đề")
    section = _clean(values.get("section", ""), "section", "Nhóm chỉ tiêu, phần")
    if not code:
        raise EditRefused("Nhóm chỉ tiêu chưa có mã; hãy nhập mã (ví dụ II.12).")
    if code_problem(code):  # a space or a zero-width character pasted from Word
        raise EditRefused(f"Nhóm chỉ tiêu, mã “{code}”: {code_problem(code)}")
    if not heading:
        raise EditRefused("Nhóm chỉ tiêu chưa có tiêu đề; hãy nhập tiêu đề nhóm.")
    if not section:
        raise EditRefused("Nhóm chỉ tiêu chưa có phần; hãy nhập phần (ví dụ II).")
    taken = session.exec(
        select(IndicatorGroup).where(
            IndicatorGroup.plan_id == plan_id,
            IndicatorGroup.code == code,
            col(IndicatorGroup.id) != (except_id or -1),
        )
    ).first()
    if taken is not None:
        raise EditRefused(
            f"Mã nhóm “{code}” đã có trong kế hoạch (nhóm “{taken.heading[:60]}”); "
            "hãy chọn mã khác."
        )
    lead = tuple(sorted(set(values.get("lead_ids", ()))))
    coordinating = tuple(sorted(set(values.get("coordinating_ids", ())) - set(lead)))
    for agency_id in (*lead, *coordinating):
        _get(session, Agency, agency_id, "Cơ quan")
    return {
        "code": code,
        "section": section,
        "heading": heading,
        "lead_ids": lead,
        "coordinating_ids": coordinating,
    }


def _link_group(session: Session, group_id: int, lead: Any, coordinating: Any) -> None:
    for agency_id in lead:
        session.add(GroupAgency(group_id=group_id, agency_id=agency_id, role=Role.LEAD))
    for agency_id in coordinating:
        session.add(GroupAgency(group_id=group_id, agency_id=agency_id, role=Role.COORDINATE))


def _relink_group(session: Session, group_id: int, lead: Any, coordinating: Any) -> None:
    """The group's agency links made these, touching only the links that change."""
    wanted = {a: Role.LEAD for a in lead} | {a: Role.COORDINATE for a in coordinating}
    for link in session.exec(select(GroupAgency).where(GroupAgency.group_id == group_id)).all():
        role = wanted.pop(link.agency_id, None)
        if role is None:
            session.delete(link)
        elif role is not link.role:
            link.role = role
    for agency_id, role in wanted.items():
        session.add(GroupAgency(group_id=group_id, agency_id=agency_id, role=role))


def _group_holds(session: Session, group_id: int) -> str:
    """ "3 chỉ tiêu và 2 nhiệm vụ" still in the group; empty when it holds nothing."""
    indicators = session.exec(
        select(func.count()).select_from(Indicator).where(Indicator.group_id == group_id)
    ).one()
    tasks = session.exec(
        select(func.count()).select_from(Task).where(Task.group_id == group_id)
    ).one()
    parts = [f"{indicators} chỉ tiêu"] * bool(indicators) + [f"{tasks} nhiệm vụ"] * bool(tasks)
    return " và ".join(parts)


def _checked_new_indicator(
    session: Session, plan_id: int, values: dict[str, Any]
) -> dict[str, Any]:
    group = _get(session, IndicatorGroup, values.get("group_id"), "Nhóm chỉ tiêu")
    if group.plan_id != plan_id:
        raise EditRefused("Nhóm chỉ tiêu này thuộc kế hoạch khác; hãy chọn nhóm của kế hoạch.")
    parent_id = values.get("parent_id")
    if parent_id is not None:
        parent = _get(session, Indicator, parent_id, "Chỉ tiêu cha")
        if parent.group_id != group.id:
            raise EditRefused("Chỉ tiêu con phải cùng nhóm với chỉ tiêu cha.")
    row = Indicator.model_validate(
        {
            "unit": "",
            "target_form": TargetForm.VALUE,
            "kind": IndicatorKind.ACCUMULATING,
            **values,
            "plan_id": plan_id,
            "position": 0,
        }
    )
    checked = _indicator_rules(session, row, fields_of(row), None)
    checked.pop("id", None)
    return checked


def _checked_indicator_change(
    session: Session, row: Indicator, changes: dict[str, Any]
) -> dict[str, Any]:
    if "group_id" in changes or "parent_id" in changes or "plan_id" in changes:
        raise EditRefused("Không chuyển chỉ tiêu sang nhóm khác ở đây; hãy dùng Lên/Xuống.")
    judged = dict(changes)
    if _RULE_FIELDS & set(changes):  # its figures judged again by what it becomes
        for name in ("target_value", "target_share", "baseline_value", "same_period_value"):
            judged.setdefault(name, getattr(row, name))
    checked = _indicator_rules(session, row, judged, row.id)
    return {k: checked[k] for k in changes}


def _indicator_rules(
    session: Session, row: Indicator, changes: dict[str, Any], except_id: int | None
) -> dict[str, Any]:
    """An indicator's fields within the rules: a name and a code, unique in its plan, a
    target form that fits its kind, texts and figures within domain/figure_rules.py."""
    try:
        checked = checked_fields(session, row, changes)
    except RuleError as error:
        raise EditRefused(str(error)) from None
    after = SimpleNamespace(**{**fields_of(row), **checked})
    code, name = (after.code or "").strip(), (after.name or "").strip()
    if not code:
        raise EditRefused("Chỉ tiêu chưa có mã; hãy nhập mã (ví dụ II.12.1).")
    if code_problem(code):
        raise EditRefused(f"Mã chỉ tiêu “{code}”: {code_problem(code)}")
    if not name:
        raise EditRefused(f"Chỉ tiêu {code} chưa có tên; hãy nhập tên chỉ tiêu.")
    for key in ("code", "name"):
        if key in checked:
            checked[key] = checked[key].strip()
    problem = form_problem(after.kind, after.target_form)
    if problem:
        raise EditRefused(f"Chỉ tiêu {code}: {problem}")
    taken = session.exec(
        select(Indicator).where(
            Indicator.plan_id == row.plan_id,
            Indicator.code == code,
            col(Indicator.id) != (except_id or -1),
        )
    ).first()
    if taken is not None:
        raise EditRefused(
            f"Mã chỉ tiêu “{code}” đã có trong kế hoạch (chỉ tiêu “{taken.name[:60]}”); "
            "hãy chọn mã khác."
        )
    return checked


def _group_indicators(session: Session, group_id: int) -> list[Indicator]:
    return list(
        session.exec(
            select(Indicator)
            .where(Indicator.group_id == group_id)
            .order_by(col(Indicator.position), col(Indicator.id))
        ).all()
    )


def _position_after(rows: list[Indicator], parent_id: int | None) -> int:
    """Where a new indicator goes: after the group's last one, or after the last of its
    parent's sub-indicators (their sub-indicators included)."""
    if parent_id is None:
        return max((r.position for r in rows), default=-1) + 1
    block = {parent_id}
    for r in rows:  # in position order: a child follows its parent
        if r.parent_id in block:
            block.add(r.id)  # type: ignore[arg-type]
    return max(r.position for r in rows if r.id in block) + 1


def _swapped(rows: list[Any], index: int, step: int) -> list[Any] | None:
    other = index + step
    if not 0 <= other < len(rows):
        return None
    rows = list(rows)
    rows[index], rows[other] = rows[other], rows[index]
    return rows


def _flattened(rows: list[Indicator], parent_id: int | None, siblings: list[Indicator]) -> list:
    """The group's indicators in document order (each followed by its sub-indicators),
    with `siblings` (the children of `parent_id`) in their new order."""
    children: dict[int | None, list[Indicator]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r)
    children[parent_id] = siblings
    ids = {r.id for r in rows}
    order: list[Indicator] = []

    def walk(parent: int | None) -> None:
        for r in children.get(parent, []):
            order.append(r)
            walk(r.id)

    walk(None)
    for r in rows:  # a parent in another group: keep its children, in place, at the end
        if r.parent_id is not None and r.parent_id not in ids and r not in order:
            order.append(r)
            walk(r.id)
    return order


def _with_descendants(session: Session, indicator_id: int) -> list[int]:
    """The indicator and its sub-indicators at every depth, parents first."""
    ids, frontier = [indicator_id], [indicator_id]
    while frontier:
        frontier = list(
            session.exec(select(Indicator.id).where(col(Indicator.parent_id).in_(frontier))).all()
        )
        ids.extend(frontier)  # type: ignore[arg-type]
    return ids


def _peek(session: Session, model: type[SQLModel], ids: list[int]) -> Snapshot:
    """What `_take` would take, without deleting anything."""
    return peek(session.connection(), table_of(model), ids)


def _take(
    session: Session, model: type[SQLModel], ids: list[int], expected: Snapshot | None
) -> Snapshot | None:
    connection = session.connection()
    if expected is not None and peek(connection, table_of(model), ids) != expected:
        return None
    return take(connection, table_of(model), ids)
