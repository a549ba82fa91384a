"""An RRULE read part by part before dateutil sees it: every value within its range.

dateutil accepts rules it can never finish computing (``INTERVAL=0`` spins for ever) and
answers others with a bare traceback (``BYHOUR=25``), so what a coordinator typed is checked
here first and refused with one line that names the part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateutil.parser import ParserError, isoparse

# More often than hourly is spam, not news.
ALLOWED_FREQUENCIES = frozenset(("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"))
HOURLY_AT_MOST = "repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)"
# Bounds that no real schedule reaches: every 1,000 years, days or hours; ten thousand times.
MOST_INTERVAL = 1000
MOST_COUNT = 10_000
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEKDAY = re.compile(r"([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_NUMBER = re.compile(r"[+-]?\d{1,4}")
_UNTIL = re.compile(r"\d{8}(T\d{6})?")
# The longest month each month can have: a BYMONTHDAY beyond it never comes.
MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class RuleError(ValueError):
    """What is wrong with a rule, in one line; ``code`` says which kind of wrong."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Span:
    """The values a BY-part may take; ``signed`` parts count from the end when negative."""

    low: int
    high: int
    signed: bool = False

    def check(self, name: str, value: int) -> None:
        """Refuse a value out of range (zero is never a position from either end)."""
        size = abs(value) if self.signed else value
        if (value < 0 and not self.signed) or not self.low <= size <= self.high:
            sign = "±" if self.signed else ""
            raise RuleError(f"{name}={value} is out of range ({sign}{self.low} to {self.high})")


SPANS = {
    "BYMONTH": Span(1, 12),
    "BYMONTHDAY": Span(1, 31, signed=True),
    "BYYEARDAY": Span(1, 366, signed=True),
    "BYWEEKNO": Span(1, 53, signed=True),
    "BYHOUR": Span(0, 23),
    "BYMINUTE": Span(0, 59),
    "BYSECOND": Span(0, 59),
    "BYSETPOS": Span(1, 366, signed=True),
}
KNOWN = frozenset(("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", *SPANS))


def check_rule(rule: str) -> dict[str, str]:
    """The rule's parts by name, once every part is known and within its range."""
    parts = _parts(rule)
    frequency = parts.get("FREQ")
    if frequency is None:
        raise RuleError("the rule needs a FREQ, such as FREQ=WEEKLY")
    if frequency in ("MINUTELY", "SECONDLY"):
        raise RuleError(HOURLY_AT_MOST, "often")
    if frequency not in ALLOWED_FREQUENCIES:
        raise RuleError(f"FREQ={frequency} is not one of YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY")
    _bounded("INTERVAL", parts.get("INTERVAL", "1"), MOST_INTERVAL)
    if "COUNT" in parts and "UNTIL" in parts:
        raise RuleError("give COUNT or UNTIL, not both")
    if "COUNT" in parts:
        _bounded("COUNT", parts["COUNT"], MOST_COUNT)
    if "UNTIL" in parts:
        _until(parts["UNTIL"])
    if parts.get("WKST", "MO") not in WEEKDAYS:
        raise RuleError(f"WKST={parts['WKST']} is not a weekday ({', '.join(WEEKDAYS)})")
    for name, span in SPANS.items():
        for value in _numbers(name, parts.get(name)):
            span.check(name, value)
    _weekdays(parts.get("BYDAY"), frequency)
    _possible_days(parts)
    return parts


def _parts(rule: str) -> dict[str, str]:
    text = rule.strip().upper().removeprefix("RRULE:")
    parts: dict[str, str] = {}
    for piece in filter(str.strip, text.split(";")):  # a stray semicolon is harmless
        name, equals, value = piece.partition("=")
        name, value = name.strip(), value.strip()
        if not equals or not name or not value:
            raise RuleError(f"{piece.strip()!r} is not NAME=VALUE")
        if name not in KNOWN:
            raise RuleError(f"{name} is not a part Mreža repeats by")
        if name in parts:
            raise RuleError(f"{name} is given twice")
        parts[name] = value
    return parts


def _bounded(name: str, text: str, most: int) -> None:
    if not text.isdigit() or not 1 <= int(text) <= most:
        raise RuleError(f"{name}={text} must be a whole number from 1 to {most:,}")


def _until(text: str) -> None:
    if text.endswith("Z"):
        raise RuleError(f"UNTIL={text}: write it in local time, like 20271231T235959 (no Z)")
    try:
        if not _UNTIL.fullmatch(text):
            raise ValueError(text)
        isoparse(text)
    except (ParserError, ValueError, OverflowError):
        raise RuleError(f"UNTIL={text} is not a date like 20271231 or 20271231T235959") from None


def _numbers(name: str, text: str | None) -> list[int]:
    if text is None:
        return []
    values = text.split(",")
    if not all(_NUMBER.fullmatch(value) for value in values):
        raise RuleError(f"{name}={text} must be whole numbers separated by commas")
    return [int(value) for value in values]


def _weekdays(text: str | None, frequency: str) -> None:
    for value in (text or "").split(",") if text else []:
        found = _WEEKDAY.fullmatch(value)
        if found is None:
            raise RuleError(f"BYDAY={text}: {value!r} is not a weekday like MO or 1MO")
        if found.group(2) is None:
            continue
        if frequency not in ("MONTHLY", "YEARLY"):
            raise RuleError(f"BYDAY={value} counts weekdays only with FREQ=MONTHLY or YEARLY")
        if not 1 <= int(found.group(2)) <= 53:
            raise RuleError(f"BYDAY={value} is out of range (±1 to 53 before the weekday)")


def _possible_days(parts: dict[str, str]) -> None:
    """Refuse month days that none of the months has (February 30th): they never come."""
    months = _numbers("BYMONTH", parts.get("BYMONTH")) or list(range(1, 13))
    days = _numbers("BYMONTHDAY", parts.get("BYMONTHDAY"))
    longest = max(MONTH_DAYS[month - 1] for month in months)
    if days and all(abs(day) > longest for day in days):
        raise RuleError(f"BYMONTHDAY={parts['BYMONTHDAY']} never comes in those months", "never")
