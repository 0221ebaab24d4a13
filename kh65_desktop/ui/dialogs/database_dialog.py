"""Cài đặt → Cơ sở dữ liệu…: a file on this computer, or a database on the office's
PostgreSQL server. The choice is kept in the settings (never a password: it is asked at each
start) and used from the next start; "Kiểm tra kết nối" tries the server first."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.database_choice import choice_text, connection_report, saved_choice
from ...storage.database import default_db_path
from ...storage.engines import DEFAULT_PORT, ServerAddress
from ...storage.failures import StorageError
from .. import prompts
from ..settings import AppSettings

log = logging.getLogger(__name__)


class DatabaseDialog(QDialog):
    """The clerk picks a file or a server; OK keeps the choice for the next start."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Cơ sở dữ liệu"))
        self.on_file = QRadioButton(self.tr("Tệp trên máy này (một người dùng)"))
        self.on_server = QRadioButton(self.tr("Máy chủ PostgreSQL của cơ quan (nhiều người dùng)"))
        group = QButtonGroup(self)
        group.addButton(self.on_file)
        group.addButton(self.on_server)
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(str(default_db_path()))
        choose = QPushButton(self.tr("Chọn tệp…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(choose)
        self.host, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.host.setObjectName("host")
        self.database.setObjectName("database")
        self.user.setObjectName("user")
        self.host.setPlaceholderText(self.tr("tên máy hoặc địa chỉ IP, ví dụ 192.168.1.10"))
        self.database.setText("kh65")
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("chỉ dùng để kiểm tra; không được lưu"))
        server = QFormLayout()
        server.addRow(self.tr("Máy chủ"), self.host)
        server.addRow(self.tr("Cổng"), self.port)
        server.addRow(self.tr("Cơ sở dữ liệu"), self.database)
        server.addRow(self.tr("Tên đăng nhập"), self.user)
        server.addRow(self.tr("Mật khẩu"), self.password)
        self.check = QPushButton(self.tr("Kiểm tra kết nối"))
        self.check.setObjectName("check")
        self.check.setAutoDefault(False)
        self.check.clicked.connect(self.check_connection)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Lựa chọn có hiệu lực từ lần mở KH65 sau. Mật khẩu máy chủ không được lưu: "
                "KH65 hỏi mỗi lần mở nếu máy chủ cần."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.on_file)
        layout.addLayout(file_row)
        layout.addWidget(self.on_server)
        layout.addLayout(server)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check)
        check_row.addStretch()
        layout.addLayout(check_row)
        layout.addWidget(self.result)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.on_file.toggled.connect(self._enable)
        self._show(settings.database)
        self.setMinimumWidth(560)

    def _show(self, saved: str) -> None:
        try:
            target = saved_choice(saved)
        except StorageError:
            target = None
        if isinstance(target, ServerAddress):
            self.on_server.setChecked(True)
            self.host.setText(target.host)
            self.port.setValue(target.port)
            self.database.setText(target.database)
            self.user.setText(target.user)
        else:
            self.on_file.setChecked(True)
            self.path.setText(str(target) if target else "")
        self._enable()

    def _enable(self) -> None:
        server = self.on_server.isChecked()
        for widget in (self.host, self.port, self.database, self.user, self.password, self.check):
            widget.setEnabled(server)
        self.path.setEnabled(not server)

    def _choose_file(self) -> None:
        path = prompts.open_file(self, self.tr("Chọn tệp cơ sở dữ liệu"), "KH65 (*.db)")
        if path is not None:
            self.path.setText(str(path))

    def address(self) -> ServerAddress | None:
        """The server typed in, or None with the reason shown."""
        host, database = self.host.text().strip(), self.database.text().strip()
        if not host or not database:
            self.result.setText(self.tr("Hãy ghi tên máy chủ và tên cơ sở dữ liệu."))
            return None
        password = self.password.text() or None
        return ServerAddress(host, self.port.value(), database, self.user.text().strip(), password)

    def check_connection(self) -> None:
        """Try the server off the GUI thread (a server that does not answer takes seconds);
        a plain thread and a timer: nothing of Qt crosses threads."""
        address = self.address()
        if address is None:
            return
        self.result.setText(self.tr("Đang kết nối…"))
        self.check.setEnabled(False)
        outcome: list[str] = []

        def work() -> None:
            try:
                outcome.append(connection_report(address))
            except StorageError as error:
                outcome.append(str(error))
            except Exception as error:  # noqa: BLE001 - said, never a traceback
                log.exception("Kiểm tra kết nối")
                outcome.append(
                    self.tr("Không kiểm tra được kết nối: {0}").format(type(error).__name__)
                )

        threading.Thread(target=work, daemon=True).start()
        self._poll = QTimer(self)
        self._poll.setInterval(50)

        def poll() -> None:
            if outcome:
                self._poll.stop()
                self.check.setEnabled(True)
                self.result.setText(outcome[0])

        self._poll.timeout.connect(poll)
        self._poll.start()

    def choice(self) -> str | None:
        """What the settings will keep ("" : the default file); None if incomplete."""
        if self.on_file.isChecked():
            text = self.path.text().strip()
            return str(Path(text).expanduser().absolute()) if text else ""
        address = self.address()
        return None if address is None else choice_text(address)

    def accept(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        self.settings.database = choice
        super().accept()
