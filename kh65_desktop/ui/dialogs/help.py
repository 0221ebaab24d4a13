"""Trợ giúp: the short guide (F1) and “Giới thiệu” (version and where everything is kept)."""

from __future__ import annotations

import html
from pathlib import Path
from string import Template

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME, __version__
from ...logging_setup import log_path
from ...resources import resource_path
from ...services.database_choice import server_backup_note, server_label
from ...storage.backup import backup_folder
from ...storage.database import db_file
from ..context import AppContext


def data_places(context: AppContext) -> dict[str, Path]:
    """Where this window's data, backups and log are, from the modules that decide it."""
    database = db_file(context.engine) or Path()
    return {
        "database": database,
        "data": database.parent,
        "backups": backup_folder(database),
        "logs": log_path().parent,
    }


def guide_html(context: AppContext) -> str:
    """The guide in the app's language, with this computer's folders filled in."""
    language = context.settings.language
    path = resource_path("help", f"huong-dan.{language}.html")
    if not path.exists():
        path = resource_path("help", "huong-dan.vi.html")
    places = {key: html.escape(str(value)) for key, value in data_places(context).items()}
    return Template(path.read_text(encoding="utf-8")).safe_substitute(
        places, plan=html.escape(context.plan.number)
    )


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)  # Qt's "Đóng"
    buttons.rejected.connect(dialog.reject)
    return buttons


class HelpDialog(QDialog):
    """The guide as rich text; it stays open beside the window while the clerk works."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng"))
        self.resize(720, 600)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setHtml(guide_html(context))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(_close_buttons(self))
        self.browser.setFocus()  # arrows and Page Down scroll the guide at once


class AboutDialog(QDialog):
    """Version and the folders support asks for, each selectable and openable."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giới thiệu {0}").format(APP_NAME))
        heading = QLabel(
            f"<b>{APP_NAME}</b> — "
            + self.tr("phiên bản {0}").format(__version__)
            + "<br>"
            + self.tr("Kế hoạch số {0}").format(html.escape(context.plan.number))
        )
        form = QFormLayout()
        places = data_places(context)
        self.paths: dict[str, QLabel] = {}
        for key, title in (
            ("database", self.tr("Cơ sở dữ liệu")),
            ("data", self.tr("Thư mục dữ liệu")),
            ("backups", self.tr("Thư mục sao lưu")),
            ("logs", self.tr("Thư mục nhật ký")),
        ):
            path = QLabel(str(places[key]))
            path.setObjectName(key)
            path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            path.setWordWrap(True)
            self.paths[key] = path
            form.addRow(title, path)
        note = server_backup_note(context.engine)
        if note is not None:  # no file here: say where the data is and how it is backed up
            self.paths["database"].setText(server_label(context.engine) or "")
            self.paths["data"].setText(self.tr("trên máy chủ"))
            self.paths["backups"].setText(note)
        open_data = QPushButton(self.tr("Mở thư mục dữ liệu"))
        open_data.setObjectName("openData")
        open_data.setAutoDefault(False)  # Enter closes the dialog, never opens a file manager
        open_data.clicked.connect(lambda: _open_folder(places["data"]))
        row = QHBoxLayout()
        row.addWidget(open_data)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(row)
        close = _close_buttons(self)
        layout.addWidget(close)
        self.setMinimumWidth(560)
        close.setFocus()


def _open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
