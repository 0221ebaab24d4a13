"""`kh65 --db FILE --self-test`: proves an installed copy works (database, migrations, plan,
fonts, charts, a rendered report) without a screen or a network, and exits 0 if it does."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .resources import BUILTIN_PLAN, resource_path


def _checks(db_path: Path | None) -> list[tuple[str, Callable[[], str]]]:
    state: dict[str, object] = {}

    def database() -> str:
        from .storage.backup import integrity_ok
        from .storage.database import db_file, open_database

        engine = open_database(db_path)
        state["engine"] = engine
        path = db_file(engine)
        assert path is not None and integrity_ok(path), "kiểm tra toàn vẹn không đạt"
        return str(path)

    def plan() -> str:
        from .services.plan_service import PlanService

        service = PlanService(state["engine"])  # type: ignore[arg-type]
        rows = service.indicator_rows()
        assert rows, "kế hoạch không có chỉ tiêu"
        state["service"] = service
        return f"{service.current_plan().number}: {len(rows)} chỉ tiêu"

    def resources() -> str:
        needed = [
            resource_path(*BUILTIN_PLAN),
            resource_path("translations", "kh65_en.qm"),
            resource_path("fonts", "LiberationSerif-Regular.ttf"),
        ]
        missing = [str(p) for p in needed if not p.exists()]
        assert not missing, f"thiếu {missing}"
        return f"{len(needed)} tệp"

    def report() -> str:
        import pypdfium2

        from .charts.offscreen import render_progress
        from .reports.builders import (
            ReportKind,
            ReportOptions,
            consolidating_office,
            default_letterhead,
        )
        from .reports.produce import write_report

        service = state["service"]
        plan = service.current_plan()  # type: ignore[attr-defined]
        office = consolidating_office(service, plan)  # type: ignore[arg-type]
        head = default_letterhead(
            plan, ReportKind.PROVINCE, None, None, date.today(), office=office
        )
        options = ReportOptions(
            ReportKind.PROVINCE,
            head,
            include_charts=True,
            chart_renderer=lambda rows, p: render_progress(rows, p),
        )
        with tempfile.TemporaryDirectory() as folder:
            out = write_report(service, options, Path(folder) / "tu-kiem-tra.pdf")  # type: ignore[arg-type]
            pages = len(pypdfium2.PdfDocument(str(out)))
        assert pages > 0, "báo cáo rỗng"
        return f"báo cáo PDF {pages} trang, có biểu đồ"

    return [
        ("Cơ sở dữ liệu", database),
        ("Kế hoạch", plan),
        ("Tài nguyên", resources),
        ("Báo cáo", report),
    ]


def run(db_path: Path | None) -> int:
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    code = 0
    for name, check in _checks(db_path):
        try:
            print(f"OK  {name}: {check()}", flush=True)
        except Exception as exc:  # noqa: BLE001 - a self-test reports every failure
            print(f"LỖI {name}: {exc}", flush=True)
            code = 1
            break
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.shutdown()  # Qt objects go before the interpreter's final collection, in order
    return code
