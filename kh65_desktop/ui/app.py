"""Starting the window: Qt application, translation, database, clerk, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME
from ..resources import resource_path
from ..storage.database import DatabaseOpenError, open_database
from .context import AppContext
from .dialogs.clerk import ask_clerk
from .main_window import MainWindow
from .settings import AppSettings


def install_translation(app: QApplication, language: str) -> list[QTranslator]:
    """Vietnamese is the source language; English loads resources/translations/kh65_en.qm."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    loaded = []
    for name, folder in (
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"kh65_{language}", str(resource_path("translations"))),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def create_window(db_path: Path | None, settings: AppSettings | None = None) -> MainWindow:
    """Open the database and build the window (the clerk is asked on the first start)."""
    settings = settings or AppSettings()
    context = AppContext(open_database(db_path), settings)
    if not settings.clerk_name:
        ask_clerk(context)
    return MainWindow(context)


def run_app(db_path: Path | None) -> int:
    """The `kh65` command without a sub-command."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KH65")
    settings = AppSettings()
    install_translation(app, settings.language)  # type: ignore[arg-type]
    try:
        window = create_window(db_path, settings)
    except DatabaseOpenError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    window.show()
    return app.exec()
