"""``python -m dienhinh`` is the ``dienhinh`` command."""

import sys

from dienhinh.cli import main

sys.exit(main())
