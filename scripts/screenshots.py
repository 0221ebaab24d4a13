"""Screenshots of every tab (and the main dialogs) at 1366x768 on the built-in dataset.

Run on a virtual screen:  xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py
Pictures go to screenshots/ (not committed). Uses a fresh database and settings.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from kh65_desktop.storage.database import open_database
from kh65_desktop.ui import entity_actions, prompts
from kh65_desktop.ui.context import AppContext
from kh65_desktop.ui.dialogs.clerk import clerk_dialog
from kh65_desktop.ui.dialogs.history import HistoryDialog
from kh65_desktop.ui.dialogs.indicator_chart import IndicatorChartDialog
from kh65_desktop.ui.dialogs.period_entry import PeriodEntryDialog
from kh65_desktop.ui.main_window import MainWindow
from kh65_desktop.ui.settings import AppSettings
from tests.samples import district_package

OUT = Path(__file__).resolve().parent.parent / "screenshots"


def shoot(app: QApplication, widget: QWidget, name: str) -> None:
    for _ in range(5):
        app.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    app = QApplication(sys.argv)
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        settings = AppSettings(QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
        settings.clerk_name = "Nguyễn Thị Lan"
        settings.clerk_agency = "SKHDT"
        context = AppContext(open_database(Path(folder) / "kh65.db"), settings)
        window = MainWindow(context)
        window.resize(1366, 768)
        window.show()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            shoot(app, window, f"tab{index + 1}-{window.tabs.tabText(index)}")
        entry = PeriodEntryDialog(context, None, window)
        entry.show()
        shoot(app, entry, "dialog-nhap-so-lieu")
        row = context.plans.indicator_rows()[20]
        history = HistoryDialog(context, row.id, row.name, window)
        history.show()
        shoot(app, history, "dialog-lich-su")
        window.agencies.views.setCurrentIndex(1)  # the agency's chart
        window.tabs.setCurrentWidget(window.agencies)
        shoot(app, window, "tab2-Cơ quan-biểu đồ")
        chart = IndicatorChartDialog(context, context.plans.indicator_rows()[17].id, window)
        chart.show()
        shoot(app, chart, "dialog-bieu-do-chi-tieu")
        package = district_package(Path(folder))
        importing = window.open_import(package)
        while importing.preview is None:
            app.processEvents()
        importing.show_unchanged.setChecked(True)
        shoot(app, importing, "dialog-nhap-tep")
        importing.close()
        report = window.open_report()
        shoot(app, report, "dialog-bao-cao")
        report.close()
        clerk = clerk_dialog(context, window)
        clerk.show()
        shoot(app, clerk, "dialog-nguoi-nhap")

        def picture(name: str) -> Callable[[QDialog], bool]:
            def run(dialog: QDialog) -> bool:  # show, photograph, cancel
                dialog.show()
                shoot(app, dialog, name)
                dialog.reject()
                return False

            return run

        indicator = context.plans.indicator_rows()[15]
        prompts.run_dialog = picture("dialog-sua-chi-tieu")
        entity_actions.edit_indicator(context, window, indicator.id)
        prompts.run_dialog = picture("dialog-them-nhiem-vu")
        entity_actions.add_task(context, window)
        window.close()
        context.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
