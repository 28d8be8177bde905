"""``python -m dienhinh`` is the ``dienhinh`` command."""

import sys

from dienhinh.cli import main

if __name__ == "__main__":
    sys.exit(main())
