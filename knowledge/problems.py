"""What can be wrong with a knowledge-base file, reported so a curator can fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in one file: which file, which field, and why.

    A problem that is not ``blocking`` (a missing or stale translation, an undated figure) fails
    ``mreza kb check`` but lets Mreža serve the entry, in English where a translation is missing.
    """

    file: str
    field: str
    reason: str
    blocking: bool = True

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"
