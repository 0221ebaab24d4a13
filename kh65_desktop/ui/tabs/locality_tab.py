"""Địa bàn: an indicator by locality (a plan's districts, or its 124 communes), editable,
searchable by name, with the totals line under the table checked against the province."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...charts.breakdown import BreakdownChart
from ...domain.numbers import format_number
from ...services.rows import Breakdown
from .. import entity_actions
from ..chart_panel import ChartPanel
from ..columns import breakdown_columns
from ..context import AppContext
from ..proxies import BreakdownFilter
from ..table_export import export_button
from ..table_model import ROW_ROLE, RowTableModel
from ..views import error_label, fill_combo, make_table, remember_splitter


class LocalityTab(QWidget):
    """The district table of one indicator in one period."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.indicator = QComboBox()
        self.indicator.setObjectName("breakdownIndicator")
        self.indicator.setMinimumContentsLength(40)
        self.period = QComboBox()
        self.period.setObjectName("breakdownPeriod")
        add = QPushButton(self.tr("Thêm địa phương…"))
        add.clicked.connect(lambda: entity_actions.edit_locality(context, self))
        edit = QPushButton(self.tr("Sửa địa phương…"))
        edit.clicked.connect(self.edit_selected)
        self.model = RowTableModel(
            breakdown_columns(context, self.indicator.currentData, self.period.currentData),
            key=lambda r: r.locality_id,
            parent=self,
        )
        self.proxy = BreakdownFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("localitySearch")
        self.search.setPlaceholderText(self.tr("Tìm địa phương (có dấu hoặc không dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.shown = QLabel()
        self.shown.setObjectName("breakdownShown")
        self.table = make_table(
            self.proxy,
            context.settings,
            "breakdown",
            # "Phường Thử nghiệm 124", "2.200,33" and "3.300,5" whole
            widths={0: 160, 1: 80, 2: 80, 3: 72, 4: 70},
        )
        self.totals = QLabel()
        self.totals.setObjectName("breakdownTotals")
        self.totals.setWordWrap(True)
        self.error = error_label()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Chỉ tiêu")))
        bar.addWidget(self.indicator, 3)
        bar.addWidget(QLabel(self.tr("Kỳ")))
        bar.addWidget(self.period, 1)
        bar.addWidget(export_button(self, self.table, "dia-ban"))
        bar.addWidget(add)
        bar.addWidget(edit)
        self.chart = BreakdownChart()
        table_side = QWidget()
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.search)
        table_layout.addWidget(self.table, 1)  # scrolls; the lines below stay in view
        table_layout.addWidget(self.shown)
        table_layout.addWidget(self.totals)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(table_side)
        splitter.addWidget(ChartPanel(self.chart, "dia-ban"))
        splitter.setSizes([600, 740])
        remember_splitter(splitter, context.settings, "locality_splitter")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.indicator.currentIndexChanged.connect(self.reload)
        self.period.currentIndexChanged.connect(self.reload)
        self.shown_breakdown: Breakdown | None = None
        self.period_chosen = False  # set once the clerk picks a period (activated: by hand)
        self.period.activated.connect(lambda _: setattr(self, "period_chosen", True))
        self.search.textChanged.connect(self._search)
        self.proxy.layoutChanged.connect(self._draw_chart)  # sorted by a column's header
        self.model.edit_rejected.connect(self._show_error)
        self.model.edit_started.connect(self.error.hide)
        # a figure out of bounds is said here, not only in the status bar (cut off there,
        # while the line above the table still showed an older refusal)
        context.error.connect(self._show_error)
        context.changed.connect(self.refresh)
        context.unsaved_changed.connect(self.model.redraw)  # a save kept unsaved is marked
        self.refresh()

    def refresh(self) -> None:
        plan = self.context.plan
        indicators = self.context.plans.breakdown_indicators(plan)
        with_breakdown = {b.id for b in indicators}
        others = [i for i in self.context.indicator_rows() if i.id not in with_breakdown]
        fill_combo(
            self.indicator,
            [(f"{i.code} {i.name}", i.id) for i in indicators]
            + [(f"{r.code} {r.name}", r.id) for r in others],
        )
        periods = self.context.periods()
        chosen = self.period.currentData()
        fill_combo(self.period, [(p.name, p.id) for p in periods])
        if chosen is None or self.period.findData(chosen) < 0:  # the chosen one was deleted
            self.period_chosen = False
        if not self.period_chosen and periods:  # the newest, until the clerk picks another
            self.period.blockSignals(True)
            self.period.setCurrentIndex(len(periods) - 1)
            self.period.blockSignals(False)
        self.reload()

    def breakdown(self) -> Breakdown | None:
        period = next(
            (p for p in self.context.periods() if p.id == self.period.currentData()), None
        )
        if self.indicator.currentData() is None or period is None:
            return None
        return self.context.plans.breakdown(self.context.plan, self.indicator.currentData(), period)

    def reload(self) -> None:
        breakdown = self.breakdown()
        self.model.set_rows(breakdown.rows if breakdown else [])
        self.shown_breakdown = breakdown
        self.totals.setText(self._totals_text(breakdown) if breakdown else "")
        self._rows_shown()
        self.error.hide()

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._rows_shown()

    def _draw_chart(self) -> None:
        """The chart shows the rows the table shows, in its order (a search narrows both)."""
        if self.shown_breakdown is None:
            return
        rows = tuple(self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount()))
        self.chart.set_breakdown(replace(self.shown_breakdown, rows=rows))

    def _rows_shown(self) -> None:
        """The chart follows the rows shown; while a search hides rows, a line says so (the
        totals are still those of every row)."""
        self._draw_chart()
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.shown.setVisible(shown != total)
        self.shown.setText(
            self.tr("Đang hiện {0}/{1} địa phương; các tổng bên dưới tính trên cả {1}.").format(
                shown, total
            )
        )

    def _totals_text(self, b: Breakdown) -> str:
        def line(label: str, total: float | None, province: float | None, ok: bool) -> str:
            text = self.tr("{0}: tổng các địa phương {1}; toàn tỉnh {2}").format(
                label, format_number(total) or "—", format_number(province) or "—"
            )
            if total is None or province is None:  # nothing to compare is no agreement
                mark, color = self._not_compared(total, province), "#616161"
            elif ok:
                mark, color = self.tr("khớp"), "#1b7f3b"
            else:
                mark = self.tr("KHÔNG KHỚP, chênh {0}").format(format_number(total - province))
                color = "#c62828"
            return f"{text} (<span style='color:{color}'>{mark}</span>)"

        return "<br>".join(
            [
                line(self.tr("Kế hoạch"), b.total_target, b.province_target, b.target_matches),
                line(self.tr("Thực hiện"), b.total_value, b.province_value, b.value_matches),
            ]
        )

    def _not_compared(self, total: float | None, province: float | None) -> str:
        if total is None and province is None:
            return self.tr("chưa có số để đối chiếu")
        if total is None:
            return self.tr("chưa đối chiếu được: chưa có số của địa phương nào")
        return self.tr("chưa đối chiếu được: chưa có số toàn tỉnh")

    def edit_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            entity_actions.edit_locality(self.context, self, index.data(ROW_ROLE).locality_id)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
