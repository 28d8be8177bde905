"""The ``dienhinh`` command: JSON in, JSON out (one module per command group)."""

from dienhinh.cli._main import main

__all__ = ["main"]
