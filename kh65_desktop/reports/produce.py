"""From options to a file: PDF or Word by the file's extension."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic_file import atomic_path
from ..file_errors import why_not_written
from ..services.bulk import paused_gc
from ..services.plan_service import PlanService
from ..storage.models import Plan
from .builders import ReportBuilder, ReportOptions
from .document import ReportError
from .pdf import render_pdf, render_signable_pdf

if TYPE_CHECKING:
    from .signing import Appearance, FileKey, TokenKey


@dataclass(frozen=True)
class Signing:
    """Sign the report as it is saved: with which key, showing what."""

    key: FileKey | TokenKey
    appearance: Appearance


@paused_gc()  # a long report builds hundreds of thousands of layout objects
def write_report(
    plans: PlanService,
    options: ReportOptions,
    out: Path,
    today: date | None = None,
    plan: Plan | None = None,
    signing: Signing | None = None,
) -> Path:
    """Build the report of `plan` (default: the plan of the report's period, else the
    newest) and write it to `out` (.pdf or .docx), atomically. With `signing` (PDF only)
    the file written is the signed one; a refused signature writes nothing."""
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise ReportError(f"Không lưu được “{out.name}”: hãy chọn tệp .pdf hoặc .docx.")
    if signing is not None and suffix != ".pdf":
        raise ReportError("Chỉ ký số được báo cáo PDF: hãy lưu với đuôi .pdf.")
    with tempfile.TemporaryDirectory(prefix="kh65-report-") as folder:
        options.workdir = Path(folder)
        if plan is None and options.period is not None:
            plan = plans.get(Plan, options.period.plan_id)
        plan = plan or plans.current_plan()
        report = ReportBuilder(plans, plan, today or date.today()).build(options)
        if signing is not None:
            from .signing import sign_pdf  # pyHanko is only loaded when asked for

            unsigned = Path(folder) / "unsigned.pdf"
            block = render_signable_pdf(report, unsigned)
            return sign_pdf(unsigned, out, signing.key, block, signing.appearance)
        try:
            with atomic_path(out) as temporary:  # a failure midway leaves `out` as it was
                if suffix == ".pdf":
                    render_pdf(report, temporary)
                else:
                    from .word import render_docx  # python-docx is only loaded when asked for

                    render_docx(report, temporary)
        except OSError as exc:
            raise ReportError(f"Không ghi được “{out}”: {why_not_written(exc)}.") from exc
    return out
