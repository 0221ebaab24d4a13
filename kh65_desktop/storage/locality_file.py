"""A locality list from a CSV or Excel file: code, name, kind, from, to, parent, predecessors
(format: docs/locality-file.md). The app cannot ship every province's communes, so a clerk
loads them from the list the province publishes.

Reading checks what the file alone can show (empty or duplicate codes, unknown kinds, dates
that are not dates or out of order) and refuses with the row and cell; what needs the
database (unknown predecessors and parents) is checked by services/localities.py."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.codes import code_problem
from ..domain.numbers import VietnameseFormatError, format_date, parse_date
from ..domain.text import fold
from ..exchange.data import ExchangeError

MAX_CSV_BYTES = 4 * 1024 * 1024  # a country's 3.321 communes take about 300 KB
MAX_ROWS = 20_000
EXCEL_DAY_ZERO = date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug included)
HEADER_SEARCH = 10  # a title line or two above the header is common in provincial lists

# The kinds of locality, by their folded spelling (typed with or without diacritics).
KINDS = {
    fold(k): k
    for k in ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn", "đặc khu")
}

# Each field and the headers it is known by (folded): English, and Vietnamese as a clerk
# writes it.
FIELDS: dict[str, tuple[str, ...]] = {
    "code": ("code", "ma", "ma dia ban", "ma don vi", "ma so"),
    "name": ("name", "ten", "ten dia ban", "ten don vi"),
    "kind": ("kind", "loai", "cap"),
    "from": ("from", "valid_from", "tu ngay", "hieu luc tu", "hieu luc tu ngay"),
    "to": ("to", "valid_to", "den ngay", "het hieu luc", "hieu luc den", "hieu luc den ngay"),
    "parent": ("parent", "thuoc", "thuoc tinh", "ma tinh"),
    "predecessors": ("predecessors", "tien than", "hinh thanh tu", "sap nhap tu"),
    "decision": ("decision", "can cu", "quyet dinh", "nghi quyet"),
}
IGNORED = ("stt", "tt", "so tt", "ghi chu", "note", "notes")  # columns read by people only
HEADERS = {alias: field for field, aliases in FIELDS.items() for alias in aliases}
# The header the clerk sees in messages, in the file's own words when it has one
LABELS = {
    "code": "Mã",
    "name": "Tên",
    "kind": "Loại",
    "from": "Từ ngày",
    "to": "Đến ngày",
    "parent": "Thuộc",
    "predecessors": "Tiền thân",
    "decision": "Căn cứ",
}
REQUIRED = ("code", "name", "kind")
RESAVE_CSV = (
    "Trong Excel hãy chọn Tệp → Lưu thành → “CSV UTF-8 (phân cách bằng dấu phẩy)” rồi nạp lại."
)


@dataclass(frozen=True)
class LocalityEntry:
    """One row of the list, as read (codes and names stripped, dates parsed)."""

    row: int  # the file's own row number (the header is row 1 unless a title is above it)
    code: str
    name: str
    kind: str
    valid_from: date | None
    valid_to: date | None
    parent: str
    predecessors: tuple[str, ...]
    decision: str


@dataclass(frozen=True)
class LocalityList:
    """A whole file's rows and which fields its header holds (a field without a column
    leaves the database's value alone)."""

    file: Path
    entries: tuple[LocalityEntry, ...]
    columns: dict[str, int]  # field -> column number (1 = A)

    def refuse(self, entry_row: int, field: str | None, problem: str) -> ExchangeError:
        """The refusal of a row, naming its cell (A5) when the field has a column."""
        column = self.columns.get(field) if field else None
        cell = f"{column_letter(column)}{entry_row}" if column else None
        return ExchangeError(self.file, problem, entry_row, cell)


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_locality_file(path: Path) -> LocalityList:
    """The list in a .csv or .xlsx file; raises ExchangeError naming the row and cell of
    the first mistake."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(path)
    elif suffix in (".csv", ".txt"):
        rows = _csv_rows(path)
    else:
        raise ExchangeError(
            path, "danh sách địa bàn phải là tệp .csv hoặc .xlsx (một bảng, mỗi dòng một địa bàn)."
        )
    return _entries(path, rows)


def _csv_rows(path: Path) -> list[tuple[int, list[Any]]]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CSV_BYTES + 1)
    except OSError:
        raise ExchangeError(
            path, "không đọc được tệp (tệp bị khóa, bị xóa hoặc không có quyền)."
        ) from None
    if len(raw) > MAX_CSV_BYTES:
        raise ExchangeError(path, "tệp quá lớn cho một danh sách địa bàn (tối đa 4 MB).")
    if b"\x00" in raw:
        raise ExchangeError(path, "tệp không phải là bảng CSV (có dữ liệu nhị phân).")
    try:
        text = raw.decode("utf-8-sig")  # with or without the BOM Excel writes
    except UnicodeDecodeError:
        raise ExchangeError(
            path, "tệp CSV không viết bằng bảng mã UTF-8 nên chữ có dấu sẽ sai. " + RESAVE_CSV
        ) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    # Excel writes ";" where Windows' list separator is ";" (a "," decimal mark), else ","
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ExchangeError(
            path,
            f"dòng {reader.line_num} không đọc được như một dòng CSV (dấu ngoặc kép không "
            "đóng?). " + RESAVE_CSV,
        ) from exc


def _xlsx_rows(path: Path) -> list[tuple[int, list[Any]]]:
    from ..exchange.excel import open_workbook  # openpyxl loads only for a workbook

    book = open_workbook(path)
    try:
        sheet = book.worksheets[0]
        return [(r, list(values)) for r, values in enumerate(sheet.iter_rows(values_only=True), 1)]
    finally:
        book.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a numeric code typed into Excel: 29275, not 29275.0
    return str(value).strip()


def _header(path: Path, rows: Sequence[tuple[int, list[Any]]]) -> tuple[int, dict[str, int]]:
    """The header's position and each field's column; the header is the first of the first
    rows holding every required field."""
    for index, (number, row) in enumerate(rows[:HEADER_SEARCH]):
        found = {HEADERS.get(fold(_text(cell))): c for c, cell in enumerate(row, 1)}
        found.pop(None, None)
        if not all(f in found for f in REQUIRED):
            continue
        for c, cell in enumerate(row, 1):
            name = fold(_text(cell))
            if name and name not in HEADERS and name not in IGNORED:
                raise ExchangeError(
                    path,
                    f"cột “{_text(cell)}” không phải cột của danh sách địa bàn (các cột: Mã, "
                    "Tên, Loại, Từ ngày, Đến ngày, Thuộc, Tiền thân, Căn cứ, Ghi chú). Hãy "
                    "sửa tên cột hoặc xóa cột đó.",
                    number,
                    f"{column_letter(c)}{number}",
                )
        return index, {field: c for field, c in found.items()}  # type: ignore[misc]
    raise ExchangeError(
        path,
        "tệp không phải là danh sách địa bàn: không thấy dòng tiêu đề có các cột Mã, Tên và "
        "Loại (hoặc code, name, kind) trong 10 dòng đầu. Xem mẫu trong docs/locality-file.md.",
    )


def _entries(path: Path, rows: list[tuple[int, list[Any]]]) -> LocalityList:
    start, columns = _header(path, rows)
    body = [(n, row) for n, row in rows[start + 1 :] if any(_text(c) for c in row)]
    if len(body) > MAX_ROWS:
        raise ExchangeError(path, f"tệp có quá nhiều dòng (tối đa {MAX_ROWS:,}).".replace(",", "."))
    listing = LocalityList(path, (), columns)
    entries: list[LocalityEntry] = []
    first_row: dict[str, int] = {}
    for number, row in body:
        entry = _entry(listing, number, row)
        seen = first_row.setdefault(entry.code.casefold(), number)
        if seen != number:
            raise listing.refuse(
                number,
                "code",
                f"mã “{entry.code}” trùng với dòng {seen}. Mỗi địa bàn một mã; hãy sửa hoặc "
                "xóa một trong hai dòng.",
            )
        entries.append(entry)
    if not entries:
        raise ExchangeError(path, "tệp chỉ có dòng tiêu đề, không có địa bàn nào.")
    return LocalityList(path, tuple(entries), columns)


def _entry(listing: LocalityList, number: int, row: list[Any]) -> LocalityEntry:
    def cell(field: str) -> Any:
        column = listing.columns.get(field)
        return row[column - 1] if column and column <= len(row) else None

    code, name = _text(cell("code")), " ".join(_text(cell("name")).split())
    if not code:
        raise listing.refuse(number, "code", "dòng chưa có mã địa bàn. Hãy ghi mã.")
    if code_problem(code):  # "TN 007" would never match the "TN007" a package names
        raise listing.refuse(number, "code", f"mã “{code}”: {code_problem(code)}")
    if not name:
        raise listing.refuse(number, "name", f"địa bàn “{code}” chưa có tên. Hãy ghi tên.")
    kind = KINDS.get(fold(_text(cell("kind"))))
    if kind is None:
        raise listing.refuse(
            number,
            "kind",
            f"loại “{_text(cell('kind'))}” không phải loại địa bàn. Hãy ghi một trong: "
            + ", ".join(KINDS.values())
            + ".",
        )
    valid_from = _date(listing, number, "from", cell("from"))
    valid_to = _date(listing, number, "to", cell("to"))
    if valid_from and valid_to and valid_to < valid_from:
        raise listing.refuse(
            number,
            "to",
            f"“Đến ngày” {format_date(valid_to)} trước “Từ ngày” {format_date(valid_from)} "
            "của cùng địa bàn. Hãy sửa lại ngày.",
        )
    parent = _text(cell("parent"))
    predecessors = tuple(dict.fromkeys(_codes(_text(cell("predecessors")))))
    for other, field in [(parent, "parent")] + [(p, "predecessors") for p in predecessors]:
        if other == code:
            raise listing.refuse(
                number,
                field,
                f"địa bàn “{code}” không thể là tiền thân hay nơi trực thuộc của chính nó.",
            )
    return LocalityEntry(
        number,
        code,
        name,
        kind,
        valid_from,
        valid_to,
        parent,
        predecessors,
        _text(cell("decision")),
    )


def _codes(text: str) -> Iterable[str]:
    for part in text.replace(",", ";").split(";"):
        if part.strip():
            yield part.strip()


def _date(listing: LocalityList, number: int, field: str, value: Any) -> date | None:
    if isinstance(value, datetime):  # a date cell in Excel
        return value.date()
    if isinstance(value, date):
        return value
    if type(value) in (int, float) and 1 <= value < 2958466:  # Excel's day numbers
        # a date typed into a cell formatted as a number: Excel keeps its serial (45839 for
        # 01/7/2025); guessing it back could be wrong when the cell really holds a number
        day = EXCEL_DAY_ZERO + timedelta(days=int(value))
        raise listing.refuse(
            number,
            field,
            f"“{LABELS[field]}” là số {_text(value)}, không phải ngày (nếu là ngày "
            f"{format_date(day)} thì ô đang được định dạng là Số). Hãy định dạng ô là Ngày "
            "hoặc gõ ngày dạng 01/7/2025.",
        )
    text = _text(value)
    if not text:
        return None
    try:
        return parse_date(text)
    except VietnameseFormatError as exc:
        raise listing.refuse(number, field, f"“{LABELS[field]}”: {exc}") from None
