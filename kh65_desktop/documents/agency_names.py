"""Agency names as plans write them: in full, abbreviated ("Sở KH&ĐT", "BHXH tỉnh", "UBND các
huyện"), or after a shared head noun ("các Sở: Y tế, Tài chính"); matched to the agencies the
app knows without diacritics mattering, else proposed as new with a code from the initials.

Only the genre's vocabulary is here (head nouns, the usual abbreviations), no agency of any
plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..domain.text import fold, without_marks

# the usual abbreviations of administrative names, expanded before matching
ABBREVIATIONS = (
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("BHXH", "Bảo hiểm xã hội"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("KHĐT", "Kế hoạch và Đầu tư"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NN&MT", "Nông nghiệp và Môi trường"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("VH,TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    ("GTVT", "Giao thông vận tải"),
    ("DT&TG", "Dân tộc và Tôn giáo"),
)

# words an agency's name starts with
HEAD_NOUNS = (
    "Sở",
    "Cục",
    "Chi cục",
    "Ban",
    "Bảo hiểm xã hội",
    "BHXH",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "UBND",
    "Đài",
    "Báo",
    "Công an",
    "Bộ Chỉ huy",
    "Kho bạc",
    "Ngân hàng",
    "Văn phòng",
    "Thanh tra",
    "Liên minh",
    "Tỉnh đoàn",
    "Hội",
    "Trung tâm",
    "Phòng",
    "Bệnh viện",
    "Viện",
    "Trường",
    "Chi nhánh",
    "Ban Quản lý",
    "Thường trực",
    "Cơ quan",
    "Thuế",
)
_HEAD = re.compile(r"^(?:" + "|".join(re.escape(h) for h in HEAD_NOUNS) + r")(?=\s|$)")
_TITLES = re.compile(r"^(?:Thủ trưởng|Chủ tịch|Giám đốc|Lãnh đạo)\s+", re.I)
_SHARED_HEAD = re.compile(r"\bcác (Sở|Ban|Cục)\s*:\s*([^;:]+)", re.I)

DISTRICT_SET_WORDS = re.compile(
    r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd) (các|cấp) (huyện|xã|phường|thị xã|thành phố)", re.I
)
# verbs that end a list of agencies ("… phối hợp với các Sở: Xây dựng, Nội vụ tham mưu …")
VERBS = (
    r"chủ trì|căn cứ|phối hợp|chỉ đạo|tích cực|đẩy mạnh|khẩn trương|tập trung|thực hiện|"
    r"tham mưu|triển khai|tiếp tục|rà soát|tuyên truyền|vận động|tăng cường|hướng dẫn|"
    r"kiểm tra|theo dõi|đôn đốc|hoàn thành|tổ chức|hỗ trợ|xây dựng kế hoạch|nghiên cứu|báo cáo"
)
_LEVEL = r"(?:huyện|xã|phường|thị xã|thành phố|thị trấn|đặc khu)"
_LOCAL_LIST = re.compile(
    rf"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd) (?:các|cấp) {_LEVEL}(?:,? (?:và )?{_LEVEL})*", re.I
)
PROVINCIAL_SET_WORDS = re.compile(r"^các sở,? (?:ban,? )?ngành(?: tỉnh)?", re.I)


def expand(name: str) -> str:
    for short, full in ABBREVIATIONS:
        name = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, name)
    return name


def name_key(name: str) -> str:
    """The comparable form of a name: abbreviations expanded, folded, "tỉnh" and "Cơ quan"
    dropped, spaces single."""
    key = fold(expand(name))
    key = re.sub(r"[^\w&]+", " ", key).strip()
    key = re.sub(r"^co quan ", "", key)
    key = re.sub(r" tinh$", "", key)
    return key


@dataclass(frozen=True)
class AgencyRef:
    """One name of a list, resolved."""

    written: str  # as the text writes it
    code: str | None  # a known or proposed agency's code, or an agency set's name
    is_set: bool = False
    known: bool = True
    collective: bool = False  # a name for several agencies ("UBND các huyện, …")


def initials_code(name: str) -> str:
    words = [w for w in re.split(r"[\s\-–]+", expand(name)) if w and w.casefold() != "và"]
    if words and words[-1].casefold() == "tỉnh":
        words.pop()
    return "".join(without_marks(w[0]).upper() for w in words if w[0].isalpha())


class AgencyNames:
    """Resolves agency names against the known agencies; remembers what it proposed."""

    def __init__(
        self, known: Sequence[tuple[str, str]], ended: Mapping[str, date] | None = None
    ) -> None:
        self.known = list(known)
        # agencies that ceased (code -> last day): a name still finds them (an older plan),
        # but "các sở, ngành" / "UBND các xã" of a later plan do not stand for them
        self.ended = dict(ended or {})
        self.on: date | None = None  # the document's date, once its details are read
        self.by_key = {name_key(name): code for code, name in known}
        self.proposed: dict[str, tuple[str, str]] = {}  # key -> (code, name)
        self.sets: dict[str, list[str]] = {}

    def district_members(self) -> list[str]:
        return [
            c
            for c, n in self.known
            if DISTRICT_SET_WORDS.match(n) is None and _district(n) and self._current(c)
        ]

    def provincial_members(self) -> list[str]:
        return [c for c, n in self.known if not _district(n) and self._current(c)]

    def _current(self, code: str) -> bool:
        end = self.ended.get(code)
        return end is None or self.on is None or end >= self.on

    def resolve(self, written: str) -> AgencyRef | None:
        """A name of a list: a known agency, an agency set, a new agency, or None for a
        collective the plan cannot hold ("các chủ đầu tư")."""
        name = _TITLES.sub("", written.strip(" .:;*")).strip()
        if not name:
            return None
        if name_key(name) in self.by_key:  # a known agency, even one named for several
            return AgencyRef(written, self.by_key[name_key(name)])
        if DISTRICT_SET_WORDS.match(name):
            listed = _LOCAL_LIST.match(name)
            name = listed.group(0) if listed else name
            set_name = "UBND " + re.sub(r"^(?:ủy|uỷ) ban nhân dân |^ubnd ", "", name, flags=re.I)
            members = self.district_members()
            if members:
                self.sets[set_name] = members
                return AgencyRef(written, set_name, is_set=True)
            proposed = self._propose(written, set_name)
            return AgencyRef(written, proposed.code, known=False, collective=True)
        if PROVINCIAL_SET_WORDS.match(name):
            members = self.provincial_members()
            if members and not re.search(r"có liên quan", name):
                set_name = "Các sở, ban, ngành tỉnh"
                self.sets[set_name] = members
                return AgencyRef(written, set_name, is_set=True)
            return None
        key = name_key(name)
        if key in self.by_key:
            return AgencyRef(written, self.by_key[key])
        # "Cục Thống kê" for "Cục Thống kê tỉnh", "Sở Y tế tỉnh X" for "Sở Y tế"
        for known_key, code in self.by_key.items():
            if known_key.startswith(key + " ") or key.startswith(known_key + " "):
                if len(key.split()) >= 2 and len(known_key.split()) >= 2:
                    return AgencyRef(written, code)
        if _HEAD.match(name) is None or name.casefold().startswith("các "):
            return None
        return self._propose(written, name)

    def _propose(self, written: str, name: str) -> AgencyRef:
        key = name_key(name)
        if key not in self.proposed:
            code = initials_code(name) or "CQ"
            taken = set(self.by_key.values()) | {c for c, _ in self.proposed.values()}
            base, n = code, 2
            while code in taken:
                code, n = f"{base}{n}", n + 1
            self.proposed[key] = (code, _tidy(expand(name)))
        return AgencyRef(written, self.proposed[key][0], known=False)

    def names_in(self, text: str) -> list[AgencyRef]:
        """The agencies a list names, in order, each once."""
        refs: list[AgencyRef] = []
        for piece in split_names(text):
            ref = self.resolve(piece)
            if ref is not None and all(r.code != ref.code for r in refs):
                refs.append(ref)
        return refs

    def leading(self, text: str) -> tuple[list[AgencyRef], int]:
        """The agencies a sentence starts with ("Sở X, Đài Y và Báo Z căn cứ …"), and where
        the rest begins."""
        clean = text.replace("*", " ")
        refs: list[AgencyRef] = []
        position = 0
        matched = False
        while True:
            rest = clean[position:]
            stripped = rest.lstrip(" ,")
            offset = position + len(rest) - len(stripped)
            connective = re.match(r"(?:và|,)\s+", stripped)
            if connective and matched:
                offset += connective.end()
                stripped = stripped[connective.end() :]
            match = self._longest_name(stripped)
            if match is None:
                return refs, position
            ref, length = match
            matched = True
            if ref is not None and all(r.code != ref.code for r in refs):
                refs.append(ref)
            position = offset + length

    def _longest_name(self, text: str) -> tuple[AgencyRef | None, int] | None:
        """The longest agency name (or collective) at the start of `text`."""
        body = _TITLES.sub("", text)
        skipped = len(text) - len(body)
        set_match = DISTRICT_SET_WORDS.match(body)
        if set_match:
            end = re.match(r"[^,;:]*(?:, (?:thị xã|thành phố|phường|thị trấn|xã|huyện))*", body)
            assert end is not None
            return self.resolve(body[: end.end()]), skipped + end.end()
        prov = PROVINCIAL_SET_WORDS.match(body)
        if prov:
            end = re.match(
                (
                    r"[^;:]*?(?=\s+(?:và|tích cực|đẩy mạnh|khẩn trương|"
                    r"phối hợp|chủ trì|căn cứ)\b|[;:]|$)"
                ),
                body,
            )
            assert end is not None
            return self.resolve(body[: end.end()]), skipped + end.end()
        if re.match(r"các (?:chủ đầu tư|tổ chức|đơn vị|cơ quan|địa phương)[^,;:]*", body, re.I):
            m = re.match(r"các [^,;:]*?(?=,| và |[;:]|$)", body, re.I)
            assert m is not None
            return None, skipped + m.end()
        if _HEAD.match(body) is None:
            return None
        folded = fold(expand(body))
        best: tuple[str, int] | None = None
        for code, name in self.known:
            key = fold(expand(name))
            for candidate in (key, re.sub(r" tinh$", "", key), re.sub(r"^co quan ", "", key)):
                if folded.startswith(candidate) and (best is None or len(candidate) > best[1]):
                    if len(folded) == len(candidate) or not folded[len(candidate)].isalnum():
                        best = (code, len(candidate))
        if best is not None:
            length = _written_length(body, best[1])
            tail = re.match(r"\s+tỉnh\b", body[length:])
            if tail:
                length += tail.end()
            return AgencyRef(body[:length], best[0]), skipped + length
        # an unknown agency: up to the verb that follows it, "và" inside a name kept
        end = re.search(
            (
                r"\s+(?:chủ trì|căn cứ|phối hợp|chỉ đạo|tích cực|"
                r"đẩy mạnh|khẩn trương|tập trung|thực hiện|"
                r"tham mưu|triển khai|tiếp tục)\b|[;:]"
            ),
            body,
        )
        candidate = body[: end.start() if end else len(body)]
        first = split_names(candidate)[0] if candidate.strip() else ""
        length = candidate.find(first) + len(first) if first else len(candidate)
        return self.resolve(body[:length]), skipped + length


def _written_length(text: str, folded_length: int) -> int:
    """How many characters of `text` make `folded_length` characters once expanded and
    folded (abbreviations make the two differ)."""
    for end in range(1, len(text) + 1):
        if len(fold(expand(text[:end]))) >= folded_length:
            return end
    return len(text)


def _district(name: str) -> bool:
    return (
        re.match(r"^(?:ủy|uỷ) ban nhân dân (?:huyện|thị xã|thành phố|xã|phường)", name, re.I)
        is not None
    )


def _tidy(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("*", "")).strip(" ,;:.")


def split_names(text: str) -> list[str]:
    """A list of agency names split into names: "X, Y và Z", a name with "và" inside it
    kept whole ("Sở Kế hoạch và Đầu tư"), a shared head noun given to each bare name
    ("các Sở: Y tế, Tài chính")."""
    text = text.replace("*", "")
    names: list[str] = []
    shared = _SHARED_HEAD.search(text)
    if shared:
        head = shared.group(1).capitalize()
        before, after = text[: shared.start()], text[shared.end() :]
        names += split_names(before) if before.strip() else []
        # bare names are split at commas only: "và" belongs to a name ("Lao động -
        # Thương binh và Xã hội")
        listed = re.split(rf"\s+(?:{VERBS})\b", shared.group(2))[0]
        for bare in (b.strip() for b in re.split(r"[,;]", listed) if b.strip()):
            names.append(f"{head} {bare}".strip())
        return names + (split_names(after) if after.strip(" ;:,") else [])
    return _merge(_SPLIT.split(text))


_SPLIT = re.compile(r"(\s*(?:,|;|\bvà\b|\bvới\b)\s*)")


def _merge(parts: list[str]) -> list[str]:
    """Join back the pieces of one name that the separators cut ("Phát triển nông thôn" is
    not a name of its own: it has no head noun), with the separator the text had."""
    merged: list[str] = []
    glue = ""
    for index, part in enumerate(parts):
        if index % 2:  # a separator
            glue = part
            continue
        piece = part.strip()
        if not piece:
            continue
        starts = _HEAD.match(_TITLES.sub("", piece)) or piece.casefold().startswith("các ")
        if merged and not starts and ";" not in glue:
            merged[-1] = f"{merged[-1]}{glue}{piece}"
        else:
            merged.append(piece)
    return merged
