"""`python -m kh65_desktop` runs the `kh65` command (also the entry of the Windows build)."""

import logging
import os
import sys

from kh65_desktop.cli import main

code = main()
if getattr(sys, "frozen", False):
    # In the PyInstaller bundle the interpreter's final garbage collection can abort on a
    # reference-count fault inside the Qt bindings (seen with PySide6 6.12, "bool_dealloc").
    # Everything is saved and closed by now (SQLite committed, engine disposed), so the
    # bundle skips that collection rather than end with a crash report.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
sys.exit(code)
