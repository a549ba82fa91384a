"""Pulse results that never expose anyone: nothing below k respondents, no group below k, and
no group that could be worked out by subtracting the shown ones from the total.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

MIN_K = 3  # the floor, whatever the settings say
COMMENTS_FROM = 10  # free text reveals more than a tick, so it waits for more people


class Scale(StrEnum):
    """What a pulse asks for."""

    OPTIONS = "options"
    LIKERT5 = "likert5"  # 1 strongly disagree ... 5 strongly agree
    NPS = "nps"  # 0 ... 10, how likely to recommend


@dataclass(frozen=True, slots=True)
class Answer:
    """One respondent's answer, with the groups it is broken down by (never who)."""

    choices: tuple[int, ...] = ()  # option indexes, for OPTIONS
    value: int | None = None  # for LIKERT5 and NPS
    comment: str = ""
    country: str = ""
    role: str = ""


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts per option, and mean and score for scales."""

    counts: tuple[int, ...]
    mean: float | None = None
    nps: float | None = None


@dataclass(frozen=True, slots=True)
class Results:
    """What may be shown of a pulse round."""

    respondents: int
    invited: int | None  # None for anonymous pulses, which do not know
    hidden: bool
    reason: str
    summary: Summary | None = None
    by_country: dict[str, Summary | None] = field(default_factory=dict)  # None: hidden group
    by_role: dict[str, Summary | None] = field(default_factory=dict)
    comments: tuple[str, ...] = ()

    @property
    def response_rate(self) -> float | None:
        """Share of the invited who answered, where that is known."""
        return self.respondents / self.invited if self.invited else None


def results(
    answers: Sequence[Answer],
    scale: Scale,
    option_count: int,
    k: int,
    invited: int | None,
    seed: int | None = None,
    comments: Sequence[str] = (),
) -> Results:
    """Apply the privacy rules and summarise what survives them.

    ``comments``: free text kept apart from the answers, besides any the answers carry.
    """
    extra = comments
    k = max(k, MIN_K)
    count = len(answers)
    if count < k:
        return Results(count, invited, True, f"fewer than {k} respondents")
    rows = _summarise(answers, scale, option_count)
    comments = [a.comment for a in answers if a.comment.strip()]
    comments += [text for text in extra if text.strip()]
    random.Random(seed).shuffle(comments)
    return Results(
        respondents=count,
        invited=invited,
        hidden=False,
        reason=""
        if count >= COMMENTS_FROM or not comments
        else f"comments shown from {COMMENTS_FROM} respondents",
        summary=rows,
        by_country=_breakdown(answers, "country", scale, option_count, k),
        by_role=_breakdown(answers, "role", scale, option_count, k),
        comments=tuple(comments) if count >= COMMENTS_FROM else (),
    )


def _summarise(answers: Sequence[Answer], scale: Scale, option_count: int) -> Summary:
    if scale is Scale.OPTIONS:
        tally = Counter(choice for a in answers for choice in a.choices)
        return Summary(tuple(tally[i] for i in range(option_count)))
    values = [a.value for a in answers if a.value is not None]
    low, high = (1, 5) if scale is Scale.LIKERT5 else (0, 10)
    tally = Counter(values)
    counts = tuple(tally[v] for v in range(low, high + 1))
    mean = sum(values) / len(values) if values else None
    if scale is Scale.LIKERT5 or not values:
        return Summary(counts, mean)
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    return Summary(counts, mean, 100.0 * (promoters - detractors) / len(values))


def _breakdown(
    answers: Sequence[Answer], by: str, scale: Scale, option_count: int, k: int
) -> dict[str, Summary | None]:
    groups: dict[str, list[Answer]] = {}
    for answer in answers:
        groups.setdefault(getattr(answer, by) or "unknown", []).append(answer)
    hidden = suppressed({name: len(members) for name, members in groups.items()}, k)
    return {
        name: None if name in hidden else _summarise(members, scale, option_count)
        for name, members in sorted(groups.items())
    }


def suppressed(sizes: dict[str, int], k: int) -> set[str]:
    """Groups to hide: those under k, and then the smallest others until no hidden one stands alone.

    Shown groups and the total together give the hidden ones' sum; so at least two groups must
    be hidden, and together they must hold at least k people, or subtraction undoes the hiding.
    """
    hidden = {name for name, size in sizes.items() if size < k}
    if not hidden:
        return hidden
    shown = sorted((size, name) for name, size in sizes.items() if name not in hidden)
    while shown and (len(hidden) < 2 or sum(sizes[h] for h in hidden) < k):
        hidden.add(shown.pop(0)[1])
    return hidden
