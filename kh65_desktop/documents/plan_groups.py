"""Sections' groups with their lead and coordinating agencies, and the agencies the plan names
(each kept with the paragraph it is first named in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agency_names import AgencyRef
from .items import FoundItem, ItemKind
from .paragraphs import Para
from .phrases import plain
from .reading_state import ReadingState


@dataclass
class Group:
    """A group of a section: its heading, agencies, and what was found under it."""

    key: str
    section: str
    heading: str
    para: Para
    lead: list[AgencyRef] = field(default_factory=list)
    coordinating: list[AgencyRef] = field(default_factory=list)
    summary: bool = False  # a section stating results only (plan 65's part I)
    topic: bool = False  # "Về kinh tế": its numbered lines are indicators, not groups
    indicators: list[FoundItem] = field(default_factory=list)
    tasks: int = 0


class GroupsReader(ReadingState):
    """The reader's part that makes groups and agency items (its state: reading_state.py)."""

    def _group(
        self,
        key: str,
        section: str,
        heading: str,
        para: Para,
        summary: bool = False,
        agencies: str | None = None,
    ) -> Group:
        heading = plain(heading)
        shown = heading[0] + heading[1:].lower() if heading.isupper() else heading
        taken = {g.key for g in self.groups}
        if key in taken:  # a numbering that starts again (an appendix, a second part)
            key = next(f"{key}-{n}" for n in range(2, len(taken) + 3) if f"{key}-{n}" not in taken)
        group = Group(key, section, shown, para, summary=summary)
        if not summary:
            said = heading if agencies is None else agencies
            leads_said, _, partners = said.partition(" chủ trì")
            for ref in self.names.names_in(
                re.sub(r"^,?\s*phối hợp(?: với)?\s*", "", partners, flags=re.I)
            ):
                self._mention(ref, para)
                group.coordinating.append(ref)
            for ref in self.names.names_in(leads_said):
                self._mention(ref, para)
                if ref.is_set or ref.collective:
                    group.coordinating.append(ref)
                else:
                    group.lead.append(ref)
            if not group.lead and group.coordinating:
                group.lead, group.coordinating = group.coordinating[:1], group.coordinating[1:]
        reasons: list[str] = []
        if not group.lead and not summary:
            reasons.append("không tìm thấy cơ quan chủ trì")
        if any(not r.known for r in group.lead + group.coordinating):
            reasons.append("có cơ quan mới, chưa có trong danh sách")
        self.groups.append(group)
        self.items.append(
            FoundItem(
                key,
                ItemKind.GROUP,
                None,
                f"{key}. {shown}",
                {
                    "code": key,
                    "section": section,
                    "heading": shown,
                    "lead": [r.code for r in group.lead],
                    "coordinating": [r.code for r in group.coordinating],
                },
                self.document.text[para.start : para.end],
                (para.start, para.end),
                0.6 if reasons else 1.0,
                reasons,
            )
        )
        return group

    def _group_item(self, group: Group) -> FoundItem:
        return next(i for i in self.items if i.kind is ItemKind.GROUP and i.key == group.key)

    def _mention(self, ref: AgencyRef, para: Para) -> None:
        if ref.code and ref.code not in self.agency_mentions:
            self.agency_mentions[ref.code] = para

    def _agency_items(self) -> None:
        codes: list[str] = []
        for code in self.agency_mentions:
            members = self.names.sets.get(code)
            for member in members if members is not None else [code]:
                if member not in codes:
                    codes.append(member)
        proposed = {c: n for c, n in self.names.proposed.values()}
        for code in codes:
            para = self.agency_mentions.get(code) or next(
                self.agency_mentions[s]
                for s, m in self.names.sets.items()
                if code in m and s in self.agency_mentions
            )
            if code in proposed:
                name, reasons, confidence = (
                    proposed[code],
                    ["cơ quan mới, chưa có trong danh sách"],
                    0.5,
                )
            else:
                name, reasons, confidence = self.known.get(code, code), [], 1.0
            district = re.match(
                r"(?:ủy|uỷ) ban nhân dân (?:huyện|thị xã|thành phố|xã|phường)\b", name, re.I
            )
            self.items.append(
                FoundItem(
                    code,
                    ItemKind.AGENCY,
                    None,
                    name,
                    {"code": code, "name": name, "kind": "district" if district else "provincial"},
                    self.document.text[para.start : para.end],
                    (para.start, para.end),
                    confidence,
                    reasons,
                )
            )
