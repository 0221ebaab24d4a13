"""Generated locality lists for tests (fictional names: "Xã Thử nghiệm 001"), and a plan of
another year to break down by them."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.domain.terms import IndicatorKind, PeriodKind, TargetForm
from kh65_desktop.storage.models import Indicator, IndicatorGroup, Period, Plan

HEADER = ["Mã", "Tên", "Loại", "Từ ngày", "Đến ngày", "Thuộc", "Tiền thân"]
PROVINCE = "TINH-TN"
DISTRICT_ENDED = ["TCU", "Huyện Trà Cú", "huyện", "", "30/06/2025", "", ""]


def commune_rows(count: int = 124) -> list[list[str]]:
    """A test province from 1/7/2025 and its communes and wards (the first two made from
    Trà Cú district, which ends the day before)."""
    rows = [[PROVINCE, "Tỉnh Thử nghiệm", "tỉnh", "01/07/2025", "", "", ""], DISTRICT_ENDED]
    for i in range(1, count + 1):
        kind, word = ("phường", "Phường") if i % 10 == 0 else ("xã", "Xã")
        rows.append(
            [
                f"TN{i:03d}",
                f"{word} Thử nghiệm {i:03d}",
                kind,
                "01/07/2025",
                "",
                PROVINCE,
                "TCU" if i <= 2 else "",
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    """As Excel's "CSV UTF-8" writes it: a BOM, CRLF line ends."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    """A workbook with a title line above the header and real date cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ (THỬ NGHIỆM)"])
    sheet.append(HEADER)
    for row in rows:
        cells: list[object] = list(row)
        for i in (3, 4):
            if row[i]:
                day, month, year = (int(p) for p in row[i].split("/"))
                cells[i] = date(year, month, day)
        sheet.append(cells)
    book.save(path)
    return path


def add_plan_2026(engine: Engine) -> Plan:
    """A plan for 2026 with one indicator and one period (the newest plan in the file)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        plan = Plan(
            code="TN/KH-UBND/2026",
            number="1/KH-UBND",
            issued_on=date(2026, 1, 5),
            place="Thử nghiệm",
            issuing_body="ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
            title="Kế hoạch thử nghiệm năm 2026",
            year=2026,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            signer_authority="TM. ỦY BAN NHÂN DÂN",
            signer_title="CHỦ TỊCH",
            signer_name="Người Thử",
        )
        session.add(plan)
        session.flush()
        group = IndicatorGroup(plan_id=plan.id, code="I.1", section="I", heading="Doanh nghiệp")
        session.add(group)
        session.flush()
        session.add(
            Indicator(
                plan_id=plan.id,
                group_id=group.id,
                code="I.1.1",
                name="Doanh nghiệp thành lập mới",
                unit="doanh nghiệp",
                kind=IndicatorKind.ACCUMULATING,
                target_form=TargetForm.VALUE,
                target_value=1000,
            )
        )
        session.add(
            Period(
                plan_id=plan.id,
                code="2026-H1",
                name="6 tháng đầu năm 2026",
                kind=PeriodKind.HALF_YEAR,
                starts_on=date(2025, 12, 15),
                ends_on=date(2026, 6, 14),
            )
        )
    return plan


def indicator_of(engine: Engine, plan: Plan) -> Indicator:
    with Session(engine) as session:
        return session.exec(select(Indicator).where(Indicator.plan_id == plan.id)).one()
