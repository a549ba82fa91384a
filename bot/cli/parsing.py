"""Checking what an operator typed: ids, countries, roles, languages, counts and durations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.members import COUNTRIES, Identity, Language, Role

TELEGRAM = "telegram"
SIGNAL = "signal"
NAME_LIMIT = 200  # the width of members.name
INT_LIMIT = 2**31 - 1  # the largest value of an Integer column on PostgreSQL
TELEGRAM_LIMIT = 2**53  # Telegram promises user ids fit in 52 bits


def _listing(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + " or " + names[-1]


def number(text: str, what: str, largest: int = INT_LIMIT) -> int:
    """A whole number from 1 to ``largest``, such as a member id or a count."""
    cleaned = text.strip()
    if not re.fullmatch(r"[0-9]{1,30}", cleaned) or int(cleaned) < 1:
        raise ValueError(f"{what} must be a positive whole number, not {text!r}")
    if int(cleaned) > largest:
        raise ValueError(f"{what} {text!r} is too large")
    return int(cleaned)


def member_id(text: str) -> int:
    """A member's id as ``mreza members list`` shows it."""
    return number(text, "the member id")


def uses(text: str) -> int:
    """How many people an invite admits."""
    return number(text, "--uses")


def telegram_identity(text: str) -> Identity:
    """A Telegram account from its numeric user id."""
    return Identity(TELEGRAM, str(number(text, "the telegram id", TELEGRAM_LIMIT)))


def signal_identity(text: str) -> Identity:
    """A Signal account: a phone number in international form, or the UUID of a hidden one."""
    cleaned = re.sub(r"[\s().-]", "", text)
    if re.fullmatch(r"\+[1-9][0-9]{6,14}", cleaned):
        return Identity(SIGNAL, cleaned)
    lowered = text.strip().lower()
    if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lowered):
        return Identity(SIGNAL, lowered)
    raise ValueError(
        f"the Signal number must be written with + and the country code, like +38160123456 "
        f"(or be the account's UUID), not {text!r}"
    )


def name(text: str) -> str:
    """A member's name: not empty, and short enough to store."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError("the name is empty")
    if len(cleaned) > NAME_LIMIT:
        raise ValueError(f"the name is longer than {NAME_LIMIT} characters")
    return cleaned


def country(text: str) -> str:
    """One of the network's countries, whatever the letter case."""
    for known in COUNTRIES:
        if text.strip().casefold() == known.casefold():
            return known
    raise ValueError(f"unknown country {text!r}; use {_listing(COUNTRIES)}")


def role(text: str) -> Role:
    """A role by its name."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValueError(f"unknown role {text!r}; use {_listing([*Role])}") from None


def language(text: str) -> Language:
    """An interface language by its code."""
    try:
        return Language(text.strip().lower())
    except ValueError:
        raise ValueError(f"unknown language {text!r}; use {_listing([*Language])}") from None
