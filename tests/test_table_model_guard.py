"""A cell whose value cannot be shown never ends the program: an exception raised inside
Qt's painting (a table model's data()) makes PySide abort, so the model shows "⚠" and logs
why instead."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from kh65_desktop.ui.table_model import UNSHOWABLE, Column, RowTableModel


@dataclass(frozen=True)
class Figure:
    code: str
    value: float


def _shown(row: Figure) -> str:
    if row.value > 1e15:
        raise ArithmeticError("beyond what can be formatted")
    return f"{row.value:.0f}"


def test_a_cell_that_cannot_be_shown_shows_a_mark_and_is_logged(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    model: RowTableModel[Figure] = RowTableModel(
        [Column("code", "Mã", lambda r: r.code), Column("value", "Số", _shown)],
        key=lambda r: r.code,
    )
    model.set_rows([Figure("II.6.1", 3300.0), Figure("II.6.2", 1e30)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 200)
    with caplog.at_level(logging.ERROR, logger="kh65_desktop.ui.table_model"):
        view.show()
        qtbot.waitExposed(view)
        view.grab()  # paints every cell, the bad one included
        view.grab()
    assert model.index(0, 1).data() == "3300"
    assert model.index(1, 1).data() == UNSHOWABLE
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) is None
    failures = [r for r in caplog.records if "Không hiển thị được ô" in r.getMessage()]
    assert len(failures) == 1  # logged once, not on every paint
    assert failures[0].exc_info is not None
