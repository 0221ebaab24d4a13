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
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from .. import APP_NAME
from ..resources import resource_path
from ..services.database_choice import saved_choice
from ..storage.backup import (
    aside_path,
    backup_folder,
    daily_backup,
    integrity_ok,
    latest_good,
    restore,
    set_aside,
)
from ..storage.database import (
    RefusedDatabaseError,
    ServerLoginError,
    default_db_path,
    open_database,
)
from ..storage.engines import ServerAddress
from ..storage.failures import StorageError, explain
from ..storage.kh65_file import FileKind
from ..storage.server_backup import backup_note
from . import prompts
from .context import AppContext
from .dialogs.clerk import ask_clerk
from .main_window import MainWindow
from .settings import AppSettings
from .single_instance import SingleInstance

log = logging.getLogger(__name__)
# Files with nothing of KH65's in them: the clerk may set them aside and start afresh.
_NOT_KH65 = (FileKind.EMPTY, FileKind.NOT_SQLITE, FileKind.FOREIGN)


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
    """A damaged database: offer the newest good backup. False if the app cannot go on."""
    if not path.exists() or integrity_ok(path):
        return True
    reason = QApplication.translate(
        "App", "Cơ sở dữ liệu {0} bị hỏng (kiểm tra toàn vẹn không đạt)."
    ).format(path.name)
    return _offer_backup(path, reason, "hong", fresh=False)


def _offer_backup(path: Path, reason: str, tag: str, fresh: bool) -> bool:
    """Say what is wrong with the file, show the newest good backup (its date and what it
    holds) and ask to restore it; with `fresh` and no good backup, ask to start afresh. The
    file is set aside under a new name, never overwritten. False: the app stops, nothing
    changed."""
    good = latest_good(path)
    aside = aside_path(path, tag).name
    folder = backup_folder(path)
    if good is not None:
        backup, held = good
        question = QApplication.translate(
            "App",
            "{0}\n\nKhôi phục từ bản sao lưu gần nhất, {1}?\n\nTệp hiện tại được giữ lại "
            "bên cạnh với tên “{2}”. Các bản sao lưu ở {3}.",
        ).format(reason, backup.describe(held), aside, folder)
    elif fresh:
        question = QApplication.translate(
            "App",
            "{0}\n\nKhông có bản sao lưu nào dùng được trong {1}.\n\nTạo cơ sở dữ liệu mới "
            "với kế hoạch có sẵn? Tệp hiện tại được giữ lại bên cạnh với tên “{2}”.",
        ).format(reason, folder, aside)
    else:
        prompts.show_error(
            None,
            APP_NAME,
            QApplication.translate(
                "App",
                "{0}\n\nKhông có bản sao lưu nào dùng được trong {1}. Hãy liên hệ bộ phận "
                "hỗ trợ; tệp được giữ nguyên.",
            ).format(reason, folder),
        )
        return False
    if not prompts.confirm(None, APP_NAME, question):
        return False
    try:
        kept = set_aside(path, tag)
    except OSError as error:
        prompts.show_error(None, APP_NAME, explain(error, f"tệp cơ sở dữ liệu {path}"))
        return False
    if good is not None:
        try:
            restore(good[0].path, path)
        except (OSError, StorageError) as error:
            kept.replace(path)  # back as it was: a missing file would start afresh next time
            prompts.show_error(None, APP_NAME, explain(error, f"tệp cơ sở dữ liệu {path}"))
            return False
        log.warning("Đã khôi phục %s từ %s", path, good[0].path.name)
    return True


def create_window(
    db_path: Path | ServerAddress | None,
    settings: AppSettings | None = None,
    plan_code: str | None = None,
) -> MainWindow:
    """Open the database and build the window (the clerk is asked on the first start), on
    `plan_code` (`kh65 --plan CODE`) or else the plan shown last."""
    settings = settings or AppSettings()
    context = AppContext(open_database(db_path), settings)
    unknown = None
    if plan_code:
        try:
            context.show_plan(plan_code)
        except LookupError as error:  # the window opens all the same, on the plan shown last
            unknown = str(error)
    if not settings.clerk_name:
        ask_clerk(context)
    window = MainWindow(context)
    if unknown:
        prompts.show_error(window, APP_NAME, unknown)
    return window


def run_app(
    db_path: Path | ServerAddress | None,
    import_file: Path | None = None,
    plan_code: str | None = None,
) -> int:
    """The `kh65` command without a sub-command (and a double-clicked .kh65 file). Without
    --db: the database chosen under Cài đặt → Cơ sở dữ liệu…, else the default file."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KH65")
    app.setWindowIcon(QIcon(str(resource_path("icons", "kh65.png"))))
    settings = AppSettings()
    install_translation(app, settings.language)  # type: ignore[arg-type]
    if db_path is None:
        try:
            db_path = saved_choice(settings.database)
        except StorageError as error:  # a setting written by hand with a typo
            prompts.show_error(None, APP_NAME, str(error))
            return 2
    if isinstance(db_path, ServerAddress):
        window = open_server_window(db_path, settings, plan_code)
        return 2 if window is None else _run_window(app, window, import_file)
    path = (db_path or default_db_path()).resolve()
    instance = SingleInstance(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        acquired = instance.acquire()
    except OSError as error:  # a read-only or missing folder: the lock file cannot be made
        prompts.show_error(None, APP_NAME, explain(error, f"thư mục {path.parent}"))
        return 2
    if not acquired:
        message = f"import {import_file.resolve()}" if import_file else "show"
        if instance.send(message):
            return 0  # the running window does it
        prompts.show_error(
            None,
            APP_NAME,
            QApplication.translate(
                "App",
                "Cơ sở dữ liệu {0} đang được một cửa sổ KH65 khác hoặc một lệnh kh65 sử "
                "dụng. Hãy dùng cửa sổ đó, hoặc đợi lệnh chạy xong, rồi mở lại.",
            ).format(path),
        )
        return 1
    window = _open_checked(path, settings, plan_code)
    if window is None:
        instance.release()
        return 2
    instance.listen(lambda message: _handle(window, message))
    code = _run_window(app, window, import_file)
    instance.release()
    return code


def _run_window(app: QApplication, window: MainWindow, import_file: Path | None) -> int:
    window.show()
    if import_file is not None:
        window.open_import(import_file)
    if os.environ.get("KH65_QUIT_WHEN_SHOWN"):  # start-up measurement (scripts/, benchmarks/)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    window.context.engine.dispose()
    app.shutdown()  # Qt objects go before the interpreter's final collection, in order
    return code


def ask_password(address: ServerAddress, refused: str) -> str | None:
    """The server's password, asked at each start and kept only in memory; None: cancelled."""
    text, ok = QInputDialog.getText(
        None,
        APP_NAME,
        QApplication.translate("App", "{0}\n\nMật khẩu của “{1}” trên máy chủ {2}:").format(
            refused, address.user, address.host
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def open_server_window(
    address: ServerAddress, settings: AppSettings, plan_code: str | None = None
) -> MainWindow | None:
    """The window on a server database: no file lock, no SQLite check, no file backups (the
    server's own: the status bar says so). A refused login asks for the password again."""
    while True:
        try:
            window = create_window(address, settings, plan_code)
            break
        except ServerLoginError as error:
            password = ask_password(address, str(error))
            if password is None:
                return None
            address = address.with_password(password)
        except StorageError as error:
            prompts.show_error(None, APP_NAME, str(error))
            return None
    window.statusBar().showMessage(backup_note(address), 60_000)
    return window


def _open_checked(
    path: Path, settings: AppSettings, plan_code: str | None = None
) -> MainWindow | None:
    """Build the window while SQLite checks the file on another thread (the check runs in C
    and releases the interpreter). A file that is not KH65's, or a damaged one, is never
    written over: the clerk is told and offered the newest good backup."""
    existed = path.exists()
    verdict: list[bool] = []
    checker = threading.Thread(
        target=lambda: verdict.append(not existed or integrity_ok(path, quick=True))
    )
    checker.start()
    window, failure = None, None
    try:
        window = create_window(path, settings, plan_code)
    except StorageError as error:  # DatabaseOpenError, or the backup before a migration
        failure = error
    checker.join()
    not_kh65 = isinstance(failure, RefusedDatabaseError) and failure.kind in _NOT_KH65
    if not_kh65 or not verdict or not verdict[0]:
        if window is not None:
            window.context.engine.dispose()
            window.deleteLater()
            window = None
        if not_kh65:
            assert isinstance(failure, RefusedDatabaseError)
            if not _offer_backup(path, failure.reason, "khong-dung", fresh=True):
                return None
        elif not check_integrity(path):
            return None
        try:
            window = create_window(path, settings, plan_code)
        except StorageError as error:  # DatabaseOpenError, or the backup before a migration
            failure = error
    if window is None:
        prompts.show_error(None, APP_NAME, str(failure))
        return None
    try:
        daily_backup(path)
    except StorageError as error:  # the window still opens; the clerk knows there is none
        prompts.show_error(None, APP_NAME, str(error))
    return window


def _handle(window: MainWindow, message: str) -> None:
    """A later start asked for the window, or for a file to be imported."""
    window.showNormal()
    window.raise_()
    window.activateWindow()
    if message.startswith("import "):
        window.open_import(Path(message.removeprefix("import ")))
