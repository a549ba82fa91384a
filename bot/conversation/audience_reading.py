"""Audiences as people type them, in the dialogs and on the command line alike.

Beside the written forms of scheduler/audience.py, countries may be named in any of the four
languages: "Македонија,Србија", "Crna Gora", "montenegro", "country:Srbija,ME", and combined
with a role: "Srbija;role:coordinator". What is not understood is named in the refusal.
"""

from __future__ import annotations

from bot.conversation.country_names import countries_named
from core.members import COUNTRIES
from scheduler.audience import SEPARATOR, USAGE, Audience, AudienceError

NAMES_HINT = "or a country's name in any of the four languages (Srbija, Crna Gora, Македонија)"


def read_audience(text: str) -> Audience:
    """The audience ``text`` means; ``AudienceError`` naming what it does not understand."""
    parts = [part for part in text.split(SEPARATOR) if part.strip()]
    if not parts:
        raise AudienceError(f"not an audience: {text!r}; expected {USAGE}")
    read = [_part(part.strip()) for part in parts]
    if len(read) > 1 and any(audience.everyone for audience in read):
        raise AudienceError(f"all goes alone: {text!r}; expected {USAGE}")
    # Written back and parsed once more: parse merges the kinds and refuses "all" beside others.
    return Audience.parse(SEPARATOR.join(str(audience) for audience in read))


def _part(part: str) -> Audience:
    kind, colon, value = part.partition(":")
    if colon and kind.strip().lower() == "country":
        return _countries(value, prefixed=True)
    if colon or kind.strip().lower() in ("all", "everyone", "groups"):
        return Audience.parse(part)
    return _countries(part, prefixed=False)


def _countries(listed: str, prefixed: bool) -> Audience:
    """Codes or names, separated by commas (names may also be joined by "and" in words)."""
    found: set[str] = set()
    unknown: list[str] = []
    for piece in (p.strip() for p in listed.split(",") if p.strip()):
        code = "regional" if piece.lower() == "regional" else piece.upper()
        named = {code} if code in COUNTRIES else countries_named(piece)
        if named:
            found |= named
        else:
            unknown.append(piece)
    if not found and not prefixed:  # nothing here is a country: maybe no audience was meant
        raise AudienceError(f"not an audience: {listed!r}; expected {USAGE}, {NAMES_HINT}")
    if unknown or not found:
        names = ", ".join(repr(piece) for piece in unknown) or repr(listed)
        raise AudienceError(
            f"unknown country {names}; expected one of {', '.join(COUNTRIES)}, {NAMES_HINT}"
        )
    return Audience(countries=frozenset(found))
