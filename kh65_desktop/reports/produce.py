"""From options to a file: PDF or Word by the file's extension."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from ..atomic_file import atomic_path
from ..file_errors import why_not_written
from ..services.bulk import paused_gc
from ..services.plan_service import PlanService
from ..storage.models import Plan
from .builders import ReportBuilder, ReportOptions
from .document import ReportError
from .pdf import render_pdf


@paused_gc()  # a long report builds hundreds of thousands of layout objects
def write_report(
    plans: PlanService,
    options: ReportOptions,
    out: Path,
    today: date | None = None,
    plan: Plan | None = None,
) -> Path:
    """Build the report of `plan` (default: the plan of the report's period, else the
    newest) and write it to `out` (.pdf or .docx), atomically."""
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise ReportError(f"Không lưu được “{out.name}”: hãy chọn tệp .pdf hoặc .docx.")
    with tempfile.TemporaryDirectory(prefix="kh65-report-") as folder:
        options.workdir = Path(folder)
        if plan is None and options.period is not None:
            plan = plans.get(Plan, options.period.plan_id)
        plan = plan or plans.current_plan()
        report = ReportBuilder(plans, plan, today or date.today()).build(options)
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
