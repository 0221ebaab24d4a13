"""The one seam where the app waits for the clerk: modal dialogs and confirmations.

Tests replace these functions; code calls them as `prompts.run_dialog(...)`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


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


def save_file(parent: QWidget | None, title: str, name: str, filters: str) -> Path | None:
    """Ask where to save; None if the clerk cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, title, name, filters)
    return Path(path) if path else None


def open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
    """Ask for a file to read; None if the clerk cancels."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(path) if path else None
