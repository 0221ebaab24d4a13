"""The command line's parser speaking Vietnamese when the clerk types a command wrong.

argparse writes its refusals in English ("the following arguments are required"); a clerk
gets them in Vietnamese here, with the usage line and where to read more, exit code 2."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's refusals (Python 3.11–3.13 wording) → what the clerk reads
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.+)", r"thiếu tham số bắt buộc: \1"),
    (r"one of the arguments (.+) is required", r"cần một trong các tham số: \1"),
    (r"unrecognized arguments: (.+)", r"không hiểu tham số: \1"),
    (
        r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)",
        r"tham số \1: không có lựa chọn \2 (chọn một trong: \3)",
    ),
    (r"argument (\S+): invalid (\S+) value: (.+)", r"tham số \1: giá trị \3 không hợp lệ"),
    (r"argument (\S+): expected one argument", r"tham số \1 cần một giá trị"),
    (r"argument (\S+): expected at least one argument", r"tham số \1 cần ít nhất một giá trị"),
    (r"argument (\S+): expected at most one argument", r"tham số \1 nhận nhiều nhất một giá trị"),
    (r"argument (\S+): not allowed with argument (\S+)", r"không dùng \1 cùng với \2"),
    (r"ambiguous option: (\S+) could match (.+)", r"tham số \1 chưa rõ: có thể là \2"),
)


def vietnamese(message: str) -> str:
    """argparse's English refusal in Vietnamese; a wording not known is kept as it is."""
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class VietnameseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose refusals, and its sub-commands' (argparse makes them of the
    same class), are in Vietnamese."""

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "Cách dùng:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "Cách dùng:", 1)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            2,
            f"Lỗi: {vietnamese(message)}. Xem hướng dẫn: {self.prog} --help\n",
        )
