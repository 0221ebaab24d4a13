"""From options to a file: PDF or Word by the file's extension."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from ..services.bulk import paused_gc
from ..services.plan_service import PlanService
from .builders import ReportBuilder, ReportOptions
from .document import ReportError
from .pdf import render_pdf


@paused_gc()  # a long report builds hundreds of thousands of layout objects
def write_report(
    plans: PlanService, options: ReportOptions, out: Path, today: date | None = None
) -> Path:
    """Build the report and write it to `out` (.pdf or .docx)."""
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise ReportError(f"Không lưu được “{out.name}”: hãy chọn tệp .pdf hoặc .docx.")
    with tempfile.TemporaryDirectory(prefix="kh65-report-") as folder:
        options.workdir = Path(folder)
        report = ReportBuilder(plans, plans.current_plan(), today or date.today()).build(options)
        try:
            if suffix == ".pdf":
                return render_pdf(report, out)
            from .word import render_docx  # python-docx is only loaded when asked for

            return render_docx(report, out)
        except OSError as exc:
            raise ReportError(f"Không ghi được “{out}”: {exc.strerror}.") from exc
