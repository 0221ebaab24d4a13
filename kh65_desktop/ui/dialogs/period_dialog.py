"""The period dialog: kind and year give the code, name and Decree 09 dates, all editable."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.numbers import format_date
from ...domain.periods import PARTS, PeriodDraft, derive, part_label
from ...domain.terms import PeriodKind
from ...services.periods import PeriodService
from ...storage.models import Period
from ..context import AppContext
from .form import Field, FormDialog

# Fields the kind and year fill in; each is replaced only while it still holds what was
# filled in before, so whatever the clerk typed survives a change of kind or year.
_DERIVED = ("code", "name", "starts_on", "ends_on", "cutoff_on")


class PeriodDialog(FormDialog):
    """Add a period (row None) or change one; OK is refused with the rule's reason."""

    def __init__(self, context: AppContext, row: Period | None, parent: QWidget | None) -> None:
        plan = context.plan
        years = list(range(plan.starts_on.year, plan.ends_on.year + 1))
        if row is not None:
            kind, year, part = row.kind, row.ends_on.year, _part_of(row.kind, row.ends_on)
        else:
            today = context.today()
            kind, year = PeriodKind.QUARTER, today.year if today.year in years else years[-1]
            part = (today.month + 2) // 3
        year = min(max(year, years[0]), years[-1])
        draft = derive(kind, year, part)
        shown = row if row is not None else draft
        kinds = [
            (self.tr("Tháng"), PeriodKind.MONTH),
            (self.tr("Quý"), PeriodKind.QUARTER),
            (self.tr("6 tháng"), PeriodKind.HALF_YEAR),
            (self.tr("9 tháng"), PeriodKind.NINE_MONTHS),
            (self.tr("Năm"), PeriodKind.YEAR),
        ]
        super().__init__(
            self.tr("Kỳ báo cáo"),
            [
                Field("kind", self.tr("Loại kỳ"), "choice", kind, kinds),
                Field("year", self.tr("Năm"), "choice", year, [(str(y), y) for y in years]),
                Field("part", self.tr("Tháng, quý, nửa năm"), "choice", part, self._parts(kind)),
                Field("code", self.tr("Mã"), value=shown.code, required=True),
                Field("name", self.tr("Tên kỳ"), value=shown.name, required=True),
                Field("starts_on", self.tr("Từ ngày"), "date", shown.starts_on),
                Field("ends_on", self.tr("Đến ngày"), "date", shown.ends_on),
                Field("cutoff_on", self.tr("Ngày chốt số liệu"), "optional_date", shown.cutoff_on),
            ],
            parent,
            self._refusal,
        )
        self.context, self.row = context, row
        self.service = PeriodService(context.engine)
        self.generated: PeriodDraft = draft
        code = self.widgets["code"]
        assert isinstance(code, QLineEdit)
        if row is not None:  # other offices know the period by its code
            code.setReadOnly(True)
            code.setToolTip(self.tr("Mã kỳ là khóa trao đổi số liệu với đơn vị khác, không sửa."))
        self.decree = QLabel()
        self.decree.setObjectName("decreeDates")
        self.decree.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.decree)
        self._show_decree(draft)
        self._part_enabled()
        self._combo("kind").currentIndexChanged.connect(self._kind_changed)
        for key in ("year", "part"):
            self._combo(key).currentIndexChanged.connect(self._derive)

    def _parts(self, kind: PeriodKind) -> list[tuple[str, int]]:
        if PARTS[kind] == 1:
            return [(self.tr("(cả kỳ)"), 1)]
        return [(part_label(kind, p), p) for p in range(1, PARTS[kind] + 1)]

    def _combo(self, key: str) -> QComboBox:
        combo = self.widgets[key]
        assert isinstance(combo, QComboBox)
        return combo

    def _spec(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    def _choice(self, key: str) -> Any:
        index = self._combo(key).currentIndex()
        return self._spec(key).choices[max(index, 0)][1]

    def _kind_changed(self) -> None:
        """Months or quarters to choose from, or none for the kinds with one a year."""
        kind, combo, spec = self._choice("kind"), self._combo("part"), self._spec("part")
        spec.choices = self._parts(kind)
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([text for text, _ in spec.choices])
        combo.blockSignals(False)
        self._part_enabled()
        self._derive()

    def _part_enabled(self) -> None:
        self._combo("part").setEnabled(PARTS[self._choice("kind")] > 1)

    def _derive(self) -> None:
        draft = derive(self._choice("kind"), self._choice("year"), self._choice("part"))
        for key in _DERIVED:
            if self._get(key) == getattr(self.generated, key):
                self._set(key, getattr(draft, key))
        self.generated = draft
        self._show_decree(draft)

    def _show_decree(self, draft: PeriodDraft) -> None:
        self.decree.setText(
            self.tr("Theo Nghị định 09/2019/NĐ-CP: số liệu tính từ {0} đến {1}.").format(
                format_date(draft.data_from), format_date(draft.cutoff_on)
            )
        )

    def _get(self, key: str) -> Any:
        widget = self.widgets[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        edit, box = widget, None
        if not isinstance(widget, QDateEdit):  # optional date: a check box and a date
            box, edit = widget.property("checkbox"), widget.property("date")
            if not box.isChecked():
                return None
        qdate = edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def _set(self, key: str, value: Any) -> None:
        widget = self.widgets[key]
        if isinstance(widget, QLineEdit):
            if not widget.isReadOnly():
                widget.setText(value)
            return
        edit = widget if isinstance(widget, QDateEdit) else widget.property("date")
        edit.setDate(QDate(value.year, value.month, value.day))

    def _refusal(self, values: dict[str, Any]) -> str | None:
        period = SimpleNamespace(**{k: values[k] for k in _DERIVED})
        return self.service.refusal(
            self.context.plan.id, period, self.row.id if self.row is not None else None
        )

    def period_values(self) -> dict[str, Any]:
        """The period's fields as the clerk left them (kind, code, name, dates, cut-off)."""
        values = self.values()
        return {k: values[k] for k in ("kind", *_DERIVED)}


def _part_of(kind: PeriodKind, ends_on: date) -> int:
    if kind is PeriodKind.MONTH:
        return ends_on.month
    if kind is PeriodKind.QUARTER:
        return (ends_on.month + 2) // 3
    if kind is PeriodKind.HALF_YEAR:
        return 2 if ends_on.month > 6 else 1
    return 1
