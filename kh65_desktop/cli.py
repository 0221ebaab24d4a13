"""The `kh65` command: opens the app, or prints the plan's summary, indicators and checks."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from . import (
    __version__,
    cli_backup,
    cli_consolidation,
    cli_copy,
    cli_keys,
    cli_localities,
    cli_plan_read,
    cli_server,
    cli_verify,
)
from .cli_parser import VietnameseArgumentParser
from .cli_signing import add_signing_arguments, signing_from_args
from .domain.consistency import Finding
from .domain.numbers import VietnameseFormatError, format_date, format_number, parse_date
from .domain.report_texts import AgencyTexts
from .domain.text import fold
from .exchange.data import ExchangeError
from .exchange.signing import SigningKeyError
from .logging_setup import configure as configure_logging
from .reports.builders import (
    ReportKind,
    ReportOptions,
    consolidating_office,
    default_letterhead,
)
from .reports.document import ReportError
from .services.checks import find_disagreements
from .services.display import percent_text, remaining_text, value_text
from .services.organisations import named_for
from .services.plan_service import PlanService
from .services.plans import NoPlanError, choose_plan, list_plans
from .services.reorg import ReorgRefused, ReorgService
from .services.rows import IndicatorRow
from .storage.backup import backup_advice
from .storage.database import (
    DatabaseOpenError,
    RefusedDatabaseError,
    database_target,
    default_db_path,
    open_database,
    refuse_unless_kh65,
)
from .storage.db_lock import COMMAND, WINDOW, DatabaseLock, ServerLock
from .storage.engines import ServerAddress, explain_server
from .storage.failures import StorageError, explain, is_storage_failure
from .storage.kh65_file import FileKind
from .storage.models import Agency, Period, Plan
from .storage.plan_file import PlanFileError
from .storage.sections_file import SectionsFileError

LOCK_WAIT = 5.0  # seconds a writing command waits for another writer to finish


# Commands kept in their own modules: each has COMMAND (its name), add_parser(commands),
# writes(args) -> bool and run(engine, args) -> int. Add a module here to add a command.
COMMAND_MODULES: tuple[Any, ...] = (
    cli_localities,
    cli_copy,
    cli_backup,
    cli_server,
    cli_keys,
    cli_verify,
    *cli_consolidation.COMMANDS,
)


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseArgumentParser(
        prog="kh65", description="KH65 Desktop: theo dõi chỉ tiêu kế hoạch kinh tế - xã hội."
    )
    parser.add_argument(
        "--db", default=None, help=f"tệp cơ sở dữ liệu (mặc định: {default_db_path()})"
    )
    parser.add_argument(
        "--plan",
        metavar="CODE",
        default=None,
        help="mã kế hoạch làm việc (mặc định: kế hoạch mới nhất; xem mã: kh65 plan list)",
    )
    parser.add_argument("--version", action="version", version=f"KH65 Desktop {__version__}")
    parser.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        metavar="FILE",
        help="mở cửa sổ và xem trước việc nhập tệp .kh65 hoặc .xlsx",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="tự kiểm tra (cơ sở dữ liệu, tài nguyên, báo cáo) rồi thoát",
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("summary", help="chỉ tiêu của từng cơ quan, tiến độ và đánh giá")
    indicators = commands.add_parser("indicators", help="danh sách chỉ tiêu")
    indicators.add_argument("--json", action="store_true", help="in dạng JSON")
    indicators.add_argument(
        "--out",
        type=Path,
        help="ghi bảng Chỉ tiêu ra tệp .xlsx (số là số) hoặc .csv (UTF-8, số viết kiểu Việt Nam)",
    )
    check = commands.add_parser("check", help="đối chiếu số liệu văn bản nêu với số tính được")
    check.add_argument("--json", action="store_true", help="in dạng JSON")
    export = commands.add_parser("export", help="xuất số liệu của một cơ quan (.kh65, .xlsx, .csv)")
    export.add_argument("--agency", required=True, help="tên hoặc mã cơ quan")
    export.add_argument(
        "--period", help="tên hoặc mã kỳ (mặc định: mọi kỳ; mẫu Excel: kỳ mới nhất)"
    )
    export.add_argument("--out", type=Path, required=True, help="tệp .kh65, .xlsx hoặc .csv")
    export.add_argument(
        "--definitions",
        action="store_true",
        help="kèm định nghĩa và chỉ tiêu của kế hoạch (Sở KH&ĐT gửi các đơn vị)",
    )
    imported = commands.add_parser("import", help="nhập gói .kh65 hoặc mẫu Excel đã điền")
    imported.add_argument("file", type=Path)
    imported.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi")
    imported.add_argument("--json", action="store_true", help="in dạng JSON")
    imported.add_argument(
        "--allow-jumps",
        action="store_true",
        help="vẫn nhập số liệu lớn hơn 10 lần kế hoạch hoặc số gần nhất",
    )
    imported.add_argument(
        "--take-theirs",
        action="store_true",
        help="khi xung đột, lấy số trong tệp (mặc định giữ số ở đây)",
    )
    imported.add_argument(
        "--take-plan",
        action="store_true",
        help="gói của cơ quan tổng hợp có kèm kế hoạch chưa có ở đây: nạp kế hoạch đó trước",
    )
    reorg = commands.add_parser("reorg", help="sắp xếp tổ chức: sáp nhập, đổi tên, tách cơ quan")
    reorg_commands = reorg.add_subparsers(dest="reorg_command", required=True)
    reorg_apply = reorg_commands.add_parser(
        "apply", help="áp dụng một tệp sắp xếp tổ chức (xem trước rồi ghi)"
    )
    reorg_apply.add_argument("file", type=Path)
    reorg_apply.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi")
    reorg_undo = reorg_commands.add_parser("undo", help="hoàn tác một lần sắp xếp đã áp dụng")
    reorg_undo.add_argument("number", type=int, help="số lần sắp xếp (in ra khi áp dụng)")
    report = commands.add_parser("report", help="báo cáo theo mẫu Nghị định 30 (PDF hoặc Word)")
    report.add_argument("--agency", help="tên hoặc mã cơ quan (bỏ trống: báo cáo toàn tỉnh)")
    report.add_argument("--period", help="tên hoặc mã kỳ báo cáo (mặc định: kỳ mới nhất)")
    report.add_argument(
        "--kind",
        choices=[k.value for k in ReportKind],
        help="agency, province hoặc locality (theo địa bàn)",
    )
    report.add_argument(
        "--indicator",
        action="append",
        default=[],
        help="mã chỉ tiêu cho báo cáo theo địa bàn (có thể lặp lại)",
    )
    report.add_argument("--number", default="", help="số văn bản, ví dụ 12")
    report.add_argument("--signer", default="", help="họ và tên người ký")
    report.add_argument("--charts", action="store_true", help="kèm biểu đồ tiến độ")
    report.add_argument("--notes", action="store_true", help="kèm ghi chú đối chiếu số liệu")
    report.add_argument(
        "--sections",
        type=Path,
        help="tệp TOML ghi các phần lời văn của báo cáo (docs/report-sections.md)",
    )
    report.add_argument("--out", type=Path, required=True, help="tệp .pdf hoặc .docx")
    add_signing_arguments(report)
    for module in COMMAND_MODULES:
        module.add_parser(commands)
    _plan_commands(commands)
    return parser


def _plan_commands(commands: Any) -> None:
    """`kh65 plan list|new|load|save`: the plans of the database and how a new one gets in."""
    plan = commands.add_parser("plan", help="các kế hoạch: liệt kê, tạo kế hoạch mới, nạp từ tệp")
    actions = plan.add_subparsers(dest="plan_command", required=True)
    listed = actions.add_parser("list", help="các kế hoạch có trong cơ sở dữ liệu, với mã")
    listed.add_argument("--json", action="store_true", help="in dạng JSON")
    new = actions.add_parser(
        "new", help="tạo kế hoạch năm sau từ một kế hoạch (chỉ tiêu, phân công; chưa có kế hoạch)"
    )
    new.add_argument(
        "--from", dest="source", help="mã kế hoạch gốc (mặc định: --plan, hoặc kế hoạch mới nhất)"
    )
    new.add_argument("--year", type=int, required=True, help="năm của kế hoạch mới, ví dụ 2026")
    new.add_argument("--number", required=True, help="số văn bản, ví dụ 9/KH-UBND")
    new.add_argument("--code", required=True, help="mã kế hoạch mới, ví dụ 9/KH-UBND/2026")
    new.add_argument("--issued-on", help="ngày ban hành, ví dụ 15/01/2026 (mặc định: hôm nay)")
    new.add_argument("--issuing-body", default="", help="cơ quan ban hành (mặc định: như cũ)")
    new.add_argument(
        "--place", default="", help="địa danh ghi ở dòng ngày tháng (mặc định: như cũ)"
    )
    new.add_argument("--title", default="", help="trích yếu (mặc định: như cũ, đổi năm)")
    new.add_argument("--signer", default="", help="họ và tên người ký (mặc định: như cũ)")
    loaded = actions.add_parser("load", help="nạp một kế hoạch từ tệp .toml (docs/plan-file.md)")
    loaded.add_argument("file", type=Path)
    saved = actions.add_parser(
        "save", help="ghi kế hoạch (--plan) ra tệp .toml để gửi cho đơn vị khác nạp"
    )
    saved.add_argument("--out", type=Path, required=True, help="tệp .toml")
    cli_plan_read.add_parser(actions)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `kh65` and `python -m kh65_desktop`."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # Vietnamese on a Windows console
    args = build_parser().parse_args(argv)
    configure_logging()
    try:
        db_path = database_target(args.db)
    except StorageError as exc:  # DatabaseOpenError, or a server address with a typo
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    if args.self_test:
        from . import selftest

        return selftest.run(db_path)
    if args.command is None:
        from .ui.app import run_app  # Qt is loaded only for the window

        return run_app(db_path if args.db else None, args.import_file, args.plan)
    for module in COMMAND_MODULES:  # a command naming its own databases (kh65 copy)
        if args.command == module.COMMAND and hasattr(module, "run_alone"):
            return int(module.run_alone(args))
    lock = ServerLock() if isinstance(db_path, ServerAddress) else DatabaseLock(db_path)
    try:
        engine = open_for_command(db_path, lock, writes=_writes(args))
        service = PlanService(engine)
        if args.command == "plan":
            return _plans(service, args)
        if args.command == "import":
            return _import(service, args)
        for module in COMMAND_MODULES:
            if args.command == module.COMMAND:
                return int(module.run(engine, args))
        if args.command == "reorg":
            return _reorg(engine, args)
        plan = choose_plan(engine, args.plan)
        if args.command == "indicators":
            return _indicators(service, plan, args)
        elif args.command in ("export", "report"):
            return _files(service, plan, args)
        elif args.command == "check":
            findings = find_disagreements(engine, plan)
            if args.json:
                _print_json([finding_json(f) for f in findings])
            else:
                _print_findings(findings)
        else:
            _print_summary(service, plan)
    except BrokenPipeError:  # output piped into `head` and cut short
        return 0
    except ExchangeError as exc:
        if getattr(args, "json", False):
            _print_json({"error": str(exc), "file": exc.file, "row": exc.row, "cell": exc.cell})
        else:
            print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except RefusedDatabaseError as exc:
        on_server = isinstance(db_path, ServerAddress)
        advice = "" if exc.kind is FileKind.NEWER or on_server else f" {backup_advice(db_path)}"
        print(f"Lỗi: {exc}{advice}", file=sys.stderr)
        return 2
    except (
        PlanFileError,
        NoPlanError,
        StorageError,
        ReportError,
        LookupError,
        SectionsFileError,
        ReorgRefused,
        SigningKeyError,
    ) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        if isinstance(db_path, ServerAddress) and isinstance(exc, DBAPIError):
            print(f"Lỗi: {explain_server(exc, db_path)}", file=sys.stderr)
            return 2
        if not is_storage_failure(exc):
            raise
        print(f"Lỗi: {explain(exc, f'tệp cơ sở dữ liệu {db_path}')}", file=sys.stderr)
        return 2
    finally:
        lock.release()
    return 0


def _reorg(engine: Engine, args: argparse.Namespace) -> int:
    """`kh65 reorg apply FILE [--dry-run]`: the preview as text, then (unless a dry run)
    the reorganisation in one transaction; `kh65 reorg undo N` takes it back. A refusal
    raises ReorgRefused (exit code 2, nothing written)."""
    service = ReorgService(engine)
    if args.reorg_command == "undo":
        service.undo(args.number)
        print(f"Đã hoàn tác lần sắp xếp số {args.number}.")
        return 0
    reorg = service.read(args.file)
    if args.dry_run:
        print(service.preview(reorg).text())
        print("\nXem trước: chưa ghi gì vào cơ sở dữ liệu.")
        return 0
    result = service.apply(reorg, "Dòng lệnh")
    print(result.preview.text())
    number = result.log_id
    print(f"\nĐã áp dụng (lần sắp xếp số {number}; hoàn tác: kh65 reorg undo {number}).")
    return 0


def _writes(args: argparse.Namespace) -> bool:
    if args.command in ("import", "reorg"):  # reorg undo has no --dry-run: it writes
        return not getattr(args, "dry_run", False)
    if args.command == "plan":
        return args.plan_command in ("new", "load")
    return any(m.writes(args) for m in COMMAND_MODULES if args.command == m.COMMAND)


def open_for_command(
    path: Path | ServerAddress, lock: DatabaseLock | ServerLock, writes: bool
) -> Engine:
    """The database for a command. A command that writes (an import) takes the lock the
    window takes, waiting briefly, and has SQLite check the file first. A command that only
    reads opens a database already at the current schema without the lock, on connections that
    cannot write: it may run beside the window (WAL gives it the last committed state) and
    never keeps the window from starting. Only to create or migrate the file does it take the
    lock, as a writer would. On a server the server arbitrates: no file lock."""
    if isinstance(path, ServerAddress):
        return open_database(path)
    if not writes and refuse_unless_kh65(path).kind is FileKind.CURRENT:
        return open_database(path, reading=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        held = lock.acquire(COMMAND, LOCK_WAIT if writes else 0)
    except OSError as exc:  # no lock file possible: a read-only folder
        raise DatabaseOpenError(explain(exc, f"thư mục {path.parent}")) from exc
    if held:
        return open_database(path, integrity=writes)
    if lock.holder() == WINDOW:
        busy = (
            f"Cơ sở dữ liệu đang được cửa sổ KH65 sử dụng ({path}), nên lệnh này không ghi "
            "vào được. Hãy đóng cửa sổ KH65 rồi chạy lại lệnh, hoặc nhập tệp ngay trong cửa "
            "sổ (Tệp → Nhập số liệu từ tệp…)."
        )
    else:
        busy = (
            f"Cơ sở dữ liệu {path} đang được một lệnh kh65 khác ghi (ví dụ một lần nhập khác). "
            "Hãy đợi lệnh đó xong rồi chạy lại."
        )
    raise DatabaseOpenError(f"{busy} Dữ liệu không bị thay đổi.")


def _indicators(service: PlanService, plan: Plan, args: argparse.Namespace) -> int:
    """Print the indicators, or write the window's Chỉ tiêu table (the same columns and
    cells as its "Xuất bảng…") to .xlsx or .csv."""
    rows = service.indicator_rows(plan)
    if args.out is None:
        _print_json([indicator_json(r) for r in rows]) if args.json else _print_rows(rows)
        return 0
    if args.out.suffix.lower() not in (".xlsx", ".csv"):
        print(f"Lỗi: {args.out.name}: hãy đặt tên tệp đuôi .xlsx hoặc .csv.", file=sys.stderr)
        return 2
    from .exchange.table_cells import write_table_file
    from .file_errors import why_not_written
    from .services.indicator_table import indicator_table

    headers, cells = indicator_table(rows)
    try:
        written = write_table_file(args.out, "Chỉ tiêu", headers, cells)
    except OSError as error:
        print(f"Lỗi: không ghi được {args.out}: {why_not_written(error)}.", file=sys.stderr)
        return 2
    print(f"Đã lưu bảng chỉ tiêu ({len(rows)} dòng): {written}")
    return 0


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def indicator_json(row: IndicatorRow) -> dict[str, Any]:
    """One indicator as `kh65 indicators --json` prints it."""
    latest = row.latest
    progress = row.progress
    return {
        "id": row.id,
        "code": row.code,
        "name": row.name,
        "unit": row.unit,
        "group": row.group_code,
        "parent": row.parent_code,
        "lead_agency": ", ".join(row.lead) or None,
        "lead_agencies": list(row.lead),
        "coordinating_agencies": list(row.coordinating),
        "kind": row.kind.value,
        "direction": row.direction.value,
        "target": {
            "form": row.target.form.value,
            "value": row.target.value,
            "strict": row.target.strict,
            "share": row.target.share,
            "text": row.target_display,
        },
        "baseline": row.baseline,
        "same_period": row.same_period,
        "latest": None
        if latest is None
        else {
            "value": latest.value,
            "text": latest.text or None,
            "achieved": latest.achieved,
            "estimate": latest.is_estimate,
            "as_of": latest.as_of,
            "period": {"code": latest.period_code, "name": latest.period_name},
            "entered_by": latest.entered_by,
            "entered_at": latest.entered_at.isoformat(),
        },
        "percent_of_plan": _round(progress.percent_of_plan),
        "remaining": _round(progress.remaining),
        "projected": _round(progress.projected),
        "required_monthly_pace": _round(progress.required_monthly_pace),
        "status": progress.status.value,
        "status_label": progress.status.label,
        "stated_percent_of_plan": row.stated_percent,
        "stated_remaining": row.stated_remaining,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """One disagreement as `kh65 check --json` prints it."""
    return {
        "indicator_code": finding.indicator_code,
        "indicator_name": finding.indicator_name,
        "period": finding.period,
        "check": finding.check.value,
        "locality": finding.locality,
        "stated": finding.stated,
        "computed": _round(finding.computed),
        "difference": _round(finding.difference),
        "severity": finding.severity.value,
        "severity_label": finding.severity.label,
        "source": finding.source,
        "message": finding.message,
    }


def _row_text(row: IndicatorRow) -> str:
    latest = row.latest
    value = "chưa có số liệu"
    if latest is not None:
        value = f"{value_text(latest, row.unit)} ({latest.period_name})"
    parts = [f"Kế hoạch: {row.target_display or '—'}", f"Thực hiện: {value}"]
    if row.progress.percent_of_plan is not None:
        parts.append(f"Đạt {percent_text(row)} kế hoạch")
    if row.progress.remaining is not None:
        parts.append(f"Còn lại: {remaining_text(row, with_unit=True)}")
    parts.append(f"Đánh giá: {row.progress.status.label}")
    return f"  {row.code:<9} {row.name}\n            " + " | ".join(parts)


def _print_rows(rows: list[IndicatorRow]) -> None:
    for row in rows:
        print(_row_text(row))


def _print_summary(service: PlanService, plan: Plan) -> None:
    print(f"Kế hoạch số {plan.number}: {plan.title}\n")
    for agency, rows in service.rows_by_lead_agency(plan):
        print(f"{agency} ({len(rows)} chỉ tiêu)")
        _print_rows(rows)
        print()


def _print_findings(findings: list[Finding]) -> None:
    if not findings:
        print("Số liệu văn bản nêu khớp với số tính được (sau khi làm tròn).")
    for finding in findings:
        print(f"[{finding.severity.label}] {finding.indicator_code} {finding.message}")


def _find(items: list, wanted: str, what: str):  # type: ignore[no-untyped-def]
    """An agency or period by code or name, diacritics optional."""
    for item in items:
        if wanted in (item.code, item.name) or fold(wanted) == fold(item.name):
            return item
    names = "; ".join(i.name for i in items)
    raise LookupError(f"Không có {what} “{wanted}”. Có: {names}.")


def report_options(
    service: PlanService, args: argparse.Namespace, plan: Plan | None = None
) -> ReportOptions:
    """The CLI's choices, with the same defaults the report dialog offers."""
    plan = plan or choose_plan(service.engine, getattr(args, "plan", None))
    agency = None
    if args.agency:
        agency = _find(
            [service.get(Agency, a.id) for a in service.agencies(plan)], args.agency, "cơ quan"
        )
    periods = service.periods(plan)
    period = _find(periods, args.period, "kỳ báo cáo") if args.period else periods[-1]
    kind = (
        ReportKind(args.kind)
        if args.kind
        else (ReportKind.AGENCY if agency else ReportKind.PROVINCE)
    )
    named = named_for(service.engine, agency, plan, period)  # the name at the period's end
    office = consolidating_office(service, plan, period)
    head = default_letterhead(plan, kind, named, period, date.today(), office=office)
    head.number, head.signer_name = args.number, args.signer
    renderer = None
    if args.charts:
        from .charts.paper import report_chart_images  # Qt is loaded only for charts

        def renderer(rows: list[IndicatorRow], path: Path) -> list[Path]:
            return report_chart_images(rows, path, by_agency=kind is ReportKind.PROVINCE)

    return ReportOptions(
        kind,
        head,
        agency,
        period,
        args.indicator,
        include_notes=args.notes,
        include_charts=args.charts,
        chart_renderer=renderer,
        texts=report_texts(service, plan, kind, agency, period, args.sections),
    )


def report_texts(
    service: PlanService,
    plan: Plan,
    kind: ReportKind,
    agency: Agency | None,
    period: Period,
    sections: Path | None,
) -> list[AgencyTexts]:
    """The narrative sections saved in the app, with those of a `--sections` file over them
    (docs/report-sections.md); a bad file raises SectionsFileError before anything is written."""
    from .services.report_texts import ReportTextService
    from .storage.sections_file import read_sections_file

    province = kind is ReportKind.PROVINCE
    texts = ReportTextService(service.engine)
    saved = texts.for_report(plan, period, agency, province)
    if sections is None or kind is ReportKind.LOCALITY:
        return saved
    return texts.with_file(read_sections_file(sections), plan, period, agency, province, saved)


def _files(service: PlanService, plan: Plan, args: argparse.Namespace) -> int:
    """export and report: the modules for files load only when asked for."""
    if args.command == "report":
        from .reports.produce import write_report

        options = report_options(service, args, plan)
        signing = signing_from_args(args)
        saved = write_report(service, options, args.out, plan=plan, signing=signing)
        print(f"Đã lưu báo cáo{' đã ký số' if signing else ''}: {saved}")
        return 0
    from .services.exchange_files import export_file

    agency = _find(
        [service.get(Agency, a.id) for a in service.agencies(plan)], args.agency, "cơ quan"
    )
    period = _find(service.periods(plan), args.period, "kỳ báo cáo") if args.period else None
    # a package is signed: the key's passphrase from the environment or asked (cli_keys)
    secret = cli_keys.passphrase_for(agency.code) if args.out.suffix.lower() == ".kh65" else None
    out = export_file(service, plan, agency, period, args.out, args.definitions, secret)
    print(f"Đã xuất: {out}")
    return 0


def _import(service: PlanService, args: argparse.Namespace) -> int:
    """Preview (and unless --dry-run, apply) a received file."""
    from .services.exchange import ExchangeService, kept_summary
    from .services.exchange_files import read_file
    from .services.figure_checks import jumps_refused

    exchange = ExchangeService(service.engine)
    data = read_file(args.file, "Dòng lệnh")
    if args.plan is None:
        _take_plan(service, args, data)
    # the file's own plan when this database has it, unless --plan names one
    plan = choose_plan(
        service.engine,
        args.plan or (data.plan_code if data.plan_code in _plan_codes(service) else None),
    )
    preview = exchange.preview(plan, data)
    if args.take_theirs:
        for row in preview.rows:
            row.take_theirs = True
    applied = None
    if preview.warnings and not args.dry_run and not args.allow_jumps:
        raise ExchangeError(args.file, jumps_refused(preview.warnings))
    if not args.dry_run and not preview.changes_nothing:
        applied = exchange.apply(plan, preview, "Dòng lệnh")
    counts = {a.value: n for a, n in preview.counts().items()}
    kept = kept_summary(preview)  # never "nothing changed" when the file was not all taken
    if preview.changes_nothing and kept:
        message = f"Không ghi gì: {kept}."
    elif preview.changes_nothing:
        message = "Tệp không làm thay đổi gì: mọi số liệu trong tệp đã có ở đây" + (
            " hoặc không được sửa so với lúc xuất mẫu."
            if preview.data.at_export is not None
            else "."
        )
    elif applied is None:
        message = "Xem trước: chưa ghi gì vào cơ sở dữ liệu." + (
            f" Khi nhập sẽ {kept}." if kept else ""
        )
    else:
        message = f"Đã nhập (lần nhập số {applied.id}); có thể hoàn tác trong cửa sổ." + (
            f" Đã {kept}." if kept else ""
        )
    if args.json:
        _print_json(
            {
                "file": args.file.name,
                "sender": preview.sender,
                "counts": counts,
                "dry_run": args.dry_run,
                "applied": applied is not None,
                "message": message,
                "already_imported": preview.earlier is not None,
                "warnings": preview.warnings,
                "signature": _signature_json(preview.signature),
                "rows": [
                    {
                        "kind": r.kind,
                        "code": r.code,
                        "name": r.name,
                        "period": r.period,
                        "locality": r.locality,
                        "old": r.old,
                        "new": r.new,
                        "action": r.action.value,
                        "take_theirs": r.take_theirs,
                        "reason": r.reason,
                    }
                    for r in preview.rows
                    if r.action.value != "unchanged"
                ],
            }
        )
    else:
        print(
            f"Tệp {args.file.name} từ {preview.sender}: "
            + ", ".join(f"{a.label.lower()} {n}" for a, n in preview.counts().items())
        )
        if preview.signature is not None:
            print(f"  Chữ ký: {preview.signature.label}")
        for r in preview.rows:
            if r.action.value != "unchanged":
                print(
                    f"  [{r.action.label}] {r.code or r.name} {r.period} {r.locality}: "
                    f"{r.old} → {r.new}" + (f" ({r.reason})" if r.reason else "")
                )
        for warning in preview.warnings:
            print(f"  Cảnh báo: {warning}")
        print(message)
    return 0


def _signature_json(verdict: Any) -> dict[str, str] | None:
    """Who signed the package, as the preview says (services/package_keys.py)."""
    if verdict is None:
        return None
    return {
        "state": verdict.state.value,
        "signer": verdict.signer,
        "fingerprint": verdict.fingerprint,
        "label": verdict.label,
    }


def _take_plan(service: PlanService, args: argparse.Namespace, data: Any) -> None:
    """A package carrying a plan this database lacks: loaded with --take-plan (its own
    transaction, before the figures'), otherwise the refusal says how."""
    from .services.carried_plan import CarriedPlanRefused, load_offered_plan, offered_plan

    try:
        offered = offered_plan(service.engine, data)
        if offered is None:
            if args.take_plan and data.plan_code not in _plan_codes(service):
                raise CarriedPlanRefused(
                    f"gói không kèm kế hoạch “{data.plan_code}” nên không nạp được kế hoạch; "
                    "hãy xin cơ quan tổng hợp kế hoạch gửi gói có định nghĩa kế hoạch."
                )
            return
        if not args.take_plan:
            raise CarriedPlanRefused(
                f"gói thuộc kế hoạch “{offered.code}” (Kế hoạch số {offered.number}), kế hoạch "
                "này chưa có trong cơ sở dữ liệu ở đây. Gói có kèm kế hoạch do cơ quan tổng hợp "
                "gửi: chạy lại lệnh với --take-plan để nạp kế hoạch rồi nhập số liệu."
            )
        if args.dry_run:
            raise CarriedPlanRefused(
                "--dry-run không xem trước được số liệu của kế hoạch chưa có ở đây; hãy bỏ "
                "--dry-run để nạp kế hoạch rồi nhập số liệu."
            )
        added = load_offered_plan(service.engine, data)
    except CarriedPlanRefused as exc:
        raise ExchangeError(args.file, str(exc)) from None
    print(
        f"Đã nạp kế hoạch {added.code} từ gói {args.file.name}"
        " (một lần ghi riêng, trước số liệu; số liệu nhập tiếp sau đây)."
    )


def _plan_codes(service: PlanService) -> set[str]:
    return {p.code for p in list_plans(service.engine)}


def _plans(service: PlanService, args: argparse.Namespace) -> int:
    """`kh65 plan list|new|load|save|read`."""
    if args.plan_command == "list":
        plans = list_plans(service.engine)
        newest = plans[0].code if plans else None
        if args.json:
            _print_json(
                [
                    {
                        "code": p.code,
                        "number": p.number,
                        "year": p.year,
                        "issued_on": p.issued_on,
                        "issuing_body": p.issuing_body,
                        "title": p.title,
                        "default": p.code == newest,
                    }
                    for p in plans
                ]
            )
        else:
            for p in plans:
                mark = " (mặc định)" if p.code == newest else ""
                print(
                    f"{p.code}{mark}\n    Kế hoạch số {p.number} ngày {format_date(p.issued_on)}"
                    f" của {p.issuing_body}, năm {p.year}: {p.title}"
                )
        return 0
    if args.plan_command == "load":
        return _load_plan(service, args.file)
    if args.plan_command == "save":
        return _save_plan(service, args)
    if args.plan_command == cli_plan_read.COMMAND:
        return cli_plan_read.run(service.engine, args)
    return _new_plan(service, args)


def _new_plan(service: PlanService, args: argparse.Namespace) -> int:
    from .services.plan_copy import NewPlan, PlanCopyRefused, copy_plan

    source = args.source or choose_plan(service.engine, args.plan).code
    try:
        issued_on = parse_date(args.issued_on) if args.issued_on else date.today()
        made = copy_plan(
            service.engine,
            source,
            NewPlan(
                code=args.code,
                number=args.number,
                year=args.year,
                issued_on=issued_on,
                issuing_body=args.issuing_body,
                place=args.place,
                title=args.title,
                signer_name=args.signer,
            ),
            entered_by="Dòng lệnh",
        )
    except (PlanCopyRefused, VietnameseFormatError) as exc:
        print(f"Lỗi: {exc} Không có gì được ghi.", file=sys.stderr)
        return 2
    plan = made.plan
    counts = [  # a clause with nothing to count is left out ("0 số liệu cùng kỳ")
        f"{format_number(n)} {what}"
        for n, what in (
            (made.indicators, "chỉ tiêu chưa có kế hoạch năm (cần nhập)"),
            (made.baselines, "số liệu nền"),
            (made.periods, "kỳ báo cáo"),
            (made.tasks, "nhiệm vụ"),
            (made.same_period_values, "số liệu cùng kỳ"),
        )
        if n
    ]
    print(
        f"Đã tạo kế hoạch {plan.code} (số {plan.number}, năm {plan.year}) từ kế hoạch {source}"
        + (f": {', '.join(counts)}" if counts else "")
        + f".\nLàm việc với kế hoạch này: kh65 --plan {plan.code} …"
    )
    return 0


def _save_plan(service: PlanService, args: argparse.Namespace) -> int:
    """`kh65 plan save --out FILE.toml`: the plan's definitions as a plan file."""
    from sqlmodel import Session

    from .atomic_file import atomic_path
    from .file_errors import why_not_written
    from .storage.plan_writer import plan_file_text

    plan = choose_plan(service.engine, args.plan)
    with Session(service.engine) as session:
        text = plan_file_text(session, plan)
    try:
        with atomic_path(args.out) as temporary:
            temporary.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"Lỗi: không ghi được {args.out}: {why_not_written(error)}.", file=sys.stderr)
        return 2
    print(f"Đã ghi kế hoạch {plan.code} ra {args.out} (nạp ở nơi khác: kh65 plan load).")
    return 0


def _load_plan(service: PlanService, path: Path) -> int:
    from .services.plan_load import load_plan_file

    plan = choose_plan(service.engine, load_plan_file(service.engine, path).code)
    print(f"Đã nạp kế hoạch {plan.code} (số {plan.number}, năm {plan.year}) từ {path.name}.")
    return 0
