"""Finds a plan in a document's text: its details, sections and groups with their agencies,
indicators with targets and stated results, tasks with deadlines (docs/plan-file.md for what
each becomes, /work/shared/docs/plan-language.md for the language read).

The reader walks the paragraphs once, keeping where it is (section, group, "a) Chỉ tiêu" or
"b) Nhiệm vụ"), and hands each sentence to the phrase readers (phrases.py) and agency lists
to agency_names.py. Each item keeps the verbatim text it came from; an indicator whose
figures are not all in its sentences is not emitted.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain.periods import REPORTED_PARTS, derive
from ..domain.terms import TargetForm
from ..domain.text import fold
from . import phrases
from .agency_names import VERBS, AgencyNames, AgencyRef, expand
from .items import FoundItem, ItemKind, ReadPlan
from .phrases import MEASURE, figure_in, plain
from .text import DocumentText

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
LETTER = re.compile(r"^(?P<l>[a-zđ])\)\s*(?P<h>.*)$")
NUMBERED = re.compile(r"^\d{1,2}\s*[.)]\s+")
BULLET = re.compile(r"^(?P<m>(?:[-–•+]\s*)+)")
FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")
DOC_TYPES = ("KẾ HOẠCH", "NGHỊ QUYẾT", "QUYẾT ĐỊNH", "CHỈ THỊ", "CHƯƠNG TRÌNH", "CÔNG VĂN")
NUMBER_LINE = re.compile(r"Số\s*:\s*(?P<n>\d+[^\s,;]*/[^\s,;\t]+)")
DATE_LINE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][^\t,\n]{1,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
ISSUER = re.compile(
    r"(?P<body>(?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)(?:\s+(?P<where>(?:TỈNH|"
    r"THÀNH PHỐ)\s+[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]+?))?(?=\t|"
    r"\n|$|\s{2,}|\s+CỘNG)"
)
SIGN_TITLE = re.compile(r"^(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BỘ TRƯỞNG)$")
SIGN_AUTHORITY = re.compile(r"^(?:TM|KT|Q|TL|TUQ)\.\s*\S")
PERIOD_CLAUSE = re.compile(
    r"quý (?:I|II|III|IV)\b|\b0?\d tháng\b|tháng đầu năm|tháng cuối năm"
    r"|đến \d{1,2}/\d{1,2}/\d{4}|còn lại|cùng kỳ",
    re.I,
)


@dataclass
class Para:
    """A paragraph of the document (blocks cut by a page break joined back)."""

    text: str  # the blocks' texts joined by a space, as a reader sees it
    start: int
    end: int
    row: tuple[str, ...] = ()  # a table row's cells

    @property
    def plain(self) -> str:
        return plain(self.text)


def paragraphs(document: DocumentText) -> list[Para]:
    """The document's paragraphs: a block starting in lower case continues the paragraph
    a page break cut (a footnote between them is skipped)."""
    paras: list[Para] = []
    for block in document.blocks:
        text = block.text.strip()
        if not text:
            continue
        end = block.start + len(block.text)
        cells = tuple(block.cells) or (tuple(block.text.split("\t")) if "\t" in block.text else ())
        if cells:
            paras.append(Para(text, block.start, end, tuple(c.strip() for c in cells)))
            continue
        if FOOTNOTE.match(text):
            continue
        previous = next((p for p in reversed(paras)), None)
        if (
            previous is not None
            and not previous.row
            and text[0].islower()
            and not LETTER.match(text)
            and not re.search(r"[.:;!?]\**$", previous.text)
        ):
            previous.text = f"{previous.text} {text}"
            previous.end = end
            continue
        paras.append(Para(text, block.start, end))
    return paras


@dataclass
class Group:
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


def read_plan(
    document: DocumentText,
    known_agencies: Sequence[tuple[str, str]] = (),
    progress: Callable[[int, int], None] | None = None,
) -> ReadPlan:
    return _Reader(document, known_agencies, progress).read()


class _Reader:
    def __init__(
        self,
        document: DocumentText,
        known: Sequence[tuple[str, str]],
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.document = document
        self.names = AgencyNames(known)
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
        self._merge_summary()
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

    # ---- details --------------------------------------------------------------------------

    def _details(self, until: int) -> FoundItem:
        head = self.paras[: max(until, 1)]
        reasons: list[str] = []
        fields: dict[str, Any] = {}
        spans: list[tuple[int, int]] = []
        head_text = "\n".join(p.text for p in head)
        number = NUMBER_LINE.search(head_text)
        when = DATE_LINE.search(head_text)
        if number:
            fields["number"] = number.group("n")
        else:
            reasons.append("không tìm thấy số, ký hiệu văn bản")
        issued: date | None = None
        if when:
            fields["place"] = when.group("place").strip()
            try:
                issued = date(int(when.group("y")), int(when.group("m")), int(when.group("d")))
            except ValueError:
                issued = None
        if issued is None:
            reasons.append("không tìm thấy ngày ban hành")
        doc_type, title = "", ""
        for i, para in enumerate(head):
            cleaned = plain(para.text).upper()
            if cleaned in DOC_TYPES:
                doc_type = plain(para.text).capitalize()
                rest = [p for p in head[i + 1 :] if not DATE_LINE.search(p.text)]
                if rest:
                    title = plain(rest[0].text)
                    spans.append((rest[0].start, rest[0].end))
                spans.append((para.start, para.end))
                break
        for para in head:
            if number and number.group(0) in para.text or when and when.group(0) in para.text:
                spans.append((para.start, para.end))
        years = [int(y) for y in re.findall(r"năm ((?:19|20)\d{2})", title)]
        self.year = years[-1] if years else (issued.year if issued else self.year)
        if issued and not years:
            reasons.append("năm kế hoạch lấy theo năm ban hành")
        issuer = ISSUER.search(head_text)
        place = fields.get("place", "")
        if issuer:
            body = issuer.group("body").capitalize().replace("Uỷ", "Ủy")
            where = issuer.group("where") or ""
            if not where:
                follow = re.search(
                    r"(?:TỈNH|THÀNH PHỐ)\s+[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]+", head_text[issuer.end() :]
                )
                where = follow.group(0) if follow else ""
            where = where.strip().title().replace("Tỉnh", "tỉnh").replace("Thành Phố", "thành phố")
            fields["issuing_body"] = f"{body} {where}".strip()
        elif number and place:
            symbol = number.group("n").split("/", 1)[1]
            body = "Hội đồng nhân dân" if "HĐND" in symbol else "Ủy ban nhân dân"
            fields["issuing_body"] = f"{body} tỉnh {place}"
            reasons.append("cơ quan ban hành suy ra từ số hiệu và địa danh")
        else:
            reasons.append("không tìm thấy cơ quan ban hành")
        plan: dict[str, Any] = {
            "code": f"{fields.get('number', 'KH')}/{self.year}",
            "number": fields.get("number", ""),
            "document_type": doc_type or "Kế hoạch",
            "issued_on": issued or date(self.year, 1, 1),
            "place": place,
            "issuing_body": fields.get("issuing_body", ""),
            "title": title,
            "year": self.year,
            "starts_on": date(self.year, 1, 1),
            "ends_on": date(self.year, 12, 31),
            "signer_authority": "",
            "signer_title": "",
            "signer_name": "",
        }
        if not doc_type:
            reasons.append("không rõ loại văn bản")
        if not title:
            reasons.append("không tìm thấy trích yếu")
        start = min((s for s, _ in spans), default=head[0].start if head else 0)
        end = max((e for _, e in spans), default=head[0].end if head else 0)
        quote = self.document.text[start:end]
        return FoundItem(
            "details",
            ItemKind.DETAILS,
            None,
            f"{plan['document_type']} số {plan['number']} — {title}",
            plan,
            quote,
            (start, end),
            max(0.2, 1 - 0.2 * len(reasons)),
            reasons,
        )

    def _signature(self) -> None:
        details = self.items[0]
        at_para = self.signed_at
        tail = self.paras[at_para : at_para + 8] if at_para is not None else self.paras[-12:]
        lines: list[tuple[str, Para]] = []
        for para in tail:
            for piece in re.split(r"\n", para.text):
                if piece.strip():
                    lines.append((plain(piece), para))
        at = next(
            (i for i, (t, _) in enumerate(lines) if SIGN_AUTHORITY.match(t) or SIGN_TITLE.match(t)),
            None,
        )
        if at is None:
            details.reasons.append("không tìm thấy người ký")
            details.confidence = max(0.2, details.confidence - 0.2)
            return
        authority = [lines[at][0]]
        rest = lines[at + 1 :]
        if SIGN_TITLE.match(authority[0]):  # "CHỦ TỊCH" with no "TM." line above it
            authority, rest = [], lines[at:]
        while rest and SIGN_AUTHORITY.match(rest[0][0]):
            authority.append(rest[0][0])
            rest = rest[1:]
        title = ""
        if rest and rest[0][0].isupper():
            title, rest = rest[0][0], rest[1:]
        name = next(
            (
                t
                for t, _ in rest
                if not t.startswith("Nơi nhận")
                and 1 < len(t.split()) <= 6
                and t[0].isupper()
                and not t.isupper()
            ),
            "",
        )
        fields = details.fields
        fields["signer_authority"] = " ".join(authority)
        fields["signer_title"] = title
        fields["signer_name"] = name
        if not name:
            details.reasons.append("không tìm thấy tên người ký")
            details.confidence = max(0.2, details.confidence - 0.2)
        if self.owner is not None and self.owner.code and not self.owner.is_set:
            fields["owner_code"] = self.owner.code

    # ---- groups and agencies --------------------------------------------------------------

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

    # ---- indicators -----------------------------------------------------------------------

    def _indicators(self, para: Para, group: Group) -> list[FoundItem]:
        text = NUMBERED.sub("", BULLET.sub("", para.plain)).strip()
        specs = (
            self._summary_specs(text, group) if group.summary else self._group_specs(text, group)
        )
        found: list[FoundItem] = []
        parent_code: str | None = None
        for spec in specs:
            if spec.pop("_child", False):
                if parent_code is None:
                    continue
                spec["parent"] = parent_code
            item = self._indicator_item(spec, para, group)
            if item is None:
                continue
            if "parent" not in item.fields:
                parent_code = item.fields["code"]
            found.append(item)
        return found

    def _next_code(self, group: Group, parent: str | None = None) -> str:
        if parent:
            siblings = [i for i in group.indicators if i.fields.get("parent") == parent]
            return f"{parent}.{len(siblings) + 1}"
        tops = [i for i in group.indicators if "parent" not in i.fields]
        return f"{group.key}.{len(tops) + 1}"

    def _indicator_item(self, spec: dict[str, Any], para: Para, group: Group) -> FoundItem | None:
        reasons: list[str] = spec.pop("_reasons", [])
        code = self._next_code(group, spec.get("parent"))
        fields: dict[str, Any] = {"code": code}
        if spec.get("parent"):
            fields["parent"] = spec["parent"]
        fields["name"] = spec["name"]
        if spec.get("parent"):
            parent = next(i for i in group.indicators if i.fields["code"] == spec["parent"])
            fields["name"] = _child_name(spec["name"], parent.fields["name"])
        fields["unit"] = spec.get("unit", "")
        per = re.search(r"/(vạn dân|nghìn dân|\w+ dân|người|hộ)\b", fields["name"])
        if per and fields["unit"] and "/" not in fields["unit"] and fields["unit"] != "%":
            fields["unit"] = f"{fields['unit']}/{per.group(1)}"  # "Số bác sĩ/vạn dân … 9 bác sĩ"
        target: phrases.Target | None = spec.get("target")
        form = target.form if target else TargetForm.VALUE
        kind = spec.get("kind") or _kind(fields["name"], fields["unit"], form)
        fields["kind"] = kind
        if (target and target.form is TargetForm.CEILING) or (
            target and target.form is TargetForm.CHANGE and (target.value or "").startswith("-")
        ):
            fields["direction"] = "lower"
        t: dict[str, Any] = {"form": form.value}
        if target is not None:
            if target.value is not None:
                t["value"] = target.value
            if target.share is not None:
                t["share"] = target.share
            if target.strict:
                t["strict"] = True
            t["text"] = target.text
            reasons += target.reasons
        else:
            t["text"] = ""
            reasons.append("không tìm thấy chỉ tiêu năm")
        fields["target"] = t
        for key in ("baseline", "same_period", "values", "stated", "note"):
            if spec.get(key):
                fields[key] = spec[key]
        quote = self.document.text[para.start : para.end]
        fields["quotes"] = [plain(quote)]
        if not fields["unit"] and kind != "qualitative":
            reasons.append("đơn vị không rõ")
        if not group.lead and not group.summary:
            reasons.append("không tìm thấy cơ quan chủ trì")
        problems = [
            f for f in indicator_figures(fields) if not figure_in(f, " ".join(fields["quotes"]))
        ]
        if problems:  # nothing invented: a figure must be printed in its sentence
            return None
        confidence = max(0.1, 1.0 - 0.25 * len(reasons))
        value = t.get("value") or (f"{t['share']}% kế hoạch" if "share" in t else t["text"])
        unit = fields["unit"] if t.get("value") else ""
        title = f"{fields['name']} — {value}{unit if unit in ('', '%') else ' ' + unit}"
        item = FoundItem(
            code,
            ItemKind.INDICATOR,
            group.key,
            title,
            fields,
            quote,
            (para.start, para.end),
            confidence,
            reasons,
        )
        item.fields.setdefault("_summary", group.summary)
        group.indicators.append(item)
        self.items.append(item)
        return item

    def _group_specs(self, text: str, group: Group) -> list[dict[str, Any]]:
        text = text.rstrip(" ;.")
        head, tail = _reordered(text) or _split_head(text)
        parts = re.split(r"[,;]?\s*\btrong đó\b,?\s*", head, flags=re.I)
        specs: list[dict[str, Any]] = []
        for index, part in enumerate(parts):
            spec = _head_spec(part.strip(" ,;"), child=index > 0)
            if spec is None and index == 0 and tail:
                # "Giải ngân vốn …: Vốn đầu tư từ 95% trở lên; …: Kế hoạch vốn … phân bổ …"
                first = _clauses(tail)[0]
                shared = phrases.target(first, part)
                if shared is not None and shared.share:
                    spec = {"name": _capital(part), "unit": "", "target": shared, "_child": False}
                    spec["target"].text = first
                    tail = tail[len(first) :].lstrip(" ;:")
                    tail = re.sub(r"^[^:;]*:\s*", "", tail) if ":" in tail.split(";")[0] else tail
            if spec is None:
                if index == 0:
                    return []
                continue
            specs.append(spec)
        if not specs:
            return []
        self._apply_tail(specs, tail, group)
        return specs

    def _apply_tail(self, specs: list[dict[str, Any]], tail: str, group: Group) -> None:
        main = specs[0]
        children = [s for s in specs[1:]]
        for clause in _clauses(tail):
            folded = clause.casefold()
            if main["target"] is not None and main["target"].form is TargetForm.MILESTONE:
                if re.match(r"hoàn thành\b", folded) and not PERIOD_CLAUSE.search(clause):
                    main["target"].text = clause[0].upper() + clause[1:]
                    continue
                if re.search(r"tháng đầu năm", folded):
                    said = re.sub(r"^.*?tháng đầu năm\s*", "", clause)
                    main.setdefault("values", []).append(
                        {"period": self._period("H1"), "text": said[0].upper() + said[1:]}
                    )
                continue
            amount = phrases.PLAN_AMOUNT.search(clause)
            if amount and main["target"] is not None and main["target"].share:
                main["target"].value = amount.group("n")
                main["unit"] = main.get("unit") or amount.group("u") or ""
                continue
            share = re.search(
                (
                    rf"(?:đạt\s+)?(trên|từ)\s+({phrases.NUMBER})\s*%\s*(trở lên\s*)?(?:kế hoạch|"
                    rf"nguồn vốn)"
                ),
                clause,
            )
            if share and not PERCENT_OF_PLAN_PERIOD.search(clause) and main["target"] is not None:
                main["target"].share = share.group(2)
                main["target"].strict = share.group(1) == "trên" and not share.group(3)
                main["target"].text = f"{main['target'].text}; {clause}".strip("; ")
                continue
            rest = bool(phrases.REST_OF_YEAR.search(clause))
            pieces = re.split(r"[,;]?\s*\btrong đó\b,?\s*", clause, flags=re.I)
            named = _named_part(clause, children) if len(pieces) == 1 else None
            for position, piece in enumerate(pieces):
                spec = (
                    (named or main)
                    if position == 0
                    else (children[position - 1] if position - 1 < len(children) else None)
                )
                if spec is None:
                    continue
                self._apply_result(spec, piece, rest, group, whole=clause)

    def _apply_result(
        self, spec: dict[str, Any], piece: str, rest: bool, group: Group, whole: str
    ) -> None:
        found = phrases.result(piece)
        if rest and found.value and not found.remaining:
            found.remaining, found.value = found.value, None
        if found.same_period:
            spec["same_period"] = {"value": found.same_period, "label": "cùng kỳ"}
        stated = spec.setdefault("stated", [])
        said_period = phrases.period_of(whole, self.year)
        period = said_period or self._period("H1")
        if found.percent_of_plan:
            stated.append(
                {
                    "kind": "percent_of_plan",
                    "period": period,
                    "value": found.percent_of_plan,
                    "source": group.key,
                }
            )
        if found.remaining:
            stated.append(
                {
                    "kind": "remaining",
                    "period": period,
                    "value": found.remaining,
                    "source": group.key,
                }
            )
        if found.value and (said_period or found.as_of):
            target = spec.get("target")
            falling = target is not None and (target.value or "").startswith("-")
            if falling and re.search(rf"giảm\s+{re.escape(found.value)}", piece):
                found.value = f"-{found.value}"  # a decrease so far, as the target's change
            value: dict[str, Any] = {"period": period, "value": found.value}
            if found.estimate:
                value["estimate"] = True
            if found.as_of:
                value["as_of"] = found.as_of
            spec.setdefault("values", []).append(value)
            if not spec.get("unit") and found.unit:
                spec["unit"] = found.unit
            elif (
                found.unit
                and found.unit != spec.get("unit")
                and found.unit.startswith(spec.get("unit") or "\0")
            ):
                spec["unit"] = found.unit  # "29,39 giường" then "28,40 giường/vạn dân"
            base = phrases.baseline(piece, found.value, spec.get("unit", ""))
            if base and "baseline" not in spec:
                spec["baseline"] = {
                    "value": base.value,
                    "label": base.label,
                    "derived": base.derived,
                }
        elif found.unit and not spec.get("unit"):
            spec["unit"] = found.unit
        if not stated:
            spec.pop("stated")

    def _summary_specs(self, text: str, group: Group) -> list[dict[str, Any]]:
        """Bullets of a results section: "Thu nội địa 3.300 tỷ đồng, đạt 53,05% dự toán",
        "98% cơ quan, đơn vị; 90% xã … đạt chuẩn …", "… đều đạt và vượt kế hoạch"."""
        text = text.rstrip(" ;.")
        if text.endswith(":") or not text:
            return []
        if re.search(r"đều đạt và vượt kế hoạch$", text):
            names = re.split(
                r"[,;]\s+(?=tỷ lệ\b)", re.sub(r"\s*đều đạt và vượt kế hoạch$", "", text), flags=re.I
            )
            return [
                {
                    "name": _capital(n.strip()),
                    "unit": "%" if n.casefold().startswith("tỷ lệ") else "",
                    "target": phrases.Target(TargetForm.VALUE),
                    "values": [
                        {
                            "period": self._period("H1"),
                            "text": "Đạt và vượt kế hoạch",
                            "achieved": True,
                        }
                    ],
                    "_reasons": ["không tìm thấy chỉ tiêu năm"],
                }
                for n in names
            ]
        clauses = [c.strip() for c in re.split(r";\s+|\)\s+và\s+(?=\S)", text) if c.strip()]
        specs: list[dict[str, Any]] = []
        previous_name = ""
        for index, clause in enumerate(clauses):
            if clause.count("(") > clause.count(")"):
                clause += ")"
            lowered = clause.casefold()
            if re.match(r"(giữ vững|duy trì)\b", lowered) and not MEASURE.search(clause):
                specs.append(
                    {
                        "name": clause,
                        "unit": "",
                        "kind": "qualitative",
                        "target": phrases.Target(TargetForm.KEEP, text=clause),
                    }
                )
                continue
            lead = MEASURE.match(clause)
            if lead is not None:  # "98% cơ quan, đơn vị": the figure first
                rest = clause[lead.end() :].strip()
                if not re.search(r"\b(đạt|vững|được)\b", rest):
                    later = next((c for c in clauses[index + 1 :] if re.search(r"\sđạt\s", c)), "")
                    predicate = later[later.find(" đạt ") :] if later else ""
                    rest = f"{rest}{predicate}"
                figure, unit = lead.group("n"), lead.group("u") or ""
                name = f"Tỷ lệ {rest}" if unit == "%" else rest
                specs.append(
                    {
                        "name": _capital(name),
                        "unit": unit,
                        "target": phrases.Target(
                            TargetForm.VALUE, figure, unit=unit, text=f"{figure}{unit}"
                        ),
                        "values": [
                            {"period": self._period("H1"), "value": figure, "achieved": True}
                        ],
                        "_reasons": ["một con số vừa là chỉ tiêu vừa là kết quả"],
                    }
                )
                continue
            measure = MEASURE.search(clause)
            count = re.search(rf"(?<![\d.,])(\d+)/\d+\s*(?P<u>{phrases.UNIT_WORDS})(?!\w)", clause)
            if count is not None and (measure is None or count.start() < measure.start()):
                measure = re.compile(rf"(?P<n>\d+)/\d+\s*(?P<u>{phrases.UNIT_WORDS})").search(
                    clause, count.start()
                )
            if measure is None:
                continue
            name = clause[: measure.start()].strip()
            name = re.sub(r"\s+(?:là|đạt|chiếm|đạt được)$", "", name)
            growth = re.search(r"\s+(tăng|giảm)$", name)
            if growth:
                subject = name[: growth.start()]
                name = f"Tốc độ {growth.group(1)} {subject[0].lower()}{subject[1:]}"
            if name and name[0].islower() and previous_name:
                name = _shared_prefix(previous_name) + name
            name = _capital(name)
            previous_name = name
            figure, unit = measure.group("n"), measure.group("u") or ""
            # a "85/85 xã" says how many of how many: the count reached
            spec: dict[str, Any] = {"name": name, "unit": unit}
            spec["values"] = [{"period": self._period("H1"), "value": figure}]
            target_said = re.search(
                rf"chỉ tiêu(?: năm)?(?: (?:19|20)\d{{2}})? là ({phrases.NUMBER})\s*%?", clause
            )
            spec["target"] = (
                phrases.Target(
                    TargetForm.VALUE,
                    target_said.group(1),
                    unit=unit,
                    text=f"{target_said.group(1)}{unit}",
                )
                if target_said
                else None
            )
            after = clause[measure.end() :]
            result = phrases.result(after)
            if result.same_period:
                spec["same_period"] = {"value": result.same_period, "label": "cùng kỳ"}
            if not result.percent_of_plan and (
                whole_plan := re.match(rf",?\s*đạt\s+({phrases.NUMBER})\s*%\s*$", after)
            ):
                result.percent_of_plan = whole_plan.group(1)  # "85/85 xã, đạt 100%"
            if result.percent_of_plan:
                spec["stated"] = [
                    {
                        "kind": "percent_of_plan",
                        "period": self._period("H1"),
                        "value": result.percent_of_plan,
                        "source": group.key,
                    }
                ]
                if result.percent_of_plan.rstrip("0").rstrip(",") == "100":
                    spec["values"][0]["achieved"] = True
            specs.append(spec)
        return specs

    def _note(self, text: str, last: list[FoundItem]) -> None:
        """ "(Số liệu … tính đến ngày 14/6/2024)": the as-of date of the figures above."""
        when = re.search(r"tính đến(?: ngày)? (\d{1,2}/\d{1,2}/\d{4})", text)
        if not when or not last:
            return
        day, month, year = (int(p) for p in when.group(1).split("/"))
        as_of = date(year, month, day)
        for item in last:
            for value in item.fields.get("values", []):
                value.setdefault("as_of", as_of)
            if "breakdown" in item.fields:
                item.fields["breakdown"].update(as_of=as_of, note=text)

    def _table(
        self, rows: list[Para], group: Group | None, last: list[FoundItem], section: str
    ) -> None:
        """A table of indicators (an appendix's rows: chỉ tiêu, đơn vị, kế hoạch, cơ quan chủ
        trì), or of figures by locality under the indicator just read (its breakdown)."""
        if _indicator_columns(rows[0].row):
            self._indicator_table(rows, section)
            return
        if not last or group is None:
            return
        header = rows[0].row
        columns = {_column(c): i for i, c in enumerate(header) if _column(c)}
        if "target" not in columns or "name" not in columns:
            return
        item = last[0]
        breakdown: dict[str, Any] = {
            "period": self._period("H1"),
            "source": f"{group.key} bảng",
            "rows": [],
        }
        for para in rows[1:]:
            cells = para.row
            name = cells[columns["name"]] if columns["name"] < len(cells) else ""
            figures = {
                key: phrases.as_vietnamese(cells[i])
                for key, i in columns.items()
                if key != "name" and i < len(cells) and re.fullmatch(phrases.NUMBER, cells[i])
            }
            if not figures:
                continue
            if not name or re.match(r"tổng", fold(" ".join(cells[:2]))):
                breakdown["total"] = figures
                continue
            breakdown["rows"].append({"locality": self._locality(name), **figures})
        if breakdown["rows"]:
            item.fields["breakdown"] = breakdown
            end = rows[-1].end
            item.span = (item.span[0], end)
            item.quote = self.document.text[item.span[0] : end]

    def _indicator_table(self, rows: list[Para], section: str) -> None:
        """Each numbered row an indicator; a row with a heading only ("I", "Về kinh tế")
        starts a group; rows led by another agency make a group of their own (a plan file
        names the lead per group)."""
        columns = _indicator_columns(rows[0].row)
        section = section or "PL"
        heading = ""
        groups: dict[tuple[str, str], Group] = {}
        for para in rows[1:]:
            cells = para.row

            def cell(key: str, cells: tuple[str, ...] = cells) -> str:
                at = columns.get(key)
                return plain(cells[at]) if at is not None and at < len(cells) else ""

            name, target_cell = cell("name"), cell("target")
            if name and not target_cell and not cell("unit"):
                heading = name
                continue
            if not name:
                continue
            lead_text = cell("lead")
            key = (heading, fold(lead_text))
            if key not in groups:
                code = f"{section}.{len([g for g in self.groups if g.section == section]) + 1}"
                shown = heading or lead_text or "Phụ lục"
                if heading and lead_text:
                    shown = f"{heading} — {lead_text}"
                group = self._group(code, section, shown, para, summary=False, agencies=lead_text)
                coordinating = self.names.names_in(cell("coordinating"))
                group.coordinating += [r for r in coordinating if r not in group.lead]
                self._group_item(group).fields["coordinating"] = [
                    r.code for r in group.coordinating
                ]
                groups[key] = group
            group = groups[key]
            unit = cell("unit")
            found = phrases.target(target_cell, name) if target_cell else None
            if found is not None and not found.unit:
                found.unit = unit
            if found is not None and found.share and unit == "%":
                # "≥ 95" in a "%" column is a floor on a rate, not a share of an amount
                found = phrases.Target(
                    TargetForm.FLOOR, found.share, strict=found.strict, unit=unit, text=target_cell
                )
            change = re.search(r"\s(tăng thêm|giảm)$", name)
            if found is not None and change and found.form is TargetForm.VALUE and found.value:
                # "Số xã … tăng thêm | xã | 8": the target is the change
                lower = change.group(1) == "giảm"
                found.form = TargetForm.CHANGE
                found.value = f"-{found.value}" if lower else found.value
            spec: dict[str, Any] = {"name": name, "unit": unit, "target": found}
            self._indicator_item(spec, para, group)

    def _locality(self, name: str) -> str:
        kind_match = re.match(r"(thành phố|huyện|thị xã|quận|xã|phường)\s+(.+)", name, re.I)
        kind = kind_match.group(1).lower() if kind_match else "huyện"
        bare = kind_match.group(2) if kind_match else name
        shown = f"{kind.capitalize()} {bare}" if kind_match else name
        for code, loc in self.localities.items():
            if fold(loc["name"]) == fold(shown):
                return code
        prefix = {"thành phố": "TP", "thị xã": "TX", "quận": "Q", "phường": "P"}.get(kind, "")
        words = bare.split()
        code = prefix + "".join(fold(w)[0].upper() for w in words)
        if code in self.localities:
            code = (
                prefix
                + "".join(fold(w)[0].upper() for w in words[:-1])
                + fold(words[-1])[:2].upper()
            )
        base, n = code, 2
        while code in self.localities:
            code, n = f"{base}{n}", n + 1
        self.localities[code] = {"code": code, "name": shown, "kind": kind}
        return code

    def _merge_summary(self) -> None:
        """One indicator named twice (a results section, then its group): one item with
        both sentences and both stated figures."""
        summary = [
            i for i in self.items if i.kind is ItemKind.INDICATOR and i.fields.get("_summary")
        ]
        others = sorted(
            (
                i
                for i in self.items
                if i.kind is ItemKind.INDICATOR and not i.fields.get("_summary")
            ),
            key=lambda i: i.span[0],
        )
        for other in others:
            other.fields["_key"] = _name_key(other.fields["name"])
        for item in summary:
            match = _same_indicator(item, others)
            if match is None:
                continue
            f, g = item.fields, match.fields
            g["quotes"] = g["quotes"] + f["quotes"]
            g.setdefault("stated", []).extend(f.get("stated", []))
            if not g.get("values") and f.get("values"):
                g["values"] = f["values"]
            if not g.get("unit") and f.get("unit"):
                g["unit"] = f["unit"]
                match.reasons = [r for r in match.reasons if r != "đơn vị không rõ"]
                match.confidence = max(0.1, 1.0 - 0.25 * len(match.reasons))
            if g["target"]["form"] == "keep" and "value" not in g["target"]:
                figure = next((v.get("value") for v in f.get("values", []) if v.get("value")), None)
                if figure:
                    g["target"]["value"] = figure
                if g["kind"] == "qualitative" and g.get("unit"):
                    g["kind"] = "level"
            if not g.get("stated"):
                g.pop("stated", None)
            self.items.remove(item)
        for item in self.items:
            item.fields.pop("_summary", None)
            item.fields.pop("_key", None)

    # ---- tasks ----------------------------------------------------------------------------

    def _task(
        self, para: Para, group: Group, lead_in: tuple[Para, int] | None
    ) -> tuple[Para, int] | None:
        marker = BULLET.match(para.plain)
        depth = _depth(marker.group("m")) if marker else 0
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
        depth = (_depth(marker.group(0)) if BULLET.match(para.plain) else 0) if marker else -1
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

    # ---- periods --------------------------------------------------------------------------

    def _period(self, which: str) -> str:
        return {"H1": f"{self.year}-H1"}.get(which, which)

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


PERCENT_OF_PLAN_PERIOD = re.compile(r"tháng đầu năm|tháng cuối năm", re.I)


def indicator_figures(fields: dict[str, Any]) -> list[str]:
    """The figures of an indicator that must be printed in its sentences."""
    target = fields.get("target", {})
    figures = [target.get("value"), target.get("share"), fields.get("same_period", {}).get("value")]
    figures += [v.get("value") for v in fields.get("values", [])]
    figures += [s.get("value") for s in fields.get("stated", [])]
    return [f for f in figures if f]


def _group_heading(text: str) -> bool:
    """A numbered line naming a group ("1. Sở Công Thương"), not a numbered indicator."""
    m = GROUP.match(text)
    return bool(m) and not MEASURE.search(m.group("h")) and len(text) < 220


def _kind(name: str, unit: str, form: TargetForm) -> str:
    if form in (TargetForm.KEEP, TargetForm.MILESTONE) and not unit:
        return "qualitative"
    if form is TargetForm.CHANGE and unit != "%":
        return "accumulating"
    if (
        unit == "%"
        or "/" in unit
        or re.match(r"(tỷ lệ|tỷ trọng|tốc độ|chỉ số)\b", name, re.I)
        or re.search(r"bình quân|đầu người", name, re.I)  # a per-head figure is a level
    ):
        return "level"
    return "accumulating"


def _split_head(text: str) -> tuple[str, str]:
    """The indicator and its target (before the colon) from the results (after it)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == ":" and depth == 0:
            return text[:i].strip(), text[i + 1 :].strip()
    measure = MEASURE.search(text)
    if measure and PERIOD_CLAUSE.search(text[measure.end() :]):
        cut = re.search(r"[,;]\s+", text[measure.end() :])
        if cut:
            return text[: measure.end() + cut.start()], text[measure.end() + cut.end() :]
    return text, ""


_VERB = re.compile(
    r"\s+(?:là|đạt|chiếm|tăng thêm|tăng|giảm|dưới|trên|từ|không quá|tối đa|tối thiểu|ít nhất"
    r"|giữ vững ở mức|giữ vững|duy trì ở mức|duy trì|cho)"
    r"(?=\s+(?:\([^)]*\)\s*)?(?:cả năm\s+|năm (?:19|20)\d{2}\s+)?"
    r"(?:là\s+|đạt\s+|trên\s+|dưới\s+|từ\s+|tối thiểu\s+|tối đa\s+)?\d)",
)


def _verb(head: str) -> re.Match[str] | None:
    """The verb before the target: one followed by a figure with a unit or ending the
    phrase ("dưới 15%", not the "dưới 5 tuổi" of a name)."""
    for match in _VERB.finditer(head):
        measure = MEASURE.search(head, match.end())
        rate = phrases.RATE.match(head, match.end() + 1)
        if rate is not None:
            return match
        if measure is None:
            return None
        after = head[measure.end() :].strip()
        if measure.group("u") or not after or after[0] in "(;,.:":
            return match
    return None


_NAME_END = re.compile(r"\s+(?:năm (?:19|20)\d{2}|cả năm)\b")


def _head_spec(head: str, child: bool) -> dict[str, Any] | None:
    """An indicator's name and target from the words before its results."""
    if not head:
        return None
    lowered = head.casefold()
    if re.match(r"(giữ vững|duy trì)\b", lowered) and not MEASURE.search(head):
        name = _capital(re.sub(r"^(giữ vững|duy trì)\s+", "", head, flags=re.I))
        return {
            "name": name,
            "unit": "",
            "target": phrases.Target(TargetForm.KEEP, text=head),
            "_child": child,
        }
    keep = re.match(r"(?:giữ vững|duy trì)\s+(?=\d)", lowered)
    level = MEASURE.match(head, keep.end()) if keep else None
    if keep and level is not None:
        unit, rest = level.group("u") or "", head[level.end() :].strip()
        return {
            "name": _capital(f"Tỷ lệ {rest}" if unit == "%" else rest),
            "unit": unit,
            "target": phrases.Target(TargetForm.KEEP, level.group("n"), unit=unit, text=head),
            "_child": child,
        }
    if re.match(r"hoàn thành\b", lowered) and not MEASURE.search(head):
        return {
            "name": head,
            "unit": "",
            "target": phrases.Target(TargetForm.MILESTONE, text=head),
            "_child": child,
        }
    ends = [m.start() for m in (_NAME_END.search(head), _verb(head)) if m]
    measure = MEASURE.search(head)
    if not ends and measure is None:
        return None
    cut = min(ends) if ends else measure.start()  # type: ignore[union-attr]
    name = head[:cut].strip(" ,")
    phrase = head[cut:]
    phrase_plain = re.sub(r"^\s*(?:năm (?:19|20)\d{2}|cả năm)\s*", "", phrase)
    phrase_plain = re.sub(r"^\s*(?:là|đạt|chiếm)\s+", "", phrase_plain)
    tgt = phrases.target(re.sub(r"\((?:tăng|giảm)[^)]*so[^)]*\)", "", phrase_plain), name)
    if not name or tgt is None:
        return None
    if tgt.form is TargetForm.CHANGE:
        # the indicator is the change: "Tỷ lệ hộ nghèo (theo chuẩn …) giảm trong năm"
        qualifier = re.match(r"\s*(?:tăng thêm|tăng|giảm)\s*(\([^)]*\))", phrase)
        verb = "giảm" if (tgt.value or "").startswith("-") else "tăng thêm"
        after = re.search(r"\d[^(]*(\(theo [^)]*\))", phrase)
        said = f" {(qualifier or after).group(1)}" if qualifier or after else ""
        name = f"{name}{said} {verb} trong năm"
    spec: dict[str, Any] = {
        "name": _capital(name),
        "unit": tgt.unit,
        "target": tgt,
        "_child": child,
    }
    if tgt.text:
        tgt.text = re.sub(r"\s*\((?:tăng|giảm)[^)]*\)", "", tgt.text).strip()
    base = phrases.baseline(phrase, tgt.value, tgt.unit) if tgt.value else None
    if base:
        spec["baseline"] = {"value": base.value, "label": base.label, "derived": base.derived}
    before = re.search(
        rf"\(năm (?P<y>(?:19|20)\d{{2}}) (?:thực hiện|đạt|là) (?P<n>{phrases.NUMBER})", phrase
    )
    if before and "baseline" not in spec:  # "(năm 2025 thực hiện 7 ca)"
        spec["baseline"] = {
            "value": before.group("n"),
            "label": f"năm {before.group('y')}",
            "derived": f"văn bản: năm {before.group('y')} thực hiện {before.group('n')}",
        }
    note = re.search(r"\((theo [^)]*)\)", phrase)
    if note:
        spec["note"] = _capital(note.group(1))
    return spec


RESULT_START = re.compile(
    r"^(?:ước\s+)?(?:thực hiện\s+)?(?:trong\s+)?0?\d+ tháng đầu năm(?: (?:19|20)\d{2})?\s+", re.I
)
TARGET_CLAUSE = re.compile(
    r"^(?:(?:chỉ tiêu|kế hoạch|mục tiêu)(?: cả)?(?: năm)?(?: (?:19|20)\d{2})?|phấn đấu cả năm)\s+",
    re.I,
)
_TARGET_VERB = re.compile(
    r"^.*?(?=\b(?:đạt|là|trên|dưới|từ|tối thiểu|tối đa|không quá|tăng|giảm)\b)"
)


def _named_part(clause: str, parts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The "trong đó" part a results clause names by all its own words ("… tăng thêm tỷ lệ
    dân cư nông thôn sử dụng nước sạch 0,85%" for the part "sử dụng nước sạch")."""
    words = set(fold(clause).split())
    for part in parts:
        own = fold(re.sub(r"^Trong đó:\s*", "", part["name"])).split()
        if len(own) >= 2 and all(w in words for w in own):
            return part
    return None


def _wide_clauses(text: str) -> list[str]:
    """Clauses, a comma before a period or a target ("…, 06 tháng đầu năm đạt …") cutting too."""
    cut = re.compile(
        r",\s+(?=(?:ước\s+)?(?:trong\s+)?0?\d+ tháng"
        r"|chỉ tiêu|kế hoạch năm|phấn đấu cả năm|còn lại)",
        re.I,
    )
    return [c.strip() for clause in _clauses(text) for c in cut.split(clause) if c.strip()]


def _reordered(text: str) -> tuple[str, str] | None:
    """A sentence whose results come before its target ("6 tháng đầu năm giải ngân … được
    1.245,30 tỷ đồng …; chỉ tiêu cả năm …", "Số doanh nghiệp …: ước 6 tháng đầu năm …;
    kế hoạch năm 2023 là 480 doanh nghiệp"): the (head, tail) _head_spec and _apply_tail
    read, the target's clause moved to the head."""
    start = RESULT_START.match(text)
    head_part, colon, rest = text.partition(":")
    if start is not None:
        first = _wide_clauses(text)[0]
        words = first[start.end() :]
        end = re.search(r"\s+(?:được|đạt|là|thực hiện)\b|\s+\d", words)
        name = _capital(words[: end.start()] if end else words)
        clauses = _wide_clauses(text)
    elif (
        colon
        and not MEASURE.search(head_part)
        and not re.match(r"(giữ vững|duy trì|hoàn thành)\b", head_part, re.I)
    ):
        name = head_part.strip()
        clauses = _wide_clauses(rest)
    else:
        return None
    for index, clause in enumerate(clauses):
        said = TARGET_CLAUSE.match(clause)
        if said is None or PERIOD_CLAUSE.search(clause) or not MEASURE.search(clause):
            continue
        phrase = clause[said.end() :]
        phrase = _TARGET_VERB.sub("", phrase, count=1) if not phrase[0].isdigit() else phrase
        phrase = phrase if re.match(r"\D", phrase) else f"là {phrase}"
        tail = "; ".join(c for i, c in enumerate(clauses) if i != index)
        return f"{name} {phrase}", tail
    return None


def _child_name(name: str, parent: str) -> str:
    """A "trong đó" part named with its parent's subject ("BHXH tự nguyện" under "Tỷ lệ
    tham gia bảo hiểm xã hội …" -> "Trong đó: tỷ lệ tham gia bảo hiểm xã hội tự nguyện")."""
    own = expand(name)
    if re.match(r"(tỷ lệ|tỷ trọng|số|tổng|có)\b", own, re.I) or not re.match(
        r"(tỷ lệ|tỷ trọng)\b", parent, re.I
    ):
        stem = ""
    else:
        base = re.sub(r"\s+(?:giảm|tăng thêm) trong năm$", "", parent)
        words, parent_words = own.split(), base.split()
        folded = [fold(w) for w in parent_words]
        first = fold(words[0]) if words else ""
        at = folded.index(first) if first in folded else len(parent_words)
        stem = " ".join(parent_words[:at]) + " "
        stem = stem[0].lower() + stem[1:]
    lower = len(own) > 1 and own[1].islower()
    return f"Trong đó: {stem}{own[0].lower() if lower else own[0]}{own[1:]}"


def _clauses(tail: str) -> list[str]:
    """The results after the colon, one clause each ("; " and sentence ends)."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(tail):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and (
            ch == ";"
            or (
                ch == "."
                and (i + 1 == len(tail) or tail[i + 1] == " ")
                and not tail[i - 1].isdigit()
            )
        ):
            parts.append(tail[start:i])
            start = i + 1
    parts.append(tail[start:])
    return [p.strip() for p in parts if p.strip()]


def _shared_prefix(name: str) -> str:
    """The words a second indicator of one sentence shares ("Tỷ lệ học sinh đi học trong
    độ tuổi tiểu học … và trung học cơ sở …")."""
    folded = name.casefold()
    best = -1
    for word in (" tuổi ", " cấp ", " bậc ", " khu vực ", " vùng "):
        at = folded.rfind(word)
        if at >= 0:
            best = max(best, at + len(word))
    if best < 0:
        words = name.split()
        return " ".join(words[:-2]) + " " if len(words) > 2 else ""
    return name[:best]


SAME_NAME = 0.88  # names this alike (difflib, folded) are one indicator named twice
NEAR = 80  # how many indicators after a results section its twins are looked for among


def _same_indicator(item: FoundItem, others: list[FoundItem]) -> FoundItem | None:
    """The indicator of a later group that a results section's one names again: the
    nearest after it with the same name (or one inside the other), else the most alike."""
    key = _name_key(item.fields["name"])
    if not key:
        return None
    best: tuple[float, FoundItem] | None = None
    first = bisect.bisect_right([o.span[0] for o in others], item.span[0])
    matcher = difflib.SequenceMatcher(None)
    matcher.set_seq2(key)  # the item's name is prepared once, each candidate compared to it
    for other in others[first : first + NEAR]:
        other_key = other.fields["_key"]
        if key == other_key or (len(key) > 12 and (key in other_key or other_key in key)):
            return other
        matcher.set_seq1(other_key)
        if matcher.real_quick_ratio() < SAME_NAME or matcher.quick_ratio() < SAME_NAME:
            continue
        ratio = matcher.ratio()
        if ratio >= SAME_NAME and (best is None or ratio > best[0]):
            best = (ratio, other)
    return best[1] if best else None


def _name_key(name: str) -> str:
    key = fold(name)
    key = re.sub(r"^(giu vung|duy tri)\s+", "", key)
    return re.sub(r"[^\w]+", " ", key).strip()


def _capital(text: str) -> str:
    text = text.strip()
    return text[0].upper() + text[1:] if text else text


def _depth(marker: str) -> int:
    return 2 if "+" in marker else 1


def _indicator_columns(header: tuple[str, ...]) -> dict[str, int]:
    """The columns of an indicator table, or {} for another table."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        folded = fold(cell)
        if folded in ("stt", "tt", "so tt"):
            key = "number"
        elif "don vi" in folded:
            key = "unit"
        elif "chu tri" in folded:
            key = "lead"
        elif "phoi hop" in folded:
            key = "coordinating"
        elif folded in ("chi tieu", "ten chi tieu", "noi dung", "chi tieu chu yeu"):
            key = "name"
        elif "ke hoach" in folded or "muc tieu" in folded or "chi tieu nam" in folded:
            key = "target"
        else:
            continue
        columns.setdefault(key, index)
    return columns if {"name", "unit", "target"} <= columns.keys() else {}


def _column(header: str) -> str:
    folded = fold(header)
    if "dia phuong" in folded or "don vi hanh chinh" in folded or folded in ("xa", "huyen", "ten"):
        return "name"
    if "tien do" in folded or "%" in folded or "ty le" in folded:
        return "percent"
    if "nhiem vu" in folded or "con lai" in folded:
        return "remaining"
    if "thuc hien" in folded or "ket qua" in folded:
        return "value"
    if "ke hoach" in folded or "chi tieu" in folded:
        return "target"
    return ""
