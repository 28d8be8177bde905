"""What the calendar reads of a ruleset, as a structural type.

The calendar never imports :mod:`dienhinh.rulesets`: its functions take any
object that carries the parts they read — the document's identity and
status (a kernel :class:`~dienhinh._documents.Source`), its period of effect
and successor (a kernel :class:`~dienhinh._effect.Governed`), its deadlines,
milestones and window policy. A
:class:`~dienhinh.Ruleset` is one; a test or another program may pass its
own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from dienhinh._effect import EffectPeriod, Governed

if TYPE_CHECKING:
    from dienhinh.calendar._deadline import Deadline
    from dienhinh.calendar._schedule import Milestone
    from dienhinh.calendar._window import WindowPolicy

__all__ = ["CalendarRules", "EffectPeriod"]


class CalendarRules(Governed, Protocol):
    """The parts of a ruleset the calendar's functions read."""

    @property
    def window(self) -> WindowPolicy | None: ...

    @property
    def deadlines(self) -> tuple[Deadline, ...]: ...

    @property
    def milestones(self) -> tuple[Milestone, ...]: ...

    @property
    def effective(self) -> EffectPeriod: ...

    def deadline(self, name: str) -> Deadline:
        """The deadline called ``name``, or :class:`~dienhinh.UnknownDeadlineError`."""
        ...
