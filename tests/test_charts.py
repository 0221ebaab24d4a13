"""Charts carry the database's figures (read back from the plot items), follow edits,
and export to files of the requested size that are not blank."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton, QToolTip

from kh65_desktop.charts.export import save_png
from kh65_desktop.charts.offscreen import render_progress
from kh65_desktop.charts.style import STATUS_COLORS
from kh65_desktop.domain.progress import months_between
from kh65_desktop.domain.terms import Status
from kh65_desktop.services.overview import status_counts
from kh65_desktop.ui import prompts
from kh65_desktop.ui.dialogs.indicator_chart import IndicatorChartDialog
from kh65_desktop.ui.table_model import ROW_ROLE

from .ui_helpers import column, find_row, open_window, type_into_cell


def drawn_bars(chart) -> dict[int, tuple[float, str, float | None]]:
    """indicator id -> (bar length, bar colour, expected mark) as the plot items hold them."""
    opts = chart.bar_item.opts
    lengths = dict(zip(opts["y"], opts["width"], strict=True))
    colours = dict(zip(opts["y"], [QColor(b).name() for b in opts["brushes"]], strict=True))
    xs, ys = chart.expected_item.getData()
    marks = dict(zip(ys, xs, strict=True))
    result = {}
    for i, bar in enumerate(chart.bars):
        if bar.indicator_id is not None and -i in lengths:
            result[bar.indicator_id] = (lengths[-i], colours[-i], marks.get(-i))
    return result


# the share of 2024 gone by the first half's cut-off (14/6/2024), where figures are judged
CUTOFF_MONTHS = months_between(date(2024, 1, 1), date(2024, 6, 14))
CUTOFF_SHARE = CUTOFF_MONTHS / 12


def _ids(window) -> dict[str, int]:
    return {r.code: r.id for r in window.context.plans.indicator_rows()}


def test_overview_bars_carry_the_database_figures(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    ids = _ids(window)
    bars = drawn_bars(window.overview.progress_chart)
    length, colour, expected = bars[ids["II.3.2"]]
    assert length == pytest.approx(232 / 520 * 100)
    # judged at the 14/6/2024 cut-off: 232 of 520 is a pace for 98% of the plan
    assert colour == STATUS_COLORS[Status.LAGGING]
    assert expected == pytest.approx(CUTOFF_SHARE * 100)
    # a level: from the 2023 level 99,62% to the target 99,70%, now 99,66%: half way
    length, colour, _ = bars[ids["II.5.3"]]
    assert length == pytest.approx(50) and colour == STATUS_COLORS[Status.ON_TRACK]
    # a share target ("trên 95% kế hoạch vốn") should be at 47,5% by the end of June
    assert bars[ids["II.3.1"]][2] == pytest.approx(95 * CUTOFF_SHARE)  # 95% of plan by year-end
    assert ids["II.9.3"] not in bars  # no figure yet: no bar, but a row with its name
    labels = [b.label for b in window.overview.progress_chart.bars]
    assert "SỞ TÀI CHÍNH" in labels and any(label.endswith("…") for label in labels)
    tally = dict(zip(range(5), window.overview.status_chart.bar_item.opts["height"], strict=False))
    assert list(tally.values()) == list(
        status_counts(window.context.plans.indicator_rows()).values()
    )


def test_an_edit_in_the_table_changes_the_charts(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    ids = _ids(window)
    proxy = window.indicators.proxy
    type_into_cell(
        qtbot,
        window.indicators.table,
        proxy.index(find_row(proxy, "II.3.2"), column(proxy, "value")),
        "300",
    )
    window.tabs.setCurrentWidget(window.overview)  # the clerk looks at the overview
    length, colour, _ = drawn_bars(window.overview.progress_chart)[ids["II.3.2"]]
    assert length == pytest.approx(300 / 520 * 100)
    assert colour == STATUS_COLORS[Status.ON_TRACK]


def test_one_indicator_over_time(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    dialog = IndicatorChartDialog(window.context, _ids(window)["II.2.1"], window)
    qtbot.addWidget(dialog)
    chart = dialog.chart
    xs, ys = chart.values.getData()
    assert list(xs) == [pytest.approx(CUTOFF_MONTHS)] and list(ys) == [14096]
    assert chart.target.value() == 34000
    needed_x, needed_y = chart.needed.getData()
    assert list(needed_y) == [14096, 34000] and needed_x[-1] == pytest.approx(12)
    _, projection = chart.projection.getData()
    assert projection[-1] == pytest.approx(14096 / CUTOFF_SHARE)  # 30.942,4
    assert (
        chart.note == "Dự kiến cuối năm theo nhịp hiện nay: 30.942,44 tỷ đồng — không đạt kế hoạch"
    )
    proxy = window.indicators.proxy
    type_into_cell(
        qtbot,
        window.indicators.table,
        proxy.index(find_row(proxy, "II.2.1"), column(proxy, "value")),
        "17.500",
    )
    assert list(chart.values.getData()[1]) == [17500]  # the open chart follows the edit
    assert chart.note.endswith("38.414,63 tỷ đồng — đạt kế hoạch")  # 17.500 by 14/6


def test_district_chart(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    chart = window.localities.chart
    assert list(chart.plan_item.opts["height"]) == [150, 45, 75, 45, 45, 40, 35, 30, 55]
    assert list(chart.result_item.opts["height"]) == [59, 18, 36, 24, 18, 19, 12, 14, 32]
    assert [label.textItem.toPlainText() for label in chart.labels][:2] == ["39,33%", "40,00%"]


def test_clicking_a_bar_selects_the_indicator(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    chart = window.overview.progress_chart
    index = next(i for i, b in enumerate(chart.bars) if b.full_label.startswith("II.6.1 "))
    scene = chart.getPlotItem().vb.mapViewToScene(QPointF(20, -index))
    point = chart.mapFromScene(scene)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.tabs.currentWidget() is window.indicators
    assert window.indicators.table.currentIndex().data(ROW_ROLE).code == "II.6.1"


def test_pointing_at_a_bar_shows_its_exact_figures(qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    chart = window.overview.progress_chart
    index = next(i for i, b in enumerate(chart.bars) if b.full_label.startswith("II.3.2 "))
    chart._hover(chart.getPlotItem().vb.mapViewToScene(QPointF(20, -index)))
    assert QToolTip.text() == (
        "II.3.2 Phát triển doanh nghiệp\n"
        "Kế hoạch: 520 doanh nghiệp\n"
        "Thực hiện: 232 doanh nghiệp (6 tháng đầu năm 2024)\n"
        "Tiến độ: 44,62% so với kế hoạch\n"
        "Còn lại: 288 doanh nghiệp\n"
        "Đánh giá: Chậm tiến độ"
    )
    heading = next(i for i, b in enumerate(chart.bars) if b.indicator_id is None)
    assert chart.bars[heading].tooltip == "Chưa phân công"  # an agency heading: its full name


def _not_blank(path: Path) -> QImage:
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 3, "more than a background"
    return image


def test_export_png_and_svg(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    window.tabs.setCurrentWidget(window.localities)  # the clerk exports what is on screen
    chart = window.localities.chart
    image = _not_blank(save_png(chart, tmp_path / "a.png", width=1600))
    assert image.width() == 1600 and image.height() > 300
    monkeypatch.setattr(prompts, "save_file", lambda *args: tmp_path / "b.svg")
    window.localities.findChild(QPushButton, "saveSvg").click()
    svg = (tmp_path / "b.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Càng" in svg and "39,33%" in svg


def test_charts_render_without_a_window(engine, service, tmp_path: Path) -> None:
    rows = service.indicator_rows()
    path = render_progress(rows, tmp_path / "progress.png", width=1200)
    image = _not_blank(path)
    assert image.width() == 1200 and image.height() > image.width()  # one row per indicator
