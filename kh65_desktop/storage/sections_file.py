"""A `--sections` file: the narrative sections of one report, in TOML (docs/report-sections.md).

Only its form is checked here (TOML, UTF-8, known section names, texts within the text
rules); whether its task and agency codes exist is the service's to say
(services/report_texts.ReportTextService.with_file). Every refusal names the line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.figure_rules import RuleError, clean_text
from ..domain.terms import SectionKind
from .toml_text import TomlTextError, parse_toml

# The file's names of the sections (ASCII: a bare TOML key), in a report's order.
SECTION_KEYS: dict[str, SectionKind] = {
    "dac_diem_tinh_hinh": SectionKind.SITUATION,
    "ton_tai_han_che": SectionKind.SHORTCOMINGS,
    "nguyen_nhan": SectionKind.CAUSES,
    "nhiem_vu_giai_phap": SectionKind.NEXT_STEPS,
    "kien_nghi_de_xuat": SectionKind.PROPOSALS,
}
TASKS_KEY = "ket_qua_nhiem_vu"  # a table: task code -> what was done on it
AGENCIES_KEY = "co_quan"  # province report: a table per agency code
MAX_BYTES = 2 * 1024 * 1024  # a few reports' worth of text; more is not a sections file
_FIX = "Hãy sửa tệp rồi chạy lại lệnh; chưa có gì được ghi."


class SectionsFileError(ValueError):
    """A sections file refused; the Vietnamese message names the file and the line."""


@dataclass
class SectionsPart:
    """One writer's sections: the report's own (or the office's), or one agency's."""

    sections: dict[SectionKind, str] = field(default_factory=dict)
    task_results: dict[str, str] = field(default_factory=dict)
    task_lines: dict[str, int] = field(default_factory=dict)  # for a message on a bad code
    line: int = 1  # where it starts


@dataclass
class SectionsFile:
    path: Path
    own: SectionsPart
    agencies: dict[str, SectionsPart] = field(default_factory=dict)  # by agency code
    agencies_line: int | None = None  # where a `co_quan` table is, if any

    def refuse(self, line: int, problem: str) -> SectionsFileError:
        return refusal(self.path, line, problem)


def refusal(path: Path, line: int, problem: str) -> SectionsFileError:
    return SectionsFileError(f"Tệp nội dung báo cáo “{path.name}”, dòng {line}: {problem} {_FIX}")


def read_sections_file(path: Path) -> SectionsFile:
    """Read and check a sections file; SectionsFileError says what is wrong, and where."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        from .failures import explain

        raise SectionsFileError(
            f"Không đọc được tệp nội dung báo cáo: {explain(exc, f'tệp {path}')}"
        ) from exc
    if len(raw) > MAX_BYTES:
        raise SectionsFileError(
            f"Tệp nội dung báo cáo “{path.name}” lớn hơn 2 MB: không phải tệp nội dung báo "
            "cáo. Hãy kiểm tra lại tên tệp."
        )
    try:
        text, data = parse_toml(raw)
    except TomlTextError as exc:
        how = ' Mỗi phần viết dạng ten_phan = """…""" (docs/report-sections.md).'
        problem = exc.problem + (how if "cú pháp" in exc.problem else "")
        raise refusal(path, exc.line, problem) from None
    lines = _key_lines(text)
    result = SectionsFile(path, _part(path, data, (), lines, agencies_allowed=True))
    if AGENCIES_KEY in data:
        result.agencies_line = _line(lines, (AGENCIES_KEY,))
        agencies = data[AGENCIES_KEY]
        if not isinstance(agencies, dict):
            raise result.refuse(
                result.agencies_line,
                f"“{AGENCIES_KEY}” phải là các bảng [{AGENCIES_KEY}.MÃ_CƠ_QUAN].",
            )
        for code, body in agencies.items():
            where = (AGENCIES_KEY, code)
            if not isinstance(body, dict):
                raise result.refuse(
                    _line(lines, where), f"phần của cơ quan “{code}” phải là một bảng."
                )
            result.agencies[code] = _part(path, body, where, lines, agencies_allowed=False)
    return result


def _part(
    path: Path,
    body: dict[str, Any],
    where: tuple[str, ...],
    lines: dict[tuple[str, ...], int],
    agencies_allowed: bool,
) -> SectionsPart:
    part = SectionsPart(line=_line(lines, where) if where else 1)
    for key, value in body.items():
        at = (*where, key)
        if key == AGENCIES_KEY and agencies_allowed:
            continue
        if key == TASKS_KEY:
            if not isinstance(value, dict):
                raise refusal(
                    path,
                    _line(lines, at),
                    f"“{TASKS_KEY}” phải là một bảng: mã nhiệm vụ = nội dung.",
                )
            for code, result in value.items():
                line = _line(lines, (*at, code))
                part.task_results[code] = _text(path, line, result, SectionKind.TASK_RESULT)
                part.task_lines[code] = line
            continue
        kind = SECTION_KEYS.get(key)
        if kind is None:
            known = ", ".join([*SECTION_KEYS, TASKS_KEY] + ([AGENCIES_KEY] if not where else []))
            raise refusal(
                path,
                _line(lines, at),
                f"“{key}” không phải tên một phần của báo cáo. Các tên dùng được: {known}.",
            )
        part.sections[kind] = _text(path, _line(lines, at), value, kind)
    return part


def _text(path: Path, line: int, value: Any, kind: SectionKind) -> str:
    if not isinstance(value, str):
        raise refusal(path, line, f'nội dung phần “{kind.label}” phải là chữ trong dấu nháy ("…").')
    try:
        text = clean_text(value.strip(), "report_text", kind.label)
    except RuleError as exc:
        raise refusal(path, line, str(exc)) from None
    return text


# -- where each key is: tomllib says nothing of lines once a file is read -----------------------
_HEADER = re.compile(r"^\s*\[\[?\s*(.*?)\s*\]\]?\s*(#.*)?$")
_ASSIGN = re.compile(
    r"^\s*((?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
    r"(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*'))*)\s*="
)
_PART = re.compile(r"\s*([A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')\s*(?:\.|$)")


def _dotted(text: str) -> tuple[str, ...]:
    parts = []
    for found in _PART.finditer(text):
        token = found[1]
        if token.startswith('"'):
            try:
                token = json.loads(token)  # TOML's basic-string escapes are JSON's
            except ValueError:
                token = token[1:-1]
        elif token.startswith("'"):
            token = token[1:-1]
        parts.append(token)
    return tuple(parts)


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The first line of every table header and key assignment, by its full key path.
    Lines inside a multi-line string are skipped."""
    found: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    quote: str | None = None  # the multi-line string we are in
    for number, line in enumerate(text.splitlines(), start=1):
        if quote is None:
            header = _HEADER.match(line)
            assign = None if header else _ASSIGN.match(line)
            if header:
                table = _dotted(header[1])
                for i in range(1, len(table) + 1):
                    found.setdefault(table[:i], number)
            elif assign:
                path = (*table, *_dotted(assign[1]))
                for i in range(len(table) + 1, len(path) + 1):
                    found.setdefault(path[:i], number)
        for marker in ('"""', "'''"):
            if (quote is None or quote == marker) and line.count(marker) % 2 == 1:
                quote = marker if quote is None else None
                break
    return found


def _line(lines: dict[tuple[str, ...], int], path: tuple[str, ...]) -> int:
    """The line of `path`, or of the nearest enclosing key found."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1
