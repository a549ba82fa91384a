"""Checking what an operator typed: ids, countries, roles, languages, counts and durations."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from core.members import COUNTRIES, Identity, Language, Role

E164 = phonenumbers.PhoneNumberFormat.E164
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


def signal_identity(text: str, country: str | None = None) -> Identity:
    """A Signal account: a phone number, or the UUID of a hidden one.

    Ministry spreadsheets write numbers the local way (``065 123 456`` in Bosnia and
    Herzegovina), so a number without its country code is read as one of the member's country.
    """
    lowered = text.strip().lower()
    if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lowered):
        return Identity(SIGNAL, lowered)
    region = country if country in COUNTRIES and country != "regional" else None
    try:
        number_ = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number_ = None
    if number_ is None or not phonenumbers.is_possible_number(number_):
        local = f" or {region}'s own way" if region else ""
        raise ValueError(
            f"cannot read the Signal number {text!r}; write it with + and the country code, "
            f"like +38160123456{local} (or give the account's UUID)"
        )
    return Identity(SIGNAL, phonenumbers.format_number(number_, E164))


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
