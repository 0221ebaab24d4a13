"""Time to sign a province report with a .p12 and through SoftHSM2, and to verify it
(`python -m benchmarks.report_signing`; needs softhsm2). Medians of 5; the report is built and
rendered once, only signing and verifying are timed."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from kh65_desktop.reports.builders import ReportBuilder, ReportKind
from kh65_desktop.reports.pdf import render_signable_pdf
from kh65_desktop.reports.signing import FileKey, TokenKey, sign_pdf
from kh65_desktop.reports.verification import load_certificates, verify_pdf
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.database import open_database
from tests import signing_keys as keys
from tests.test_reports import ISSUED, options


def _median(work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        authority = keys.make_authority(folder)
        p12 = keys.make_p12(folder, authority, "x")
        keys.softhsm_token(folder, authority, "Trần Thị Bình")
        service = PlanService(open_database(folder / "kh65.db"))
        chosen = options(service, ReportKind.PROVINCE)
        report = ReportBuilder(service, service.current_plan(), ISSUED).build(chosen)
        unsigned = folder / "r.pdf"
        block = render_signable_pdf(report, unsigned)
        out = folder / "signed.pdf"
        token = TokenKey(keys.SOFTHSM_MODULE, keys.TOKEN_PIN, keys.TOKEN_LABEL)
        trusted = load_certificates([authority.pem])
        pages = unsigned.read_bytes().count(b"/Type /Page\n") or "?"
        print(f"report: {unsigned.stat().st_size // 1024} KB, {pages} pages")
        with_file = FileKey(p12, "x")
        print(f"sign .p12:  {_median(lambda: sign_pdf(unsigned, out, with_file, block)):.3f} s")
        print(f"sign token: {_median(lambda: sign_pdf(unsigned, out, token, block)):.3f} s")
        print(f"verify:     {_median(lambda: verify_pdf(out, trusted)):.3f} s")


if __name__ == "__main__":
    main()
