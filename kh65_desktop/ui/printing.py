"""Printing a report: its PDF pages rendered by PDFium at the printer's resolution, so
what prints is exactly the file that is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

POINTS_PER_INCH = 72
PREVIEW_WIDTH = 1000  # pixels: an A4 page at page width reads like paper


def pdf_pages(path: Path, dpi: int) -> Iterator[QImage]:
    """Each page of a PDF as an image at `dpi`."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        for page in document:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888,
            )
            yield image.copy()  # the bitmap's memory goes with the page
    finally:
        document.close()


def prepare_printer(printer: QPrinter) -> None:
    """A4 portrait, whole page: the PDF carries the Decree 30 margins itself."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def print_pdf(printer: QPrinter, path: Path) -> int:
    """Paint every page of `path` onto `printer`; returns how many pages."""
    painter = QPainter(printer)
    count = 0
    try:
        for count, image in enumerate(pdf_pages(path, min(printer.resolution(), 300)), start=1):
            if count > 1:
                printer.newPage()
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()
    return count


def open_at_page_width(dialog: QPrintPreviewDialog) -> None:
    """Show the preview at the page's width (Qt opens on the whole page, too small to read
    on a 1366×768 screen), with the toolbar's "fit width" button pressed to match."""
    fit_width = dialog.findChild(QAction, "fitWidthAction")
    if fit_width is not None:
        fit_width.trigger()
    screen = (dialog.parentWidget() or dialog).screen().availableGeometry()
    dialog.resize(min(PREVIEW_WIDTH, screen.width() - 40), screen.height() - 80)  # A4 readable
