"""What ``--dry-run`` prints: each language version, how many members get it, and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import typer

from bot.cli.common import print_json
from core.members import Language
from scheduler.versions import shares

RULE = (
    "Each member gets the version in their language if there is one, "
    "else the author's text ({author})."
)


@dataclass(frozen=True, slots=True)
class Version:
    """One language form of a text, and how many recipients get it."""

    language: Language
    author: bool
    recipients: int
    text: str

    def lines(self) -> list[str]:
        """The version's head line, then its text indented."""
        label = self.language.value
        if self.author:
            label += " (the author's text, also for everyone whose language has no version)"
        head = f"{label}: {self.recipients} member{'' if self.recipients == 1 else 's'}"
        return [head, *(f"  {line}" for line in self.text.splitlines())]


def show_preview(
    author: Language, texts: Mapping[Language, str], readers: Sequence[Language], as_json: bool
) -> None:
    """Print each version (the author's first) with how many of ``readers`` get it."""
    counts = shares(readers, {form.value: {} for form in texts if form is not author})
    ordered = [author, *(form for form in texts if form is not author)]
    versions = [
        Version(form, form is author, counts.get(None if form is author else form, 0), texts[form])
        for form in ordered
    ]
    if as_json:
        print_json(
            {
                "recipients": len(readers),
                "scheduled": False,
                "versions": [
                    {"language": v.language.value, "author": v.author,
                     "recipients": v.recipients, "text": v.text}
                    for v in versions
                ],
            }
        )  # fmt: skip
        return
    lines = [RULE.format(author=author.value)]
    for version in versions:
        lines += version.lines()
    lines.append(f"Recipients: {len(readers)}. Nothing was scheduled (--dry-run).")
    typer.echo("\n".join(lines))
