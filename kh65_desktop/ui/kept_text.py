"""What an undo left alone, in the clerk's words: one line per figure, task or period."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.numbers import format_moment, format_number
from ..services.kept import KeptItem, KeptKind

_NAME_LENGTH = 60  # an indicator's or task's name is a sentence; its start says which


def _short(name: str) -> str:
    return name if len(name) <= _NAME_LENGTH else name[: _NAME_LENGTH - 1].rstrip() + "…"


def _who(item: KeptItem) -> str:
    if not item.changed_by:
        return QCoreApplication.translate("KeptText", "không rõ ai sửa")
    if item.changed_at is None:
        return item.changed_by
    return QCoreApplication.translate("KeptText", "{0} sửa lúc {1}").format(
        item.changed_by, format_moment(item.changed_at)
    )


def kept_line(item: KeptItem) -> str:
    """One thing left alone and why."""
    if item.kind is KeptKind.FIGURE:
        where = f"{item.period}, {item.locality}" if item.locality else item.period
        if item.removed:
            now = QCoreApplication.translate("KeptText", "nay đã bị xoá")
        elif item.value is not None:
            now = QCoreApplication.translate("KeptText", "nay là {0}").format(
                format_number(item.value)
            )
        else:
            now = QCoreApplication.translate("KeptText", "nay là «{0}»").format(item.text)
        return f"{item.code} {_short(item.name)} — {where}: {now} ({_who(item)})"
    if item.kind is KeptKind.TASK:
        return QCoreApplication.translate(
            "KeptText", "Nhiệm vụ {0} {1}: đã được cập nhật sau đó ({2})"
        ).format(item.code, _short(item.name), _who(item))
    if item.kind is KeptKind.TARGET:
        return QCoreApplication.translate(
            "KeptText", "Mục tiêu của chỉ tiêu {0} {1}: đã được sửa sau đó"
        ).format(item.code, _short(item.name))
    if item.kind is KeptKind.INDICATOR:
        return QCoreApplication.translate(
            "KeptText", "Chỉ tiêu {0} {1} (lần nhập đã thêm): đã có số liệu nhập sau đó"
        ).format(item.code, _short(item.name))
    if item.kind is KeptKind.TEXT:
        section = f"{item.name} {item.code}".strip()
        return QCoreApplication.translate(
            "KeptText", "Phần «{0}» của báo cáo {1}: đã được sửa sau đó ({2})"
        ).format(section, item.period, _who(item))
    return QCoreApplication.translate(
        "KeptText", "Kỳ «{0}» (lần nhập đã thêm): đã có số liệu nhập sau đó"
    ).format(item.name)


def kept_lines(items: list[KeptItem], limit: int = 12) -> str:
    """The first `limit` things left alone, one per line, and how many more."""
    lines = [kept_line(item) for item in items[:limit]]
    if len(items) > limit:
        lines.append(
            QCoreApplication.translate("KeptText", "… và {0} mục khác").format(
                format_number(len(items) - limit)
            )
        )
    return "\n".join(lines)
