"""Reports and packages are written whole or not at all: a failure, a full disk, a kill or a
target open in Word never leaves a 0-byte or half file where a good one was."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kh65_desktop import atomic_file
from kh65_desktop.exchange.package import read_package, write_package
from kh65_desktop.file_errors import why_not_written
from kh65_desktop.reports import pdf, word
from kh65_desktop.reports.builders import ReportKind
from kh65_desktop.reports.produce import ReportError, write_report
from kh65_desktop.services.exchange_files import export_data
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.models import Agency

from .test_reports import options

WRITERS = {".pdf": (pdf, "render_pdf"), ".docx": (word, "render_docx")}


def _half_then(failure: BaseException, real: Callable[..., Path]) -> Callable[..., Path]:
    """A writer that writes half the report where it was told to, then fails."""

    def write(report: object, path: Path) -> Path:
        real(report, path)
        whole = path.read_bytes()
        path.write_bytes(whole[: len(whole) // 2])
        raise failure

    return write


@pytest.fixture
def good_report(service: PlanService, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    out = tmp_path / "reports" / f"bao-cao{request.param}"
    out.parent.mkdir()
    return write_report(service, options(service, ReportKind.PROVINCE), out)


@pytest.mark.parametrize("good_report", [".pdf", ".docx"], indirect=True)
@pytest.mark.parametrize(
    ("failure", "says"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đã đầy"),
        (RuntimeError("layout failed"), None),
    ],
)
def test_a_writer_failing_midway_leaves_the_old_report_intact(
    service: PlanService,
    good_report: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
    says: str | None,
) -> None:
    before = good_report.read_bytes()
    assert len(before) > 1000
    module, name = WRITERS[good_report.suffix]
    monkeypatch.setattr(module, name, _half_then(failure, getattr(module, name)))
    if good_report.suffix == ".pdf":  # produce.py holds its own name for the PDF writer
        monkeypatch.setattr("kh65_desktop.reports.produce.render_pdf", getattr(module, name))
    with pytest.raises((ReportError, RuntimeError)) as raised:
        write_report(service, options(service, ReportKind.PROVINCE), good_report)
    if says:
        assert isinstance(raised.value, ReportError)
        assert str(raised.value) == (
            f"Không ghi được “{good_report}”: {says}. Hãy giải phóng chỗ trống hoặc lưu vào ổ khác."
        )
        assert "No space" not in str(raised.value)
    assert good_report.read_bytes() == before
    assert [p.name for p in good_report.parent.iterdir()] == [good_report.name]  # no temp left


@pytest.mark.parametrize("good_report", [".docx"], indirect=True)
def test_a_report_open_in_word_gets_a_clear_message(
    service: PlanService, good_report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = good_report.read_bytes()

    def locked(source: object, target: object) -> None:  # what Windows does to an open file
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(atomic_file.os, "replace", locked)
    with pytest.raises(ReportError) as raised:
        write_report(service, options(service, ReportKind.PROVINCE), good_report)
    assert "tệp đang được mở trong chương trình khác (Word, Excel, trình đọc PDF)" in str(
        raised.value
    )
    assert "Hãy đóng tệp đó rồi lưu lại, hoặc lưu với tên khác." in str(raised.value)
    assert "Access" not in str(raised.value)
    assert good_report.read_bytes() == before
    assert [p.name for p in good_report.parent.iterdir()] == [good_report.name]


_KILLED_MIDWAY = """
import sys, time
from pathlib import Path
from kh65_desktop.reports import pdf, produce
from kh65_desktop.reports.builders import ReportKind
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from tests.test_reports import options

real = pdf.render_pdf
def half_then_hang(report, path):
    real(report, path)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    Path(sys.argv[3]).touch()  # midway: the parent kills us now
    time.sleep(600)
produce.render_pdf = half_then_hang
service = PlanService(open_database(Path(sys.argv[1])))
produce.write_report(service, options(service, ReportKind.PROVINCE), Path(sys.argv[2]))
"""


@pytest.mark.parametrize("good_report", [".pdf"], indirect=True)
def test_a_kill_midway_leaves_the_old_report_intact(
    service: PlanService, good_report: Path, db_path: Path, tmp_path: Path
) -> None:
    before = good_report.read_bytes()
    midway = tmp_path / "midway"
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_MIDWAY, str(db_path), str(good_report), str(midway)],
        cwd=Path(__file__).parent.parent,
    )
    try:
        while not midway.exists():
            assert child.poll() is None, "the writer ended before it was killed"
            try:
                child.wait(0.05)
            except subprocess.TimeoutExpired:
                pass
    finally:
        child.kill()  # SIGKILL: nothing can clean up
        child.wait()
    assert good_report.read_bytes() == before
    # the half-written file is a hidden temporary beside it, never the report
    left = sorted(p.name for p in good_report.parent.iterdir())
    assert left[-1] == good_report.name and all(
        n.startswith(atomic_file.TEMPORARY_PREFIX) for n in left[:-1]
    )


def test_a_new_report_gets_ordinary_permissions(service: PlanService, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = write_report(service, options(service, ReportKind.PROVINCE), tmp_path / "r.pdf")
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644  # not the owner-only mode of a temp file


def test_a_package_whose_target_is_locked_stays_as_it_was(
    service: PlanService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = service.current_plan()
    agency = next(service.get(Agency, a.id) for a in service.agencies(plan) if a.code == "SKHDT")
    data = export_data(service.engine, plan, agency)
    target = write_package(data, tmp_path / "skhdt.kh65")
    before = target.read_bytes()

    def locked(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(atomic_file.os, "replace", locked)
    with pytest.raises(atomic_file.TargetInUse) as raised:
        write_package(data, target)
    assert "đang được mở" in why_not_written(raised.value)
    assert target.read_bytes() == before and read_package(target).values
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
