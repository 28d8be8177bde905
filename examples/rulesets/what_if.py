"""A what-if: Tuyên Quang's dossier deadline read three ways, and a cap raised to 20.

Run: ``uv run python examples/rulesets/what_if.py``
"""

from __future__ import annotations

import datetime as dt

from dienhinh import Readings, load_ruleset
from dienhinh.calendar import check_deadline
from dienhinh.voting import Cap


def main() -> None:
    tq = load_ruleset("tuyen-quang-2023")
    submitted = dt.datetime(2027, 10, 31, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    readings = {
        "strict (default)": Readings(),
        "inclusive": Readings({"A-1": "inclusive"}),
        "inclusive + roll-over": Readings({"A-1": "inclusive", "A-17": "roll-over"}),
    }
    for label, chosen in readings.items():
        check = check_deadline(tq, "dossier-submission", 2027, submitted, readings=chosen)
        print(f"{label:24} last day {check.last_day_on_time}  on time: {check.on_time}")

    assert tq.cap is not None
    bigger = tq.variant("tuyen-quang-2023-cap-20", cap=Cap(20, rule=tq.cap.rule))
    print(f"cap: {tq.cap.slots} → {bigger.cap.slots if bigger.cap else None} ({bigger.id})")


if __name__ == "__main__":
    main()
