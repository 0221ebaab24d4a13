"""Reads a reorganisation file (TOML, see docs/reorg-file.md): renames, merges and splits
of agencies, new agencies and localities, provinces merged, districts ended, each with its
date and the decision it comes from.

Like the plan file: plain text a reviewer reads beside the decisions; a mistake names the
file and the row ("[[merges]] số 2") and nothing is written. This module only reads and
checks the file's own shape; what it does to a database is checked and written by
services/reorg.py, which knows the database's agencies and plans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..domain.codes import code_problem
from ..domain.figure_rules import RuleError, clean_text
from ..domain.organisation import ItemKind
from ..domain.terms import AgencyKind
from .toml_text import TomlTextError, parse_toml

FORMAT = "kh65-reorg"
FORMAT_VERSION = 1
MAX_BYTES = 4 * 1024 * 1024  # a whole country's changes are far less


class ReorgFileError(ValueError):
    """A reorganisation file that cannot be used; the message names the file and the row."""


@dataclass(frozen=True)
class Declared:
    """An agency or a locality the file names, added where the database lacks it."""

    row: str
    code: str
    name: str
    kind: str  # AgencyKind value for an agency; "tỉnh", "xã", … for a locality
    valid_from: date | None = None
    parent: str = ""  # a locality's province code


@dataclass(frozen=True)
class Rename:
    row: str
    agency: str
    name: str
    on: date
    decision: str


@dataclass(frozen=True)
class Merge:
    """Several bodies into one from `on` (agencies, or localities in `locality_merges`)."""

    row: str
    sources: tuple[str, ...]
    into: str
    on: date
    decision: str


@dataclass(frozen=True)
class Branch:
    to: str
    functions: str


@dataclass(frozen=True)
class SplitEntry:
    """One item of a plan and the successor that takes it."""

    row: str
    plan: str
    kind: ItemKind
    code: str
    to: str
    why: str


@dataclass(frozen=True)
class Split:
    row: str
    source: str
    into: str | None  # takes what no entry names; None: every led indicator must be named
    on: date
    decision: str
    branches: tuple[Branch, ...]
    entries: tuple[SplitEntry, ...]


@dataclass(frozen=True)
class Ending:
    """Agencies and localities whose last day is `last_day`, no successor named."""

    row: str
    last_day: date
    decision: str
    agencies: tuple[str, ...]
    localities: tuple[str, ...]


@dataclass
class ReorgFile:
    filename: str
    code: str
    title: str
    agencies: list[Declared] = field(default_factory=list)
    localities: list[Declared] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    locality_merges: list[Merge] = field(default_factory=list)
    endings: list[Ending] = field(default_factory=list)

    def fail(self, row: str, problem: str) -> ReorgFileError:
        return ReorgFileError(f"Tệp {self.filename}, {row}: {problem}")


def read_reorg_file(path: Path) -> ReorgFile:
    """Parse and check a reorganisation file's shape; the database is not read."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ReorgFileError(f"Không đọc được tệp {path.name}: {exc.strerror or exc}.") from exc
    if len(raw) > MAX_BYTES:
        raise ReorgFileError(
            f"Tệp {path.name} lớn hơn 4 MB: không phải tệp sắp xếp tổ chức; hãy kiểm tra lại "
            "tên tệp."
        )
    try:
        data = parse_toml(raw)[1]
    except TomlTextError as exc:
        raise ReorgFileError(
            f"Tệp {path.name}, dòng {exc.line}: {exc.problem} Hãy sửa tệp rồi thử lại."
        ) from None
    if data.get("format") != FORMAT:
        raise ReorgFileError(
            f"{path.name} không phải là tệp sắp xếp tổ chức KH65 (thiếu format = “{FORMAT}”)."
        )
    version = data.get("format_version")
    if type(version) is not int or version < 1:
        raise ReorgFileError(
            f"{path.name}: format_version phải là số phiên bản (format_version = {FORMAT_VERSION})."
        )
    if version > FORMAT_VERSION:
        raise ReorgFileError(
            f"{path.name} được tạo cho phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng."
        )
    return _Reader(path.name, data).read()


# The keys each part may hold: any other is a typo (`valid_form`) that would be dropped
# silently, so the file is refused naming it.
KEYS: dict[str, frozenset[str]] = {
    "": frozenset(
        {"format", "format_version", "reorg", "agencies", "localities", "renames", "merges"}
        | {"locality_merges", "splits", "endings"}
    ),
    "reorg": frozenset({"code", "title"}),
    "agencies": frozenset({"code", "name", "kind", "valid_from", "parent"}),
    "localities": frozenset({"code", "name", "kind", "valid_from", "parent"}),
    "renames": frozenset({"agency", "name", "on", "decision"}),
    "merges": frozenset({"from", "into", "on", "decision"}),
    "locality_merges": frozenset({"from", "into", "on", "decision"}),
    "splits": frozenset({"from", "into", "on", "decision", "successors", "items"}),
    "successors": frozenset({"to", "functions"}),
    "items": frozenset({"plan", *(k.value for k in ItemKind), "to", "why"}),
    "endings": frozenset({"last_day", "decision", "agencies", "localities"}),
}
# A reorganisation outside these years is a typo (1025 for 2025), not a decision.
FIRST_YEAR, LAST_YEAR = 1975, 2100


class _Reader:
    def __init__(self, filename: str, data: dict[str, Any]) -> None:
        self.filename, self.data = filename, data
        self.file = ReorgFile(filename, "", "")

    def read(self) -> ReorgFile:
        self.known(self.data, "", "đầu tệp")
        head = self.data.get("reorg")
        if not isinstance(head, dict):
            raise self.file.fail("[reorg]", "thiếu phần [reorg] với code và title.")
        self.known(head, "reorg", "[reorg]")
        self.file.code = self.code(head, "code", "[reorg]")
        self.file.title = self.text(head, "title", "[reorg]")
        for row, item in self.rows("agencies"):
            kind = self.text(item, "kind", row)
            if kind not in {k.value for k in AgencyKind}:
                raise self.file.fail(row, f"kind “{kind}” phải là “provincial” hoặc “district”.")
            self.file.agencies.append(self.declared(row, item, kind))
        for row, item in self.rows("localities"):
            self.file.localities.append(self.declared(row, item, self.text(item, "kind", row)))
        for row, item in self.rows("renames"):
            self.file.renames.append(
                Rename(
                    row,
                    self.code(item, "agency", row),
                    self.text(item, "name", row),
                    self.day(item, "on", row),
                    self.text(item, "decision", row),
                )
            )
        self.file.merges = [self.merge(row, item) for row, item in self.rows("merges")]
        self.file.locality_merges = [
            self.merge(row, item) for row, item in self.rows("locality_merges")
        ]
        self.file.splits = [self.split(row, item) for row, item in self.rows("splits")]
        for row, item in self.rows("endings"):
            ending = Ending(
                row,
                self.day(item, "last_day", row),
                self.text(item, "decision", row),
                self.codes(item, "agencies", row, required=False),
                self.codes(item, "localities", row, required=False),
            )
            if not ending.agencies and not ending.localities:
                raise self.file.fail(row, "không nêu cơ quan (agencies) hay địa phương nào.")
            self.file.endings.append(ending)
        return self.file

    def rows(self, key: str) -> list[tuple[str, dict[str, Any]]]:
        items = self.data.get(key, [])
        if not isinstance(items, list):
            raise self.file.fail(f"[[{key}]]", "phải là danh sách các dòng [[…]].")
        found = []
        for number, item in enumerate(items, start=1):
            row = f"[[{key}]] số {number}"
            if not isinstance(item, dict):
                raise self.file.fail(row, "phải là một bảng (khóa = giá trị).")
            self.known(item, key, row)
            found.append((row, item))
        return found

    def known(self, item: dict[str, Any], part: str, row: str) -> None:
        unknown = [k for k in item if k not in KEYS[part]]
        if unknown:
            raise self.file.fail(
                row,
                f"không biết khóa “{unknown[0]}” (viết sai?); các khóa dùng được: "
                f"{', '.join(sorted(KEYS[part]))}. Hãy sửa tên khóa rồi thử lại.",
            )

    def code(self, item: dict[str, Any], key: str, row: str, required: bool = True) -> str:
        raw = item.get(key, "")  # checked before clean_text drops a control character
        problem = code_problem(raw.strip()) if isinstance(raw, str) else None
        value = self.text(item, key, row, required)
        if problem:
            raise self.file.fail(row, f"{key} “{raw.strip()}”: {problem}")
        return value

    def text(self, item: dict[str, Any], key: str, row: str, required: bool = True) -> str:
        value = item.get(key, "")
        if not isinstance(value, str):
            raise self.file.fail(row, f"{key} phải là một chuỗi trong ngoặc kép.")
        try:
            value = clean_text(value, key, key).strip()
        except RuleError as exc:
            raise self.file.fail(row, str(exc)) from None
        if required and not value:
            raise self.file.fail(row, f"thiếu {key}.")
        return value

    def day(self, item: dict[str, Any], key: str, row: str, required: bool = True) -> date:
        value = item.get(key)
        if value is None and not required:
            return None  # type: ignore[return-value]
        if not isinstance(value, date) or isinstance(value, datetime):
            raise self.file.fail(row, f"{key} phải là một ngày viết như 2025-03-01 (không ngoặc).")
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise self.file.fail(
                row,
                f"{key} = {value.isoformat()}: năm {value.year} không thể là năm sắp xếp tổ "
                f"chức (từ {FIRST_YEAR} đến {LAST_YEAR}); hãy kiểm tra lại năm.",
            )
        return value

    def codes(self, item: dict[str, Any], key: str, row: str, required: bool = True) -> tuple:
        value = item.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.file.fail(row, f'{key} phải là danh sách mã, như ["SKHDT"].')
        for v in value:
            problem = code_problem(v)
            if problem:
                raise self.file.fail(row, f"{key}: mã “{v}”: {problem}")
        if required and not value:
            raise self.file.fail(row, f"thiếu {key}.")
        if len(set(value)) != len(value):
            raise self.file.fail(row, f"{key} nêu một mã hai lần.")
        return tuple(value)

    def declared(self, row: str, item: dict[str, Any], kind: str) -> Declared:
        return Declared(
            row,
            self.code(item, "code", row),
            self.text(item, "name", row),
            kind,
            self.day(item, "valid_from", row, required=False),
            self.code(item, "parent", row, required=False),
        )

    def merge(self, row: str, item: dict[str, Any]) -> Merge:
        merge = Merge(
            row,
            self.codes(item, "from", row),
            self.code(item, "into", row),
            self.day(item, "on", row),
            self.text(item, "decision", row),
        )
        if merge.into in merge.sources:
            raise self.file.fail(row, f"“{merge.into}” không thể hợp nhất vào chính nó.")
        return merge

    def split(self, row: str, item: dict[str, Any]) -> Split:
        source = self.code(item, "from", row)
        into = self.code(item, "into", row, required=False) or None
        branches = []
        for number, branch in enumerate(item.get("successors", []), start=1):
            where = f"{row}, successors số {number}"
            if not isinstance(branch, dict):
                raise self.file.fail(where, 'phải là { to = "MÃ", functions = "…" }.')
            self.known(branch, "successors", where)
            branches.append(
                Branch(self.code(branch, "to", where), self.text(branch, "functions", where))
            )
        targets = [b.to for b in branches]
        if len(targets) < 2 and into is None:
            raise self.file.fail(row, "một cơ quan tách ra phải có ít nhất hai cơ quan kế tiếp.")
        if len(set(targets)) != len(targets):
            raise self.file.fail(row, "successors nêu một cơ quan kế tiếp hai lần.")
        if source in targets or source == into:
            raise self.file.fail(row, f"“{source}” không thể là cơ quan kế tiếp của chính nó.")
        if into is not None and into not in targets:
            raise self.file.fail(row, f"into = “{into}” phải có trong successors.")
        entries = []
        for number, entry in enumerate(item.get("items", []), start=1):
            where = f"{row}, items số {number}"
            if not isinstance(entry, dict):
                raise self.file.fail(where, "phải là { plan = …, indicator = …, to = … }.")
            self.known(entry, "items", where)
            kinds = [k for k in ItemKind if k.value in entry]
            if len(kinds) != 1:
                raise self.file.fail(
                    where, "phải nêu đúng một trong group, indicator hoặc task (mã trong kế hoạch)."
                )
            entry_to = self.code(entry, "to", where)
            if entry_to not in targets:
                raise self.file.fail(
                    where, f"cơ quan “{entry_to}” không có trong successors của dòng tách này."
                )
            entries.append(
                SplitEntry(
                    where,
                    self.text(entry, "plan", where),
                    kinds[0],
                    self.text(entry, kinds[0].value, where),
                    entry_to,
                    self.text(entry, "why", where, required=False),
                )
            )
        return Split(
            row,
            source,
            into,
            self.day(item, "on", row),
            self.text(item, "decision", row),
            tuple(branches),
            tuple(entries),
        )
