"""The bytes of a TOML file a person wrote (plan, reorganisation, report sections) turned
into data, every way it can fail said in Vietnamese with its line.

tomllib alone fails in English (TOMLDecodeError), or with exceptions no reader expects: a
file saved in another encoding raises UnicodeDecodeError, and brackets nested a few
thousand deep (a hostile or broken file) raise RecursionError.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

UTF8_ADVICE = "Hãy lưu tệp với bảng mã UTF-8 (trong Notepad: Lưu thành… → Mã hóa UTF-8)."


class TomlTextError(ValueError):
    """Bytes that are not a TOML text; `line` is where (1 when unknown), `problem` Vietnamese."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line, self.problem = line, problem


def parse_toml(raw: bytes) -> tuple[str, dict[str, Any]]:
    """The text (without Notepad's BOM) and the data of `raw`."""
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TomlTextError(line, f"tệp không phải văn bản UTF-8. {UTF8_ADVICE}") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        what = (  # tomllib's "Invalid date or datetime": 2025-13-01, 2026-02-31
            " (ở cột {column}): ngày không có thật hoặc viết sai; viết ngày như 2025-03-01"
            if "date" in str(exc)
            else " (ở cột {column})"
        )
        raise TomlTextError(line, f"không đúng cú pháp TOML{what.format(column=column)}.") from None
    except RecursionError:
        raise TomlTextError(
            1, "các dấu ngoặc [ ] hoặc { } lồng nhau quá sâu: đây không phải tệp người viết."
        ) from None
