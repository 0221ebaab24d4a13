"""The report dialog's "Ký số khi lưu": which key (a .p12/.pfx file or a token), which
images; the passphrase or PIN is asked at each save and never stored."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .. import prompts
from ..settings import AppSettings

if TYPE_CHECKING:
    from ...reports.produce import Signing

_KEYS = ("p12", "module", "token_label", "signature_image", "seal_image")


class SigningChoice(QGroupBox):
    """Checkable group: unchecked, the report is saved unsigned."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ký số khi lưu"), parent)
        self.setObjectName("signing")
        self.setCheckable(True)
        self.setChecked(False)
        self.settings = settings
        self.with_file = QRadioButton(self.tr("Tệp khóa .p12/.pfx"))
        self.with_token = QRadioButton(self.tr("Thiết bị ký số (token)"))
        self.with_file.setChecked(True)
        self.edits: dict[str, QLineEdit] = {}
        # Hidden until chosen, and only the chosen way's rows: the report dialog must still
        # fit a 1366x768 screen with its buttons.
        self.inside = QWidget(self)
        form = QFormLayout(self.inside)
        form.setContentsMargins(0, 0, 0, 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 6, 0)
        outer.addWidget(self.inside)
        ways = QHBoxLayout()
        ways.addWidget(self.with_file)
        ways.addWidget(self.with_token)
        self.copy = QCheckBox(self.tr("Ký như bản sao (góc trên bên phải trang đầu)"))
        ways.addWidget(self.copy)
        form.addRow(self.tr("Ký bằng"), ways)
        png = self.tr("Ảnh PNG (*.png)")
        self.rows: dict[str, QWidget] = {}
        for key, label, filters in (
            ("p12", self.tr("Tệp khóa"), self.tr("Tệp khóa (*.p12 *.pfx)")),
            ("module", self.tr("Thư viện thiết bị"), self.tr("Thư viện PKCS#11 (*.so *.dll)")),
            ("token_label", self.tr("Nhãn thiết bị"), ""),
            ("signature_image", self.tr("Ảnh chữ ký"), png),
            ("seal_image", self.tr("Ảnh con dấu"), png),
        ):
            edit = QLineEdit(str(settings.store.value(f"signing/{key}", "") or ""))
            edit.setObjectName(f"signing_{key}")
            self.edits[key] = edit
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(edit)
            if filters:
                pick = QPushButton(self.tr("Chọn…"))
                pick.clicked.connect(lambda _=False, e=edit, f=filters: self._pick(e, f))
                line.addWidget(pick)
            else:
                edit.setPlaceholderText(self.tr("bỏ trống: thiết bị đầu tiên"))
            self.rows[key] = row
            if key == "seal_image":  # beside the signature image: one row for both
                self.rows["signature_image"].layout().addWidget(QLabel(label))
                self.rows["signature_image"].layout().addWidget(row)
            else:
                form.addRow(label, row)
        self.form = form
        self.with_file.toggled.connect(self._show_way)
        self.toggled.connect(self._show_way)
        self._show_way()

    def _show_way(self) -> None:
        self.inside.setVisible(self.isChecked())
        on_file = self.with_file.isChecked()
        self.form.setRowVisible(self.rows["p12"], on_file)
        self.form.setRowVisible(self.rows["module"], not on_file)
        self.form.setRowVisible(self.rows["token_label"], not on_file)

    def _pick(self, edit: QLineEdit, filters: str) -> None:
        path = prompts.open_file(self, self.tr("Chọn tệp"), filters)
        if path is not None:
            edit.setText(str(path))

    def _path(self, key: str) -> Path | None:
        text = self.edits[key].text().strip()
        return Path(text) if text else None

    def request(self, ask: Any = None) -> Signing | None | Literal[False]:
        """The Signing for write_report; None when not signing; False when the clerk
        cancelled the passphrase/PIN prompt or left the key empty. `ask(label)` returns
        the secret (tests hand one in); by default a password prompt."""
        if not self.isChecked():
            return None
        from ...reports.produce import Signing
        from ...reports.signing import Appearance, FileKey, TokenKey

        for key in _KEYS:  # the choices (never the secret) are remembered
            self.settings.store.setValue(f"signing/{key}", self.edits[key].text().strip())
        self.settings.sync()
        look = Appearance(
            self._path("signature_image"), self._path("seal_image"), self.copy.isChecked()
        )
        where = self._path("p12") if self.with_file.isChecked() else self._path("module")
        if where is None:
            prompts.show_error(
                self,
                self.tr("Ký số"),
                self.tr("Hãy chọn tệp khóa hoặc thư viện của thiết bị ký số trước khi lưu."),
            )
            return False
        label = (
            self.tr("Mật khẩu của tệp khóa {0}:").format(where.name)
            if self.with_file.isChecked()
            else self.tr("Mã PIN của thiết bị ký số:")
        )
        secret = (ask or self._ask)(label)
        if secret is None:
            return False
        if self.with_file.isChecked():
            return Signing(FileKey(where, secret), look)
        token = self.edits["token_label"].text().strip() or None
        return Signing(TokenKey(str(where), secret, token), look)

    def _ask(self, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Ký số"), label, QLineEdit.EchoMode.Password)
        return text if ok else None
