"""``python -m dienhinh`` is the ``dienhinh`` command."""

from dienhinh.cli._main import run

if __name__ == "__main__":
    run()
