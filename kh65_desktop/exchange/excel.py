"""Excel for those who fill figures in Excel: a locked fill-in template, read back safely,
and any table written out. openpyxl parses XML through defusedxml (entity tricks refused)."""

from __future__ import annotations

import logging
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from defusedxml.common import DefusedXmlException
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.numbers import VietnameseFormatError, parse_number
from .archive import UNREADABLE, ZIP_ERRORS, check_archive
from .data import MAX_ROWS, ExchangeData, ExchangeError, PeriodData, ValueData
from .json_fields import describe
from .table_cells import Cell as TableCell
from .table_cells import Figure, cell_text

TEMPLATE = "kh65-template"
TEMPLATE_VERSION = 1
DATA_SHEET, META_SHEET = "Số liệu", "kh65"
FIRST_ROW = 6
HEADERS = (
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch năm",
    "Số gần nhất",
    "Kỳ của số gần nhất",
    "Số kỳ này",
    "Ước (Có/Không)",
    "Ghi chú",
    "Mã địa phương",
    "Số lúc xuất mẫu",
    "Ước lúc xuất mẫu",
)
WIDTHS = (12, 60, 14, 24, 16, 22, 16, 14, 30, 10, 16, 10)
VALUE_COL, ESTIMATE_COL, NOTE_COL, LOCALITY_COL = 7, 8, 9, 10
# Hidden and locked: "Số kỳ này" and "Ước" as exported, so an import can tell the rows the
# filler changed from those it left alone (services/exchange.py, domain/conflicts.py).
EXPORTED_VALUE_COL, EXPORTED_ESTIMATE_COL = 11, 12
YES = {"có", "co", "x", "yes", "true", "1"}
MAX_NUMBER = 1e15  # larger than any figure a plan has: a typing slip
MIN_TABLE_WIDTH, MAX_TABLE_WIDTH = 8, 60  # characters: a code column up to a long name


@dataclass(frozen=True)
class TemplateRow:
    code: str
    name: str
    unit: str
    target: str
    last_value: float | None
    last_period: str
    current: float | None = None
    estimate: bool = False
    locality: str | None = None


def text_cell(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write a value; text is always stored as text, so "=HYPERLINK(…)" never runs."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            cell.quotePrefix = True  # Excel shows it with its quote prefix: plainly text
    return cell


def write_template(
    path: Path,
    plan_code: str,
    plan_number: str,
    agency_code: str,
    agency_name: str,
    period: PeriodData,
    rows: Sequence[TemplateRow],
) -> Path:
    """The fill-in sheet: locked columns, number validation on "Số kỳ này", a Có/Không list;
    hidden, when it was exported and each figure as it was then."""
    exported_at = datetime.now(UTC)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    text_cell(sheet, 1, 1, f"KẾ HOẠCH SỐ {plan_number} — {agency_name}").font = Font(bold=True)
    text_cell(sheet, 2, 1, f"Kỳ báo cáo: {period.name}")
    text_cell(sheet, 3, 1, "Người nhập:")
    sheet.cell(row=3, column=2).protection = Protection(locked=False)
    text_cell(
        sheet,
        4,
        1,
        "Nhập số vào cột “Số kỳ này” (ví dụ 3.300,5 hoặc 3300,5); các cột khác đã khóa.",
    )
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    for column, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = text_cell(sheet, FIRST_ROW - 1, column, title)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[get_column_letter(column)].width = width
    for hidden in (LOCALITY_COL, EXPORTED_VALUE_COL, EXPORTED_ESTIMATE_COL):
        sheet.column_dimensions[get_column_letter(hidden)].hidden = True
    numbers = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000000",
        formula2="1000000000000",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Số không hợp lệ",
        error="Hãy nhập một số, ví dụ 3300,5.",
    )
    choice = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    sheet.add_data_validation(numbers)
    sheet.add_data_validation(choice)
    for index, row in enumerate(rows):
        r = FIRST_ROW + index
        for column, value in enumerate(
            (
                row.code,
                row.name,
                row.unit,
                row.target,
                row.last_value,
                row.last_period,
                row.current,
                "Có" if row.estimate else "Không",
                "",
                row.locality,
                row.current,
                "Có" if row.estimate else "Không",
            ),
            start=1,
        ):
            cell = text_cell(sheet, r, column, value)
            cell.alignment = Alignment(wrap_text=column == 2, vertical="top")
            if column in (VALUE_COL, ESTIMATE_COL, NOTE_COL):
                cell.protection = Protection(locked=False)
    if rows:  # one range each: adding cell by cell is quadratic (10.000 rows took minutes)
        last = FIRST_ROW + len(rows) - 1
        for validation, column in ((numbers, VALUE_COL), (choice, ESTIMATE_COL)):
            letter = get_column_letter(column)
            validation.add(f"{letter}{FIRST_ROW}:{letter}{last}")
    sheet.freeze_panes = f"C{FIRST_ROW}"
    sheet.protection.sheet = True  # locked columns cannot be edited (no password: not a secret)
    meta = book.create_sheet(META_SHEET)
    for r, (key, value) in enumerate(
        (
            ("template", TEMPLATE),
            ("version", TEMPLATE_VERSION),
            ("plan", plan_code),
            ("agency_code", agency_code),
            ("agency_name", agency_name),
            ("period_code", period.code),
            ("period_name", period.name),
            ("period_kind", period.kind),
            ("starts_on", period.starts_on.isoformat()),
            ("ends_on", period.ends_on.isoformat()),
            ("cutoff_on", period.cutoff_on.isoformat() if period.cutoff_on else ""),
            ("exported_at", exported_at.astimezone(UTC).isoformat()),
        ),
        start=1,
    ):
        text_cell(meta, r, 1, key)
        text_cell(meta, r, 2, value)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True  # its sender and export time are not edited by accident
    book.save(path)
    return path


def _caused_by_unsafe_xml(error: BaseException | None) -> bool:
    """openpyxl wraps parser errors; look down the chain for defusedxml's refusal."""
    while error is not None:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
    return False


# A template of MAX_ROWS rows weighs about 10 MB, its sheet's XML about 80 MB (measured on
# write_template's own output); a workbook is refused above these, before openpyxl reads it
# (a 43 MB workbook took it 66 s and 2,8 GB).
MAX_WORKBOOK_BYTES = 16 * 1024 * 1024
MAX_WORKBOOK_UNPACKED = 128 * 1024 * 1024
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an .xlsx with a password
STRICT_NAMESPACE = b"purl.oclc.org/ooxml/"  # Strict Open XML, which openpyxl cannot read
CELL_TAG = re.compile(rb"<(?:\w{1,10}:)?([cf])[\s>/]")  # a cell <c …>, a formula <f>
# The template's cells: 10 columns of MAX_ROWS rows, and room for what Excel adds
MAX_CELLS = 1_200_000
RESAVE = "hãy mở tệp trong Excel và lưu lại dạng Excel Workbook (.xlsx) rồi nhập lại."
log = logging.getLogger(__name__)


def _refuse_other_formats(path: Path) -> None:
    """An old .xls and a workbook saved with a password are both OLE compound files, not zips:
    say which it is instead of "not a workbook"."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(OLE_SIGNATURE)) != OLE_SIGNATURE:
                return
            head = handle.read(MAX_WORKBOOK_BYTES)
    except OSError:
        raise ExchangeError(path, UNREADABLE) from None
    if (
        "EncryptionInfo".encode("utf-16-le") in head
        or "EncryptedPackage".encode("utf-16-le") in head
    ):
        raise ExchangeError(
            path,
            "bảng tính được đặt mật khẩu nên không đọc được; hãy mở tệp trong Excel, bỏ mật "
            "khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa trống) "
            "rồi lưu và nhập lại.",
        )
    raise ExchangeError(
        path,
        "tệp là bảng tính Excel kiểu cũ (.xls), không phải mẫu nhập số liệu .xlsx; " + RESAVE,
    )


def _refuse_strict(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            relations = archive.read("_rels/.rels")
    except KeyError:
        return  # openpyxl says what is missing
    except ZIP_ERRORS as exc:
        raise _refuse_unreadable(path, exc) from None
    if STRICT_NAMESPACE in relations:
        raise ExchangeError(
            path,
            "tệp lưu theo định dạng Strict Open XML; hãy mở trong Excel và lưu lại dạng Excel "
            "Workbook (.xlsx).",
        )


def _scan(path: Path) -> tuple[int, bool]:
    """The cells in the workbook's XML and whether any is a formula, counted from the tags in
    chunks (no parsing: a cell costs openpyxl a few hundred bytes, its tag a few)."""
    cells, formulas = 0, False
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml"):
                continue
            with archive.open(name) as stream:
                carry = b""
                while chunk := stream.read(1 << 20):
                    buffer = carry + chunk
                    # a tag cut by the chunk's end is kept for the next one (a match never
                    # holds a second "<", and is shorter than 16 bytes)
                    cut = buffer.rfind(b"<")
                    if cut < 0 or len(buffer) - cut > 16:
                        cut = len(buffer)
                    found = CELL_TAG.findall(buffer, 0, cut)
                    cells += len(found)
                    formulas = formulas or b"f" in found
                    carry = buffer[cut:]
                found = CELL_TAG.findall(carry)
                cells += len(found)
                formulas = formulas or b"f" in found
    return cells, formulas


def _refuse_unreadable(path: Path, exc: Exception) -> ExchangeError:
    if _caused_by_unsafe_xml(exc):
        return ExchangeError(
            path,
            "tệp chứa cấu trúc XML không an toàn (khai báo thực thể XML) và đã bị từ chối.",
        )
    log.info("workbook %s not read", path, exc_info=exc)  # the details, for support
    return ExchangeError(path, "tệp Excel bị hỏng hoặc không đúng định dạng .xlsx; " + RESAVE)


def _open(path: Path) -> tuple[openpyxl.Workbook, bool]:
    """The workbook, its formulas read as their saved values, and whether any sheet holds a
    formula; every check that costs little comes first, so a hostile or damaged file is
    refused before openpyxl spends time on it."""
    _refuse_other_formats(path)
    check_archive(path, "bảng tính Excel (.xlsx)", MAX_WORKBOOK_BYTES, MAX_WORKBOOK_UNPACKED)
    _refuse_strict(path)
    try:
        cells, formulas = _scan(path)
    except ZIP_ERRORS as exc:
        raise _refuse_unreadable(path, exc) from None
    if cells > MAX_CELLS:
        raise ExchangeError(
            path,
            f"bảng tính có quá nhiều ô ({cells:,}; mẫu nhập số liệu có tối đa "
            f"{MAX_CELLS:,}).".replace(",", ".")
            + " Hãy chỉ để lại các dòng của mẫu rồi nhập lại.",
        )
    try:
        return openpyxl.load_workbook(path, data_only=True), formulas
    except Exception as exc:  # openpyxl raises anything on a hostile file (zlib, XML, KeyError)
        raise _refuse_unreadable(path, exc) from None


def open_workbook(path: Path) -> openpyxl.Workbook:
    """A workbook other than the template (a locality list), opened with the same checks
    (size, zip structure, unsafe XML, cell count); raises ExchangeError."""
    return _open(path)[0]


def _formula_rows(path: Path, any_formula: bool) -> set[int]:
    """The rows whose "Số kỳ này" holds a formula. Read as values, a formula saved without
    its computed value (by a program other than Excel) is an empty cell: it must be named,
    not skipped. The sheet is read a second time only when some sheet has a formula."""
    if not any_formula:
        return set()
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            if DATA_SHEET not in book.sheetnames:
                return set()  # not a template: read_template says so
            return {
                cell.row
                for (cell,) in book[DATA_SHEET].iter_rows(
                    min_row=FIRST_ROW, min_col=VALUE_COL, max_col=VALUE_COL
                )
                if getattr(cell, "data_type", None) == "f"
            }
        finally:
            book.close()
    except Exception as exc:  # as in _open: whatever openpyxl or zlib raise on a bad file
        raise _refuse_unreadable(path, exc) from None


def read_template(path: Path, clerk: str) -> ExchangeData:
    """The figures typed into a template, as exchange data from the template's agency."""
    book, any_formula = _open(path)
    formulas = _formula_rows(path, any_formula)
    if META_SHEET not in book.sheetnames or DATA_SHEET not in book.sheetnames:
        raise ExchangeError(path, "đây không phải mẫu nhập số liệu do KH65 Desktop xuất ra.")
    meta = {str(r[0]): r[1] for r in book[META_SHEET].iter_rows(values_only=True) if r[0]}
    if meta.get("template") != TEMPLATE:
        raise ExchangeError(path, "đây không phải mẫu nhập số liệu do KH65 Desktop xuất ra.")
    version = str(meta.get("version") or "0")
    if not version.isdigit():
        raise _tampered(path, "version")
    if int(version) > TEMPLATE_VERSION:
        raise ExchangeError(path, "mẫu được tạo bởi phiên bản KH65 mới hơn; hãy cập nhật.")
    sheet = book[DATA_SHEET]
    if sheet.max_row > FIRST_ROW + MAX_ROWS:
        raise ExchangeError(path, f"bảng tính có quá nhiều dòng (tối đa {MAX_ROWS}).")
    period = PeriodData(
        _meta_text(meta, "period_code", path),
        _meta_text(meta, "period_name", path),
        _meta_text(meta, "period_kind", path),
        _meta_date(meta, "starts_on", path),
        _meta_date(meta, "ends_on", path),
        _meta_date(meta, "cutoff_on", path) if meta.get("cutoff_on") else None,
    )
    who = str(sheet.cell(row=3, column=2).value or "").strip() or clerk
    # Its figures are stamped with the time it was exported: typed after, but when is not
    # known. A template made before this was kept falls back on the workbook's creation time.
    exported_at = _exported_at(meta, book, path)
    kept = "exported_at" in meta  # it carries each figure as exported
    data = ExchangeData(
        _meta_text(meta, "plan", path),
        _meta_text(meta, "agency_code", path),
        _meta_text(meta, "agency_name", path),
        exported_at,
        periods=[period],
        source=path.name,
        at_export={} if kept else None,
    )
    seen: dict[tuple[str, str | None], int] = {}
    for r, row in enumerate(sheet.iter_rows(min_row=FIRST_ROW, values_only=True), start=FIRST_ROW):
        code = str(row[0] or "").strip()
        if not code:
            continue
        value = _number(row[VALUE_COL - 1], path, r)
        if value is None:
            if r in formulas:
                raise ExchangeError(
                    path,
                    "ô có công thức nhưng tệp không lưu giá trị đã tính của nó; hãy mở tệp "
                    "trong Excel rồi lưu lại (Excel tính và lưu giá trị), hoặc gõ thẳng con số.",
                    row=r,
                    cell=f"{get_column_letter(VALUE_COL)}{r}",
                )
            continue
        # a blank locality is the province, whether the cell is empty or holds spaces
        locality = str(row[LOCALITY_COL - 1] or "").strip() or None
        if (code, locality) in seen:
            raise ExchangeError(
                path,
                f"chỉ tiêu {code} được nhập hai lần (dòng {seen[(code, locality)]} và dòng {r}).",
                row=r,
            )
        seen[(code, locality)] = r
        estimate = str(row[ESTIMATE_COL - 1] or "").strip().casefold() in YES
        data.values.append(
            ValueData(
                code,
                period.code,
                locality,
                value,
                estimate=estimate,
                as_of=period.cutoff_on,
                note=str(row[NOTE_COL - 1] or "").strip(),
                entered_by=who,
                entered_at=exported_at,
                row=r,
            )
        )
        if data.at_export is not None:
            data.at_export[data.values[-1].key] = _as_exported(row, path, r)
    return data


def _tampered(path: Path, key: str) -> ExchangeError:
    return ExchangeError(
        path,
        f"trang ẩn “{META_SHEET}” của mẫu đã bị sửa hoặc hỏng (mục “{key}”); hãy xuất mẫu "
        "mới từ KH65 Desktop rồi điền lại số liệu.",
    )


def _meta_text(meta: dict[str, Any], key: str, path: Path) -> str:
    """A required entry of the hidden sheet, as text."""
    value = meta.get(key)
    if value is None or isinstance(value, bool) or not str(value).strip():
        raise _tampered(path, key)
    return str(value).strip()


def _meta_date(meta: dict[str, Any], key: str, path: Path) -> date:
    """A date of the hidden sheet (written as ISO text; Excel may turn it into a date)."""
    value = meta.get(key)
    if isinstance(value, datetime):
        return value.date()
    try:
        return datetime.fromisoformat(_meta_text(meta, key, path)).date()
    except ValueError:
        raise _tampered(path, key) from None


def _exported_at(meta: dict[str, Any], book: openpyxl.Workbook, path: Path) -> datetime:
    """When the template was exported: its own record, else the workbook's creation time
    (openpyxl writes it, in UTC), else now."""
    raw = meta.get("exported_at")
    if raw:
        try:
            moment = datetime.fromisoformat(str(raw))
        except ValueError:
            raise ExchangeError(
                path, f"thời điểm xuất mẫu “{raw}” trong trang ẩn “{META_SHEET}” không hợp lệ."
            ) from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    created = book.properties.created
    if isinstance(created, datetime):
        return created if created.tzinfo else created.replace(tzinfo=UTC)
    return datetime.now(UTC)


def _as_exported(row: tuple[Any, ...], path: Path, r: int) -> tuple[float | None, bool]:
    """A row's figure and "Ước" as the hidden columns say they were at export."""
    raw = row[EXPORTED_VALUE_COL - 1] if len(row) >= EXPORTED_VALUE_COL else None
    flag = row[EXPORTED_ESTIMATE_COL - 1] if len(row) >= EXPORTED_ESTIMATE_COL else None
    if raw is not None and (isinstance(raw, bool) or not isinstance(raw, int | float)):
        raise ExchangeError(
            path,
            "cột ẩn “Số lúc xuất mẫu” đã bị sửa; hãy xuất mẫu mới và nhập lại số liệu.",
            row=r,
            cell=f"{get_column_letter(EXPORTED_VALUE_COL)}{r}",
        )
    return (None if raw is None else float(raw)), str(flag or "").strip().casefold() in YES


def _number(raw: Any, path: Path, row: int) -> float | None:
    cell = f"{get_column_letter(VALUE_COL)}{row}"
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise ExchangeError(path, "ô cần một số.", row=row, cell=cell)
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        try:
            value = parse_number(str(raw))
        except VietnameseFormatError as error:
            raise ExchangeError(path, str(error), row=row, cell=cell) from None
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ExchangeError(
            path,
            f"giá trị {describe(raw)} không thể đúng (quá lớn hoặc không phải số).",
            row=row,
            cell=cell,
        )
    return value


def write_table(
    path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[TableCell | None]]
) -> Path:
    """A table as a worksheet: figures as real numbers with their format (they sum and sort in
    Excel), text stays text, each column as wide as its content, headers frozen and filterable."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title[:31]
    widths = [len(str(h)) for h in headers]
    for column, header in enumerate(headers, start=1):
        text_cell(sheet, 1, column, header).font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            if isinstance(value, Figure):
                cell = sheet.cell(row=r, column=column, value=value.excel_value())
                cell.number_format = value.excel_format()
            else:
                text_cell(sheet, r, column, value)
            widths[column - 1] = max(widths[column - 1], len(cell_text(value)))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(
            MAX_TABLE_WIDTH, max(MIN_TABLE_WIDTH, width + 2)
        )
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    book.save(path)
    return path
