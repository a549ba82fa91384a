"""Times and spans as members read them: local wall-clock times, and "1 day and 2 hours".

Dates are written 2026-12-01 10:00 in every language: unambiguous across the region, and the
same form coordinators type. Spans use Babel's plural rules (1 dan, 2 dana, 5 dana).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.lists import format_list
from babel.units import format_unit

from core.members import Language

# Babel locales per interface language: BCMS Latin reads Bosnian's ijekavian forms.
LOCALES = {Language.EN: "en_GB", Language.BCMS: "bs", Language.SR_CYRL: "sr", Language.MK: "mk"}
_UNITS = (
    ("duration-day", timedelta(days=1)),
    ("duration-hour", timedelta(hours=1)),
    ("duration-minute", timedelta(minutes=1)),
    ("duration-second", timedelta(seconds=1)),
)


def local_time(moment: datetime, zone: str) -> str:
    """``2026-12-01 10:00``: the moment on the wall clocks of ``zone``."""
    return f"{moment.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}"


def local_range(starts: datetime, ends: datetime, zone: str) -> str:
    """``2026-12-01 10:00–12:00 (Europe/Belgrade)``, with the end's date when it differs."""
    first, last = local_time(starts, zone), local_time(ends, zone)
    end = last[11:] if first[:10] == last[:10] else last
    return f"{first}–{end} ({zone})"


def span(delta: timedelta, language: Language) -> str:
    """A span in words, largest units first: "1 day and 12 hours"; under a second, "0 seconds"."""
    locale = LOCALES[language]
    parts: list[str] = []
    rest = delta
    for unit, size in _UNITS:
        count, rest = divmod(rest, size)
        if count:
            parts.append(format_unit(count, unit, locale=locale))
    return (
        format_list(parts, locale=locale)
        if parts
        else format_unit(0, "duration-second", locale=locale)
    )


def spans(deltas: Sequence[timedelta], language: Language) -> str:
    """Several spans in one list, longest first: "1 day and 1 hour"."""
    words = [span(d, language) for d in sorted(deltas, reverse=True)]
    return format_list(words, locale=LOCALES[language])
