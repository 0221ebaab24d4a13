"""The consistency findings: where the document's figures disagree with each other."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...domain.consistency import Finding, Severity
from ...domain.numbers import format_number
from ..context import AppContext
from ..table_model import RIGHT, Column, RowTableModel
from ..views import make_table

_COLORS = {Severity.HIGH: "#c62828", Severity.MEDIUM: "#a85f00", Severity.LOW: "#6b6b6b"}


def _shown(value: float, like: float) -> str:
    decimals = len(f"{like:.6f}".rstrip("0").split(".")[1])
    return format_number(value, min(decimals, 2))


class FindingsDialog(QDialog):
    """A table of findings; the message of each is its tooltip."""

    def __init__(
        self, context: AppContext, findings: list[Finding], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đối chiếu số liệu văn bản"))
        self.resize(1100, 420)
        columns = [
            Column(
                "severity",
                self.tr("Mức độ"),
                lambda f: f.severity.label,
                sort=lambda f: list(Severity).index(f.severity),
                color=lambda f: QColor(_COLORS[f.severity]),
            ),
            Column("code", self.tr("Mã"), lambda f: f.indicator_code),
            Column(
                "name", self.tr("Chỉ tiêu"), lambda f: f.indicator_name, tooltip=lambda f: f.message
            ),
            Column("check", self.tr("Số liệu"), lambda f: f.check.label),
            Column("locality", self.tr("Địa phương"), lambda f: f.locality or ""),
            Column(
                "stated", self.tr("Văn bản ghi"), lambda f: format_number(f.stated), align=RIGHT
            ),
            Column(
                "computed",
                self.tr("Tính được"),
                lambda f: _shown(f.computed, f.stated),
                align=RIGHT,
            ),
            Column("source", self.tr("Mục"), lambda f: f.source),
        ]
        self.model = RowTableModel(columns, key=lambda f: id(f), parent=self)
        self.model.set_rows(findings)
        table = make_table(
            self.model,
            context.settings,
            "findings",
            widths={0: 90, 1: 70, 2: 380, 3: 160, 4: 110, 5: 100, 6: 100},
        )
        summary = QLabel(
            self.tr(
                "Không có chênh lệch: số liệu văn bản nêu khớp với số tính được sau khi làm tròn."
            )
            if not findings
            else self.tr(
                "{0} chỗ số liệu văn bản nêu khác với số tính được. Văn bản "
                "được giữ nguyên; di chuột lên tên chỉ tiêu để xem chi tiết."
            ).format(len(findings))
        )
        summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table)
        layout.addWidget(buttons)
