"""Reading plans from their documents: speed and quality.

    python benchmarks/plan_reader.py            (or: python benchmarks/run.py --only reader)

Speed: plan 65 as .txt, .docx and .pdf (made by tests/plan_documents.py) read to a plan
(text + reader), beside the bare library reading the same file's text as a baseline; a
200-page document (plan 65's groups repeated with their figures varied) as .docx and .pdf,
with the peak memory of the Python heap while reading it. Quality: per-field precision and
recall (documents/scoring.py) on plan 65 in its three forms against resources/plans/
kh65-2024.toml, and on each variant in tests/fixtures/plan_variants/ against its plan file.
"""

from __future__ import annotations

import io
import sys
import tempfile
import tomllib
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median  # noqa: E402
from kh65_desktop.documents.items import read_plan  # noqa: E402
from kh65_desktop.documents.scoring import Score, score  # noqa: E402
from kh65_desktop.documents.text import read_document  # noqa: E402
from kh65_desktop.resources import BUILTIN_PLAN, resource_path  # noqa: E402
from tests.plan_documents import (  # noqa: E402
    VARIANTS,
    long_document,
    plan65_text,
    variant_document,
    variant_names,
    write_docx,
    write_pdf,
    write_txt,
)

PAGES = 200


def _bare(path: Path) -> None:
    """The libraries alone: every paragraph's and cell's text, or every page's text."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(io.BytesIO(path.read_bytes()))
        for paragraph in document.paragraphs:
            _ = paragraph.text
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    _ = cell.text
    elif path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(path.read_bytes())
        for page in pdf:
            page.get_textpage().get_text_range()
    else:
        path.read_text(encoding="utf-8")


def _read(path: Path) -> object:
    return read_plan(read_document(path))


def plan65_files(folder: Path) -> list[Path]:
    text = plan65_text()
    return [
        write_txt(text, folder / "kh65.txt"),
        write_docx(text, folder / "kh65.docx"),
        write_pdf(text, folder / "kh65.pdf"),
    ]


def long_files(folder: Path) -> tuple[list[Path], int]:
    """A .docx and a .pdf of at least PAGES A4 pages; returns them and the PDF's pages."""
    import pypdfium2 as pdfium

    sections = -(-PAGES // len(pdfium.PdfDocument(str(folder / "kh65.pdf"))))
    while True:  # the copies' figures differ, so their pages do a little too
        text = long_document(sections)
        pdf = write_pdf(text, folder / "dai.pdf")
        pages = len(pdfium.PdfDocument(str(pdf)))
        if pages >= PAGES:
            return [write_docx(text, folder / "dai.docx"), pdf], pages
        sections += 1


def speed(folder: Path, repeat: int) -> list[tuple[str, float, float, str]]:
    """(what, ours in s, baseline in s, target)."""
    rows = []
    for path in plan65_files(folder):
        rows.append(
            (
                f"Đọc kế hoạch 65 ({path.suffix})",
                median(lambda p=path: _read(p), repeat),
                median(lambda p=path: _bare(p), repeat),
                "< 2 s",
            )
        )
    files, pages = long_files(folder)
    for path in files:
        rows.append(
            (
                f"Đọc văn bản {pages} trang ({path.suffix})",
                median(lambda p=path: _read(p), max(1, repeat // 2)),
                median(lambda p=path: _bare(p), max(1, repeat // 2)),
                "luồng nền, có tiến độ",
            )
        )
    return rows


def peak_memory(path: Path) -> float:
    """MB of Python heap at its highest while reading `path` to a plan."""
    tracemalloc.start()
    _read(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024 / 1024


def quality(folder: Path) -> list[tuple[str, Score]]:
    expected = tomllib.loads(resource_path(*BUILTIN_PLAN).read_text(encoding="utf-8"))
    results = []
    for path in plan65_files(folder):
        found = read_plan(read_document(path)).plan_data()
        results.append((f"kế hoạch 65 ({path.suffix})", score(found, expected)))
    for name in variant_names():
        path = variant_document(name, folder)
        found = read_plan(read_document(path)).plan_data()
        wanted = tomllib.loads((VARIANTS / f"{name}.toml").read_text(encoding="utf-8"))
        results.append((f"{name} ({path.suffix})", score(found, wanted)))
    return results


def quality_table(results: list[tuple[str, Score]]) -> str:
    """One row per field, one column per document: precision / recall."""
    fields = list(results[0][1].fields)
    head = "| trường | " + " | ".join(name for name, _ in results) + " |"
    lines = [head, "|---|" + "---|" * len(results)]
    for field in fields:
        cells = []
        for _name, s in results:
            f = s.fields[field]
            cells.append(f"{f.precision:.0%} / {f.recall:.0%}" if f.expected or f.found else "–")
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    lines.append(
        "| chỉ tiêu bịa ra | " + " | ".join(str(len(s.invented)) for _, s in results) + " |"
    )
    lines.append(
        "| số không có trong câu trích | "
        + " | ".join(f"{len(s.unquoted)}/{s.figures_checked}" for _, s in results)
        + " |"
    )
    return "\n".join(lines)


def main(repeat: int = 5) -> int:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = speed(folder, repeat)
        print("| Phép đo | KH65 | Chỉ thư viện đọc chữ | Mục tiêu |\n|---|---|---|---|")
        for what, ours, bare, target in rows:
            print(f"| {what} | {ours * 1000:.0f} ms | {bare * 1000:.0f} ms | {target} |")
        for path in sorted(folder.glob("dai.*")):
            print(f"\nBộ nhớ Python tối đa khi đọc {path.name}: {peak_memory(path):.0f} MB")
        print("\nĐộ chính xác / độ phủ từng trường:\n")
        print(quality_table(quality(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
