"""Starting the window: one app per database, integrity check (offering the latest backup),
a daily backup, translation, the clerk, then the main window."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME
from ..domain.numbers import format_date
from ..resources import resource_path
from ..storage.backup import backups, daily_backup, integrity_ok, restore
from ..storage.database import DatabaseOpenError, default_db_path, open_database
from . import prompts
from .context import AppContext
from .dialogs.clerk import ask_clerk
from .main_window import MainWindow
from .settings import AppSettings
from .single_instance import SingleInstance

log = logging.getLogger(__name__)


def install_translation(app: QApplication, language: str) -> list[QTranslator]:
    """Vietnamese is the source language; English loads resources/translations/kh65_en.qm.
    Qt's own buttons and dialogs (Có/Không, Đóng, the file and print dialogs) come from
    qtbase_<language> where Qt ships one, else from the app's kh65_qt_<language> (Qt has no
    Vietnamese)."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    ours = str(resource_path("translations"))
    loaded = []
    for name, folder in (
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"kh65_qt_{language}", ours),
        (f"kh65_{language}", ours),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def check_integrity(path: Path) -> bool:
    """A damaged database: offer the latest good backup. False if the app cannot go on."""
    if not path.exists() or integrity_ok(path):
        return True
    good = [b for b in backups(path) if integrity_ok(b.path)]
    if not good:
        prompts.show_error(
            None,
            APP_NAME,
            QApplication.translate(
                "App",
                "Cơ sở dữ liệu {0} bị hỏng và không có bản sao lưu nào dùng được. Hãy liên "
                "hệ bộ phận hỗ trợ; tệp được giữ nguyên.",
            ).format(path),
        )
        return False
    latest = good[0]
    question = QApplication.translate(
        "App",
        "Cơ sở dữ liệu {0} bị hỏng (kiểm tra toàn vẹn không đạt).\n\nKhôi phục từ bản "
        "sao lưu gần nhất, lúc {1} {2}? Tệp hỏng được giữ lại bên cạnh, tên có thêm “-hong”.",
    ).format(path.name, latest.made_at.strftime("%H:%M"), format_date(latest.made_at.date()))
    if not prompts.confirm(None, APP_NAME, question):
        return False
    damaged = path.with_name(f"{path.stem}-hong{path.suffix}")
    path.replace(damaged)
    restore(latest.path, path)
    log.warning("Đã khôi phục %s từ %s", path, latest.path.name)
    return True


def create_window(db_path: Path | None, settings: AppSettings | None = None) -> MainWindow:
    """Open the database and build the window (the clerk is asked on the first start)."""
    settings = settings or AppSettings()
    context = AppContext(open_database(db_path), settings)
    if not settings.clerk_name:
        ask_clerk(context)
    return MainWindow(context)


def run_app(db_path: Path | None, import_file: Path | None = None) -> int:
    """The `kh65` command without a sub-command (and a double-clicked .kh65 file)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KH65")
    app.setWindowIcon(QIcon(str(resource_path("icons", "kh65.png"))))
    settings = AppSettings()
    install_translation(app, settings.language)  # type: ignore[arg-type]
    path = (db_path or default_db_path()).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    instance = SingleInstance(path)
    if not instance.acquire():
        message = f"import {import_file.resolve()}" if import_file else "show"
        if instance.send(message):
            return 0  # the running window does it
        prompts.show_error(
            None,
            APP_NAME,
            QApplication.translate(
                "App",
                "Cơ sở dữ liệu {0} đang được một cửa sổ KH65 khác sử dụng. Hãy dùng cửa sổ "
                "đó, hoặc đóng nó rồi mở lại.",
            ).format(path),
        )
        return 1
    window = _open_checked(path, settings)
    if window is None:
        instance.release()
        return 2
    instance.listen(lambda message: _handle(window, message))
    window.show()
    if import_file is not None:
        window.open_import(import_file)
    if os.environ.get("KH65_QUIT_WHEN_SHOWN"):  # start-up measurement (scripts/, benchmarks/)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    instance.release()
    window.context.engine.dispose()
    app.shutdown()  # Qt objects go before the interpreter's final collection, in order
    return code


def _open_checked(path: Path, settings: AppSettings) -> MainWindow | None:
    """Build the window while SQLite checks the file on another thread (the check runs in C
    and releases the interpreter); a damaged file is then offered its latest backup."""
    verdict: list[bool] = []
    checker = threading.Thread(target=lambda: verdict.append(integrity_ok(path, quick=True)))
    checker.start()
    window, failure = None, None
    try:
        window = create_window(path, settings)
    except DatabaseOpenError as error:
        failure = error
    checker.join()
    if not verdict or not verdict[0]:
        if window is not None:
            window.context.engine.dispose()
            window.deleteLater()
        if not check_integrity(path):
            return None
        try:
            window = create_window(path, settings)
        except DatabaseOpenError as error:
            window, failure = None, error
    if window is None:
        QMessageBox.critical(None, APP_NAME, str(failure))
        return None
    daily_backup(path)
    return window


def _handle(window: MainWindow, message: str) -> None:
    """A later start asked for the window, or for a file to be imported."""
    window.showNormal()
    window.raise_()
    window.activateWindow()
    if message.startswith("import "):
        window.open_import(Path(message.removeprefix("import ")))
