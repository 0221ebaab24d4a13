"""Nothing stored can break a later command (issue 12, item 10): every command and every tab
runs over a database holding every edge value the checks allow, and over one poisoned by
what was stored before the checks (1e300, a 30-digit figure, targets of 0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableView
from sqlmodel import Session, select

from kh65_desktop import cli
from kh65_desktop.cli import main
from kh65_desktop.domain.figure_rules import FigureKind, check_figure, check_target, clean_text
from kh65_desktop.domain.terms import IndicatorKind
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import Indicator, ReportedValue
from kh65_desktop.ui.dialogs.indicator_chart import IndicatorChartDialog

from .edge_values import BIGGEST, LOWEST, seed_edge_database, seed_poisoned_database
from .ui_helpers import open_window

SEEDS = {"edges": seed_edge_database, "poisoned": seed_poisoned_database}


@pytest.fixture(autouse=True)
def _no_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """`main()` run in this process must not hang the user's log file on the root logger."""
    monkeypatch.setattr(cli, "configure_logging", lambda: None)


@pytest.fixture(scope="module", params=list(SEEDS))
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(request.param)
    return SEEDS[request.param](folder / "kh65.db")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def _not_json(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")


def test_the_reading_commands_run_and_show_sane_figures(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(seeded))
    code, out, err = run(capsys, *db, "summary")
    assert code == 0, err
    code, table, err = run(capsys, *db, "indicators")
    assert code == 0, err
    code, text, err = run(capsys, *db, "indicators", "--json")
    assert code == 0, err
    rows = {r["code"]: r for r in json.loads(text, parse_constant=_not_json)}
    for command in (("check",), ("check", "--json")):
        code, _, err = run(capsys, *db, *command)
        assert code == 0, err
    if seeded.parent.name.startswith("edges"):
        assert "999.999.999.999.999" in out + table
        assert rows["II.6.1"]["latest"]["value"] == 999_999_999_999_999
        assert rows["II.4.2"]["latest"]["value"] == -999_999_999_999_999
        assert rows["II.3.1"]["status_label"] != "Đạt"  # nothing done yet is not "achieved"
    else:
        # an absurd stored figure is shown as such, never as blank or "Đạt"
        assert "1,000e+300" in table
        assert rows["II.6.1"]["status_label"] != "Đạt"
        assert rows["II.3.1"]["percent_of_plan"] is None  # a target of 0: no % of plan
        assert rows["II.1.2"]["status_label"] == "Chưa đủ số liệu"  # not "Đạt" against 0


def test_export_then_import_of_the_export(
    seeded: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = ("--db", str(seeded))
    exports = [("STC", "stc.kh65"), ("STC", "stc.xlsx"), ("SCT", "sct.xlsx"), ("SCT", "sct.csv")]
    for agency, name in exports:
        code, _, err = run(capsys, *db, "export", "--agency", agency, "--out", str(tmp_path / name))
        assert code == 0, err
    code, out, err = run(capsys, *db, "import", str(tmp_path / "stc.kh65"), "--dry-run")
    if seeded.parent.name.startswith("edges"):
        assert code == 0, err
        assert "không làm thay đổi gì" in out
    else:  # the poisoned figure is refused at the door of the next office, with the reason
        assert code == 2
        assert "số quá lớn" in err and "Cơ sở dữ liệu không thay đổi" in err
    code, out, err = run(capsys, *db, "import", str(tmp_path / "sct.xlsx"), "--dry-run")
    assert code == 0, err


@pytest.mark.parametrize(
    "kind, agency", [("agency", "STC"), ("province", ""), ("locality", "SKHDT")]
)
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_reports(
    seeded: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    kind: str,
    agency: str,
    suffix: str,
) -> None:
    out = tmp_path / f"report{suffix}"
    chosen = ("--agency", agency) if agency else ()
    charts = ("--charts",) if suffix == ".pdf" else ()  # the charts drawn offscreen too
    args = ("--db", str(seeded), "report", "--kind", kind, *chosen, "--notes", *charts)
    args += ("--out", str(out))
    code, _, err = run(capsys, *args)
    assert code == 0, err
    assert out.stat().st_size > 1000


def test_every_tab_and_chart_of_the_window(qtbot, seeded: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seeded, tmp_path)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        for view in window.tabs.currentWidget().findChildren(QTableView):
            model = view.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    model.index(row, column).data()
                    model.index(row, column).data(3)  # the tooltip
        qtbot.wait(1)
    for row in window.context.indicator_rows():
        dialog = IndicatorChartDialog(window.context, row.id, window)
        qtbot.addWidget(dialog)
        dialog.close()
    window.tabs.setCurrentWidget(window.agencies)
    for agency in window.context.agencies():  # each agency's table and chart
        window.agencies.select_agency(agency.id)
    window.tabs.setCurrentWidget(window.localities)
    for index in range(window.localities.indicator.count()):  # each district chart
        window.localities.indicator.setCurrentIndex(index)
    window.close()


def test_the_edge_database_holds_only_what_the_checks_allow(tmp_path: Path) -> None:
    """The edge database is honest: every figure and text in it passes the rules unchanged
    (the built-in plan too: the plan file loader applies them)."""
    engine = open_database(seed_edge_database(tmp_path / "kh65.db"))
    with Session(engine) as session:
        indicators = {i.id: i for i in session.exec(select(Indicator))}
        figures = list(session.exec(select(ReportedValue)))
        for v in figures:
            check_figure(v.value, FigureKind.of(indicators[v.indicator_id]), "số liệu")
            for name in ("text", "note", "entered_by"):
                assert clean_text(getattr(v, name), name, name) == getattr(v, name)
        for i in indicators.values():
            if i.kind is not IndicatorKind.QUALITATIVE:
                check_target(i.target_value, FigureKind.of(i), i.code)
            for name in ("name", "unit", "note", "target_text"):
                assert clean_text(getattr(i, name), name, name) == getattr(i, name)
    engine.dispose()
    assert {v.value for v in figures} >= {BIGGEST, LOWEST, 0.0, 0.000001, 1000.0}
