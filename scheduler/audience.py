"""Who hears an announcement: everyone, some countries, a role, or the group chats."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.members import COUNTRIES, Member, Role, Status


class AudienceError(ValueError):
    """An audience that cannot be understood; the message says what is expected."""


USAGE = "all, country:RS,ME (BA, ME, MK, RS, regional), role:coordinator (member, admin), or groups"


@dataclass(frozen=True, slots=True)
class Audience:
    """A parsed audience; ``str()`` gives it back in its canonical written form."""

    everyone: bool = False
    countries: frozenset[str] = frozenset()
    role: Role | None = None
    groups: bool = False

    @classmethod
    def parse(cls, text: str) -> Audience:
        """Read ``all``, ``country:RS,ME``, ``role:coordinator`` or ``groups``."""
        kind, _, value = text.strip().partition(":")
        kind = kind.strip().lower()
        if kind in ("all", "everyone") and not value:
            return cls(everyone=True)
        if kind == "groups" and not value:
            return cls(groups=True)
        if kind == "country" and value:
            return cls(countries=frozenset(_countries(value.split(","))))
        if kind == "role" and value:
            try:
                return cls(role=Role(value.strip().lower()))
            except ValueError:
                raise AudienceError(f"unknown role {value.strip()!r}; expected {USAGE}") from None
        raise AudienceError(f"not an audience: {text!r}; expected {USAGE}")

    def __str__(self) -> str:
        if self.everyone:
            return "all"
        if self.groups:
            return "groups"
        if self.countries:
            return "country:" + ",".join(sorted(self.countries))
        assert self.role is not None  # parse never makes an empty audience
        return f"role:{self.role.value}"

    def includes(self, member: Member) -> bool:
        """True for an active member this audience reaches (group audiences reach no member)."""
        if member.status is not Status.ACTIVE or self.groups:
            return False
        if self.countries:
            return member.country in self.countries
        if self.role is not None:
            return member.role.includes(self.role)
        return self.everyone

    def members(self, candidates: Iterable[Member]) -> list[Member]:
        """The members it reaches, in id order."""
        return sorted((m for m in candidates if self.includes(m)), key=lambda m: m.id)


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
