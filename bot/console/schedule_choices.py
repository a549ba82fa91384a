"""The audience ticks and repeat presets of the console's schedule forms, as the chat offers them.

Each tick is one written audience part (``country:MK``, ``role:coordinator``, ``groups``, ``all``);
the ticked parts joined by ``;`` are read by scheduler/audience.py, which merges them the way the
chat's picker does: countries and roles narrow together, the group chats come on top. The repeat
presets are the chat's (bot/schedules/repeats.py), each rule worked out from the first time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.conversation.audience_picker import CHATS_SHOWN, COUNTRY_ROWS, GROUP_MARK, GROUPS, ROLES
from bot.languages import texts
from bot.languages.i18n import Translate
from bot.schedules.repeats import PRESETS, preset_rule, repeat_words
from scheduler.audience import SEPARATOR, Audience, AudienceError
from scheduler.schedule_drafts import ScheduleError

EVERYONE = "all"
ONCE = ""  # the repeat field's value for "goes out once"
KEEP = "keep"  # a schedule's page: keep a rule no preset makes (typed in the chat, say)
NOTHING_TICKED = "nobody is ticked: tick Everyone, or countries, roles or group chats"
# Before a first time is given, a preset is named by what it will mean, as the chat's buttons do.
_UNDATED = {
    "weekly": texts.SAME_WEEKDAY,
    "monthly-date": texts.SAME_DATE,
    "monthly-weekday": texts.SAME_NTH_WEEKDAY,
    "workdays": texts.EVERY_WORKDAY,
}


def ticked_audience(ticked: Sequence[str]) -> Audience:
    """The audience the ticked parts make; ``ScheduleError`` for none, or one not understood."""
    if not ticked:
        raise ScheduleError("audience", NOTHING_TICKED)
    try:
        return Audience.parse(SEPARATOR.join(ticked))
    except AudienceError as error:
        raise ScheduleError("audience", str(error)) from error


def audience_ticks(tr: Translate, chats: Sequence[tuple[int, str]] = ()) -> list[tuple[str, str]]:
    """Every tick the form offers, value and label: countries, then roles, then group chats,
    and each group chat (``chats``: number and title) while there are few, as in the chat."""
    countries = [(f"country:{c}", tr(texts.COUNTRY_NAMES[c])) for row in COUNTRY_ROWS for c in row]
    roles = [(f"role:{r}", tr(texts.ROLE_AUDIENCES[r])) for r in ROLES]
    each = [(f"{GROUPS}:{n}", GROUP_MARK + (title or f"#{n}")) for n, title in chats]
    shown = each if 1 < len(each) <= CHATS_SHOWN else []
    return [*countries, *roles, (GROUPS, tr(texts.GROUP_CHATS)), *shown]


def preset_of(choice: str, first: datetime, kept: str | None = None) -> str | None:
    """The rule a repeat choice makes from the first (local) time; None for once; ``kept``
    for Keep, on a schedule's page."""
    if choice == ONCE:
        return None
    if choice == KEEP and kept is not None:
        return kept
    if choice not in PRESETS:
        expected = ", ".join(PRESETS)
        raise ScheduleError("rule", f"unknown repeat {choice!r}; expected one of {expected}")
    return preset_rule(choice, first)


def repeat_choices(first: datetime | None, tr: Translate) -> list[tuple[str, str]]:
    """Once and every preset, value and label: what each means from ``first`` when it is known."""
    choices = [(ONCE, tr(texts.ONCE))]
    for preset in PRESETS:
        label = repeat_words(preset_rule(preset, first), tr) if first else tr(_UNDATED[preset])
        choices.append((preset, label))
    return choices


def current_choice(rule: str | None, first: datetime | None) -> str:
    """The choice that makes ``rule`` from ``first``: what a schedule's page starts from;
    Keep when no preset makes it."""
    if rule is None:
        return ONCE
    text = rule.removeprefix("RRULE:")
    found = (p for p in PRESETS if first is not None and preset_rule(p, first) == text)
    return next(found, KEEP)
