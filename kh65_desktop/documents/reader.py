"""Finds a plan in a document's text: the walk over its paragraphs, keeping where it is
(section, group, "a) Chỉ tiêu" or "b) Nhiệm vụ"), handing each paragraph to the module that
reads its concept (docs/plan-file.md for what each item becomes, /work/shared/docs/
plan-language.md for the language read):

- paragraphs.py: the paragraphs walked and the markers that start a line;
- reading_state.py: what the reading keeps as it walks, shared by the parts below;
- plan_details.py: the document's details and its signer;
- plan_groups.py: groups with their lead and coordinating agencies, the agencies named;
- plan_indicators.py, indicator_sentences.py: indicators with targets, results and "trong đó"
  parts; results_section.py: a section stating results only; indicator_tables.py: tables;
- plan_tasks.py: tasks and deadlines, the closing part's duties;
- indicator_twins.py: one indicator named twice made one item.

Phrases (targets, results, deadlines) are read by phrases.py, agency lists by
agency_names.py. Each item keeps the verbatim text it came from; an indicator whose figures
are not all in its sentences is not emitted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from ..domain.periods import REPORTED_PARTS, derive
from ..domain.text import fold
from .agency_names import AgencyNames, AgencyRef
from .indicator_sentences import indicator_figures
from .indicator_tables import TablesReader
from .indicator_twins import merge_twins
from .items import FoundItem, ItemKind, ReadPlan
from .paragraphs import BULLET, LETTER, Para, paragraphs
from .phrases import MEASURE
from .plan_details import DATE_LINE, SIGN_AUTHORITY, SIGN_TITLE, DetailsReader
from .plan_groups import Group, GroupsReader
from .plan_indicators import IndicatorsReader
from .plan_tasks import TasksReader
from .results_section import ResultsSectionReader
from .text import DocumentText

__all__ = ["indicator_figures", "read_plan"]

SECTION = re.compile(r"^(?:PHẦN\s+)?(?P<n>[IVX]{1,5})\s*[.:]\s*(?P<h>\S.*)$")
ARTICLE = re.compile(r"^Điều\s+(?P<n>\d{1,2})\s*[.:]?\s*(?P<h>.*)$")
GROUP = re.compile(r"^(?P<n>\d{1,2})\s*[.)]\s+(?P<h>\S.*)$")
TOPIC = re.compile(
    (
        r"^(?P<h>Về (?:kinh tế|xã hội|văn hóa[^:]*|"
        r"môi trường|quốc phòng[^:]*|an ninh[^:]*)[^:]*?)\s*:?$"
    ),
    re.I,
)


def read_plan(
    document: DocumentText,
    known_agencies: Sequence[tuple[str, str]] = (),
    progress: Callable[[int, int], None] | None = None,
    ended_agencies: Mapping[str, date] | None = None,
) -> ReadPlan:
    """The plan found in a document, with the agencies the database knows (code, name) and
    the last day of those that ceased (code -> date)."""
    return _Reader(document, known_agencies, progress, ended_agencies).read()


class _Reader(
    DetailsReader,
    GroupsReader,
    IndicatorsReader,
    ResultsSectionReader,
    TablesReader,
    TasksReader,
):
    """One reading of one document: where the walk is and what it has found so far; each
    concept's reading is in its own module (the bases)."""

    def __init__(
        self,
        document: DocumentText,
        known: Sequence[tuple[str, str]],
        progress: Callable[[int, int], None] | None,
        ended: Mapping[str, date] | None = None,
    ) -> None:
        self.document = document
        self.names = AgencyNames(known, ended)
        self.known = dict(known)
        self.progress = progress
        self.paras = paragraphs(document)
        self.items: list[FoundItem] = []
        self.groups: list[Group] = []
        self.agency_mentions: dict[str, Para] = {}
        self.year = date.today().year
        self.owner: AgencyRef | None = None
        self.localities: dict[str, dict[str, Any]] = {}
        self.signed_at: int | None = None  # the paragraph the signature block starts at

    # ---- the walk -----------------------------------------------------------------------

    def read(self) -> ReadPlan:
        dated = next((i for i, p in enumerate(self.paras) if DATE_LINE.search(p.text)), 0)
        first_section = next(
            (
                i
                for i, p in enumerate(self.paras)
                if SECTION.match(p.plain)
                or ARTICLE.match(p.plain)
                or (i > dated and _group_heading(p.plain))
            ),
            len(self.paras),
        )
        details = self._details(first_section)
        self.names.on = details.fields.get("issued_on")  # the agencies of the plan's day
        self.items.append(details)
        section, section_heading = "", ""
        group: Group | None = None
        mode = ""  # "indicators" | "tasks" | ""
        lead_in: tuple[Para, int] | None = None  # a task lead-in and its bullet depth
        last_indicator: list[FoundItem] = []
        table: list[Para] = []
        total = len(self.paras)
        index = first_section
        while index < total:
            if self.progress and index % 50 == 0:
                self.progress(index, total)
            para = self.paras[index]
            text = para.plain
            index += 1
            if para.row:
                table.append(para)
                continue
            if table:
                self._table(table, group, last_indicator, section)
                table = []
            if SIGN_AUTHORITY.match(text) or SIGN_TITLE.match(text) or text.startswith("Nơi nhận"):
                # the signature: what follows is an appendix (or, in a bound volume, the
                # next plan), read on with nothing carried over
                if self.signed_at is None and not text.startswith("Nơi nhận"):
                    self.signed_at = index - 1
                group, mode, lead_in, section = None, "", None, ""
                continue
            if (m := SECTION.match(text)) or (m := ARTICLE.match(text)):
                section, section_heading = m.group("n"), m.group("h")
                group, mode, lead_in = None, "", None
                if "to chuc thuc hien" in fold(section_heading):
                    mode = "closing"
                if self._results_heading(section_heading):
                    group = self._group(section, section, section_heading, para, summary=True)
                    mode = "indicators"
                continue
            if re.match(r"^Trên đây\b", text):
                self._closing(para)
                continue
            listed = (mode == "indicators" and group is not None and group.topic) or (
                mode == "closing"
            )
            if (
                (m := GROUP.match(text))
                and not listed
                and not MEASURE.search(m.group("h"))
                and len(text) < 220
            ):
                key = f"{section}.{m.group('n')}" if section else m.group("n")
                group = self._group(key, section, m.group("h"), para)
                mode, lead_in = "", None
                continue
            if m := TOPIC.match(text):
                key = f"{section}.{len([g for g in self.groups if g.section == section]) + 1}"
                group = self._group(key, section, m.group("h"), para)
                group.topic = True
                mode = "indicators"
                continue
            if m := LETTER.match(text):
                heading = fold(m.group("h"))
                if "chi tieu" in heading:
                    mode = "indicators"
                elif "nhiem vu" in heading or "giai phap" in heading:
                    mode, lead_in = "tasks", None
                continue
            heading = fold(text).rstrip(": ")
            if heading in ("chi tieu", "chi tieu chu yeu", "cac chi tieu chu yeu"):
                mode = "indicators"
                continue
            if heading in ("nhiem vu", "giai phap", "nhiem vu, giai phap", "nhiem vu va giai phap"):
                mode, lead_in = "tasks", None
                continue
            if group is None and section and mode == "":
                continue
            if mode == "indicators" and group is not None:
                if text.startswith("("):
                    self._note(text, last_indicator)
                    continue
                found = self._indicators(para, group)
                if found:
                    last_indicator = found
                continue
            if mode == "closing":
                lead_in = self._closing_step(para, lead_in)
                continue
            if (
                mode == "tasks"
                and not BULLET.match(text)
                and re.search(r"\bvề\s+\S.*?để tổng hợp", text)
            ):
                self._closing(para)
                continue
            if mode == "tasks" and group is not None:
                lead_in = self._task(para, group, lead_in)
        if table:
            self._table(table, group, last_indicator, section)
        self._signature()
        merge_twins(self.items)
        self._agency_items()
        if self.progress:
            self.progress(total, total)
        ordered = sorted(self.items, key=lambda i: (i.kind is not ItemKind.DETAILS, i.span[0]))
        return ReadPlan(
            self.document,
            ordered,
            periods=self._periods(),
            localities=list(self.localities.values()),
            agency_sets=dict(self.names.sets),
        )

    @staticmethod
    def _results_heading(heading: str) -> bool:
        """A section heading that announces results already reached ("Một số chỉ tiêu đạt
        trên 50% kế hoạch trong 6 tháng đầu năm"): its bullets are indicators of no group."""
        folded = fold(heading)
        return "chi tieu" in folded and " dat " in f" {folded} " and "chua dat" not in folded

    # ---- periods --------------------------------------------------------------------------

    def _periods(self) -> list[dict[str, Any]]:
        used: set[str] = set()
        for item in self.items:
            if item.kind is ItemKind.INDICATOR:
                for entry in item.fields.get("values", []) + item.fields.get("stated", []):
                    used.add(entry.get("period", ""))
                if "breakdown" in item.fields:
                    used.add(item.fields["breakdown"]["period"])
        drafts = [
            derive(kind, self.year, part)
            for kind, parts in REPORTED_PARTS.items()
            for part in range(1, parts + 1)
        ]
        if used:
            drafts = [d for d in drafts if d.code in used] or drafts
        return [
            {
                "code": d.code,
                "name": d.name,
                "kind": d.kind.value,
                "starts_on": d.starts_on,
                "ends_on": d.ends_on,
                "cutoff_on": d.cutoff_on,
            }
            for d in drafts
        ]


def _group_heading(text: str) -> bool:
    """A numbered line naming a group ("1. Sở Công Thương"), not a numbered indicator."""
    m = GROUP.match(text)
    return bool(m) and not MEASURE.search(m.group("h")) and len(text) < 220
