"""The one seam where the app waits for the clerk: modal dialogs and confirmations.

Tests replace these functions; code calls them as `prompts.run_dialog(...)`.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTreeView,
    QWidget,
)

from .settings import AppSettings

_folders: AppSettings | None = None  # where the last save folder is remembered


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; True when the clerk accepted it."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask yes/no; the safe answer (no) is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def remember_folders_in(settings: AppSettings) -> None:
    """The main window's settings keep the folder of the last save."""
    global _folders
    _folders = settings


def _standard(location: QStandardPaths.StandardLocation) -> Path:
    return Path(QStandardPaths.writableLocation(location) or Path.home())


def start_folder() -> Path:
    """The last folder saved into, while it still exists; else the clerk's Documents."""
    last = Path(_folders.save_folder) if _folders and _folders.save_folder else None
    if last is not None and last.is_dir():
        return last
    documents = _standard(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents.is_dir() else Path.home()


def file_dialog(parent: QWidget | None, title: str, folder: Path, filters: str) -> QFileDialog:
    """Qt's own file dialog rather than the system's: its labels follow the app's language
    (the Windows dialog follows Windows', English on an English Windows), and it offers
    the clerk's usual folders on its left."""
    dialog = QFileDialog(parent, title, str(folder), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    places = [
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.DesktopLocation,
        QStandardPaths.StandardLocation.DownloadLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ]
    folders = dict.fromkeys(_standard(place) for place in places)
    urls = [QUrl.fromLocalFile(str(folder)) for folder in folders if folder.is_dir()]
    dialog.setSidebarUrls([QUrl("file:"), *urls])  # "file:": the computer and its drives
    dialog.resize(860, 520)
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:  # names take the room; size, type and date fit their Vietnamese
        header = details.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return dialog


def _suffix(name_filter: str) -> str:
    """ "Tệp PDF (*.pdf)" -> "pdf"."""
    found = re.search(r"\*\.(\w+)", name_filter)
    return found.group(1) if found else ""


def save_file(parent: QWidget | None, title: str, name: str, filters: str) -> Path | None:
    """Ask where to save `name` (starting in the last folder, else Documents); None if the
    clerk cancels. The folder chosen is remembered for the next save."""
    dialog = file_dialog(parent, title, start_folder(), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    wanted = Path(name).suffix.lstrip(".").lower()
    chosen = next((f for f in dialog.nameFilters() if _suffix(f) == wanted), None)
    if chosen is not None:
        dialog.selectNameFilter(chosen)
    dialog.setDefaultSuffix(wanted)  # "bao-cao" typed alone still becomes bao-cao.pdf
    dialog.filterSelected.connect(lambda f: dialog.setDefaultSuffix(_suffix(f)))
    dialog.selectFile(name)
    if not run_dialog(dialog) or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    if _folders is not None:
        _folders.save_folder = str(path.parent)
        _folders.sync()
    return path


def open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
    """Ask for a file to read; None if the clerk cancels."""
    dialog = file_dialog(parent, title, start_folder(), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if not run_dialog(dialog) or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
