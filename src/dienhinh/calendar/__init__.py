"""The legal calendar: the achievement window, deadlines in Vietnam time, the year's schedule.

Every function takes its reference date as a parameter — never "today" —
and the :class:`~dienhinh.Ruleset` whose rules it reads; every result names
the readings (A-1 … A-4, A-16 … A-18) it relied on and gives its reasons.

>>> import datetime as dt
>>> from dienhinh import Readings, load_ruleset
>>> from dienhinh.calendar import achievement_window, check_deadline
>>> tq = load_ruleset("tuyen-quang-2023")
>>> w = achievement_window(tq, dt.date(2024, 12, 20))
>>> w.start.isoformat(), w.end.isoformat()
('2023-10-01', '2024-09-30')
>>> at = dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.timezone.utc)  # 30/10 01:30 in Vietnam
>>> c = check_deadline(tq, "dossier-submission", 2024, at)
>>> c.submitted_on.isoformat(), c.on_time
('2024-10-30', False)
>>> inclusive = Readings().choose("A-1", "inclusive")
>>> check_deadline(tq, "dossier-submission", 2024, at, readings=inclusive).on_time
True

Roll-over (A-17) needs the ``holidays`` extra and ``.ics`` export the ``ics``
extra; both are imported only when asked for.
"""

from dienhinh.calendar._deadline import (
    Deadline,
    DeadlineCheck,
    Wording,
    check_deadline,
    last_day_on_time,
)
from dienhinh.calendar._holidays import roll_over
from dienhinh.calendar._schedule import (
    DateRange,
    Event,
    EventKind,
    Milestone,
    Quarter,
    QuarterPart,
    Schedule,
    year_schedule,
)
from dienhinh.calendar._time import VIETNAM_TIME, local_day
from dienhinh.calendar._window import Window, WindowPolicy, achievement_window

__all__ = [
    "VIETNAM_TIME",
    "DateRange",
    "Deadline",
    "DeadlineCheck",
    "Event",
    "EventKind",
    "Milestone",
    "Quarter",
    "QuarterPart",
    "Schedule",
    "Window",
    "WindowPolicy",
    "Wording",
    "achievement_window",
    "check_deadline",
    "last_day_on_time",
    "local_day",
    "roll_over",
    "year_schedule",
]
