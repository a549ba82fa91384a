"""A pulse and its rounds as the rest of Mreža reads them, from the schedule that holds them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import Mode, scale_values


@dataclass(frozen=True, slots=True)
class Pulse:
    """The question and its rules; its id is its schedule's."""

    id: int
    question: str
    scale: Scale
    options: tuple[str, ...]
    multiple: bool
    comment: bool
    mode: Mode
    open_for: timedelta
    remind_after: timedelta | None
    audience: str
    created_by: int | None

    @classmethod
    def from_schedule(
        cls, schedule_id: int, payload: dict[str, object], audience: str, created_by: int | None
    ) -> Pulse:
        """The pulse a schedule of kind "pulse" describes."""
        options = payload.get("options")
        remind = payload.get("remind_minutes")
        return cls(
            id=schedule_id,
            question=str(payload.get("question", "")),
            scale=Scale(str(payload.get("scale", Scale.OPTIONS))),
            options=tuple(str(o) for o in options) if isinstance(options, list) else (),
            multiple=bool(payload.get("multiple")),
            comment=bool(payload.get("comment")),
            mode=Mode(str(payload.get("mode", Mode.CONFIDENTIAL))),
            open_for=timedelta(minutes=_int(payload.get("open_minutes"), 60 * 24 * 3)),
            remind_after=timedelta(minutes=remind) if isinstance(remind, int) else None,
            audience=audience,
            created_by=created_by,
        )

    @property
    def labels(self) -> tuple[str, ...]:
        """What an answer picks among: the options, or the scale's numbers."""
        if self.scale is Scale.OPTIONS:
            return self.options
        return tuple(str(v) for v in scale_values(self.scale))

    @property
    def native(self) -> bool:
        """Asked as a native poll where the transport has them.

        Options always; scales only when anonymous, since buttons say who pressed them.
        """
        return self.scale is Scale.OPTIONS or self.mode is Mode.ANONYMOUS

    def value_of(self, pick: int) -> int | None:
        """The scale value an answer's pick stands for; None for options."""
        if self.scale is Scale.OPTIONS:
            return None
        return scale_values(self.scale)[pick]


@dataclass(frozen=True, slots=True)
class Round:
    """One firing of a pulse: open from ``opens_at`` until ``closes_at`` or until closed."""

    id: int  # the occurrence's id
    pulse: Pulse
    opens_at: datetime
    closes_at: datetime
    closed: bool

    def is_open(self, now: datetime) -> bool:
        """True while answers count."""
        return not self.closed and now < self.closes_at


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) else default
