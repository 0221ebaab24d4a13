"""Who is entering figures, and for which agency: asked once, remembered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from .. import prompts
from ..context import AppContext
from .form import Field, FormDialog


def clerk_dialog(context: AppContext, parent: QWidget | None = None) -> FormDialog:
    agencies = [(a.name, a.code) for a in context.agencies()]
    title = QCoreApplication.translate("Clerk", "Người nhập số liệu")
    dialog = FormDialog(
        title,
        [
            Field(
                "name",
                QCoreApplication.translate("Clerk", "Họ và tên"),
                value=context.settings.clerk_name,
                required=True,
            ),
            Field(
                "agency",
                QCoreApplication.translate("Clerk", "Cơ quan"),
                "choice",
                context.settings.clerk_agency or None,
                agencies,
            ),
        ],
        parent,
    )
    why = QLabel(
        QCoreApplication.translate(
            "Clerk",
            "Họ tên của anh/chị được ghi bên cạnh mỗi số liệu anh/chị nhập và trong lịch sử "
            "thay đổi, để sau này biết ai đã nhập hay sửa từng số.",
        )
    )
    why.setObjectName("why")
    why.setWordWrap(True)
    dialog.layout().insertWidget(0, why)
    return dialog


def ask_clerk(context: AppContext, parent: QWidget | None = None) -> bool:
    """Ask for the clerk's name and agency and remember them; False if cancelled."""
    dialog = clerk_dialog(context, parent)
    if not prompts.run_dialog(dialog):
        return False
    values = dialog.values()
    context.settings.clerk_name = values["name"]
    context.settings.clerk_agency = values["agency"] or ""
    context.settings.sync()
    return True
