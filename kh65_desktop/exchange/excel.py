"""Excel for those who fill figures in Excel: a locked fill-in template, read back safely,
and any table written out. openpyxl parses XML through defusedxml (entity tricks refused)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
from defusedxml.common import DefusedXmlException
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.numbers import VietnameseFormatError, parse_number
from .archive import check_archive
from .data import MAX_ROWS, ExchangeData, ExchangeError, PeriodData, ValueData
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
)
WIDTHS = (12, 60, 14, 24, 16, 22, 16, 14, 30, 10)
VALUE_COL, ESTIMATE_COL, NOTE_COL, LOCALITY_COL = 7, 8, 9, 10
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
    """The fill-in sheet: locked columns, number validation on "Số kỳ này", a Có/Không list."""
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
    sheet.column_dimensions[get_column_letter(LOCALITY_COL)].hidden = True
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
            ),
            start=1,
        ):
            cell = text_cell(sheet, r, column, value)
            cell.alignment = Alignment(wrap_text=column == 2, vertical="top")
            if column in (VALUE_COL, ESTIMATE_COL, NOTE_COL):
                cell.protection = Protection(locked=False)
        numbers.add(f"{get_column_letter(VALUE_COL)}{r}")
        choice.add(f"{get_column_letter(ESTIMATE_COL)}{r}")
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
        ),
        start=1,
    ):
        text_cell(meta, r, 1, key)
        text_cell(meta, r, 2, value)
    meta.sheet_state = "hidden"
    book.save(path)
    return path


def _caused_by_unsafe_xml(error: BaseException | None) -> bool:
    """openpyxl wraps parser errors; look down the chain for defusedxml's refusal."""
    while error is not None:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
    return False


def _open(path: Path) -> openpyxl.Workbook:
    check_archive(path, "bảng tính Excel (.xlsx)")
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except (DefusedXmlException, InvalidFileException, KeyError, OSError, ValueError) as exc:
        if _caused_by_unsafe_xml(exc):
            raise ExchangeError(
                path,
                "tệp chứa cấu trúc XML không an toàn (khai báo thực thể XML) và đã bị từ chối.",
            ) from None
        raise ExchangeError(
            path, f"đây không phải bảng tính Excel (.xlsx) hợp lệ ({exc})."
        ) from None


def read_template(path: Path, clerk: str) -> ExchangeData:
    """The figures typed into a template, as exchange data from the template's agency."""
    book = _open(path)
    if META_SHEET not in book.sheetnames or DATA_SHEET not in book.sheetnames:
        raise ExchangeError(path, "đây không phải mẫu nhập số liệu do KH65 Desktop xuất ra.")
    meta = {str(r[0]): r[1] for r in book[META_SHEET].iter_rows(values_only=True) if r[0]}
    if meta.get("template") != TEMPLATE:
        raise ExchangeError(path, "đây không phải mẫu nhập số liệu do KH65 Desktop xuất ra.")
    if int(meta.get("version") or 0) > TEMPLATE_VERSION:
        raise ExchangeError(path, "mẫu được tạo bởi phiên bản KH65 mới hơn; hãy cập nhật.")
    sheet = book[DATA_SHEET]
    if sheet.max_row > FIRST_ROW + MAX_ROWS:
        raise ExchangeError(path, f"bảng tính có quá nhiều dòng (tối đa {MAX_ROWS}).")
    period = PeriodData(
        str(meta["period_code"]),
        str(meta["period_name"]),
        str(meta["period_kind"]),
        datetime.fromisoformat(str(meta["starts_on"])).date(),
        datetime.fromisoformat(str(meta["ends_on"])).date(),
        datetime.fromisoformat(str(meta["cutoff_on"])).date() if meta.get("cutoff_on") else None,
    )
    who = str(sheet.cell(row=3, column=2).value or "").strip() or clerk
    now = datetime.now(UTC)
    data = ExchangeData(
        str(meta["plan"]),
        str(meta["agency_code"]),
        str(meta["agency_name"]),
        now,
        periods=[period],
        source=path.name,
    )
    seen: dict[tuple[str, str | None], int] = {}
    for r, row in enumerate(sheet.iter_rows(min_row=FIRST_ROW, values_only=True), start=FIRST_ROW):
        code = str(row[0] or "").strip()
        if not code:
            continue
        value = _number(row[VALUE_COL - 1], path, r)
        if value is None:
            continue
        locality = str(row[LOCALITY_COL - 1]).strip() if row[LOCALITY_COL - 1] else None
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
                entered_at=now,
                row=r,
            )
        )
    return data


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
            path, f"giá trị {raw} không thể đúng (quá lớn hoặc không phải số).", row=row, cell=cell
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
