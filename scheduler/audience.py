"""Who hears an announcement: everyone, or some countries and roles, and the group chats.

Kinds combine the way audience filters do in Slack or Culture Amp: within a kind any value
matches (Serbia or Montenegro), across kinds all must (the coordinators in Serbia); the group
chats come on top of the members: all of them (``groups``), or some by their number in the
group_chats table (``groups:3,7``). Written: ``country:MK,RS;role:coordinator;groups``. A single
kind is written as it always was (``country:MK,RS``, ``role:coordinator``, ``groups``, ``all``),
so audiences stored before kinds combined read the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.members import COUNTRIES, Member, Role, Status


class AudienceError(ValueError):
    """An audience that cannot be understood; the message says what is expected."""


USAGE = (
    "all, country:RS,ME (BA, ME, MK, RS, regional), role:coordinator (member, admin), groups "
    "(or groups:3,7, some of them), or kinds joined by ; (country:MK,RS;role:coordinator)"
)
SEPARATOR = ";"


@dataclass(frozen=True, slots=True)
class Audience:
    """A parsed audience; ``str()`` gives it back in its canonical written form."""

    everyone: bool = False
    countries: frozenset[str] = frozenset()
    roles: frozenset[Role] = frozenset()
    groups: bool = False  # every group chat Mreža is in
    chats: frozenset[int] = frozenset()  # some group chats, by id (none when ``groups``)

    @classmethod
    def parse(cls, text: str) -> Audience:
        """Read ``all``, ``country:RS,ME``, ``role:coordinator``, ``groups`` or several kinds
        joined by ``;``."""
        parts = [part for part in text.split(SEPARATOR) if part.strip()]
        if not parts:
            raise AudienceError(f"not an audience: {text!r}; expected {USAGE}")
        found = [_part(part) for part in parts]
        if len(found) > 1 and any(part.everyone for part in found):
            raise AudienceError(f"all goes alone: {text!r}; expected {USAGE}")
        groups = any(part.groups for part in found)
        return cls(
            everyone=any(part.everyone for part in found),
            countries=frozenset(c for part in found for c in part.countries),
            roles=frozenset(r for part in found for r in part.roles),
            groups=groups,
            chats=frozenset() if groups else frozenset(c for part in found for c in part.chats),
        )

    @property
    def reaches_chats(self) -> bool:
        """True when group chats are reached: all of them, or some."""
        return self.groups or bool(self.chats)

    @property
    def reaches_members(self) -> bool:
        """True when members are reached, not only group chats."""
        return self.everyone or bool(self.countries or self.roles)

    def __str__(self) -> str:
        if self.everyone:
            return "all"
        parts = []
        if self.countries:
            parts.append("country:" + ",".join(sorted(self.countries)))
        if self.roles:
            parts.append("role:" + ",".join(r.value for r in Role if r in self.roles))
        if self.groups:
            parts.append("groups")
        elif self.chats:
            parts.append("groups:" + ",".join(str(c) for c in sorted(self.chats)))
        assert parts, "parse never makes an empty audience"
        return SEPARATOR.join(parts)

    def includes(self, member: Member) -> bool:
        """True for an active member this audience reaches (group chats are not members)."""
        if member.status is not Status.ACTIVE or not self.reaches_members:
            return False
        if self.countries and member.country not in self.countries:
            return False
        return not self.roles or any(member.role.includes(role) for role in self.roles)

    def members(self, candidates: Iterable[Member]) -> list[Member]:
        """The members it reaches, in id order."""
        return sorted((m for m in candidates if self.includes(m)), key=lambda m: m.id)


def _part(text: str) -> Audience:
    """One kind: ``all``, ``groups``, ``country:...`` or ``role:...``."""
    kind, _, value = text.strip().partition(":")
    kind = kind.strip().lower()
    if kind in ("all", "everyone") and not value:
        return Audience(everyone=True)
    if kind == "groups":
        return Audience(chats=_chats(value)) if value.strip() else Audience(groups=True)
    if kind == "country" and value:
        return Audience(countries=frozenset(_countries(value.split(","))))
    if kind == "role" and value:
        return Audience(roles=frozenset(_roles(value.split(","))))
    raise AudienceError(f"not an audience: {text.strip()!r}; expected {USAGE}")


def _chats(value: str) -> frozenset[int]:
    numbers = [v.strip() for v in value.split(",") if v.strip()]
    if not numbers or not all(n.isdigit() for n in numbers):
        raise AudienceError(f"not group chat numbers: {value.strip()!r}; expected {USAGE}")
    return frozenset(int(n) for n in numbers)


def _roles(values: Iterable[str]) -> list[Role]:
    found = []
    for value in (v.strip() for v in values if v.strip()):
        try:
            found.append(Role(value.lower()))
        except ValueError:
            raise AudienceError(f"unknown role {value!r}; expected {USAGE}") from None
    if not found:
        raise AudienceError(f"no role given; expected {USAGE}")
    return found


def _countries(values: Iterable[str]) -> list[str]:
    found = []
    for value in (v.strip() for v in values if v.strip()):
        code = "regional" if value.lower() == "regional" else value.upper()
        if code not in COUNTRIES:
            raise AudienceError(
                f"unknown country {value!r}; expected one of {', '.join(COUNTRIES)}"
            )
        found.append(code)
    if not found:
        raise AudienceError(f"no country given; expected {USAGE}")
    return found
