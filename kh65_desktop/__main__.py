"""`python -m kh65_desktop` runs the `kh65` command (also the entry of the Windows build)."""

import sys

from kh65_desktop.cli import main

sys.exit(main())
