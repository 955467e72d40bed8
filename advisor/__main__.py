"""`python -m advisor` works like the `advisor` command."""

from __future__ import annotations

import sys

from advisor.terminal.cli import main

if __name__ == "__main__":
    sys.exit(main())
