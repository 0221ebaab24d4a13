"""KH65 Desktop benchmarks: each measured several times (median), each beside a baseline
measured in the same run on the same machine. Results print as a Markdown table.

    python benchmarks/run.py                 (generates the large dataset on first use)
    python benchmarks/run.py --repeat 7 --only start,search

Never part of the test suite: the suite checks behaviour, this checks speed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import generate  # noqa: E402
from benchmarks.timing import median  # noqa: E402

DATA = ROOT / "benchmarks" / ".data"


@dataclass
class Result:
    name: str
    ours: float
    baseline: float
    unit: str = "s"
    target: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("nan")


def large_db() -> Path:
    path = DATA / "large.db"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        print("Tạo bộ dữ liệu lớn…", flush=True)
        generate(path, plans=10, agencies=40, indicators=1060, localities=10, tasks=200, seed=65)
    return path


def fresh_copy(path: Path, folder: Path) -> Path:
    target = folder / path.name
    shutil.copy(path, target)
    return target


# -- start-up -----------------------------------------------------------------------------
def _settings_home(folder: Path) -> dict[str, str]:
    config = folder / "config" / "KH65"
    config.mkdir(parents=True, exist_ok=True)
    (config / "KH65 Desktop.conf").write_text("[clerk]\nname=Đo\n", encoding="utf-8")
    return {
        **os.environ,
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "KH65_QUIT_WHEN_SHOWN": "1",
    }


def _run(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, check=True, env=env, capture_output=True)


def bench_start(repeat: int, folder: Path) -> list[Result]:
    env = _settings_home(folder)
    bare = [sys.executable, str(ROOT / "benchmarks" / "bare_window.py")]
    builtin = folder / "builtin.db"
    _run([sys.executable, "-m", "kh65_desktop", "--db", str(builtin)], env)  # created once
    large = fresh_copy(large_db(), folder)
    _run([sys.executable, "-m", "kh65_desktop", "--db", str(large)], env)  # daily backup made
    # Interleaved, one of each per round: the shared machine's speed drifts over a run, and
    # measuring the baseline first and KH65 after would put that drift into the ratio.
    commands = {
        "bare": bare,
        "builtin": [sys.executable, "-m", "kh65_desktop", "--db", str(builtin)],
        "large": [sys.executable, "-m", "kh65_desktop", "--db", str(large)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            start = time.perf_counter()
            _run(command, env)
            times[name].append(time.perf_counter() - start)
    baseline = statistics.median(times["bare"])
    results = [
        Result("Khởi động, dữ liệu có sẵn (KH65)", statistics.median(times["builtin"]), baseline,
               target="≤ 1,25×"),
        Result("Khởi động, dữ liệu lớn", statistics.median(times["large"]), baseline,
               target="≤ 1,5×"),
    ]  # fmt: skip
    peak = _peak_memory([sys.executable, "-m", "kh65_desktop", "--db", str(large)], env)
    bare_peak = _peak_memory(bare, env)
    results.append(Result("Bộ nhớ đỉnh, cửa sổ mở dữ liệu lớn", peak, bare_peak, "MB", "< 300 MB"))
    return results


def _peak_memory(command: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of a child process, in MB (Linux reports KB)."""
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *command], env=env, check=True, capture_output=True, text=True
    ).stdout
    return int(out.strip().splitlines()[-1]) / 1024


# -- the window on the large dataset ------------------------------------------------------
def bench_window(repeat: int, folder: Path) -> list[Result]:
    from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from kh65_desktop.charts.progress import ProgressChart
    from kh65_desktop.services.chart_data import progress_bars
    from kh65_desktop.services.editing import ValueKey
    from kh65_desktop.storage.database import open_database
    from kh65_desktop.ui.chart_panel import ChartPanel
    from kh65_desktop.ui.context import AppContext
    from kh65_desktop.ui.main_window import MainWindow
    from kh65_desktop.ui.settings import AppSettings
    from kh65_desktop.ui.tabs.indicator_tab import IndicatorTab

    app = QApplication.instance() or QApplication([])
    db = fresh_copy(large_db(), folder)
    settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    settings.clerk_name = "Đo"
    context = AppContext(open_database(db), settings)
    rows = context.indicator_rows()
    results = []

    def open_table() -> None:
        context.notify()  # a fresh read, as after an edit
        IndicatorTab(context).deleteLater()

    names = [r.name for r in rows]

    def plain_table() -> None:
        model = QStandardItemModel(len(names), 3)
        for i, name in enumerate(names):
            model.setItem(i, 0, QStandardItem(name))
        view = QTableView()
        view.setModel(model)
        view.deleteLater()

    results.append(
        Result(
            "Bảng chỉ tiêu: mở (đọc + dựng bảng)",
            median(open_table, repeat),
            median(plain_table, repeat),
        )
    )
    tab = IndicatorTab(context)
    tab.resize(1366, 700)
    tab.show()
    column = tab.model.column_index("percent")

    def sort() -> None:
        tab.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        tab.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)

    plain = QStandardItemModel(len(rows), 1)
    for i, row in enumerate(rows):
        item = QStandardItem()
        item.setData(row.progress.percent_of_plan or 0.0, Qt.ItemDataRole.DisplayRole)
        plain.setItem(i, 0, item)
    plain_proxy = QSortFilterProxyModel()
    plain_proxy.setSourceModel(plain)

    def plain_sort() -> None:
        plain_proxy.sort(0, Qt.SortOrder.DescendingOrder)
        plain_proxy.sort(0, Qt.SortOrder.AscendingOrder)

    results.append(
        Result("Bảng chỉ tiêu: sắp xếp (hai lần)", median(sort, repeat), median(plain_sort, repeat))
    )
    text_model = QStandardItemModel(len(names), 1)
    for i, name in enumerate(names):
        text_model.setItem(i, 0, QStandardItem(name))
    text_proxy = QSortFilterProxyModel()
    text_proxy.setSourceModel(text_model)
    text_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    keystrokes = ["n", "nu", "nuo", "nuoc"]

    def search() -> None:
        for typed in keystrokes:
            tab.search.setText(typed)
            app.processEvents()
        tab.search.clear()

    def plain_search() -> None:
        for typed in keystrokes:
            text_proxy.setFilterFixedString(typed)
            app.processEvents()
        text_proxy.setFilterFixedString("")

    results.append(
        Result(
            "Tìm kiếm: một phím gõ",
            median(search, repeat) / (len(keystrokes) + 1),
            median(plain_search, repeat) / (len(keystrokes) + 1),
            target="< 50 ms",
        )
    )
    window = MainWindow(context)
    window.resize(1366, 768)
    window.show()
    app.processEvents()

    def switch_tabs() -> None:
        for index in (2, 0, 1, 3, 4, 0):
            window.tabs.setCurrentIndex(index)
            app.processEvents()

    plain_tabs = _plain_tab_window()

    def plain_switch() -> None:
        for index in (2, 0, 1, 3, 4, 0):
            plain_tabs.setCurrentIndex(index)
            app.processEvents()

    results.append(
        Result(
            "Chuyển thẻ",
            median(switch_tabs, repeat) / 6,
            median(plain_switch, repeat) / 6,
            target="< 100 ms",
        )
    )

    # a chart of 1.000 indicators: draw, and redraw after an edit
    # The chart scrolls in its panel, as in the window: what the clerk waits for is the
    # visible part (grabbing the whole 22.000-pixel chart measured an off-screen render).
    bars = progress_bars(rows[:1000], by_agency=False)
    chart = ProgressChart()
    panel = ChartPanel(chart, "bench", scroll=True)
    panel.resize(1100, 800)
    panel.show()

    def draw() -> None:
        chart.set_bars(bars)
        panel.grab()

    import pyqtgraph as pg

    plain_plot = pg.PlotWidget()
    plain_plot.resize(1100, 800)
    plain_plot.show()

    def plain_draw() -> None:
        plain_plot.clear()
        plain_plot.addItem(
            pg.BarGraphItem(
                x0=[0] * 1000,
                y=list(range(1000)),
                height=0.6,
                width=[b.progress or 0 for b in bars],
            )
        )
        plain_plot.grab()

    results.append(
        Result("Biểu đồ 1.000 chỉ tiêu: vẽ", median(draw, repeat), median(plain_draw, repeat))
    )
    period = context.periods()[-1]
    value = [1000.0]

    window.tabs.setCurrentWidget(window.indicators)
    app.processEvents()

    def edit_in_table() -> None:
        value[0] += 1
        context.edits.record_value(ValueKey(rows[0].id, period.id), value[0], "Đo")
        context.notify()  # the editing tabs follow at once; the hidden overview waits
        window.indicators.table.grab()

    def edit_then_open_overview() -> None:
        edit_in_table()
        window.tabs.setCurrentWidget(window.overview)  # redrawn now, chart included
        app.processEvents()
        window.grab()  # the window as the clerk sees it
        window.tabs.setCurrentWidget(window.indicators)
        app.processEvents()

    results += [
        Result(
            "Sửa một số trong bảng chỉ tiêu",
            median(edit_in_table, repeat),
            median(plain_draw, repeat),
        ),
        Result(
            "Sửa một số rồi mở thẻ tổng quan",
            median(edit_then_open_overview, repeat),
            median(plain_draw, repeat),
        ),
    ]
    window.close()
    context.engine.dispose()
    return results


def bench_plans(repeat: int, folder: Path) -> list[Result]:
    """Switching the window between two of the large dataset's plans (1.060 indicators and
    139.920 figures each): every tab re-read, the visible one redrawn and grabbed. The
    baseline is the same window re-reading and redrawing the same plan (what any edit costs)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kh65_desktop.services.plans import list_plans
    from kh65_desktop.storage.database import open_database
    from kh65_desktop.ui.context import AppContext
    from kh65_desktop.ui.main_window import MainWindow
    from kh65_desktop.ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    db = fresh_copy(large_db(), folder)
    settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    settings.clerk_name = "Đo"
    context = AppContext(open_database(db), settings)
    codes = [p.code for p in list_plans(context.engine) if p.code.startswith("BENCH/")][:2]
    window = MainWindow(context)
    window.resize(1366, 768)
    window.show()
    app.processEvents()

    def switch() -> None:
        for code in reversed(codes):  # to the older plan and back
            window.switch_plan(code)
            app.processEvents()
            window.grab()  # the window as the clerk sees it

    def same_plan() -> None:
        for _ in codes:
            context.notify()
            app.processEvents()
            window.grab()

    results = []
    for title, tab in (
        ("Chuyển kế hoạch (thẻ Chỉ tiêu)", window.indicators),
        ("Chuyển kế hoạch (thẻ Tổng quan, biểu đồ vẽ lại)", window.overview),
    ):
        window.tabs.setCurrentWidget(tab)
        app.processEvents()
        ours = median(switch, repeat) / 2
        results.append(Result(title, ours, median(same_plan, repeat) / 2, target="< 1 s"))
    window.close()
    context.engine.dispose()
    return results


def _plain_tab_window():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QTabWidget

    tabs = QTabWidget()
    for i in range(5):
        tabs.addTab(QLabel(f"Thẻ {i}"), f"Thẻ {i}")
    tabs.resize(1366, 768)
    tabs.show()
    return tabs


# -- the province-wide report -------------------------------------------------------------
def bench_report(repeat: int, folder: Path) -> list[Result]:
    from datetime import date

    import pypdfium2
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from kh65_desktop.reports import fonts
    from kh65_desktop.reports.builders import (
        ReportBuilder,
        ReportKind,
        ReportOptions,
        consolidating_office,
        default_letterhead,
    )
    from kh65_desktop.reports.produce import write_report
    from kh65_desktop.services.plan_service import PlanService
    from kh65_desktop.storage.database import open_database

    db = fresh_copy(large_db(), folder)
    plans = PlanService(open_database(db))
    plan = plans.current_plan()
    office = consolidating_office(plans, plan)
    head = default_letterhead(plan, ReportKind.PROVINCE, None, None, date.today(), office=office)
    options = ReportOptions(ReportKind.PROVINCE, head)
    out = folder / "province.pdf"
    ours = median(lambda: write_report(plans, options, out), repeat)
    pages = len(pypdfium2.PdfDocument(str(out)))
    report = ReportBuilder(plans, plan, date.today()).build(options)
    lines = [
        cell
        for part in report.parts
        if hasattr(part, "rows")
        for row in part.rows
        for cell in row.cells
    ]
    # the sentences too (issue 13: a sentence per indicator), as lines of the same length
    for part in report.parts:
        text = getattr(part, "text", "")
        lines += [text[i : i + 90] for i in range(0, len(text), 90)]
    fonts.register()

    def bare_canvas() -> None:
        canvas = Canvas(str(folder / "bare.pdf"), pagesize=A4)
        canvas.setFont(fonts.FAMILY, 11)
        y = 800
        for text in lines:
            canvas.drawString(80, y, text[:90])
            y -= 14
            if y < 60:
                canvas.showPage()
                canvas.setFont(fonts.FAMILY, 11)
                y = 800
        canvas.save()

    baseline = median(bare_canvas, repeat)
    word = median(lambda: write_report(plans, options, folder / "province.docx"), repeat)

    def bare_docx() -> None:
        """The same lines as plain paragraphs of a python-docx document, one parse."""
        from xml.sax.saxutils import escape

        from docx import Document
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        document = Document()
        runs = "".join(f"<w:r><w:t>{escape(text)}</w:t></w:r><w:r><w:br/></w:r>" for text in lines)
        document.element.body.insert(0, parse_xml(f"<w:p {nsdecls('w')}>{runs}</w:p>"))
        document.save(str(folder / "bare.docx"))

    return [
        Result(f"Báo cáo toàn tỉnh PDF ({pages} trang)", ours, baseline, target="≤ 5×"),
        Result("Báo cáo toàn tỉnh Word (.docx)", word, median(bare_docx, repeat)),
    ]


# -- exchange -----------------------------------------------------------------------------
def bench_exchange(repeat: int, folder: Path) -> list[Result]:
    import sqlite3
    from dataclasses import replace
    from datetime import UTC, datetime

    from kh65_desktop.exchange.package import CONTENT, write_package
    from kh65_desktop.services.exchange import ExchangeService
    from kh65_desktop.services.exchange_files import export_data, read_file
    from kh65_desktop.services.plan_service import PlanService
    from kh65_desktop.storage.database import open_database
    from kh65_desktop.storage.models import Agency

    source = PlanService(open_database(fresh_copy(large_db(), folder)))
    plan = source.current_plan()
    agency = next(source.get(Agency, a.id) for a in source.agencies(plan) if a.code == "BENCH-A00")
    data = export_data(source.engine, plan, agency)
    # every indicator of the plan, all localities: 100.000 figures, each a little higher
    from sqlmodel import Session, select

    from kh65_desktop.exchange.data import ValueData
    from kh65_desktop.storage.models import Indicator, Locality, Period, ReportedValue

    with Session(source.engine) as session:
        codes = {
            i.id: i.code
            for i in session.exec(select(Indicator).where(Indicator.plan_id == plan.id))
        }
        periods = {
            p.id: p.code for p in session.exec(select(Period).where(Period.plan_id == plan.id))
        }
        places = {loc.id: loc.code for loc in session.exec(select(Locality))}
        values = session.exec(
            select(ReportedValue).where(ReportedValue.period_id.in_(list(periods))).limit(100_000)
        ).all()  # type: ignore[attr-defined]
    now = datetime.now(UTC)
    data.values = [
        ValueData(
            codes[v.indicator_id],
            periods[v.period_id],
            places.get(v.locality_id) if v.locality_id else None,
            (v.value or 0) + 1,
            entered_by="Đo",
            entered_at=now,
        )
        for v in values
    ]
    data.tasks, data.periods = [], []
    package = folder / "big.kh65"
    export_time = median(lambda: write_package(replace(data), package), repeat)

    stages: list[tuple[float, float, float]] = []  # (read and preview, write, undo) per run

    def import_once() -> None:
        copy = fresh_copy(large_db(), folder / "t")
        # a file changes only its sender's indicators: here BENCH-A00 leads every group, so
        # its 100.000 figures are all written (not refused by row)
        with sqlite3.connect(copy) as db:
            db.execute(
                "INSERT OR IGNORE INTO group_agency (group_id, agency_id, role) SELECT g.id, "
                "a.id, 'lead' FROM indicator_group g, agency a WHERE a.code = 'BENCH-A00'"
            )
        target = PlanService(open_database(copy))
        exchange = ExchangeService(target.engine)
        start = time.perf_counter()
        preview = exchange.preview(target.current_plan(), read_file(package, "Đo"))
        previewed = time.perf_counter()
        log = exchange.apply(target.current_plan(), preview, "Đo")
        written = time.perf_counter()
        exchange.undo(log.id, "Đo")
        stages.append((previewed - start, written - previewed, time.perf_counter() - written))
        target.engine.dispose()

    (folder / "t").mkdir(exist_ok=True)
    for _ in range(max(1, repeat // 2)):
        import_once()
    read_time = statistics.median(s[0] for s in stages)
    write_time = statistics.median(s[1] for s in stages)
    import_time = statistics.median(s[0] + s[1] for s in stages)
    undo_time = statistics.median(s[2] for s in stages)
    rows = [(v.indicator, v.period, v.locality, v.value) for v in data.values]

    def plain_sqlite() -> None:
        path = folder / "plain.db"
        path.unlink(missing_ok=True)
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE v (indicator TEXT, period TEXT, locality TEXT, value REAL)")
        with db:
            db.executemany("INSERT INTO v VALUES (?,?,?,?)", rows)
        db.close()

    # What the write needs at least: the same figures updated in the same database and a
    # history row each, by plain sqlite3 with the ids already known, in one transaction.
    stamp = now.replace(tzinfo=None).isoformat(" ", "microseconds")
    updates = [((v.value or 0) + 1, "Đo", stamp, v.id) for v in values]
    history = [
        (
            v.indicator_id,
            v.period_id,
            v.locality_id,
            v.value,
            (v.value or 0) + 1,
            "",
            "",
            "Đo",
            stamp,
        )
        for v in values
    ]
    same_writes_times = []
    for _ in range(max(1, repeat // 2)):
        db = sqlite3.connect(fresh_copy(large_db(), folder / "t"))
        start = time.perf_counter()
        with db:
            db.executemany(
                "UPDATE reported_value SET value = ?, entered_by = ?, entered_at = ? WHERE id = ?",
                updates,
            )
            db.executemany(
                "INSERT INTO value_change (indicator_id, period_id, locality_id, old_value, "
                "new_value, old_text, new_text, changed_by, changed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                history,
            )
        same_writes_times.append(time.perf_counter() - start)
        db.close()
    same_writes = statistics.median(same_writes_times)

    # What reading and comparing needs at least: the JSON parsed, the stored figures read.
    def plain_read() -> None:
        with zipfile.ZipFile(package) as archive:
            json.loads(archive.read(CONTENT))
        db = sqlite3.connect(large_db())
        db.execute(
            "SELECT indicator_id, period_id, locality_id, value, text, is_estimate, entered_at "
            "FROM reported_value WHERE period_id IN (SELECT id FROM period WHERE plan_id = ?)",
            (plan.id,),
        ).fetchall()
        db.close()

    baseline = median(plain_sqlite, repeat)
    n = f"{len(rows):,}".replace(",", ".")
    return [
        Result(f"Xuất gói {n} số liệu", export_time, baseline),
        Result(
            f"Mở gói {n} số liệu: đọc, kiểm tra, so sánh (xem trước)",
            read_time,
            median(plain_read, repeat),
        ),
        Result(
            f"Ghi {n} số liệu đã xem trước (kèm sao lưu an toàn, nhật ký hoàn tác)",
            write_time,
            same_writes,
            target="≤ 3× sqlite3 cùng thao tác ghi",
        ),
        Result(
            f"Hoàn tác lần nhập {n} số liệu",
            undo_time,
            same_writes,
        ),
        Result(
            f"Nhập gói {n} số liệu trọn vẹn (xem trước + ghi)",
            import_time,
            baseline,
            target="≤ 3× sqlite3 chèn vào bảng trống",
        ),
    ]


def bench_excel(repeat: int, folder: Path) -> list[Result]:
    import openpyxl

    from kh65_desktop.exchange.data import PeriodData
    from kh65_desktop.exchange.excel import TemplateRow, read_template, write_template

    period = PeriodData(
        "2025-12",
        "Tháng 12/2025",
        "month",
        __import__("datetime").date(2025, 1, 1),
        __import__("datetime").date(2025, 12, 31),
    )
    rows = [
        TemplateRow(
            f"X.{i}",
            f"Chỉ tiêu thử nghiệm số {i}",
            "tỷ đồng",
            "1.000",
            500.0,
            "Tháng 11/2025",
            600.0 + i,
        )
        for i in range(10_000)
    ]
    path = write_template(
        folder / "big.xlsx", "BENCH/2025", "1/KH-UBND", "BENCH-A00", "Sở", period, rows
    )
    ours = median(lambda: read_template(path, "Đo"), repeat)

    def plain() -> None:
        book = openpyxl.load_workbook(path, data_only=True)
        for _ in book.active.iter_rows(values_only=True):
            pass

    return [Result("Đọc mẫu Excel 10.000 dòng", ours, median(plain, repeat))]


def bench_reader(repeat: int, folder: Path) -> list[Result]:
    """Plan documents read to a plan (benchmarks/plan_reader.py, which also scores them)."""
    from benchmarks.plan_reader import speed

    return [
        Result(what, ours, bare, target=target)
        for what, ours, bare, target in speed(folder, repeat)
    ]


BENCHES = {
    "start": bench_start,
    "window": bench_window,
    "plans": bench_plans,
    "report": bench_report,
    "exchange": bench_exchange,
    "excel": bench_excel,
    "reader": bench_reader,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default=",".join(BENCHES))
    args = parser.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only.split(","):
            work = Path(folder) / name
            work.mkdir()
            print(f"… {name}", flush=True)
            results += BENCHES[name](args.repeat, work)
    print("\n| Phép đo | KH65 | Mốc so sánh | Tỷ lệ | Mục tiêu |\n|---|---|---|---|---|")
    for r in results:
        if r.unit == "MB":
            print(
                f"| {r.name} | {r.ours:.0f} MB | {r.baseline:.0f} MB | {r.ratio:.2f}× "
                f"| {r.target} |"
            )
        else:
            print(
                f"| {r.name} | {r.ours * 1000:.0f} ms | {r.baseline * 1000:.0f} ms | "
                f"{r.ratio:.2f}× | {r.target} |"
            )
    print(
        f"\nmáy: {os.cpu_count()} nhân, Python {sys.version.split()[0]}, "
        f"trung vị của {args.repeat} lần; bộ nhớ tối đa: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB (tiến trình đo)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
