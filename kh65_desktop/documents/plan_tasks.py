"""Tasks under each group with their agencies and deadlines, and the duties of the closing part
("Tổ chức thực hiện", "Trên đây là Kế hoạch …, yêu cầu …").
"""

from __future__ import annotations

import re
from typing import Any

from . import phrases
from .agency_names import VERBS, AgencyRef
from .items import FoundItem, ItemKind
from .paragraphs import BULLET, NUMBERED, Para, bullet_depth
from .plan_groups import Group
from .reading_state import ReadingState


class TasksReader(ReadingState):
    """The reader's part that reads tasks and closing duties (its state: reading_state.py)."""

    def _task(
        self, para: Para, group: Group, lead_in: tuple[Para, int] | None
    ) -> tuple[Para, int] | None:
        marker = BULLET.match(para.plain)
        depth = bullet_depth(marker.group("m")) if marker else 0
        text = BULLET.sub("", para.plain).strip()
        if not text:
            return lead_in
        if lead_in is not None and depth <= lead_in[1]:
            lead_in = None
        if text.endswith(":"):
            return (para, depth)
        if lead_in is not None:
            self._task_item(text, para, group, lead_in[0])
            return lead_in
        self._task_item(text, para, group, None)
        return None

    def _task_item(self, text: str, para: Para, group: Group | None, lead_in: Para | None) -> None:
        source = BULLET.sub("", lead_in.plain).strip() if lead_in else text
        leads, _ = self.names.leading(source)
        coordinating: list[AgencyRef] = []
        join = re.search(
            r"phối hợp(?: cùng)?(?: với)?\s+"
            r"(?=các |Sở|Cục|Ban|Bảo|Ủy|UBND|Đài|Báo|Cơ quan|Thủ trưởng|Chủ tịch)"
            rf"(.+?)(?:(?<!Sở)(?<!Ban)(?<!Cục):|\.(?:\s|$)|\s+(?:{VERBS})\b|$)",
            source,
        )
        if join:
            coordinating = self.names.names_in(join.group(1))
        reasons: list[str] = []
        if leads:
            for ref in leads + coordinating:
                if lead_in:
                    self._mention(ref, lead_in)
                else:
                    self._mention(ref, para)
        elif group is not None:
            leads = list(group.lead)
            coordinating = coordinating or list(group.coordinating)
        if not leads:
            reasons.append("không tìm thấy cơ quan chủ trì")
        for ref in coordinating:
            self._mention(ref, para)
        if any(not r.known for r in leads + coordinating):
            reasons.append("có cơ quan mới, chưa có trong danh sách")
        lead_codes = [r.code for r in leads]
        fields: dict[str, Any] = {
            "lead": lead_codes,
            "coordinating": [r.code for r in coordinating if r.code not in lead_codes],
            "text": text,
        }
        if lead_in is not None:
            fields["lead_in"] = BULLET.sub("", lead_in.plain).strip()
        due = phrases.deadline(text, self.year)
        if due is not None:
            if due.on is not None:
                fields["deadline"] = due.on
            fields["deadline_text"] = due.text
        if group is not None:
            group.tasks += 1
            key = f"{group.key}#t{group.tasks}"
        else:
            loose = [i for i in self.items if i.kind is ItemKind.TASK and i.group_key is None]
            key = f"#t{len(loose) + 1}"
        short = text if len(text) <= 90 else text[:88] + "…"
        self.items.append(
            FoundItem(
                key,
                ItemKind.TASK,
                group.key if group else None,
                short,
                fields,
                self.document.text[para.start : para.end],
                (para.start, para.end),
                max(0.1, 1.0 - 0.3 * len(reasons)),
                reasons,
            )
        )

    def _closing_step(
        self, para: Para, lead_in: tuple[Para, int] | None
    ) -> tuple[Para, int] | None:
        """A paragraph of a "Tổ chức thực hiện" part: a lead-in ("1. Giao Ủy ban nhân dân
        tỉnh:"), an item under it, or a duty of its own."""
        marker = BULLET.match(para.plain) or NUMBERED.match(para.plain)
        depth = (bullet_depth(marker.group(0)) if BULLET.match(para.plain) else 0) if marker else -1
        text = NUMBERED.sub("", BULLET.sub("", para.plain)).strip()
        if text.endswith(":"):
            return (para, depth)
        if lead_in is not None and depth > lead_in[1]:
            self._task_item(text, para, None, lead_in[0])
            return lead_in
        self._closing(para)
        return None

    def _closing(self, para: Para) -> None:
        """ "Trên đây là Kế hoạch …, yêu cầu <cơ quan> <việc> … gửi về <cơ quan> … để tổng hợp":
        a task for every agency, and the agency that consolidates the plan."""
        text = para.plain
        asked = re.search(r"\byêu cầu\s+(.+?\.)(?:\s|$)", text)
        sent = re.search(
            r"(?:gửi|báo cáo[^.;]*?) về\s+(.+?)\s+(?:từ nay|trước|để tổng hợp|chậm nhất|trong)",
            text,
        )
        if sent:
            refs = self.names.names_in(sent.group(1))
            if refs:
                self.owner = refs[0]
                self._mention(refs[0], para)
        if asked:
            task = asked.group(1)
            self._task_item(task[0].upper() + task[1:], para, None, None)
        elif not re.match(r"Trên đây\b", text) and (sent or phrases.deadline(text, self.year)):
            self._task_item(NUMBERED.sub("", BULLET.sub("", text)).strip(), para, None, None)
