""" "Kế hoạch → Tạo kế hoạch mới từ kế hoạch này…": the new plan's own details."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ...services.plan_copy import NewPlan, refusal
from ...services.province_names import issuer_for_year
from .. import prompts
from ..context import AppContext
from .form import Field, FormDialog

YEARS_AHEAD = 5  # the years offered after the plan's own


class NewPlanDialog(QObject):
    """The translation context of this module's texts (NewPlanDialog.tr)."""


def new_plan_dialog(context: AppContext, parent: QWidget | None = None) -> FormDialog:
    plan = context.plan
    years = [(str(y), y) for y in range(plan.year + 1, plan.year + 1 + YEARS_AHEAD)]
    # next year's issuer: a province merged by then names its successor
    issuer, place = issuer_for_year(context.engine, plan, plan.year + 1)
    dialog = FormDialog(
        NewPlanDialog.tr("Tạo kế hoạch mới từ kế hoạch này"),
        [
            Field("number", NewPlanDialog.tr("Số văn bản"), value="", required=True),
            Field("issued_on", NewPlanDialog.tr("Ngày ban hành"), "date", context.today()),
            Field("year", NewPlanDialog.tr("Năm của kế hoạch"), "choice", plan.year + 1, years),
            Field("code", NewPlanDialog.tr("Mã kế hoạch (bỏ trống: số/năm)"), value=""),
            Field(
                "issuing_body",
                NewPlanDialog.tr("Cơ quan ban hành"),
                value=issuer,
                required=True,
            ),
            Field(
                "place",
                NewPlanDialog.tr("Địa danh (dòng ngày tháng)"),
                value=place,
                required=True,
            ),
            Field(
                "signer_authority", NewPlanDialog.tr("Thẩm quyền ký"), value=plan.signer_authority
            ),
            Field("signer_title", NewPlanDialog.tr("Chức vụ người ký"), value=plan.signer_title),
            Field("signer_name", NewPlanDialog.tr("Họ và tên người ký"), value=plan.signer_name),
        ],
        parent,
        check=lambda values: refusal(context.engine, plan.code, new_plan_of(values)),
    )
    intro = QLabel(
        NewPlanDialog.tr(
            "Từ kế hoạch số {0} (năm {1}). Kế hoạch mới giữ các nhóm, chỉ tiêu, đơn vị tính, "
            "phân công và nhiệm vụ; chỉ tiêu kế hoạch năm để trống để nhập theo văn bản mới; "
            "số liệu cuối cùng của kế hoạch này thành số liệu nền và số liệu cùng kỳ; kỳ báo "
            "cáo của năm mới theo Nghị định 09/2019/NĐ-CP (tháng, quý, 6 tháng, 9 tháng, năm)."
        ).format(plan.number, plan.year)
    )
    intro.setWordWrap(True)
    intro.setObjectName("newPlanIntro")
    dialog.layout().insertWidget(0, intro)
    _follow_year(context, dialog)
    return dialog


def _follow_year(context: AppContext, dialog: FormDialog) -> None:
    """Another year chosen: the issuer and place offered follow it (a 2026 plan is issued
    by the province that exists in 2026), unless the clerk has typed their own."""
    year, body, place = (dialog.raw(k) for k in ("year", "issuing_body", "place"))
    assert isinstance(year, QComboBox)
    assert isinstance(body, QLineEdit) and isinstance(place, QLineEdit)
    offered = [body.text(), place.text()]

    def chosen() -> None:
        new = issuer_for_year(context.engine, context.plan, int(year.currentText()))
        for edit, before, now in zip((body, place), offered, new, strict=True):
            if edit.text() == before:
                edit.setText(now)
        offered[:] = list(new)

    year.currentIndexChanged.connect(chosen)


def new_plan_of(values: dict[str, Any]) -> NewPlan:
    """The dialog's values as the service takes them; the code defaults to number/year."""
    number = values["number"].strip()
    return NewPlan(
        code=values["code"].strip() or f"{number}/{values['year']}",
        number=number,
        year=values["year"],
        issued_on=values["issued_on"],
        issuing_body=values["issuing_body"],
        place=values["place"],
        signer_authority=values["signer_authority"],
        signer_title=values["signer_title"],
        signer_name=values["signer_name"],
    )


def ask_new_plan(context: AppContext, parent: QWidget | None = None) -> NewPlan | None:
    dialog = new_plan_dialog(context, parent)
    return new_plan_of(dialog.values()) if prompts.run_dialog(dialog) else None
