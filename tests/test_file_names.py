"""File names a clerk is offered: agency and period, plain letters, never empty."""

from kh65_desktop.domain.file_names import file_name


def test_agency_and_period_in_plain_letters() -> None:
    assert (
        file_name("Báo cáo", "Sở Công Thương", "6 tháng đầu năm 2024", suffix=".pdf")
        == "Bao-cao-So-Cong-Thuong-6-thang-dau-nam-2024.pdf"
    )
    assert file_name("Số liệu", "Sở KH&ĐT", None, suffix=".kh65") == "So-lieu-So-KH-DT.kh65"


def test_nothing_usable_still_names_a_file() -> None:
    assert file_name("", '<>:"/\\|?*', suffix=".xlsx") == "KH65.xlsx"
    assert len(file_name("x" * 500, suffix=".pdf")) == 124
