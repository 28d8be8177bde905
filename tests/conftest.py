"""Test settings: Hypothesis profiles (``ci`` is the default; ``dev`` digs deeper; ``mutation``
for mutmut)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=1000, deadline=None)
# Mutation testing (docs/mutation.md): mutmut runs the tests many times in one process, so the
# same test is called from several executors; the examples are fixed so a verdict is repeatable,
# a failure is not shrunk (a mutant is killed by any failing example), and 20 examples keep a
# run of a package within the hour on two cores.
settings.register_profile(
    "mutation",
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
