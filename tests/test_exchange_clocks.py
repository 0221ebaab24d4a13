"""The sender's clock does not decide alone: stamps in the future are refused, the time of
receipt is kept beside the sender's, and the summary says what the import keeps."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kh65_desktop.domain.conflicts import FUTURE_TOLERANCE, ours_is_later
from kh65_desktop.exchange.data import ExchangeData, ExchangeError, ValueData
from kh65_desktop.exchange.package import read_package, write_package
from kh65_desktop.services.editing import EditService, ValueKey, ValueState
from kh65_desktop.services.exchange import Action, ExchangeService
from kh65_desktop.services.exchange_files import export_data, read_file
from kh65_desktop.services.plan_service import PlanService

from .test_exchange_rights import agency, figures, kh65

PLAN, H1 = "65/KH-UBND/2024", "2024-H1"
TAX = ("CTHUE", "Cục Thuế tỉnh")  # leads II.6


def tax_package(folder: Path, *values: tuple[str, float, datetime], made: datetime | None = None):
    data = ExchangeData(PLAN, *TAX, made or datetime.now(UTC))
    data.values = [
        ValueData(code, H1, None, value, entered_by="Cục Thuế", entered_at=at)
        for code, value, at in values
    ]
    return write_package(data, folder / "cthue.kh65")


def test_a_figure_stamped_in_the_future_is_refused_by_row(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    path = tax_package(
        tmp_path,
        ("II.6.1", 9999.0, datetime(9999, 12, 31, tzinfo=UTC)),
        ("II.6.2", 900.0, now + FUTURE_TOLERANCE - timedelta(minutes=1)),  # within tolerance
    )
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    preview = exchange.preview(plan, read_file(path, "x"))
    refused, taken = preview.rows
    assert (refused.code, refused.action) == ("II.6.1", Action.REFUSED)
    assert refused.reason.startswith("Số liệu thứ 1: Thời điểm nhập 31/12/9999")
    assert "muộn hơn giờ của máy này" in refused.reason
    assert "Hãy kiểm tra ngày giờ" in refused.reason
    assert taken.action is Action.CHANGE
    exchange.apply(plan, preview, "Nguyễn Thị Lan")
    assert figures(db_path, "II.6.1")[None] == 3300.0
    assert figures(db_path, "II.6.2")[None] == 900.0


def test_a_file_made_in_the_future_is_refused_whole(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    later = datetime.now(UTC) + timedelta(days=2)
    path = tax_package(tmp_path, ("II.6.1", 3500.0, later), made=later)
    with pytest.raises(ValueError, match="muộn hơn giờ của máy này") as refused:
        ExchangeService(service.engine).preview(service.current_plan(), read_package(path))
    assert "đồng hồ của máy gửi hoặc máy này đang sai" in str(refused.value)


def test_the_time_of_receipt_is_kept_beside_the_senders(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    sent = datetime(2024, 8, 1, 8, 0, tzinfo=UTC)
    path = tax_package(tmp_path, ("II.6.1", 3500.0, sent))
    before = datetime.now(UTC).replace(tzinfo=None)
    exchange = ExchangeService(service.engine)
    plan = service.current_plan()
    exchange.apply(plan, exchange.preview(plan, read_file(path, "x")), "Nguyễn Thị Lan")
    with sqlite3.connect(db_path) as db:
        entered, received = db.execute(
            "SELECT entered_at, received_at FROM reported_value rv JOIN indicator i "
            "ON i.id = rv.indicator_id WHERE i.code = 'II.6.1' AND rv.locality_id IS NULL"
        ).fetchone()
    assert entered == "2024-08-01 08:00:00.000000"  # the sender's
    assert datetime.fromisoformat(received) >= before  # this machine's


def test_a_future_stamp_stored_earlier_no_longer_wins_nor_travels(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    """A figure stamped 9999-12-31 by an older version (received here on 01/8/2024)."""
    with sqlite3.connect(db_path) as db:
        db.execute(
            "UPDATE reported_value SET value = 1, entered_at = '9999-12-31 00:00:00.000000', "
            "received_at = '2024-08-01 00:00:00.000000' WHERE locality_id IS NULL AND "
            "indicator_id = (SELECT id FROM indicator WHERE code = 'II.6.1')"
        )
    plan = service.current_plan()
    sent = export_data(service.engine, plan, agency(service, "CTHUE"))
    stamp = next(v.entered_at for v in sent.values if v.indicator == "II.6.1")
    assert stamp == datetime(2024, 8, 1, tzinfo=UTC)  # its receipt, not 9999
    path = tax_package(tmp_path, ("II.6.1", 3500.0, datetime.now(UTC) - timedelta(days=1)))
    preview = ExchangeService(service.engine).preview(plan, read_file(path, "x"))
    assert preview.rows[0].action is Action.CHANGE  # no longer a conflict it always wins


NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_the_rule_on_both_clocks() -> None:
    hour, day = timedelta(hours=1), timedelta(days=1)
    # the sender entered its figure a day ago and made the file an hour ago; ours was
    # typed here two hours ago, on a clock that was then a year behind: later here
    assert ours_is_later(NOW - 365 * day, NOW - 2 * hour, NOW - day, NOW - hour, NOW)
    # the same with ours typed before the sender's figure: theirs replaces ours
    assert not ours_is_later(NOW - 365 * day, NOW - 2 * day, NOW - day, NOW - hour, NOW)
    # the sender's clock a year behind: ours, typed after on both clocks, is kept
    assert ours_is_later(NOW - hour, NOW - hour, NOW - 366 * day, NOW - 365 * day, NOW)
    # a stored 9999 stamp counts as its receipt
    far = datetime(9999, 12, 31, tzinfo=UTC)
    assert not ours_is_later(far, NOW - 30 * day, NOW - day, NOW - hour, NOW)
    # a stamp at most the tolerance after receipt is believed as it is
    assert ours_is_later(NOW - 5 * day + FUTURE_TOLERANCE, NOW - 5 * day, NOW - 5 * day, NOW, NOW)


def test_the_summary_never_says_nothing_changed_when_it_kept_ours(
    service: PlanService,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = service.current_plan()
    revenue = next(r for r in service.indicator_rows() if r.code == "II.6.1")
    EditService(service.engine).set_values(
        [(ValueKey(revenue.id, service.periods(plan)[0].id), ValueState(3400.0))], "Lan"
    )
    path = tax_package(tmp_path, ("II.6.1", 3500.0, datetime.now(UTC) - timedelta(days=1)))
    assert kh65(monkeypatch, "--db", str(db_path), "import", str(path)) == 0
    out = capsys.readouterr().out
    assert "[Xung đột] II.6.1" in out
    assert (
        "Không ghi gì: giữ nguyên 1 số liệu ở đây vì ở đây đã sửa sau thời điểm trong tệp "
        "(xung đột; chọn lấy số trong tệp nếu muốn)."
    ) in out
    assert "không làm thay đổi gì" not in out
    assert figures(db_path, "II.6.1")[None] == 3400.0


def test_stamps_whose_zone_pushes_them_off_the_calendar_are_refused_not_a_traceback(
    service: PlanService, tmp_path: Path
) -> None:
    data = ExchangeData(PLAN, *TAX, datetime.now(UTC))
    data.values = [
        ValueData(
            "II.6.1",
            H1,
            None,
            1.0,
            entered_at=datetime.fromisoformat("9999-12-31T23:00:00-05:00"),
        )
    ]
    path = write_package(data, tmp_path / "cthue.kh65")
    # no time in UTC exists for it: the reader refuses the file, saying which field
    with pytest.raises(ExchangeError) as refused:
        read_file(path, "x")
    assert "“entered_at”" in str(refused.value)
    assert "9999-12-31T23:00:00-05:00" in str(refused.value)


def test_a_task_status_stamped_in_the_future_is_refused_and_a_stored_one_no_longer_wins(
    service: PlanService, db_path: Path, tmp_path: Path
) -> None:
    from kh65_desktop.exchange.data import TaskData

    with sqlite3.connect(db_path) as db:  # stamped 9999 by an older version
        db.execute(
            "UPDATE task SET updated_at = '9999-12-31 00:00:00.000000' WHERE code = 'II.6.T1.2'"
        )
    data = ExchangeData(PLAN, *TAX, datetime.now(UTC))
    data.tasks = [
        TaskData("II.6.T1.1", "done", "", "Cục Thuế", datetime(9999, 12, 31, tzinfo=UTC)),
        TaskData("II.6.T1.2", "done", "", "Cục Thuế", datetime.now(UTC) - timedelta(hours=1)),
    ]
    path = write_package(data, tmp_path / "cthue.kh65")
    preview = ExchangeService(service.engine).preview(service.current_plan(), read_file(path, "x"))
    future, stored_future = preview.rows
    assert future.action is Action.REFUSED and "31/12/9999" in future.reason
    assert stored_future.action is Action.CHANGE
