"""The report draft: the narrative sections of an agency's report for a period (and, for the
consolidating office, the province report's own), one text box per section, saved as typed.

Each box saves a moment after the clerk stops typing, and at once when it loses focus or
the window closes, so nothing typed is lost. Every save is a step on the window's undo stack
(SaveSectionCommand; a section's typing in a row is one step), so Ctrl+Z in a box undoes
through the stack like any other edit, never eating what was written since elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from ...domain.terms import SectionKind
from ...services.report_texts import SECTIONS, ReportTextService, SectionKey
from ...storage.failures import explain_any
from ..commands import SaveSectionCommand
from ..context import AppContext
from ..views import fill_combo

SAVE_AFTER_MS = 700  # a pause in typing this long saves the section
PROVINCE = -1  # the agency choice standing for the consolidating office's own sections
_TASK_SHOWN = 160  # characters of a task's text in its heading


def _is_undo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def _is_redo(event: QKeyEvent) -> bool:
    """The Edit menu's keys for "Làm lại": Ctrl+Y and Ctrl+Shift+Z, on every system."""
    pressed = event.keyCombination().toCombined()
    return event.matches(QKeySequence.StandardKey.Redo) or any(
        QKeySequence(keys)[0].toCombined() == pressed for keys in ("Ctrl+Y", "Ctrl+Shift+Z")
    )


class SectionEditor(QPlainTextEdit):
    """A section's text box. Its own undo history is off: Ctrl+Z and Ctrl+Y go to the
    window's undo stack, where every save is a step."""

    undo_requested = Signal()
    redo_requested = Signal()
    left = Signal()

    MIN_LINES, MAX_LINES = 3, 14  # grows with its text, then scrolls

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_: object) -> None:
        """As tall as its text (wrapped lines), within MIN_LINES..MAX_LINES."""
        lines = max(self.MIN_LINES, min(self.MAX_LINES, int(self.document().size().height())))
        margins = self.contentsMargins()
        frame = 2 * self.document().documentMargin() + margins.top() + margins.bottom()
        self.setFixedHeight(int(lines * self.fontMetrics().lineSpacing() + frame))

    def event(self, event: QEvent) -> bool:
        # Ctrl+Z reaches keyPressEvent below rather than an Edit-menu shortcut
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (_is_undo(event) or _is_redo(event))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if _is_undo(event):
            self.undo_requested.emit()
        elif _is_redo(event):
            self.redo_requested.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.left.emit()


@dataclass
class _Section:
    """One section on screen: its key, box, timer, and the text last saved from it."""

    key: SectionKey
    label: str
    editor: SectionEditor
    timer: QTimer
    previous_button: QPushButton
    saved: str = ""
    previous: str = ""

    @property
    def pending(self) -> bool:
        return self.editor.toPlainText() != self.saved


class ReportDraftDialog(QDialog):
    """Choose the agency (or the province report) and the period; write each section."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        agency_id: int | None = None,
        period_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.texts = ReportTextService(context.engine)
        self.sections: list[_Section] = []
        self._loading = False
        self.setWindowTitle(self.tr("Bản thảo báo cáo"))
        self.resize(940, 700)
        self.agency = QComboBox()
        self.agency.setObjectName("draftAgency")
        self.agency.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.agency.setMinimumContentsLength(30)
        fill_combo(
            self.agency,
            [(a.name, a.id) for a in context.agencies() if a.leads or a.tasks],
        )
        self.agency.insertItem(
            0, self.tr("Báo cáo toàn tỉnh (phần chung của cơ quan tổng hợp)"), PROVINCE
        )
        chosen = PROVINCE if agency_id is None else agency_id
        self.agency.setCurrentIndex(max(0, self.agency.findData(chosen)))
        self.period = QComboBox()
        self.period.setObjectName("draftPeriod")
        periods = context.periods()
        fill_combo(self.period, [(p.name, p.id) for p in periods])
        index = self.period.findData(period_id) if period_id is not None else -1
        self.period.setCurrentIndex(index if index >= 0 else max(0, len(periods) - 1))
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Cơ quan")))
        choose.addWidget(self.agency, 3)
        choose.addWidget(QLabel(self.tr("Kỳ báo cáo")))
        choose.addWidget(self.period, 1)
        hint = QLabel(
            self.tr(
                "Nội dung được lưu ngay khi gõ; Ctrl+Z hoàn tác. Phần để trống không được in "
                "trong báo cáo."
            )
        )
        hint.setWordWrap(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the period to a box
        scroll.setWidget(self.body)
        self.scroll = scroll
        self.status = QLabel()
        self.status.setObjectName("draftStatus")
        self.status.setWordWrap(True)
        self.close_button = close = QPushButton(self.tr("Đóng"))
        close.setObjectName("close")
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        # Ctrl+Z / Ctrl+Y wherever the focus is in the draft (a box sends its own): just
        # after "Dùng nội dung kỳ trước" the focus is on that button
        for keys, act in (
            (QKeySequence.StandardKey.Undo, self.undo),
            ("Ctrl+Y", self.redo),
            ("Ctrl+Shift+Z", self.redo),
        ):
            QShortcut(QKeySequence(keys), self, act)
        self.agency.currentIndexChanged.connect(self.rebuild)
        self.period.currentIndexChanged.connect(self.rebuild)
        context.changed.connect(self.reload)
        context.error.connect(self._say)
        self.rebuild()

    # -- what is shown ---------------------------------------------------------------------
    def chosen_agency_id(self) -> int | None:
        data = self.agency.currentData()
        return None if data in (None, PROVINCE) else int(data)

    def chosen_period_id(self) -> int | None:
        data = self.period.currentData()
        return None if data is None else int(data)

    def rebuild(self) -> None:
        """One box per section of the chosen agency and period, filled from the database."""
        self.save_all()
        for section in self.sections:
            section.timer.stop()
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.sections = []
        period_id, agency_id = self.chosen_period_id(), self.chosen_agency_id()
        if period_id is None:
            self.body_layout.addWidget(QLabel(self.tr("Kế hoạch chưa có kỳ báo cáo nào.")))
            return
        wanted: list[tuple[SectionKey, str, str]] = []
        for kind in SECTIONS:
            if kind is SectionKind.SHORTCOMINGS and agency_id is not None:
                for task in self.texts.tasks_of(self.context.plan, agency_id):
                    shown = (
                        task.text
                        if len(task.text) <= _TASK_SHOWN
                        else (task.text[: _TASK_SHOWN - 1].rstrip() + "…")
                    )
                    wanted.append(
                        (
                            SectionKey(period_id, agency_id, SectionKind.TASK_RESULT, task.id),
                            self.tr("Kết quả thực hiện nhiệm vụ {0}").format(task.code),
                            shown,
                        )
                    )
            wanted.append((SectionKey(period_id, agency_id, kind), _label(kind), ""))
        for key, label, detail in wanted:
            self.sections.append(self._section(key, label, detail))
        self.body_layout.addStretch(1)
        self._tab_in_order()
        self.reload()

    def _tab_in_order(self) -> None:
        """Tab from the period into the boxes in their order, then "Đóng": boxes made anew
        for another period would otherwise come after "Đóng", and a clerk typing after a
        Tab would press it with the first space."""
        chain: list[QWidget] = [self.period]
        for section in self.sections:
            chain += [section.editor, section.previous_button]
        chain.append(self.close_button)
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _section(self, key: SectionKey, label: str, detail: str) -> _Section:
        frame = QFrame()
        frame.setObjectName(f"section-{key.kind.value}-{key.task_id or 0}")
        box = QVBoxLayout(frame)
        box.setContentsMargins(0, 4, 0, 4)
        title = QLabel(label)
        title.setStyleSheet("font-weight: bold")
        title.setWordWrap(True)
        box.addWidget(title)
        if detail:
            about = QLabel(detail)
            about.setWordWrap(True)
            about.setToolTip(detail)
            about.setStyleSheet("color: #555")
            box.addWidget(about)
        editor = SectionEditor()
        editor.setObjectName("sectionEditor")
        editor.setAccessibleName(label)
        box.addWidget(editor)
        use = QPushButton(self.tr("Dùng nội dung kỳ trước"))
        use.setObjectName("usePrevious")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(use)
        box.addLayout(row)
        self.body_layout.addWidget(frame)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SAVE_AFTER_MS)
        section = _Section(key, label, editor, timer, use)
        timer.timeout.connect(lambda: self.save(section))
        editor.textChanged.connect(lambda: self._typed(section))
        editor.left.connect(lambda: self.save(section))
        editor.undo_requested.connect(self.undo)
        editor.redo_requested.connect(self.redo)
        use.clicked.connect(lambda: self.use_previous(section))
        return section

    def reload(self) -> None:
        """Show what is stored (after an undo, an import…), except in a box whose typing is
        not saved yet; and which sections the previous period offers."""
        period_id = self.chosen_period_id()
        if period_id is None or not self.sections:
            return
        agency_id = self.chosen_agency_id()
        stored = self.texts.stored(period_id, agency_id)
        period = next((p for p in self.context.periods() if p.id == period_id), None)
        offered = self.texts.previous_texts(self.context.plan, period, agency_id) if period else {}
        self._loading = True
        try:
            for section in self.sections:
                state = stored.get(section.key)
                text = state.text if state is not None else ""
                if not section.pending:
                    section.saved = text
                    if section.editor.toPlainText() != text:
                        section.editor.setPlainText(text)
                        section.editor.moveCursor(QTextCursor.MoveOperation.End)
                section.previous = offered.get((section.key.kind, section.key.task_id), "")
                section.previous_button.setVisible(bool(section.previous))
                section.previous_button.setToolTip(section.previous[:400])
        finally:
            self._loading = False

    # -- saving ----------------------------------------------------------------------------
    def _typed(self, section: _Section) -> None:
        if not self._loading:
            section.timer.start()

    def save(self, section: _Section) -> None:
        """Save the box's text if it changed since it was last saved: as more of the same
        step when that step is the last one on the stack, else as a new step."""
        section.timer.stop()
        if not section.pending:
            return
        text = section.editor.toPlainText()
        if not text.strip() and not section.saved.strip():
            section.saved = text  # blank over blank: nothing to store, no step to undo
            return
        stack = self.context.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() == stack.count() else None
        if isinstance(top, SaveSectionCommand) and top.key == section.key:
            try:
                extended = top.extend(text)
            except (SQLAlchemyError, ValueError) as exc:  # RuleError: the text's rules
                self._say(explain_any(exc))
                return
            if extended:
                section.saved = text
                self.status.setText(self.tr("Đã lưu: {0}").format(section.label))
                return
        command = SaveSectionCommand(
            self.context,
            section.key,
            text,
            self.tr("sửa «{0}» ({1}, {2})").format(
                section.label, self.agency.currentText(), self.period.currentText()
            ),
        )
        section.saved = text  # before the push: the refresh it sends keeps the box as typed
        if self.context.push(command):
            self.status.setText(self.tr("Đã lưu: {0}").format(section.label))
        else:
            section.saved = self._stored_text(section.key)

    def _stored_text(self, key: SectionKey) -> str:
        state = self.texts.state(key)
        return state.text if state is not None else ""

    def save_all(self) -> None:
        for section in self.sections:
            self.save(section)

    def use_previous(self, section: _Section) -> None:
        """Start from the previous period's text (one step: Ctrl+Z takes it back)."""
        if section.previous:
            section.editor.setPlainText(section.previous)
            self.save(section)

    def undo(self) -> None:
        self.save_all()  # what was just typed is the step to take back
        self.context.undo_stack.undo()

    def redo(self) -> None:
        self.save_all()
        self.context.undo_stack.redo()

    def _say(self, message: str) -> None:
        self.status.setText(message)

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_all()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc, or the parent closing it
        self.save_all()
        super().done(result)


def _label(kind: SectionKind) -> str:
    return {
        SectionKind.SITUATION: QCoreApplication.translate("ReportDraft", "Đặc điểm tình hình"),
        SectionKind.SHORTCOMINGS: QCoreApplication.translate("ReportDraft", "Tồn tại, hạn chế"),
        SectionKind.CAUSES: QCoreApplication.translate("ReportDraft", "Nguyên nhân"),
        SectionKind.NEXT_STEPS: QCoreApplication.translate(
            "ReportDraft", "Nhiệm vụ, giải pháp thời gian tới"
        ),
        SectionKind.PROPOSALS: QCoreApplication.translate("ReportDraft", "Kiến nghị, đề xuất"),
    }[kind]


def open_report_draft(
    context: AppContext,
    parent: QWidget,
    agency_id: int | None = None,
    period_id: int | None = None,
) -> ReportDraftDialog:
    """Show the draft beside the window (not modal: the clerk may look at the figures while
    writing); closing it saves what is typed."""
    dialog = ReportDraftDialog(context, parent, agency_id, period_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()  # the keys go to it: the clerk pressed the button to type here
    return dialog
