"""Spans of time as people write them: 7d, 12h, 30m, 2w, 1d12h."""

from __future__ import annotations

import re
from datetime import timedelta

LONGEST = timedelta(days=3653)  # ten years; "never" is the honest way to ask for more
_DURATION = re.compile(r"(?:\d{1,9}[wdhm])+")
_PART = re.compile(r"(\d+)([wdhm])")
_UNITS = {
    "w": timedelta(weeks=1),
    "d": timedelta(days=1),
    "h": timedelta(hours=1),
    "m": timedelta(minutes=1),
}


def duration(text: str) -> timedelta:
    """A span such as ``7d``, ``12h``, ``30m``, ``2w`` or ``1d12h``, never zero."""
    cleaned = text.strip().lower()
    if not _DURATION.fullmatch(cleaned):
        raise ValueError(f"cannot read the duration {text!r}; write it like 7d, 12h or 30m")
    try:
        span = sum((int(n) * _UNITS[unit] for n, unit in _PART.findall(cleaned)), timedelta())
    except OverflowError:
        raise ValueError(f"the duration {text!r} is too long") from None
    if not span:
        raise ValueError(f"the duration {text!r} is zero")
    if span > LONGEST:
        raise ValueError(f"the duration {text!r} is longer than ten years")
    return span
