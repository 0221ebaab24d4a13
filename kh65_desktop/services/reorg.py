"""Applying a reorganisation file (storage/reorg_file.py): preview, apply in one
transaction (logged in reorg_log), undo back to exactly what was there.

What changes is the organisations' history: validity, names, successions, agencies and
localities the file adds. Figures never move. A plan that starts before a change keeps its
assignments (plan 65 still names Sở Kế hoạch và Đầu tư); a plan that starts on or after it
has its assignments of the old agency passed to the successor. The preview also says, for
every plan, where each item of an old agency goes in a plan made later from it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from ..domain.numbers import format_date
from ..domain.organisation import (
    ItemKind,
    SplitItem,
    Succession,
    SuccessionKind,
    find_cycle,
)
from ..domain.terms import AgencyKind, Role
from ..storage.assignments import led_tasks
from ..storage.models import (
    Agency,
    AgencyName,
    AgencySplitItem,
    AgencySuccession,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    LocalitySuccession,
    Plan,
    ReorgLog,
    Task,
    TaskAgency,
)
from ..storage.reorg_file import Merge, ReorgFile, ReorgFileError, Split, read_reorg_file
from .localities import LOG_CODE as LOCALITY_LIST
from .organisations import AgencyHistory, read_history

ONE_DAY = timedelta(days=1)
ROLE_NAMES = {Role.LEAD: "chủ trì", Role.COORDINATE: "phối hợp"}


class ReorgRefused(ValueError):
    """The file cannot be applied (or an apply cannot be undone); nothing was written."""


@dataclass
class Move:
    """One assignment of an old agency in one plan, and who holds it after the change."""

    item: str  # "nhóm II.3", "chỉ tiêu II.9.2 Tỷ lệ lao động qua đào tạo", "nhiệm vụ II.9.T1.2"
    role: Role
    old: str
    new: str


@dataclass
class PlanMoves:
    plan: str  # "Kế hoạch số 65/KH-UBND (năm 2024)"
    plan_code: str
    moved: bool  # True: the plan starts on or after the change, its assignments move now
    moves: list[Move] = field(default_factory=list)


@dataclass
class Change:
    """One line of the preview, with the lines under it (a split's successors, the bodies
    an ending ends)."""

    text: str
    details: list[str] = field(default_factory=list)


@dataclass
class ReorgPreview:
    code: str
    title: str
    changes: list[Change] = field(default_factory=list)  # in date order
    plans: list[PlanMoves] = field(default_factory=list)

    def text(self) -> str:
        lines = [f"Sắp xếp tổ chức: {self.title}", ""]
        for change in self.changes:
            lines.append(f"- {change.text}")
            lines += [f"    {detail}" for detail in change.details]
        for plan in self.plans:
            lines.append("")
            if plan.moved:
                lines.append(f"{plan.plan}: lập sau thay đổi, phân công chuyển sang cơ quan mới:")
            else:
                lines.append(
                    f"{plan.plan}: lập trước thay đổi, giữ nguyên phân công và tên cơ quan khi "
                    "in; kế hoạch lập sau từ kế hoạch này sẽ giao:"
                )
            lines += [f"  {m.item} ({ROLE_NAMES[m.role]}): {m.old} → {m.new}" for m in plan.moves]
        return "\n".join(lines)


@dataclass
class ReorgResult:
    log_id: int
    preview: ReorgPreview


class ReorgService:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def read(self, path: Path) -> ReorgFile:
        try:
            return read_reorg_file(path)
        except ReorgFileError as exc:
            raise ReorgRefused(str(exc)) from None

    def preview(self, reorg: ReorgFile) -> ReorgPreview:
        """What applying `reorg` would do; nothing is written. Refusals raise ReorgRefused."""
        with Session(self.engine) as session:
            work = _Work(session, reorg)
            work.check()
            return work.preview()

    def apply(self, reorg: ReorgFile, applied_by: str) -> ReorgResult:
        """Apply `reorg` in one transaction, logged in reorg_log with its undo record."""
        with Session(self.engine, expire_on_commit=False) as session:
            work = _Work(session, reorg)
            work.check()
            preview = work.preview()
            undo = work.write()
            log = ReorgLog(
                code=reorg.code,
                title=reorg.title,
                applied_at=datetime.now(UTC),
                applied_by=applied_by,
                undo_data=json.dumps(undo, ensure_ascii=False),
            )
            session.add(log)
            session.commit()
            assert log.id is not None
            return ReorgResult(log.id, preview)

    def undo(self, log_id: int) -> None:
        """Put back what the apply changed, in one transaction; refused (nothing written)
        when later work uses what it added or changed what it set."""
        with Session(self.engine) as session:
            # SQLite's integers end at 2**63 - 1: a larger number is no log's
            log = session.get(ReorgLog, log_id) if 0 < log_id < 2**63 else None
            if log is None:
                raise ReorgRefused(f"Không có lần sắp xếp số {log_id}. {_undoable(session)}")
            if log.undone_at is not None:
                raise ReorgRefused(
                    f"Lần sắp xếp số {log_id} (“{log.code}”) đã được hoàn tác ngày "
                    f"{format_date(log.undone_at.date())}; không còn gì để hoàn tác."
                )
            if log.code == LOCALITY_LIST:  # the same log, a different undo (services/localities)
                raise ReorgRefused(
                    f"Lần số {log_id} là một lần nạp danh sách địa bàn, không phải sắp xếp tổ "
                    "chức: hoàn tác nó trong cửa sổ (Sửa → Hoàn tác)."
                )
            _undo(session, json.loads(log.undo_data))
            log.undone_at = datetime.now(UTC)
            session.add(log)
            session.commit()


def _undoable(session: Session) -> str:
    """The applied reorganisations a clerk may name, for a refusal of a wrong number."""
    logs = session.exec(
        select(ReorgLog)
        .where(col(ReorgLog.undone_at).is_(None), ReorgLog.code != LOCALITY_LIST)
        .order_by(col(ReorgLog.id))
    ).all()
    if not logs:
        return "Chưa có lần sắp xếp nào đang áp dụng để hoàn tác."
    listed = "; ".join(f"số {g.id} (“{g.code}”)" for g in logs)
    return f"Các lần có thể hoàn tác: {listed}. Hãy chạy lại với một trong các số đó."


# -- checking ---------------------------------------------------------------------------


@dataclass
class _State:
    """One agency's or locality's validity and name as the file's changes go on."""

    id: int | None  # None: added by the file
    code: str
    name: str
    valid_from: date | None
    valid_to: date | None
    kind: str = ""
    parent: str = ""


class _Work:
    """The file checked against one database, then (if asked) written into it."""

    def __init__(self, session: Session, reorg: ReorgFile) -> None:
        self.session, self.reorg = session, reorg
        self.agencies = {
            a.code: _State(a.id, a.code, a.name, a.valid_from, a.valid_to, a.kind.value)
            for a in session.exec(select(Agency))
        }
        self.localities = {
            loc.code: _State(
                loc.id, loc.code, loc.name, loc.valid_from, loc.valid_to, loc.kind, loc.parent_code
            )
            for loc in session.exec(select(Locality))
        }
        self.original = {
            "agency": {c: (s.name, s.valid_from, s.valid_to) for c, s in self.agencies.items()},
            "locality": {c: (s.valid_from, s.valid_to) for c, s in self.localities.items()},
        }
        self.last_names: dict[str, date] = {}  # agency code -> last day of its latest old name
        codes = {a.id: a.code for a in session.exec(select(Agency))}
        for row in session.exec(select(AgencyName)):
            code = codes[row.agency_id]
            self.last_names[code] = max(row.valid_to, self.last_names.get(code, row.valid_to))
        self.stored = [
            Succession(codes[r.predecessor_id], codes[r.successor_id], r.on_date)
            for r in session.exec(select(AgencySuccession))
        ]
        places = {loc.id: loc.code for loc in session.exec(select(Locality))}
        self.stored_places = [  # "@" keeps a locality's code apart from an agency's
            Succession(f"@{places[r.predecessor_id]}", f"@{places[r.successor_id]}", r.on_date)
            for r in session.exec(select(LocalitySuccession))
        ]
        self.plans = list(session.exec(select(Plan).order_by(col(Plan.starts_on))))
        self.renamed: list[tuple[str, str, date, str]] = []  # code, old name, last day, decision
        self.changes: list[tuple[date, Change]] = []

    # the bodies the file names
    def agency(self, code: str, row: str) -> _State:
        if code not in self.agencies:
            raise self.reorg.fail(
                row,
                f"không có cơ quan mã “{code}” trong cơ sở dữ liệu hay trong [[agencies]] của "
                "tệp; hãy kiểm tra mã hoặc khai báo cơ quan đó.",
            )
        return self.agencies[code]

    def locality(self, code: str, row: str) -> _State:
        if code not in self.localities:
            raise self.reorg.fail(
                row,
                f"không có địa phương mã “{code}” trong cơ sở dữ liệu hay trong [[localities]] "
                "của tệp; hãy kiểm tra mã hoặc khai báo địa phương đó.",
            )
        return self.localities[code]

    def check(self) -> None:
        log = self.session.exec(
            select(ReorgLog).where(
                ReorgLog.code == self.reorg.code, col(ReorgLog.undone_at).is_(None)
            )
        ).first()
        if log is not None:
            raise ReorgRefused(
                f"Sắp xếp “{self.reorg.code}” ({self.reorg.filename}) đã được áp dụng ngày "
                f"{format_date(log.applied_at.date())} bởi {log.applied_by}; muốn áp dụng lại "
                "thì hoàn tác lần đó trước."
            )
        try:
            self._check()
        except ReorgFileError as exc:
            raise ReorgRefused(str(exc)) from None

    def _check(self) -> None:
        reorg = self.reorg
        for table, declared in (
            (self.agencies, reorg.agencies),
            (self.localities, reorg.localities),
        ):
            seen: set[str] = set()
            for item in declared:
                if item.code in seen:
                    raise reorg.fail(item.row, f"mã “{item.code}” đã khai báo ở dòng trước.")
                seen.add(item.code)
                if item.code not in table:
                    table[item.code] = _State(
                        None, item.code, item.name, item.valid_from, None, item.kind, item.parent
                    )
        for item in reorg.localities:
            if item.parent:
                self.locality(item.parent, item.row)
        self._check_cycles()
        # the changes in date order (the file's order within a day), each by its own check
        steps: list[tuple[date, Callable[[], None]]] = []
        for rename in reorg.renames:
            steps.append((rename.on, partial(self._rename, rename)))
        for merge in reorg.merges:
            steps.append(
                (merge.on, partial(self._merge, merge, self.agencies, self.agency, "cơ quan"))
            )
        for split in reorg.splits:
            steps.append((split.on, partial(self._split, split)))
        for merge in reorg.locality_merges:
            steps.append(
                (
                    merge.on,
                    partial(self._merge, merge, self.localities, self.locality, "địa phương"),
                )
            )
        for ending in reorg.endings:
            steps.append((ending.last_day + ONE_DAY, partial(self._ending, ending)))
        for _, step in sorted(steps, key=lambda s: s[0]):  # a stable sort keeps the file order
            step()

    def _check_cycles(self) -> None:
        reorg = self.reorg
        edges = self.stored + self.stored_places
        rows: dict[tuple[str, str], str] = {}
        for m in reorg.merges:
            for s in m.sources:
                edges.append(Succession(s, m.into, m.on))
                rows[s, m.into] = m.row
        for sp in reorg.splits:
            for b in sp.branches:
                edges.append(Succession(sp.source, b.to, sp.on, SuccessionKind.SPLIT))
                rows[sp.source, b.to] = sp.row
        for lm in reorg.locality_merges:
            for s in lm.sources:
                edges.append(Succession(f"@{s}", f"@{lm.into}", lm.on))
                rows[f"@{s}", f"@{lm.into}"] = lm.row
        cycle = find_cycle(edges)
        if cycle:
            pairs = list(zip(cycle, cycle[1:], strict=False))
            row = next((rows[p] for p in pairs if p in rows), reorg.code)
            shown = " → ".join(c.lstrip("@") for c in cycle)
            raise reorg.fail(
                row,
                f"vòng lặp kế tiếp {shown}: một cơ quan không thể là cơ quan kế tiếp của chính "
                "nó; hãy bỏ một trong các dòng hợp nhất đó.",
            )

    def _valid_through(self, state: _State, day: date, row: str, what: str) -> None:
        """`state` exists on `day` (a successor's first day, or a body's last day)."""
        if state.valid_to is not None and state.valid_to < day:
            raise self.reorg.fail(
                row,
                f"{what} {state.name} ({state.code}) đã kết thúc ngày "
                f"{format_date(state.valid_to)}, trước ngày {format_date(day)}: không thể "
                "chuyển công việc cho hay từ một đơn vị đã kết thúc.",
            )
        if state.valid_from is not None and state.valid_from > day:
            raise self.reorg.fail(
                row,
                f"ngày không theo thứ tự: {what} {state.name} ({state.code}) bắt đầu từ ngày "
                f"{format_date(state.valid_from)}, sau ngày {format_date(day)}.",
            )

    def _end(self, state: _State, last_day: date, row: str, what: str) -> None:
        self._valid_through(state, last_day, row, what)
        state.valid_to = last_day

    def _merge(self, merge: Merge, table: dict[str, _State], find: Any, what: str) -> None:
        into = find(merge.into, merge.row)
        for code in merge.sources:
            find(code, merge.row)
        self._valid_through(into, merge.on, merge.row, what)
        for code in merge.sources:
            self._end(table[code], merge.on - ONE_DAY, merge.row, what)
        names = ", ".join(table[c].name for c in merge.sources)
        self.changes.append(
            (
                merge.on,
                Change(
                    f"Hợp nhất từ {format_date(merge.on)}: {names} → {into.name} ({merge.decision})"
                ),
            )
        )

    def _rename(self, rename: Any) -> None:
        state = self.agency(rename.agency, rename.row)
        last = rename.on - ONE_DAY
        self._valid_through(state, rename.on, rename.row, "cơ quan")
        self._valid_through(state, last, rename.row, "cơ quan")
        earlier = self.last_names.get(state.code)
        if earlier is not None and earlier >= last:
            raise self.reorg.fail(
                rename.row,
                f"ngày không theo thứ tự: {state.name} đã mang tên trước đến ngày "
                f"{format_date(earlier)}, không thể đổi tên từ ngày {format_date(rename.on)}.",
            )
        if rename.name == state.name:
            raise self.reorg.fail(rename.row, f"tên mới trùng tên hiện tại “{state.name}”.")
        wanted = rename.name.casefold()
        for other in self.agencies.values():  # two agencies of one name: a picker shows both
            if (
                other is not state
                and other.name.casefold() == wanted
                and (other.valid_to is None or other.valid_to >= rename.on)
            ):
                raise self.reorg.fail(
                    rename.row,
                    f"tên mới “{rename.name}” là tên của cơ quan khác đang hoạt động (mã "
                    f"“{other.code}”); hai cơ quan thành một thì ghi ở [[merges]].",
                )
        self.changes.append(
            (
                rename.on,
                Change(
                    f"Đổi tên từ {format_date(rename.on)}: {state.name} → {rename.name} "
                    f"({rename.decision})"
                ),
            )
        )
        self.renamed.append((state.code, state.name, last, rename.decision))
        self.last_names[state.code] = last
        state.name = rename.name

    def _split(self, split: Split) -> None:
        source = self.agency(split.source, split.row)
        for branch in split.branches:
            self._valid_through(self.agency(branch.to, split.row), split.on, split.row, "cơ quan")
        named: set[tuple[str, ItemKind, str]] = set()
        for entry in split.entries:
            key = (entry.plan, entry.kind, entry.code)
            if key in named:
                raise self.reorg.fail(entry.row, "mục này đã được giao ở dòng trước.")
            named.add(key)
            plan = next((p for p in self.plans if p.code == entry.plan), None)
            if plan is not None and not self._item_exists(plan, entry.kind, entry.code):
                what = {"group": "nhóm", "indicator": "chỉ tiêu", "task": "nhiệm vụ"}
                raise self.reorg.fail(
                    entry.row,
                    f"kế hoạch {plan.number} không có {what[entry.kind.value]} mã “{entry.code}”.",
                )
        if split.into is None:
            self._every_lead_named(split)
        self._end(source, split.on - ONE_DAY, split.row, "cơ quan")
        self.changes.append(
            (
                split.on,
                Change(
                    f"Tách từ {format_date(split.on)}: {source.name}, chức năng chuyển cho "
                    f"({split.decision}):",
                    [f"→ {self.agencies[b.to].name}: {b.functions}" for b in split.branches],
                ),
            )
        )

    def _item_exists(self, plan: Plan, kind: ItemKind, code: str) -> bool:
        model = {
            ItemKind.GROUP: IndicatorGroup,
            ItemKind.INDICATOR: Indicator,
            ItemKind.TASK: Task,
        }[kind]
        query = select(func.count()).select_from(model)
        query = query.where(model.plan_id == plan.id, model.code == code)
        return bool(self.session.exec(query).one())

    def _every_lead_named(self, split: Split) -> None:
        """A split with no `into` must give every indicator and task the agency leads a
        successor: one left over would be led by nobody."""
        history = self._history([split])
        source_id = self.agencies[split.source].id
        for plan in self.plans:
            for indicator, line, group in _led_indicators(self.session, plan, source_id):
                if (
                    history.item_successor(
                        split.source, split.on, plan.code, indicator_line=line, group=group
                    )
                    is None
                ):
                    raise self.reorg.fail(
                        split.row,
                        f"chỉ tiêu {indicator.code} ({indicator.name}) của kế hoạch "
                        f"{plan.number} do {self.agencies[split.source].name} chủ trì chưa "
                        "được giao cho cơ quan kế tiếp nào, sẽ không còn cơ quan chủ trì: thêm "
                        f'vào items {{ plan = "{plan.code}", indicator = "{indicator.code}", '
                        'to = "…" } hoặc nêu into.',
                    )
            for task in led_tasks(self.session, plan.id, source_id):
                if (
                    history.item_successor(
                        split.source, split.on, plan.code, task=task.code, group=None
                    )
                    is None
                ):
                    raise self.reorg.fail(
                        split.row,
                        f"nhiệm vụ {task.code} của kế hoạch {plan.number} do "
                        f"{self.agencies[split.source].name} chủ trì chưa được giao cho cơ quan "
                        "kế tiếp nào, sẽ không còn cơ quan chủ trì.",
                    )

    def _ending(self, ending: Any) -> None:
        for code in ending.agencies:
            self._end(self.agency(code, ending.row), ending.last_day, ending.row, "cơ quan")
        for code in ending.localities:
            self._end(self.locality(code, ending.row), ending.last_day, ending.row, "địa phương")
        names = [self.agencies[c].name for c in ending.agencies] + [
            self.localities[c].name for c in ending.localities
        ]
        self.changes.append(
            (
                ending.last_day + ONE_DAY,
                Change(f"Kết thúc ngày {format_date(ending.last_day)} ({ending.decision}):", names),
            )
        )

    # -- what the preview shows ------------------------------------------------------------
    def _history(self, splits: list[Split] | None = None) -> AgencyHistory:
        """The successions this file adds (with those stored), as the domain reads them."""
        successions = list(self.stored)
        items: list[SplitItem] = []
        for m in self.reorg.merges:
            successions += [Succession(s, m.into, m.on) for s in m.sources]
        for sp in self.reorg.splits if splits is None else splits:
            for b in sp.branches:
                kind = SuccessionKind.MERGE if b.to == sp.into else SuccessionKind.SPLIT
                successions.append(Succession(sp.source, b.to, sp.on, kind))
            items += [SplitItem(sp.source, e.to, e.plan, e.kind, e.code) for e in sp.entries]
        return AgencyHistory({}, {}, successions, items)

    def preview(self) -> ReorgPreview:
        preview = ReorgPreview(self.reorg.code, self.reorg.title)
        for item in self.reorg.agencies:
            if self.agencies[item.code].id is None:
                since = f" từ {format_date(item.valid_from)}" if item.valid_from else ""
                preview.changes.append(Change(f"Thêm cơ quan: {item.name}{since}"))
        for item in self.reorg.localities:
            if self.localities[item.code].id is None:
                since = f" từ {format_date(item.valid_from)}" if item.valid_from else ""
                preview.changes.append(Change(f"Thêm địa phương: {item.name}{since}"))
        preview.changes += [change for _, change in sorted(self.changes, key=lambda c: c[0])]
        preview.plans = [p for plan in self.plans if (p := self._plan_moves(plan)).moves]
        return preview

    def _ended(self) -> list[tuple[str, date]]:
        """The agencies the file ends with a successor, and their successor's first day."""
        found = [(s, m.on) for m in self.reorg.merges for s in m.sources]
        return found + [(sp.source, sp.on) for sp in self.reorg.splits]

    def _plan_moves(self, plan: Plan) -> PlanMoves:
        history = self._history()
        label = f"Kế hoạch số {plan.number} (năm {plan.year})"
        result = PlanMoves(label, plan.code, moved=False)
        for code, on in self._ended():
            state = self.agencies[code]
            if state.id is None:
                continue
            result.moved = result.moved or plan.starts_on >= on
            day = max(on, plan.starts_on)
            for _, _, role, _, shown in _assignments(
                self.session, plan, state.id, history, code, day
            ):
                result.moves += [
                    Move(item, role, self._name_before(code), self.agencies[new].name)
                    for item, new in shown
                ]
        return result

    def _name_before(self, code: str) -> str:
        return self.original["agency"].get(code, (self.agencies[code].name,))[0]

    # -- writing ---------------------------------------------------------------------------
    def write(self) -> dict[str, Any]:
        """Write the checked changes; the record that undoes them exactly."""
        session, reorg = self.session, self.reorg
        undo: dict[str, Any] = {"added": defaultdict(list), "removed": defaultdict(list)}
        position = session.exec(select(func.max(Agency.position))).one() or 0
        for state in self.agencies.values():
            if state.id is None:
                position += 1
                row = Agency(
                    code=state.code,
                    name=state.name,  # a rename in the file keeps the first in agency_name
                    kind=AgencyKind(state.kind),
                    position=position,
                    valid_from=state.valid_from,
                    valid_to=state.valid_to,
                )
                session.add(row)
                session.flush()
                state.id = row.id
                undo["added"]["agency"].append(row.id)
        place = session.exec(select(func.max(Locality.position))).one() or 0
        for state in self.localities.values():
            if state.id is None:
                place += 1
                loc = Locality(
                    code=state.code,
                    name=state.name,
                    kind=state.kind,
                    position=place,
                    valid_from=state.valid_from,
                    valid_to=state.valid_to,
                    parent_code=state.parent,
                )
                session.add(loc)
                session.flush()
                state.id = loc.id
                undo["added"]["locality"].append(loc.id)
        undo["changed"] = self._write_changed_fields()
        for code, old_name, last, _decision in self.renamed:
            name_row = AgencyName(agency_id=self.agencies[code].id, name=old_name, valid_to=last)
            session.add(name_row)
            session.flush()
            undo["added"]["agency_name"].append(name_row.id)
        for m in reorg.merges:
            for s in m.sources:
                self._succession(undo, s, m.into, m.on, SuccessionKind.MERGE, m.decision)
        for sp in reorg.splits:
            for b in sp.branches:
                kind = SuccessionKind.MERGE if b.to == sp.into else SuccessionKind.SPLIT
                row_id = self._succession(undo, sp.source, b.to, sp.on, kind, sp.decision)
                for e in sp.entries:
                    if e.to == b.to:
                        item = AgencySplitItem(
                            succession_id=row_id,
                            plan_code=e.plan,
                            item_kind=e.kind.value,
                            item_code=e.code,
                            note=e.why,
                        )
                        session.add(item)
                        session.flush()
                        undo["added"]["agency_split_item"].append(item.id)
        for lm in reorg.locality_merges:
            for s in lm.sources:
                link = LocalitySuccession(
                    predecessor_id=self.localities[s].id,
                    successor_id=self.localities[lm.into].id,
                    on_date=lm.on,
                    decision=lm.decision,
                )
                session.add(link)
                session.flush()
                undo["added"]["locality_succession"].append(link.id)
        self._move_later_plans(undo)
        session.flush()
        return {
            key: dict(value) if isinstance(value, defaultdict) else value
            for key, value in undo.items()
        }

    def _write_changed_fields(self) -> dict[str, dict[str, dict[str, str | None]]]:
        changed: dict[str, dict[str, dict[str, str | None]]] = {"agency": {}, "locality": {}}
        for code, (name, valid_from, valid_to) in self.original["agency"].items():
            state = self.agencies[code]
            now = {"name": state.name, "valid_from": state.valid_from, "valid_to": state.valid_to}
            was = {"name": name, "valid_from": valid_from, "valid_to": valid_to}
            if now != was:
                row = self.session.get(Agency, state.id)
                for key, value in now.items():
                    setattr(row, key, value)
                self.session.add(row)
                changed["agency"][str(state.id)] = {
                    "was": _jsonable(was),
                    "set": _jsonable(now),
                }
        for code, (valid_from, valid_to) in self.original["locality"].items():
            state = self.localities[code]
            now = {"valid_from": state.valid_from, "valid_to": state.valid_to}
            was = {"valid_from": valid_from, "valid_to": valid_to}
            if now != was:
                loc = self.session.get(Locality, state.id)
                for key, value in now.items():
                    setattr(loc, key, value)
                self.session.add(loc)
                changed["locality"][str(state.id)] = {"was": _jsonable(was), "set": _jsonable(now)}
        return changed  # type: ignore[return-value]

    def _succession(
        self,
        undo: dict[str, Any],
        source: str,
        to: str,
        on: date,
        kind: SuccessionKind,
        decision: str,
    ) -> int:
        row = AgencySuccession(
            predecessor_id=self.agencies[source].id,
            successor_id=self.agencies[to].id,
            on_date=on,
            kind=kind.value,
            decision=decision,
        )
        self.session.add(row)
        self.session.flush()
        assert row.id is not None
        undo["added"]["agency_succession"].append(row.id)
        return row.id

    def _move_later_plans(self, undo: dict[str, Any]) -> None:
        """Plans starting on or after a change: the old agency's roles pass to its
        successors (item by item for a split). Earlier plans keep theirs."""
        history = self._history()
        for code, on in self._ended():
            source_id = self.agencies[code].id
            for plan in self.plans:
                if plan.starts_on < on:
                    continue
                for kind, key, role, new_codes, _ in _assignments(
                    self.session, plan, source_id, history, code, plan.starts_on
                ):
                    new_ids = [self.agencies[c].id for c in new_codes]
                    _reassign(self.session, undo, kind, key, source_id, role, new_ids)


def pass_to_successors(session: Session, plan: Plan, items_of: str) -> None:
    """A plan made after reorganisations (services/plan_copy.py), in the caller's
    transaction: the roles of every agency ended by the plan's start pass to their
    successors, item by item for a split whose items name the plan `items_of` (the one it
    was made from); the owner passes to the owner's successor. Its undo is the new plan's."""
    history = read_history(session)
    if plan.owner_code:
        plan.owner_code = history.successor(plan.owner_code, plan.starts_on)
        session.add(plan)
    unused: dict[str, Any] = {"removed": defaultdict(list), "added": defaultdict(list)}
    for agency in history.agencies.values():
        if agency.valid_to is None or agency.valid_to >= plan.starts_on:
            continue
        for kind, key, role, new_codes, _ in _assignments(
            session, plan, agency.id, history, agency.code, plan.starts_on, items_of
        ):
            new_ids = [history.agencies[c].id for c in new_codes]
            _reassign(session, unused, kind, key, agency.id, role, new_ids)


def _reassign(
    session: Session,
    undo: dict[str, Any],
    kind: str,
    key: int,
    old_id: int | None,
    role: Role,
    new_ids: list[int | None],
) -> None:
    """One group's or task's role passes from `old_id` to `new_ids` (a stronger role
    already held by a successor stays; a coordinating one becomes the lead's)."""
    model, column = (GroupAgency, "group_id") if kind == "group" else (TaskAgency, "task_id")
    table = f"{kind}_agency"
    old = session.get(model, (key, old_id))
    if old is None:
        return
    session.delete(old)
    undo["removed"][table].append([key, old_id, role.value])
    for new_id in new_ids:
        held = session.get(model, (key, new_id))
        if held is None:
            session.add(model(**{column: key, "agency_id": new_id, "role": role}))
            undo["added"][table].append([key, new_id])
        elif held.role is Role.COORDINATE and role is Role.LEAD:
            held.role = role
            session.add(held)
            undo["added"][table + "_role"].append([key, new_id, Role.COORDINATE.value])
    session.flush()


Assignment = tuple[str, int, Role, list[str], list[tuple[str, str]]]


def _assignments(
    session: Session,
    plan: Plan,
    agency_id: int | None,
    history: AgencyHistory,
    code: str,
    day: date,
    items_of: str | None = None,
) -> list[Assignment]:
    """Each group and task of `plan` where the agency has a role: (kind, id, role, the
    successors' codes, [(item label, successor code)] for the preview). A split's items are
    named by plan code: `items_of` is the plan they were written for (default `plan`'s)."""
    items = items_of or plan.code
    found: list[Assignment] = []
    groups = list(
        session.exec(
            select(IndicatorGroup, GroupAgency.role)
            .join(GroupAgency)
            .where(IndicatorGroup.plan_id == plan.id, GroupAgency.agency_id == agency_id)
            .order_by(col(IndicatorGroup.position))
        )
    )
    for group, role in groups:
        indicators = list(
            session.exec(
                select(Indicator)
                .where(Indicator.group_id == group.id)
                .order_by(col(Indicator.position))
            )
        )
        lines = _parent_lines(indicators)
        each = [
            (
                f"chỉ tiêu {i.code} {i.name}",
                history.item_successor(
                    code, day, items, indicator_line=lines[i.id or 0], group=group.code
                ),
            )
            for i in indicators
        ]
        targets = history.group_successors(
            code, day, items, group.code, [lines[i.id or 0] for i in indicators]
        )
        if len(targets) > 1:
            shown = [(label, succ) for label, succ in each if succ]
        else:
            shown = [(f"nhóm {group.code} {group.heading}", t) for t in targets]
        if targets:
            found.append(("group", group.id or 0, role, targets, shown))
    for task, group_code, role in session.exec(
        select(Task, IndicatorGroup.code, TaskAgency.role)
        .join(TaskAgency)
        .join(IndicatorGroup, isouter=True)
        .where(Task.plan_id == plan.id, TaskAgency.agency_id == agency_id)
        .order_by(col(Task.position))
    ):
        succ = history.item_successor(code, day, items, task=task.code, group=group_code)
        if succ:
            label = f"nhiệm vụ {task.code} “{_short(task.text)}”"
            found.append(("task", task.id or 0, role, [succ], [(label, succ)]))
    return found


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _undo(session: Session, undo: dict[str, Any]) -> None:
    added, removed = undo.get("added", {}), undo.get("removed", {})
    changed = undo.get("changed", {})
    for table, model in (("agency", Agency), ("locality", Locality)):
        for key, fields in changed.get(table, {}).items():
            row = session.get(model, int(key))
            now = _jsonable({k: getattr(row, k) for k in fields["set"]}) if row else None
            if now != fields["set"]:
                shown = row.name if row is not None else key
                raise ReorgRefused(
                    f"Không hoàn tác được: {shown} đã được sửa sau lần sắp xếp này; hãy sửa "
                    "lại bằng tay nếu cần."
                )
    _refuse_if_used(session, added)
    for key, new_id, role in added.get("group_agency_role", []):
        row = session.get(GroupAgency, (key, new_id))
        if row is not None:
            row.role = Role(role)
            session.add(row)
    for key, new_id, role in added.get("task_agency_role", []):
        row = session.get(TaskAgency, (key, new_id))
        if row is not None:
            row.role = Role(role)
            session.add(row)
    for table, model in (("group_agency", GroupAgency), ("task_agency", TaskAgency)):
        for key, agency_id in added.get(table, []):
            if (row := session.get(model, (key, agency_id))) is not None:
                session.delete(row)
    session.flush()
    for table, model, column in (
        ("group_agency", GroupAgency, "group_id"),
        ("task_agency", TaskAgency, "task_id"),
    ):
        for key, agency_id, role in removed.get(table, []):
            session.add(model(**{column: key, "agency_id": agency_id, "role": Role(role)}))
    for table, model in (
        ("agency_split_item", AgencySplitItem),
        ("agency_succession", AgencySuccession),
        ("locality_succession", LocalitySuccession),
        ("agency_name", AgencyName),
        ("agency", Agency),
        ("locality", Locality),
    ):
        for row_id in added.get(table, []):
            if (row := session.get(model, row_id)) is not None:
                session.delete(row)
        session.flush()
    for table, model in (("agency", Agency), ("locality", Locality)):
        for key, fields in changed.get(table, {}).items():
            row = session.get(model, int(key))
            for name, value in fields["was"].items():
                if name != "name" and value is not None:
                    value = date.fromisoformat(value)
                setattr(row, name, value)
            session.add(row)
    session.flush()


def _refuse_if_used(session: Session, added: dict[str, Any]) -> None:
    """Later work that uses an agency or a locality the apply added keeps the undo from
    deleting it (a cascade would take that work with it)."""
    agencies = set(added.get("agency", []))
    ours = {(k, a) for k, a in added.get("group_agency", [])} | {
        (k, a) for k, a in added.get("task_agency", [])
    }
    for model, column in ((GroupAgency, "group_id"), (TaskAgency, "task_id")):
        for row in session.exec(select(model).where(col(model.agency_id).in_(agencies))):
            if (getattr(row, column), row.agency_id) not in ours:
                agency = session.get(Agency, row.agency_id)
                raise ReorgRefused(
                    f"Không hoàn tác được: {agency.name if agency else ''} đã được phân công "
                    "trong một kế hoạch lập sau lần sắp xếp này; hãy bỏ phân công đó trước."
                )
    localities = set(added.get("locality", []))
    if localities:
        from ..storage.models import LocalityTarget, ReportedValue

        for model in (ReportedValue, LocalityTarget):
            used = session.exec(
                select(func.count())
                .select_from(model)
                .where(col(model.locality_id).in_(localities))
            ).one()
            if used:
                raise ReorgRefused(
                    "Không hoàn tác được: đã có số liệu của địa phương do lần sắp xếp này thêm."
                )


def _jsonable(values: dict[str, Any]) -> dict[str, str | None]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def _parent_lines(indicators: list[Indicator]) -> dict[int, tuple[str, ...]]:
    by_id = {i.id: i for i in indicators}
    lines: dict[int, tuple[str, ...]] = {}
    for ind in indicators:
        line, current = [], ind
        while current is not None:
            line.append(current.code)
            current = by_id.get(current.parent_id) if current.parent_id else None
        lines[ind.id or 0] = tuple(line)
    return lines


def _led_indicators(
    session: Session, plan: Plan, agency_id: int | None
) -> list[tuple[Indicator, tuple[str, ...], str]]:
    groups = {
        g.id: g.code
        for g in session.exec(
            select(IndicatorGroup)
            .join(GroupAgency)
            .where(
                IndicatorGroup.plan_id == plan.id,
                GroupAgency.agency_id == agency_id,
                GroupAgency.role == Role.LEAD,
            )
        )
    }
    indicators = list(
        session.exec(
            select(Indicator)
            .where(col(Indicator.group_id).in_(groups))
            .order_by(col(Indicator.group_id), col(Indicator.position))
        )
    )
    lines = _parent_lines(indicators)
    return [(i, lines[i.id or 0], groups[i.group_id]) for i in indicators]
