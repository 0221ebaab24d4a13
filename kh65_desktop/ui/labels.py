"""Every domain label the window shows, listed for Qt Linguist (context "Status").

The domain keeps its labels in Vietnamese and knows nothing of Qt; `label()` translates
them here. tests/test_translations.py checks this list against the domain enums.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

DOMAIN_LABELS = (
    QT_TRANSLATE_NOOP("Status", "Lũy kế"),
    QT_TRANSLATE_NOOP("Status", "Mức/tỷ lệ"),
    QT_TRANSLATE_NOOP("Status", "Định tính"),
    QT_TRANSLATE_NOOP("Status", "Càng cao càng tốt"),
    QT_TRANSLATE_NOOP("Status", "Càng thấp càng tốt"),
    QT_TRANSLATE_NOOP("Status", "Giá trị"),
    QT_TRANSLATE_NOOP("Status", "Tối thiểu"),
    QT_TRANSLATE_NOOP("Status", "Tối đa"),
    QT_TRANSLATE_NOOP("Status", "Mức thay đổi"),
    QT_TRANSLATE_NOOP("Status", "Giữ vững"),
    QT_TRANSLATE_NOOP("Status", "Hoàn thành"),
    QT_TRANSLATE_NOOP("Status", "Đạt"),
    QT_TRANSLATE_NOOP("Status", "Đúng tiến độ"),
    QT_TRANSLATE_NOOP("Status", "Chậm tiến độ"),
    QT_TRANSLATE_NOOP("Status", "Nguy cơ không đạt"),
    QT_TRANSLATE_NOOP("Status", "Chưa đủ số liệu"),
    QT_TRANSLATE_NOOP("Status", "Tỷ lệ so với kế hoạch"),
    QT_TRANSLATE_NOOP("Status", "Còn phải thực hiện"),
    QT_TRANSLATE_NOOP("Status", "Tổng kế hoạch"),
    QT_TRANSLATE_NOOP("Status", "Tổng thực hiện"),
    QT_TRANSLATE_NOOP("Status", "Chủ trì"),
    QT_TRANSLATE_NOOP("Status", "Phối hợp"),
    QT_TRANSLATE_NOOP("Status", "Chưa thực hiện"),
    QT_TRANSLATE_NOOP("Status", "Đang thực hiện"),
    QT_TRANSLATE_NOOP("Status", "Đã hoàn thành"),
    QT_TRANSLATE_NOOP("Status", "Quá hạn"),
    QT_TRANSLATE_NOOP("Status", "Sắp đến hạn"),
    QT_TRANSLATE_NOOP("Status", "Còn hạn"),
    QT_TRANSLATE_NOOP("Status", "Không có hạn"),
    QT_TRANSLATE_NOOP("Status", "Đã xong"),
    QT_TRANSLATE_NOOP("Status", "Thấp"),
    QT_TRANSLATE_NOOP("Status", "Trung bình"),
    QT_TRANSLATE_NOOP("Status", "Cao"),
)


def label(member: Enum) -> str:
    """A domain enum member's label in the chosen language."""
    return QCoreApplication.translate("Status", member.label)
