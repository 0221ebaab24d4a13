"""The document's details (number and symbol, place and date, issuing body, title, year) from
its head, and its signer (authority, title, name) from the signature block.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .items import FoundItem, ItemKind
from .paragraphs import Para
from .phrases import plain
from .reading_state import ReadingState

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


class DetailsReader(ReadingState):
    """The reader's part that reads the head and the signature (its state: reading_state.py)."""

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
