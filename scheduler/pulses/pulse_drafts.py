"""A pulse as a coordinator asks for it, checked before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from core.members import Language
from scheduler.audience import Audience
from scheduler.pulses.disclosure import Scale
from scheduler.schedule_drafts import ScheduleError, When, check_forms, in_version

QUESTION_LIMIT = 300  # Telegram's limit for a poll question
OPTION_LIMIT = 100  # and for an option
FEWEST_OPTIONS, MOST_OPTIONS = 2, 12
SHORTEST_OPEN = timedelta(minutes=10)
LONGEST_OPEN = timedelta(days=31)
DEFAULT_OPEN = timedelta(days=3)
DEFAULT_REMINDER = timedelta(days=2)
KIND = "pulse"
REMINDER_KIND = "pulse-reminder"


def default_reminder(open_for: timedelta) -> timedelta:
    """When to remind if nobody said: after two days, or halfway through a shorter pulse."""
    return DEFAULT_REMINDER if open_for > DEFAULT_REMINDER else open_for / 2


class Mode(StrEnum):
    """How much Mreža may know about who answered; both keep answers apart from names."""

    CONFIDENTIAL = "confidential"  # knows who answered (to remind the others), not what
    ANONYMOUS = "anonymous"  # never keeps who received the poll; reminds everyone


@dataclass(frozen=True, slots=True)
class PulseDraft:
    """A question, what answers it takes, whom it asks, when it opens and for how long."""

    question: str
    audience: Audience
    scale: Scale = Scale.OPTIONS
    options: tuple[str, ...] = ()
    multiple: bool = False
    comment: bool = False
    when: When = field(default_factory=When)
    open_for: timedelta = DEFAULT_OPEN
    remind_after: timedelta | None = DEFAULT_REMINDER  # None: no reminder
    mode: Mode = Mode.CONFIDENTIAL
    language: Language = Language.EN  # the author's, the question's and options'
    # The question and the options in other forms; options are matched by position.
    versions: Mapping[Language, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def check(self, now: datetime) -> None:
        """Every rule a pulse must follow; the first one broken is raised."""
        check_forms(self.language, self.versions)
        self._check_texts()
        for language, (question, options) in self.versions.items():
            if len(options) != len(self.options):
                raise ScheduleError(
                    "version-options",
                    f"the {language.value} version has {len(options)} options, "
                    f"the author's {len(self.options)}: give each option in the same order",
                )
            version = replace(self, question=question, options=options, versions={})
            in_version(language, version._check_texts)
        if not SHORTEST_OPEN <= self.open_for <= LONGEST_OPEN:
            raise ScheduleError("open-for", "a pulse stays open from 10 minutes to 31 days")
        if self.remind_after is not None and not timedelta(0) < self.remind_after < self.open_for:
            raise ScheduleError("remind-after", "the reminder must come before the pulse closes")
        self.when.check(now)

    def version_fields(self) -> dict[Language, dict[str, object]]:
        """What each version replaces in the payload."""
        return {
            language: {"question": question.strip(), "options": [o.strip() for o in options]}
            for language, (question, options) in self.versions.items()
        }

    def _check_texts(self) -> None:
        question = self.question.strip()
        if not question:
            raise ScheduleError("empty", "the pulse has no question")
        if len(question) > QUESTION_LIMIT:
            raise ScheduleError(
                "question-too-long",
                f"the question has {len(question)} characters; the limit is {QUESTION_LIMIT}",
            )
        self._check_options()

    def _check_options(self) -> None:
        if self.scale is not Scale.OPTIONS:
            if self.options:
                raise ScheduleError("scale-options", "a scale pulse takes no options")
            return
        options = [o.strip() for o in self.options]
        if not FEWEST_OPTIONS <= len(options) <= MOST_OPTIONS:
            raise ScheduleError("options-count", f"a pulse has 2 to 12 options, not {len(options)}")
        if any(not o for o in options):
            raise ScheduleError("option-empty", "an option is empty")
        if len({o.casefold() for o in options}) < len(options):
            raise ScheduleError("options-duplicate", "two options are the same")
        longest = max(options, key=len)
        if len(longest) > OPTION_LIMIT:
            raise ScheduleError(
                "option-too-long", f"the option {longest[:30]!r}… is over {OPTION_LIMIT} characters"
            )

    def payload(self) -> dict[str, object]:
        """What the schedule keeps: everything a round needs to be sent, answered and closed."""
        return {
            "question": self.question.strip(),
            "scale": self.scale.value,
            "options": [o.strip() for o in self.options],
            "multiple": self.multiple,
            "comment": self.comment,
            "mode": self.mode.value,
            "zone": self.when.zone,
            "open_minutes": int(self.open_for.total_seconds() // 60),
            "remind_minutes": (
                int(self.remind_after.total_seconds() // 60) if self.remind_after else None
            ),
        }


def scale_values(scale: Scale) -> range:
    """The values a scale answer may take."""
    return range(1, 6) if scale is Scale.LIKERT5 else range(0, 11)
