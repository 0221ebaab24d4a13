"""The units that have not reported for a period, for the reminder call: a plain list to
read out, or a file (.xlsx through openpyxl, .csv that Excel opens, .txt)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..atomic_file import atomic_path
from ..domain.numbers import format_date, format_number
from .consolidation import PeriodStatus

REMINDER_SUFFIXES = (".xlsx", ".csv", ".txt")
REMINDER_HEADERS = ("STT", "Đơn vị", "Trạng thái", "Số liệu đã nhận", "Hạn nộp", "Ghi chú")


def reminder_rows(status: PeriodStatus) -> list[tuple[str, ...]]:
    return [
        (
            str(n),
            u.unit.name,
            u.state,
            f"{format_number(u.received)}/{format_number(u.expected)}",
            format_date(u.due_on),
            u.days_text + (f"; {u.comment}" if u.comment else ""),
        )
        for n, u in enumerate(status.not_reported, start=1)
    ]


def reminder_text(status: PeriodStatus) -> str:
    """A plain list to read out on a reminder call."""
    head = (
        f"Các đơn vị chưa gửi báo cáo kỳ {status.period.name} "
        f"(hạn {format_date(status.due_on)}, tính đến {format_date(status.today)}):"
    )
    lines = [f"{r[0]}. {r[1]}: {r[2]}, {r[3]} số liệu, {r[5]}" for r in reminder_rows(status)]
    return "\n".join([head, *(lines or ["(không có: mọi đơn vị đã gửi)"])]) + "\n"


def write_reminder(status: PeriodStatus, path: Path) -> Path:
    """The not-reported list as .xlsx (openpyxl), .csv (UTF-8 with BOM, Excel reads it) or
    plain text, by the file's extension; written whole or not at all."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "Chưa báo cáo"
        sheet.append([f"Các đơn vị chưa gửi báo cáo kỳ {status.period.name}"])
        sheet.append(list(REMINDER_HEADERS))
        for row in reminder_rows(status):
            sheet.append(list(row))
        for letter, width in zip("ABCDEF", (5, 40, 12, 16, 12, 40), strict=True):
            sheet.column_dimensions[letter].width = width
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
    elif suffix == ".csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(REMINDER_HEADERS)
        writer.writerows(reminder_rows(status))
        data = ("\ufeff" + out.getvalue()).encode("utf-8")
    else:
        data = reminder_text(status).encode("utf-8")
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
    return path
