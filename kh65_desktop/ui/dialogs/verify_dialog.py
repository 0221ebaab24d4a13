"""Tệp → "Kiểm tra chữ ký…": a signed report PDF checked offline, the answer in plain
Vietnamese (reports/verification.py; the office's trusted certificates)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import prompts
from ..background import run_in_background


def check_signature(parent: QWidget) -> None:
    """Ask for a PDF, check it off the GUI thread, show the result."""
    path = prompts.open_file(
        parent,
        QCoreApplication.translate("SignatureResult", "Kiểm tra chữ ký số"),
        QCoreApplication.translate("SignatureResult", "Tệp PDF (*.pdf)"),
    )
    if path is not None:
        _check(parent, path)


def _check(parent: QWidget, path: Path) -> None:
    run_in_background(
        parent,
        QCoreApplication.translate("SignatureResult", "Đang kiểm tra chữ ký…"),
        lambda: _verify(path),
        lambda verdict: SignatureResult(
            path,
            verdict.ok,
            verdict.text(),
            parent,
            offer_trust=any(c.intact and not c.trusted for c in verdict.signatures),
        ).show(),
        lambda message: SignatureResult(path, False, message, parent).show(),
    )


def _verify(path: Path):  # type: ignore[no-untyped-def]
    from ...reports.trusted_certificates import trusted_certificates
    from ...reports.verification import verify_pdf

    return verify_pdf(path, trusted_certificates())


class SignatureResult(QDialog):
    def __init__(
        self,
        path: Path,
        ok: bool,
        text: str,
        parent: QWidget | None = None,
        offer_trust: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signatureResult")
        self.setWindowTitle(self.tr("Kiểm tra chữ ký số: {0}").format(path.name))
        self.ok = ok
        head = QLabel(
            self.tr("Chữ ký hợp lệ")
            if ok
            else self.tr("Chữ ký KHÔNG hợp lệ hoặc không kiểm tra được")
        )
        head.setObjectName("verdict")
        head.setStyleSheet(f"font-weight: bold; color: {'#1b6e20' if ok else '#b71c1c'};")
        body = QPlainTextEdit(text)
        body.setObjectName("details")
        body.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.path = path
        if offer_trust:  # intact, but the authority is not on the office's list yet
            trust = buttons.addButton(
                self.tr("Tin cậy nơi cấp chứng thư…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            trust.setObjectName("addTrust")
            trust.clicked.connect(self.add_trust)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(body)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def add_trust(self) -> None:
        """Keep an authority's root certificate (.pem/.cer) on the office's list and check
        the file again."""
        from ...reports.trusted_certificates import add_trusted
        from ...reports.verification import VerifyError

        source = prompts.open_file(
            self,
            self.tr("Chứng thư gốc của nơi cấp"),
            self.tr("Chứng thư số (*.pem *.cer *.crt)"),
        )
        if source is None:
            return
        try:
            add_trusted(source)
        except VerifyError as exc:
            prompts.show_error(self, self.tr("Tin cậy nơi cấp chứng thư"), str(exc))
            return
        parent = self.parentWidget()
        self.close()
        _check(parent or self, self.path)
