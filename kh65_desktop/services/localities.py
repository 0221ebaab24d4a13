"""Loading a locality list (storage/locality_file.py) into the database, and undoing it.

What a load does, in one transaction:
- a code not in the database is added (at the end of the list, in the file's order);
- a code already there is updated: its name, kind, validity and parent become the file's,
  for the columns the file has (a file without a "Đến ngày" column leaves every end date
  alone; an empty cell in it means "always");
- each predecessor becomes a succession (locality_succession) from the successor's first
  day, unless it is already there;
- nothing is ever deleted: a locality missing from the file stays as it is, with its figures.

Refused with the row (nothing written): a parent or predecessor known neither in the file
nor here; a predecessor still valid on the day its successor begins (or a successor with
predecessors and no "Từ ngày"); new dates that would put a locality outside the year of a
plan holding its figures (they would vanish from that plan's breakdown).

Each load is kept in reorg_log (code "dia-ban", its undo data as JSON): what was loaded,
by whom, when, and whether it was undone."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from ..domain.numbers import format_date
from ..domain.organisation import valid_during, valid_on
from ..storage.locality_file import LocalityEntry, LocalityList
from ..storage.models import (
    Indicator,
    Locality,
    LocalitySuccession,
    LocalityTarget,
    Period,
    Plan,
    ReorgLog,
    ReportedValue,
)
from .guarded_edits import referenced

log = logging.getLogger(__name__)

LOG_CODE = "dia-ban"  # reorg_log.code of a locality list's load
# Locality field -> the file's field, and how the preview names it
WRITTEN = {
    "name": ("name", "Tên"),
    "kind": ("kind", "Loại"),
    "valid_from": ("from", "Từ ngày"),
    "valid_to": ("to", "Đến ngày"),
    "parent_code": ("parent", "Thuộc"),
}

ENTRY_FIELD = {n: n for n in WRITTEN} | {"parent_code": "parent"}  # LocalityEntry's names


@dataclass(frozen=True)
class EntryChange:
    """What loading one row does, as the preview shows it."""

    row: int
    code: str
    name: str
    action: str  # "add", "change" or "same"
    changes: tuple[tuple[str, str, str], ...]  # (field, old, new) as the clerk reads them
    new_predecessors: tuple[str, ...]  # successions the load adds


@dataclass(frozen=True)
class LoadPreview:
    """A locality list checked against the database: nothing written yet."""

    listing: LocalityList
    entries: tuple[EntryChange, ...]

    def count(self, action: str) -> int:
        return sum(e.action == action for e in self.entries)

    @property
    def successions(self) -> int:
        return sum(len(e.new_predecessors) for e in self.entries)

    @property
    def changes_nothing(self) -> bool:
        return all(e.action == "same" and not e.new_predecessors for e in self.entries)

    def summary(self) -> str:
        return (
            f"{len(self.entries)} địa bàn trong tệp: thêm mới {self.count('add')}, "
            f"sửa {self.count('change')}, giữ nguyên {self.count('same')}; "
            f"{self.successions} quan hệ tiền thân mới."
        )


@dataclass(frozen=True)
class LoadResult:
    log_id: int | None  # None: the list changed nothing, and nothing was written
    preview: LoadPreview


@dataclass
class _Write:
    entry: LocalityEntry
    existing: Locality | None
    values: dict[str, Any]  # the fields to write
    predecessors: list[str] = field(default_factory=list)  # codes of new successions


@dataclass(frozen=True)
class LocalityInfo:
    """A locality as `kh65 localities list` prints it."""

    code: str
    name: str
    kind: str
    valid_from: date | None
    valid_to: date | None
    parent: str
    predecessors: tuple[str, ...]


def preview_load(engine: Engine, listing: LocalityList) -> LoadPreview:
    """What loading the list would do; raises ExchangeError naming the row it refuses."""
    with Session(engine) as session:
        return _preview(listing, _plan(session, listing))


def load(engine: Engine, listing: LocalityList, loaded_by: str) -> LoadResult:
    """Load the list in one transaction (checked again inside it); raises ExchangeError,
    with nothing written, on a refusal."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        writes = _plan(session, listing)
        preview = _preview(listing, writes)
        if preview.changes_nothing:  # a list loaded again: nothing to write or to log
            return LoadResult(None, preview)
        undo = _write(session, writes)
        entry = ReorgLog(
            code=LOG_CODE,
            title=f"Danh sách địa bàn từ tệp {listing.file.name}: {preview.summary()}",
            applied_at=datetime.now(UTC),
            applied_by=loaded_by,
            undo_data=json.dumps(undo, ensure_ascii=False),
        )
        session.add(entry)
        session.flush()
        assert entry.id is not None
        log_id = entry.id
    log.info("Nạp danh sách địa bàn %s (lần %d): %s", listing.file, log_id, preview.summary())
    return LoadResult(log_id, preview)


def undo_load(engine: Engine, log_id: int) -> None:
    """Take a load back in one transaction: remove what it added, put back what it changed.
    Raises LookupError (nothing written) when a locality it added now has figures or an
    agency, or one it changed was changed again since."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        entry = session.get(ReorgLog, log_id)
        if entry is None or entry.undone_at is not None:
            return
        undo = json.loads(entry.undo_data)
        for succession_id in undo["successions"]:
            succession = session.get(LocalitySuccession, succession_id)
            if succession is not None:
                session.delete(succession)
        session.flush()
        for key, fields in undo["changed"].items():
            locality = session.get(Locality, int(key))
            if locality is None:
                continue
            if any(getattr(locality, n) != _field(n, v) for n, v in fields["new"].items()):
                raise LookupError(
                    f"địa bàn “{locality.name}” đã được sửa sau khi nạp danh sách; hãy sửa "
                    "lại bằng tay nếu cần"
                )
            for name, value in fields["old"].items():
                setattr(locality, name, _field(name, value))
        for locality_id in undo["added"]:
            locality = session.get(Locality, locality_id)
            if locality is None:
                continue
            if referenced(session, Locality, locality_id):
                raise LookupError(
                    f"địa bàn “{locality.name}” đã có số liệu, kế hoạch hoặc cơ quan gắn với "
                    "nó sau khi nạp danh sách. Hãy xóa dữ liệu đó trước nếu thật sự muốn bỏ"
                )
            session.delete(locality)
        entry.undone_at = datetime.now(UTC)
    log.info("Hoàn tác lần nạp danh sách địa bàn %d", log_id)


def localities_on(engine: Engine, day: date | None = None) -> list[LocalityInfo]:
    """Every locality (valid on `day`, when given) in list order, with its predecessors."""
    with Session(engine) as session:
        rows = list(
            session.exec(select(Locality).order_by(col(Locality.position), col(Locality.id)))
        )
        codes = {r.id: r.code for r in rows}
        before: dict[int, list[str]] = {}
        for s in session.exec(select(LocalitySuccession).order_by(col(LocalitySuccession.id))):
            before.setdefault(s.successor_id, []).append(codes.get(s.predecessor_id, "?"))
    return [
        LocalityInfo(
            r.code,
            r.name,
            r.kind,
            r.valid_from,
            r.valid_to,
            r.parent_code,
            tuple(before.get(r.id or 0, [])),
        )
        for r in rows
        if day is None or valid_on(r.valid_from, r.valid_to, day)
    ]


# -- checks and writes ---------------------------------------------------------------------


def _field(name: str, value: Any) -> Any:
    """A field's value from the undo record (dates are kept as ISO text)."""
    if name in ("valid_from", "valid_to") and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _plan(session: Session, listing: LocalityList) -> list[_Write]:
    """Each row's writes, after every check against the database (raises ExchangeError)."""
    existing = {loc.code: loc for loc in session.exec(select(Locality))}
    in_file = {e.code: e for e in listing.entries}
    writes: list[_Write] = []
    for entry in listing.entries:
        old = existing.get(entry.code)
        values = {
            name: getattr(entry, ENTRY_FIELD[name])
            for name, (f, _) in WRITTEN.items()
            if old is None or f in listing.columns
        }
        writes.append(_Write(entry, old, values))
    validity = {code: (loc.valid_from, loc.valid_to) for code, loc in existing.items()}
    for w in writes:
        base = validity.get(w.entry.code, (None, None))
        validity[w.entry.code] = (
            w.values.get("valid_from", base[0]),
            w.values.get("valid_to", base[1]),
        )
    successions = _successions(session)
    for w in writes:
        entry = w.entry
        if entry.parent and entry.parent not in in_file and entry.parent not in existing:
            raise listing.refuse(
                entry.row,
                "parent",
                f"“Thuộc” ghi mã “{entry.parent}”, không có trong tệp cũng như trong cơ sở dữ "
                "liệu. Hãy ghi mã của tỉnh (và thêm dòng của tỉnh vào tệp nếu chưa có).",
            )
        for code in entry.predecessors:
            if code not in in_file and code not in existing:
                raise listing.refuse(
                    entry.row,
                    "predecessors",
                    f"tiền thân “{code}” không có trong tệp cũng như trong cơ sở dữ liệu. Hãy "
                    "ghi đúng mã của địa bàn cũ (kh65 localities list liệt kê các mã).",
                )
        if entry.predecessors and validity[entry.code][0] is None:
            raise listing.refuse(
                entry.row,
                "from",
                f"địa bàn “{entry.code}” có tiền thân nhưng chưa có “Từ ngày”. Hãy ghi ngày bắt "
                "đầu (ví dụ 01/7/2025).",
            )
        begins = validity[entry.code][0]
        for code in entry.predecessors:
            ends = validity[code][1]
            if begins is not None and (ends is None or ends >= begins):
                name = in_file[code].name if code in in_file else existing[code].name
                until = format_date(ends) if ends else "nay (chưa có ngày kết thúc)"
                raise listing.refuse(
                    entry.row,
                    "predecessors",
                    f"tiền thân “{code}” ({name}) còn hiệu lực đến {until}, không kết thúc "
                    f"trước ngày {format_date(begins)} địa bàn “{entry.code}” bắt đầu. Hãy "
                    f"thêm dòng của “{code}” với “Đến ngày” "
                    f"{format_date(begins - timedelta(days=1))} (hoặc sửa ngày).",
                )
            before = existing.get(code)
            if not (before and w.existing and (before.id, w.existing.id) in successions):
                w.predecessors.append(code)
        if w.existing is not None:
            _refuse_hidden_figures(session, listing, w)
    return writes


def _successions(session: Session) -> set[tuple[int, int]]:
    return {(s.predecessor_id, s.successor_id) for s in session.exec(select(LocalitySuccession))}


def _refuse_hidden_figures(session: Session, listing: LocalityList, w: _Write) -> None:
    """New dates must keep a locality within the year of every plan holding its figures or
    targets: else those would vanish from that plan's breakdown."""
    old = w.existing
    assert old is not None and old.id is not None
    starts = w.values.get("valid_from", old.valid_from)
    ends = w.values.get("valid_to", old.valid_to)
    if (starts, ends) == (old.valid_from, old.valid_to):
        return
    figures = select(Period.plan_id).where(
        col(Period.id).in_(
            select(ReportedValue.period_id).where(ReportedValue.locality_id == old.id).distinct()
        )
    )
    targets = select(Indicator.plan_id).where(
        col(Indicator.id).in_(
            select(LocalityTarget.indicator_id).where(LocalityTarget.locality_id == old.id)
        )
    )
    plan_ids = set(session.exec(figures)) | set(session.exec(targets))
    for plan in session.exec(select(Plan).where(col(Plan.id).in_(plan_ids))):
        if not valid_during(starts, ends, plan.starts_on, plan.ends_on):
            raise listing.refuse(
                w.entry.row,
                "to" if ends is not None and ends < plan.starts_on else "from",
                f"địa bàn “{old.code}” ({old.name}) có số liệu của kế hoạch {plan.number} "
                f"(năm {plan.year}); với ngày mới ({_span(starts, ends)}) nó không còn thuộc "
                "năm đó và số liệu sẽ không hiện trong bảng theo địa bàn. Hãy sửa ngày.",
            )


def _span(starts: date | None, ends: date | None) -> str:
    return f"từ {format_date(starts) if starts else '—'} đến {format_date(ends) if ends else '—'}"


def _text(name: str, value: Any) -> str:
    if name in ("valid_from", "valid_to"):
        return format_date(value) if value else "—"
    return str(value) if value else "—"


def _preview(listing: LocalityList, writes: list[_Write]) -> LoadPreview:
    entries = []
    for w in writes:
        if w.existing is None:
            action, changes = "add", ()
        else:
            changes = tuple(
                (WRITTEN[n][1], _text(n, getattr(w.existing, n)), _text(n, v))
                for n, v in w.values.items()
                if getattr(w.existing, n) != v
            )
            action = "change" if changes else "same"
        entries.append(
            EntryChange(
                w.entry.row, w.entry.code, w.entry.name, action, changes, tuple(w.predecessors)
            )
        )
    return LoadPreview(listing, tuple(entries))


def _write(session: Session, writes: list[_Write]) -> dict[str, Any]:
    """The writes, in the caller's transaction; returns what undoing them needs."""
    position = (session.exec(select(func.max(Locality.position))).one() or 0) + 1
    changed: dict[str, dict[str, dict[str, Any]]] = {}
    rows: dict[str, Locality] = {}
    for w in writes:
        if w.existing is None:
            row = Locality(code=w.entry.code, position=position, **w.values)
            position += 1
            session.add(row)
        else:
            row = w.existing
            moved = {n: v for n, v in w.values.items() if getattr(row, n) != v}
            if moved:
                changed[str(row.id)] = {
                    "old": {n: _json(getattr(row, n)) for n in moved},
                    "new": {n: _json(v) for n, v in moved.items()},
                }
                for name, value in moved.items():
                    setattr(row, name, value)
        rows[w.entry.code] = row
    session.flush()
    added = [rows[w.entry.code].id for w in writes if w.existing is None]  # type: ignore[misc]
    others = {loc.code: loc for loc in session.exec(select(Locality))}
    successions = []
    for w in writes:
        successor = rows[w.entry.code]
        for code in w.predecessors:
            link = LocalitySuccession(
                predecessor_id=others[code].id,
                successor_id=successor.id,
                on_date=successor.valid_from,
                decision=w.entry.decision,
            )
            session.add(link)
            successions.append(link)
    session.flush()
    return {
        "kind": "locality-file",
        "added": added,
        "changed": changed,
        "successions": [s.id for s in successions],
    }
