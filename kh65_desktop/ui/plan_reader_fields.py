"""The editable fields of one item the document reader found (as the plan editor shows them:
name, unit, kind, target form and value, strict, share, baseline, agencies, deadline…), read
from and written to the item's `fields` (the plan file's keys, docs/plan-file.md). A typed
value is checked as the plan file's loader will read it; a refused one is said, not kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.numbers import format_date, parse_date, parse_number
from ..domain.terms import Direction, IndicatorKind, TargetForm
from .agency_list_field import AgencyListField, Choice
from .labels import label

FieldPath = tuple[str, ...]
CODES_SEPARATOR = ";"  # agency set names hold commas ("UBND các huyện, thị xã, thành phố")


@dataclass(frozen=True)
class FieldSpec:
    path: FieldPath
    text: str
    kind: str = "text"  # text | number | int | date | bool | choice | codes
    choices: tuple[tuple[str, str], ...] = ()
    only_if_present: bool = False  # a key the plan file has for this item only sometimes
    default: str | None = None  # what the loader takes when the key is absent (shown so)


def specs_for(kind: str) -> list[FieldSpec]:
    """The fields shown for an item of `kind` (FoundItem.kind)."""
    indicator_kinds = tuple((label(m), m.value) for m in IndicatorKind)
    directions = tuple((label(m), m.value) for m in Direction)
    forms = tuple((label(m), m.value) for m in TargetForm)
    agencies = (
        FieldSpec(("lead",), QCoreApplication.translate("PlanReader", "Cơ quan chủ trì"), "codes"),
        FieldSpec(
            ("coordinating",), QCoreApplication.translate("PlanReader", "Cơ quan phối hợp"), "codes"
        ),
    )
    return {
        "details": [
            FieldSpec(("number",), QCoreApplication.translate("PlanReader", "Số hiệu")),
            FieldSpec(("code",), QCoreApplication.translate("PlanReader", "Mã kế hoạch")),
            FieldSpec(("document_type",), QCoreApplication.translate("PlanReader", "Loại văn bản")),
            FieldSpec(
                ("issued_on",), QCoreApplication.translate("PlanReader", "Ngày ban hành"), "date"
            ),
            FieldSpec(("place",), QCoreApplication.translate("PlanReader", "Địa danh")),
            FieldSpec(
                ("issuing_body",), QCoreApplication.translate("PlanReader", "Cơ quan ban hành")
            ),
            FieldSpec(("title",), QCoreApplication.translate("PlanReader", "Trích yếu")),
            FieldSpec(("year",), QCoreApplication.translate("PlanReader", "Năm kế hoạch"), "int"),
            FieldSpec(
                ("signer_authority",), QCoreApplication.translate("PlanReader", "Quyền hạn ký")
            ),
            FieldSpec(
                ("signer_title",), QCoreApplication.translate("PlanReader", "Chức vụ người ký")
            ),
            FieldSpec(
                ("signer_name",), QCoreApplication.translate("PlanReader", "Họ tên người ký")
            ),
        ],
        "agency": [
            FieldSpec(("code",), QCoreApplication.translate("PlanReader", "Mã")),
            FieldSpec(("name",), QCoreApplication.translate("PlanReader", "Tên cơ quan")),
            FieldSpec(
                ("kind",),
                QCoreApplication.translate("PlanReader", "Cấp"),
                "choice",
                (
                    (QCoreApplication.translate("PlanReader", "Cấp tỉnh"), "provincial"),
                    (QCoreApplication.translate("PlanReader", "Cấp huyện"), "district"),
                ),
            ),
        ],
        "group": [
            FieldSpec(("code",), QCoreApplication.translate("PlanReader", "Mã nhóm")),
            FieldSpec(("section",), QCoreApplication.translate("PlanReader", "Phần")),
            FieldSpec(("heading",), QCoreApplication.translate("PlanReader", "Tiêu đề nhóm")),
            *agencies,
        ],
        "indicator": [
            FieldSpec(("code",), QCoreApplication.translate("PlanReader", "Mã")),
            FieldSpec(("name",), QCoreApplication.translate("PlanReader", "Tên chỉ tiêu")),
            FieldSpec(("unit",), QCoreApplication.translate("PlanReader", "Đơn vị tính")),
            FieldSpec(
                ("kind",),
                QCoreApplication.translate("PlanReader", "Loại chỉ tiêu"),
                "choice",
                indicator_kinds,
            ),
            FieldSpec(
                ("direction",),
                QCoreApplication.translate("PlanReader", "Chiều tốt"),
                "choice",
                directions,
                default=Direction.HIGHER.value,  # the loader's default (storage/plan_file.py)
            ),
            FieldSpec(
                ("target", "form"),
                QCoreApplication.translate("PlanReader", "Dạng kế hoạch"),
                "choice",
                forms,
            ),
            FieldSpec(
                ("target", "value"),
                QCoreApplication.translate("PlanReader", "Chỉ tiêu năm"),
                "number",
            ),
            FieldSpec(
                ("target", "strict"),
                QCoreApplication.translate("PlanReader", "Không tính mức bằng (trên, dưới)"),
                "bool",
            ),
            FieldSpec(
                ("target", "share"),
                QCoreApplication.translate("PlanReader", "Đạt khi bằng (% chỉ tiêu)"),
                "number",
            ),
            FieldSpec(
                ("target", "text"), QCoreApplication.translate("PlanReader", "Nguyên văn chỉ tiêu")
            ),
            FieldSpec(
                ("baseline", "value"),
                QCoreApplication.translate("PlanReader", "Số liệu nền"),
                "number",
            ),
            FieldSpec(
                ("baseline", "label"), QCoreApplication.translate("PlanReader", "Số liệu nền của")
            ),
            FieldSpec(
                ("lead",),
                QCoreApplication.translate("PlanReader", "Cơ quan chủ trì"),
                "codes",
                only_if_present=True,
            ),
            FieldSpec(
                ("coordinating",),
                QCoreApplication.translate("PlanReader", "Cơ quan phối hợp"),
                "codes",
                only_if_present=True,
            ),
        ],
        "task": [
            FieldSpec(("text",), QCoreApplication.translate("PlanReader", "Nội dung nhiệm vụ")),
            FieldSpec(("deadline",), QCoreApplication.translate("PlanReader", "Thời hạn"), "date"),
            FieldSpec(
                ("deadline_text",),
                QCoreApplication.translate("PlanReader", "Thời hạn (nguyên văn)"),
            ),
            *agencies,
        ],
    }.get(kind, [])


def get_value(fields: dict[str, Any], path: FieldPath) -> Any:
    node: Any = fields
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def set_value(fields: dict[str, Any], path: FieldPath, value: Any) -> None:
    """Put `value` at `path` (None takes the key away, and a table it leaves empty)."""
    *parents, last = path
    node = fields
    for part in parents:
        if value is None and not isinstance(node.get(part), dict):
            return
        node = node.setdefault(part, {})
    if value is None:
        node.pop(last, None)
        if parents and not node:
            set_value(fields, tuple(parents), None)
    else:
        node[last] = value


def shown(spec: FieldSpec, value: Any) -> str:
    """A field's value as its line shows it."""
    if value is None:
        return ""
    if spec.kind == "date" and isinstance(value, date):
        return format_date(value)
    if spec.kind == "codes" and isinstance(value, list):
        return f"{CODES_SEPARATOR} ".join(str(v) for v in value)
    return str(value)


def typed(spec: FieldSpec, text: str) -> Any:
    """The value a typed text stands for (None: no value); ValueError in Vietnamese if the
    loader could not read it."""
    raw = text.strip()
    if spec.kind == "codes":
        return [c.strip() for c in raw.split(CODES_SEPARATOR) if c.strip()]
    if not raw:
        return None
    if spec.kind == "number":
        parse_number(raw)  # refuses "8,5,0" or "abc" with the reason
        return raw  # the plan file keeps the figure as the document prints it
    if spec.kind == "int":
        if not raw.isdigit():
            raise ValueError(
                QCoreApplication.translate(
                    "PlanReader", "“{0}” không phải là một năm. Hãy gõ năm, ví dụ 2025."
                ).format(raw)
            )
        return int(raw)
    if spec.kind == "date":
        return parse_date(raw)
    return raw


class FieldsPanel(QWidget):
    """The form for the item shown; `changed(key, path, old, new)` is called for each edit
    (the dialog makes it an undoable command)."""

    def __init__(
        self,
        changed: Callable[[str, FieldPath, Any, Any], None],
        parent: QWidget | None = None,
        agencies: Callable[[], list[Choice]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.changed = changed
        self.agencies = agencies  # (code, name) to pick lead/coordinating agencies from
        self.item: Any = None
        self.widgets: dict[FieldPath, QWidget] = {}
        self.heading = QLabel()
        self.heading.setObjectName("itemHeading")
        self.heading.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setObjectName("fieldRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("QLabel { color: #b00020; }")
        self.refusal.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.refusal)
        layout.addStretch(1)

    def show_item(self, item: Any, heading: str) -> None:
        """Build the form for `item` (None: an empty panel)."""
        self.item = item
        self.heading.setText(heading)
        self.refusal.hide()
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets.clear()
        if item is None:
            return
        kind = str(getattr(item.kind, "value", item.kind))
        for spec in specs_for(kind):
            if spec.only_if_present and get_value(item.fields, spec.path) is None:
                continue
            widget = self._widget(spec)
            widget.setObjectName("field_" + "_".join(spec.path))
            self.widgets[spec.path] = widget
            self.form.addRow(spec.text, widget)
        self.reload()

    def reload(self) -> None:
        """Show the item's fields as they are now (after an undo, say)."""
        if self.item is None:
            return
        kind = str(getattr(self.item.kind, "value", self.item.kind))
        for spec in specs_for(kind):
            widget = self.widgets.get(spec.path)
            if widget is None:
                continue
            value = get_value(self.item.fields, spec.path)
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, AgencyListField):
                widget.show_codes(list(value or []))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value if value is not None else spec.default)
                if index < 0 and value is not None:  # a value the choices lack: shown as is
                    widget.addItem(str(value), value)
                    index = widget.count() - 1
                widget.setCurrentIndex(index)
            elif isinstance(widget, QLineEdit):
                widget.setText(shown(spec, value))
                widget.setCursorPosition(0)
                widget.setToolTip(widget.text())
            widget.blockSignals(False)

    def _widget(self, spec: FieldSpec) -> QWidget:
        if spec.kind == "bool":
            box = QCheckBox()
            box.toggled.connect(lambda on, s=spec: self._commit(s, on or None))
            return box
        if spec.kind == "choice":
            combo = QComboBox()
            if spec.default is None:  # else no value shows as the default it stands for
                combo.addItem("", None)
            for text, value in spec.choices:
                combo.addItem(text, value)
            combo.activated.connect(lambda _, s=spec, c=combo: self._commit(s, c.currentData()))
            return combo
        if spec.kind == "codes" and self.agencies is not None:
            return AgencyListField(
                self.agencies(), lambda codes, s=spec: self._agencies_chosen(s, codes), self._refuse
            )
        line = QLineEdit()
        line.editingFinished.connect(lambda s=spec, w=line: self._typed(s, w))
        if spec.kind == "codes":
            line.setPlaceholderText(
                QCoreApplication.translate("PlanReader", "mã cơ quan, cách nhau bằng dấu ;")
            )
        elif spec.kind == "date":
            line.setPlaceholderText(
                QCoreApplication.translate("PlanReader", "ngày/tháng/năm, ví dụ 15/7/2024")
            )
        return line

    def _typed(self, spec: FieldSpec, line: QLineEdit) -> None:
        try:
            value = typed(spec, line.text())
        except ValueError as exc:  # VietnameseFormatError and ours: already Vietnamese
            self._refuse(
                QCoreApplication.translate("PlanReader", "{0}: {1}").format(spec.text, exc)
            )
            line.setFocus(Qt.FocusReason.OtherFocusReason)
            line.selectAll()
            return
        self.refusal.hide()
        self._commit(spec, value)

    def _agencies_chosen(self, spec: FieldSpec, codes: list[str]) -> None:
        self.refusal.hide()
        self._commit(spec, codes)

    def _refuse(self, text: str) -> None:
        self.refusal.setText(text)
        self.refusal.show()

    def _commit(self, spec: FieldSpec, value: Any) -> None:
        if self.item is None:
            return
        old = get_value(self.item.fields, spec.path)
        if value == [] and old is None:
            return
        if old != value:
            self.changed(self.item.key, spec.path, old, value)
