"""The consolidating office on the command line:
`kh65 status [--period NAME] [--json] [--due DD/MM/YYYY] [--not-reported FILE]`,
`kh65 approve|return|reopen --agency NAME|CODE | --locality NAME|CODE --period NAME …`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from .domain.numbers import VietnameseFormatError, format_date, parse_date
from .domain.text import fold
from .file_errors import why_not_written
from .services import approvals
from .services.consolidation import (
    period_status,
    set_due_date,
    status_json,
    status_text,
)
from .services.plan_service import PlanService
from .services.plans import choose_plan
from .services.reminders import REMINDER_SUFFIXES, write_reminder
from .services.reporting_units import AGENCY, LOCALITY, find_unit, reporting_units
from .storage.models import Period, Plan

BY = "Dòng lệnh"


def _period(engine: Engine, plan: Plan, wanted: str | None) -> Period:
    """A period by code or name (diacritics optional); the latest when none is named."""
    periods = PlanService(engine).periods(plan)
    if not periods:
        raise LookupError("Kế hoạch chưa có kỳ báo cáo nào; hãy thêm kỳ trước.")
    if not wanted:
        return periods[-1]
    for period in periods:
        if fold(wanted) in (fold(period.code), fold(period.name)):  # "2024-h1" too
            return period
    names = "; ".join(f"{p.name} ({p.code})" for p in periods)
    raise LookupError(f"Không có kỳ báo cáo “{wanted}”. Có: {names}.")


def _refused(message: str) -> int:
    print(f"Lỗi: {message}", file=sys.stderr)
    return 2


@dataclass(frozen=True)
class _Status:
    COMMAND: str = "status"

    def add_parser(self, commands: Any) -> None:
        status = commands.add_parser("status", help="tình hình báo cáo của các đơn vị trong một kỳ")
        status.add_argument("--period", help="tên hoặc mã kỳ (mặc định: kỳ mới nhất)")
        status.add_argument("--json", action="store_true", help="in dạng JSON")
        status.add_argument("--due", help="đặt hạn nộp báo cáo của kỳ (dd/mm/yyyy)")
        status.add_argument(
            "--log", action="store_true", help="in nhật ký duyệt, trả lại, mở lại của kỳ"
        )
        status.add_argument(
            "--not-reported",
            type=Path,
            metavar="FILE",
            help="ghi danh sách đơn vị chưa báo cáo ra tệp .xlsx, .csv hoặc .txt",
        )

    def writes(self, args: argparse.Namespace) -> bool:
        return bool(args.due)

    def run(self, engine: Engine, args: argparse.Namespace) -> int:
        listed = args.not_reported
        if listed and listed.suffix.lower() not in REMINDER_SUFFIXES:
            return _refused(
                f"--not-reported: “{listed.name}” không phải tệp .xlsx, .csv hay .txt. Hãy đặt "
                "tên tệp có một trong các đuôi đó, ví dụ chua-bao-cao.xlsx."
            )
        plan = choose_plan(engine, args.plan)
        period = _period(engine, plan, args.period)
        if args.due:
            try:
                day = parse_date(args.due)
                set_due_date(engine, period.id or 0, day)
            except (VietnameseFormatError, ValueError) as exc:
                return _refused(f"--due: {exc}")
            period.report_due_on = day
            print(f"Đã đặt hạn nộp báo cáo kỳ {period.name}: {format_date(day)}.")
        if args.log:
            for decision in approvals.decisions(engine, plan.id or 0, period.id):
                print(decision.line)
            return 0
        status = period_status(engine, plan, period)
        if listed:
            try:
                print(f"Đã ghi danh sách chưa báo cáo: {write_reminder(status, listed)}")
            except OSError as exc:  # not the database's fault: say which file and why
                return _refused(f"Không ghi được tệp {listed}: {why_not_written(exc)}.")
        print(status_json(status) if args.json else status_text(status), end="")
        return 0


@dataclass(frozen=True)
class _Decide:
    COMMAND: str
    help: str
    text: str = ""  # "comment" or "reason": the decision's required text

    def add_parser(self, commands: Any) -> None:
        decide = commands.add_parser(self.COMMAND, help=self.help)
        unit = decide.add_mutually_exclusive_group(required=True)
        unit.add_argument("--agency", help="tên hoặc mã cơ quan")
        unit.add_argument("--locality", help="tên hoặc mã địa bàn")
        decide.add_argument("--period", required=True, help="tên hoặc mã kỳ báo cáo")
        if self.text == "comment":
            decide.add_argument("--comment", required=True, help="nhận xét gửi lại đơn vị")
        if self.text == "reason":
            decide.add_argument("--reason", required=True, help="lý do mở lại (được ghi lại)")
        decide.add_argument("--by", default=BY, help="người quyết định (ghi vào nhật ký)")

    def writes(self, args: argparse.Namespace) -> bool:
        return True

    def run(self, engine: Engine, args: argparse.Namespace) -> int:
        plan = choose_plan(engine, args.plan)
        period = _period(engine, plan, args.period)
        with Session(engine) as session:
            units = reporting_units(session, plan)
        kind, wanted = (AGENCY, args.agency) if args.agency else (LOCALITY, args.locality)
        unit = find_unit(units, kind, wanted)  # UnknownUnit: a LookupError, exit code 2
        try:
            if self.COMMAND == "approve":
                approvals.approve(engine, unit, period, args.by)
                done = "Đã duyệt và khóa"
            elif self.COMMAND == "return":
                approvals.return_(engine, unit, period, args.comment, args.by)
                done = "Đã trả lại (nhận xét sẽ đi kèm gói gửi đơn vị lần tới)"
            else:
                approvals.reopen(engine, unit, period, args.reason, args.by)
                done = "Đã mở lại"
        except approvals.DecisionRefused as refused:
            return _refused(str(refused))
        print(f"{done}: số liệu kỳ {period.name} của {unit.name}.")
        return 0


COMMANDS = (
    _Status(),
    _Decide("approve", "duyệt (và khóa) số liệu một kỳ của một đơn vị"),
    _Decide("return", "trả lại số liệu một kỳ của một đơn vị, kèm nhận xét", "comment"),
    _Decide("reopen", "mở lại số liệu đã duyệt hoặc đã trả lại, kèm lý do", "reason"),
)
