"""`python -m kh65_desktop` runs the `kh65` command."""

import sys

from .cli import main

sys.exit(main())
