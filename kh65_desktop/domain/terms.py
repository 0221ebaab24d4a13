"""The vocabulary of a plan: kinds, directions, target forms and statuses.

Values are stored in the database and in data files, so they never change once released;
each has a Vietnamese label for what the clerk sees.
"""

from __future__ import annotations

from enum import StrEnum


class IndicatorKind(StrEnum):
    """How reported values add up (domain.md, "Two kinds of indicator")."""

    ACCUMULATING = "accumulating"  # revenue, investment: progress = value / target
    LEVEL = "level"  # rates and coverage: the latest value counts
    QUALITATIVE = "qualitative"  # "Giữ vững …", "Hoàn thành hồ sơ …": a status, no number

    @property
    def label(self) -> str:
        return {"accumulating": "Lũy kế", "level": "Mức/tỷ lệ", "qualitative": "Định tính"}[self]


class Direction(StrEnum):
    """Whether more is better (revenue) or less is better (unemployment)."""

    HIGHER = "higher"
    LOWER = "lower"

    @property
    def label(self) -> str:
        return {"higher": "Càng cao càng tốt", "lower": "Càng thấp càng tốt"}[self]


class TargetForm(StrEnum):
    """The forms a target takes in a plan."""

    VALUE = "value"  # "94,95%", "34.000 tỷ đồng"
    FLOOR = "floor"  # "trên 95%", "từ 95% trở lên"
    CEILING = "ceiling"  # "dưới 2%"
    CHANGE = "change"  # "tăng thêm 05 xã", "giảm 0,30%": reported values are the change so far
    KEEP = "keep"  # "Giữ vững …": a state to keep
    MILESTONE = "milestone"  # "Hoàn thành hồ sơ trình Trung ương công nhận"

    @property
    def label(self) -> str:
        return {
            "value": "Giá trị",
            "floor": "Tối thiểu",
            "ceiling": "Tối đa",
            "change": "Mức thay đổi",
            "keep": "Giữ vững",
            "milestone": "Hoàn thành",
        }[self]


class Status(StrEnum):
    """Where an indicator stands against its target."""

    MET = "met"
    ON_TRACK = "on_track"
    LAGGING = "lagging"
    AT_RISK = "at_risk"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return {
            "met": "Đạt",
            "on_track": "Đúng tiến độ",
            "lagging": "Chậm tiến độ",
            "at_risk": "Nguy cơ không đạt",
            "no_data": "Chưa đủ số liệu",
        }[self]


class StatedKind(StrEnum):
    """A figure the document states that the app can also compute."""

    PERCENT_OF_PLAN = "percent_of_plan"  # "đạt 41,46% kế hoạch"
    REMAINING = "remaining"  # "còn lại / tăng thêm / cần đạt …"
    TOTAL_TARGET = "total_target"  # the "Tổng cộng" row of a breakdown table
    TOTAL_VALUE = "total_value"

    @property
    def label(self) -> str:
        return {
            "percent_of_plan": "Tỷ lệ so với kế hoạch",
            "remaining": "Còn phải thực hiện",
            "total_target": "Tổng kế hoạch",
            "total_value": "Tổng thực hiện",
        }[self]


class AgencyKind(StrEnum):
    """Provincial body, or the People's Committee of a district/town/city."""

    PROVINCIAL = "provincial"
    DISTRICT = "district"


class Role(StrEnum):
    """An agency's part in an indicator group or a task."""

    LEAD = "lead"  # chủ trì
    COORDINATE = "coordinate"  # phối hợp

    @property
    def label(self) -> str:
        return {"lead": "Chủ trì", "coordinate": "Phối hợp"}[self]


class TaskStatus(StrEnum):
    """A task's progress as the clerk records it (overdue is computed from the deadline)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return {
            "not_started": "Chưa thực hiện",
            "in_progress": "Đang thực hiện",
            "done": "Đã hoàn thành",
        }[self]


class PeriodKind(StrEnum):
    """Reporting period lengths (Decree 09/2019 cut-off dates apply to each)."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    YEAR = "year"


class SectionKind(StrEnum):
    """A narrative part of a progress report the clerk writes (report-content.md), in the
    order a report prints them. A task's own result is TASK_RESULT, keyed by the task."""

    SITUATION = "situation"  # I. Đặc điểm tình hình
    TASK_RESULT = "task_result"  # kết quả thực hiện of one task
    SHORTCOMINGS = "shortcomings"  # Tồn tại, hạn chế
    CAUSES = "causes"  # Nguyên nhân
    NEXT_STEPS = "next_steps"  # Nhiệm vụ, giải pháp thời gian tới
    PROPOSALS = "proposals"  # Kiến nghị, đề xuất

    @property
    def label(self) -> str:
        return {
            "situation": "Đặc điểm tình hình",
            "task_result": "Kết quả thực hiện nhiệm vụ",
            "shortcomings": "Tồn tại, hạn chế",
            "causes": "Nguyên nhân",
            "next_steps": "Nhiệm vụ, giải pháp thời gian tới",
            "proposals": "Kiến nghị, đề xuất",
        }[self]
