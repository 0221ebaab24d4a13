"""Vietnamese numbers and dates: round trips, and clear errors for bad input."""

from datetime import UTC, date, datetime

import pytest

from kh65_desktop.domain.numbers import (
    VietnameseFormatError,
    format_date,
    format_date_long,
    format_moment,
    format_number,
    format_percent,
    format_quantity,
    parse_date,
    parse_number,
    parse_number_detail,
    parse_optional_number,
    round_half_up,
)


@pytest.mark.parametrize(
    "text, value, decimals",
    [
        ("3.300", 3300.0, 0),
        ("53,05", 53.05, 2),
        ("4.874,53", 4874.53, 2),
        ("101.021", 101021.0, 0),
        ("3.300,5", 3300.5, 1),
        ("-0,30", -0.30, 2),
        ("−0,5", -0.5, 1),
        ("05", 5.0, 0),
        ("1.234.567,891", 1234567.891, 3),
        (" 12 ", 12.0, 0),
    ],
)
def test_parse_reads_vietnamese_numbers(text: str, value: float, decimals: int) -> None:
    parsed = parse_number_detail(text)
    assert parsed.value == pytest.approx(value)
    assert parsed.decimals == decimals


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (3300, 0, "3.300"),
        (53.05, 2, "53,05"),
        (4874.53, 2, "4.874,53"),
        (101021, 0, "101.021"),
        (44.615384, 2, "44,62"),
        (-1234.5, 1, "-1.234,5"),
        (0.005, 2, "0,01"),
    ],
)
def test_format_writes_vietnamese_numbers(value: float, decimals: int, text: str) -> None:
    assert format_number(value, decimals) == text


@pytest.mark.parametrize("text", ["3.300", "53,05", "4.874,53", "101.021", "-0,3", "1.000.000"])
def test_round_trip(text: str) -> None:
    parsed = parse_number_detail(text)
    assert format_number(parsed.value, parsed.decimals) == text
    assert parse_number(format_number(parsed.value, parsed.decimals)) == parsed.value


def test_default_format_trims_trailing_zeros() -> None:
    assert format_number(83.50) == "83,5"
    assert format_number(3300.0) == "3.300"
    assert format_number(None) == ""


def test_percent_and_quantity() -> None:
    assert format_percent(53.054) == "53,05%"
    assert format_quantity(101021, "triệu đồng") == "101.021 triệu đồng"
    assert format_quantity(94.95, "%") == "94,95%"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("12,3,4", "nhiều hơn một dấu phẩy"),
        ("abc", "không phải là số"),
        ("39.33", "dấu chấm dùng để tách hàng nghìn"),
        ("1.2345", "dấu chấm dùng để tách hàng nghìn"),
        ("12a", "không đúng cách viết số"),
        ("87,5%", "hãy bỏ dấu %, chỉ nhập số (ví dụ 87,5)"),
        ("9.999%", "hãy bỏ dấu %"),
    ],
)
def test_bad_numbers_give_clear_errors(text: str, fragment: str) -> None:
    with pytest.raises(VietnameseFormatError) as error:
        parse_number(text)
    assert fragment in str(error.value)
    assert text in str(error.value)


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_empty_cell_is_an_error_not_zero(empty: str | None) -> None:
    with pytest.raises(VietnameseFormatError, match="không được để trống"):
        parse_number(empty)
    assert parse_optional_number(empty) is None


def test_stored_times_are_shown_in_local_time(vietnam_time: None) -> None:
    assert format_moment(datetime(2024, 7, 4, 2, 30, tzinfo=UTC)) == "04/7/2024 09:30"
    assert format_moment(datetime(2024, 7, 3, 20, 0)) == "04/7/2024 03:00"  # naive: UTC
    assert format_moment(None) == ""


def test_dates() -> None:
    assert format_date(date(2024, 7, 4)) == "04/7/2024"
    assert format_date(date(2024, 1, 25)) == "25/01/2024"  # months 1 and 2 keep their zero
    assert format_date_long(date(2024, 7, 4)) == "ngày 04 tháng 7 năm 2024"
    assert format_date_long(date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    for text in ("04/7/2024", "4/7/2024", "04/07/2024", "ngày 04 tháng 7 năm 2024"):
        assert parse_date(text) == date(2024, 7, 4)
    assert parse_date(format_date_long(date(2024, 10, 31))) == date(2024, 10, 31)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("31/02/2024", "không có trong lịch"),
        ("2024-07-04", "không phải là ngày"),
        ("", "không được để trống"),
    ],
)
def test_bad_dates(text: str, fragment: str) -> None:
    with pytest.raises(VietnameseFormatError, match=fragment):
        parse_date(text)


def test_stored_figures_from_before_the_rules_are_shown_not_fatal() -> None:
    """1e300 once made every screen and report fail; a 30-digit figure showed blank."""
    assert format_number(1e300) == "1,000e+300"
    assert format_number(-1e30, 2) == "-1,000e+30"
    assert format_number(float("inf")) == "(vô cực)"
    assert format_number(float("nan")) == "(không phải số)"
    assert format_number(999_999_999_999_999.0) == "999.999.999.999.999"
    assert format_number(-999_999_999_999_999.0, 2) == "-999.999.999.999.999,00"
    assert format_number(0.000001) == "0"
    assert round_half_up(1e300, 2) == 1e300


@pytest.mark.parametrize(
    "text, shown",
    [
        ("05%", "5%"),
        ("tăng thêm 06 xã", "tăng thêm 6 xã"),
        ("giảm 0,30%", "giảm 0,30%"),
        ("2.005 tỷ đồng", "2.005 tỷ đồng"),
        ("đến 04/7/2024", "đến 04/7/2024"),
        ("Nghị định số 94/2023/NĐ-CP", "Nghị định số 94/2023/NĐ-CP"),
    ],
)
def test_leading_zeros_go_except_in_decimals_dates_and_codes(text: str, shown: str) -> None:
    from kh65_desktop.domain.numbers import without_leading_zeros

    assert without_leading_zeros(text) == shown


def test_a_rate_is_printed_with_two_decimals() -> None:
    from kh65_desktop.domain.numbers import format_measure

    assert format_measure(83.5, "%") == "83,50"
    assert format_measure(20465.0, "tỷ đồng") == "20.465"
    assert format_measure(45.0, "%", decimals=0) == "45"  # as the document states it
