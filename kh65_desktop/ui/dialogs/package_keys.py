"""Cài đặt → Khóa ký gói số liệu…: this office's signing key (its fingerprint, the key file
to send, a new key) and the offices whose keys this office trusts (trust a key file after
comparing its fingerprint by phone; undoable). exchange/signing.py, services/package_keys.py."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_moment
from ...exchange.signing import (
    SigningKeyError,
    key_is_protected,
    keys_folder,
    office_key,
    own_keys,
    read_key_file,
    replace_key,
    short_fingerprint,
    write_key_file,
)
from ...services.package_keys import TrustRefused, trust_offer, trusted_keys
from ...storage.models import TrustedKey
from .. import prompts
from ..context import AppContext
from ..key_commands import TrustKeyCommand
from ..table_model import Column, RowTableModel
from ..views import make_table

KEY_FILTER = "*.kh65key *.json"


def ask_passphrase(parent: QWidget, office_code: str) -> str | None | bool:
    """The key's passphrase when it has one (False: the clerk cancelled; None: none needed)."""
    if not key_is_protected(keys_folder(), office_code):
        return None
    text, ok = QInputDialog.getText(
        parent,
        parent.tr("Mật khẩu khóa ký"),
        parent.tr("Khóa ký của đơn vị được đặt mật khẩu. Nhập mật khẩu:"),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else False


class KeysDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Khóa ký gói số liệu"))
        self.resize(900, 480)
        self.office = next(
            (a for a in context.agencies() if a.code == context.settings.clerk_agency), None
        )
        self.own = QLabel()
        self.own.setObjectName("ownKey")
        self.own.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Ghi tệp khóa để gửi…"))
        self.export_button.clicked.connect(self.export_key)
        self.new_button = QPushButton(self.tr("Tạo khóa mới…"))
        self.new_button.clicked.connect(self.new_key)
        for button in (self.export_button, self.new_button):
            button.setEnabled(self.office is not None)
        own_buttons = QHBoxLayout()
        own_buttons.addWidget(self.export_button)
        own_buttons.addWidget(self.new_button)
        own_buttons.addStretch(1)
        self.model = RowTableModel(
            [
                Column("name", self.tr("Đơn vị"), lambda k: k.office_name),
                Column("code", self.tr("Mã"), lambda k: k.agency_code),
                Column("key", self.tr("Mã khóa"), lambda k: short_fingerprint(k.fingerprint)),
                Column("added", self.tr("Tin cậy từ"), lambda k: format_moment(k.added_at)),
                Column("state", self.tr("Tình trạng"), self._state),
            ],
            key=lambda k: k.id,
            parent=self,
        )
        self.table = make_table(
            self.model, context.settings, "trusted_keys", widths={0: 260, 1: 90, 2: 170, 3: 150}
        )
        self.trust_button = QPushButton(self.tr("Tin cậy tệp khóa…"))
        self.trust_button.setObjectName("trustKey")
        self.trust_button.clicked.connect(self.choose_key_file)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>" + self.tr("Khóa của đơn vị này") + "</b>"))
        layout.addWidget(self.own)
        layout.addLayout(own_buttons)
        layout.addWidget(QLabel("<b>" + self.tr("Các đơn vị được tin cậy") + "</b>"))
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        context.changed.connect(self.refresh)
        self.refresh()

    def _state(self, key: TrustedKey) -> str:
        if key.replaced_at is None:
            return self.tr("Đang dùng")
        return self.tr("Đã thay lúc {0}").format(format_moment(key.replaced_at))

    def refresh(self) -> None:
        self.model.set_rows(trusted_keys(self.context.engine))
        if self.office is None:
            self.own.setText(
                self.tr("Chưa chọn cơ quan của người nhập: chọn ở Cài đặt → Người nhập và cơ quan…")
            )
            return
        mine = {code: (short, locked) for code, _, short, locked in own_keys(keys_folder())}
        if self.office.code not in mine:
            self.own.setText(
                self.tr("{0}: chưa có khóa ký; khóa được tạo khi xuất gói lần đầu.").format(
                    self.office.name
                )
            )
            return
        short, locked = mine[self.office.code]
        text = self.tr("{0}: mã khóa {1}").format(self.office.name, short)
        if locked:
            text += " " + self.tr("(có mật khẩu)")
        self.own.setText(text + ". " + self.tr("Đọc mã này khi nơi nhận gọi điện để so."))

    def export_key(self) -> None:
        """The key file to send to the offices that receive this office's packages."""
        assert self.office is not None
        passphrase = ask_passphrase(self, self.office.code)
        if passphrase is False:
            return
        path = prompts.save_file(
            self,
            self.tr("Ghi tệp khóa"),
            f"khoa-{self.office.code}.kh65key",
            self.tr("Tệp khóa KH65 (*.kh65key)"),
        )
        if path is None:
            return
        try:
            key = office_key(keys_folder(), self.office.code, self.office.name, passphrase)
            write_key_file(key, path)
        except (SigningKeyError, OSError) as exc:
            prompts.show_error(self, self.windowTitle(), str(exc))
            return
        self.refresh()
        self.context.message.emit(
            self.tr("Đã ghi tệp khóa {0}; mã khóa {1}.").format(path.name, key.public.short)
        )

    def new_key(self) -> None:
        """A new key announced by the old one: offices trusting the old one trust the new
        one from its key file without a phone call."""
        assert self.office is not None
        if not prompts.confirm(
            self,
            self.tr("Tạo khóa mới"),
            self.tr(
                "Tạo khóa ký mới cho {0}? Khóa cũ ký xác nhận khóa mới; hãy gửi tệp khóa mới "
                "cho các nơi nhận gói. Gói ký bằng khóa cũ sẽ không được nhận nữa ở nơi đã tin "
                "cậy khóa mới."
            ).format(self.office.name),
        ):
            return
        passphrase = ask_passphrase(self, self.office.code)
        if passphrase is False:
            return
        new, ok = QInputDialog.getText(
            self,
            self.tr("Mật khẩu khóa mới"),
            self.tr("Mật khẩu cho khóa mới (để trống nếu không đặt):"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            replace_key(keys_folder(), self.office.code, self.office.name, passphrase, new or None)
        except (SigningKeyError, OSError) as exc:
            prompts.show_error(self, self.windowTitle(), str(exc))
            return
        self.refresh()

    def choose_key_file(self) -> None:
        path = prompts.open_file(
            self, self.tr("Tin cậy tệp khóa"), self.tr("Tệp khóa KH65 ({0})").format(KEY_FILTER)
        )
        if path is not None:
            self.trust_file(path)

    def trust_file(self, path) -> bool:  # type: ignore[no-untyped-def]
        """Show the key's fingerprint to compare by phone; trust it if the clerk confirms
        (or if the office's trusted key announced it). One undoable step."""
        try:
            key = read_key_file(path)
            offer = trust_offer(self.context.engine, key)
        except (SigningKeyError, TrustRefused) as exc:
            prompts.show_error(self, self.windowTitle(), str(exc))
            return False
        if offer.announced:
            question = self.tr(
                "Khóa mới của {0} (mã khóa {1}) được khóa đang tin cậy của đơn vị ký xác nhận. "
                "Tin cậy khóa mới và đánh dấu khóa cũ là đã thay?"
            ).format(key.office_name, key.short)
        else:
            question = self.tr(
                "Tệp khóa của {0} (mã {1}).\n\nMã khóa: {2}\n\nHãy gọi điện cho đơn vị và so "
                "mã khóa này với mã đơn vị đọc. Chỉ tin cậy khi khớp. Tin cậy khóa này?"
            ).format(key.office_name, key.office_code, key.short)
            if offer.replaces is not None:
                question += "\n" + self.tr("Khóa này thay khóa đang tin cậy (mã khóa {0}).").format(
                    short_fingerprint(offer.replaces.fingerprint)
                )
        if not prompts.confirm(self, self.tr("Tin cậy tệp khóa"), question):
            return False
        return self.context.push(TrustKeyCommand(self.context, offer))
