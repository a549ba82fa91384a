"""The console chat: Mreža in a terminal, with no account and no setup."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from knowledge.card import card_plain
from knowledge.librarian import Librarian
from knowledge.search import Decision, Finding

HELP = """Ask me anything about gender equality in the defence systems of Bosnia and Herzegovina,
Montenegro, North Macedonia and Serbia, in English or in your own language and script.

  /topics   browse the knowledge base by topic
  /help     this help
  /quit     leave (or Ctrl-D)

When I offer numbered choices, type the number."""

NOT_KNOWN = """I don't know that yet: nothing in the knowledge base answers it well enough.
I have noted your question for the curators, who review what members ask.
Try other words, or /topics to browse."""


@dataclass(frozen=True, slots=True)
class Choice:
    """A numbered option the user can pick by typing its number."""

    label: str
    pick: Callable[[], None]


class ConsoleChat:
    """Reads questions line by line and prints what Mreža has to say."""

    def __init__(self, librarian: Librarian, out: TextIO, interactive: bool) -> None:
        self._librarian = librarian
        self._out = out
        self._interactive = interactive
        self._choices: list[Choice] = []

    async def run(self, read_line: Callable[[], str]) -> None:
        """Serve until end of input or /quit."""
        if self._interactive:
            self._say("Mreža - the network's lessons learnt. Type /help for help.")
        while True:
            if self._interactive:
                self._out.write("\n> ")
                self._out.flush()
            line = await asyncio.to_thread(read_line)
            if not line:
                break
            if not await self.handle(line.strip()):
                break

    async def handle(self, text: str) -> bool:
        """Respond to one line; False when the user wants to leave."""
        if not text:
            return True
        if text in ("/quit", "/exit"):
            return False
        if text == "/help":
            self._say(HELP)
        elif text == "/topics":
            self._offer_topics()
        elif text.startswith("/"):
            self._say(
                f"I don't know the command {text.split()[0]}. Type /help for what I understand."
            )
        elif text.isdigit() and self._choices:
            self._pick(int(text))
        else:
            self.show(await self._librarian.ask(text, channel="console"))
        return True

    def show(self, finding: Finding) -> None:
        """Print an answer, a choice between close entries, or an honest "I don't know"."""
        if finding.decision is Decision.ANSWER:
            self._show_entry(finding.choices[0].entry_id)
        elif finding.decision is Decision.CLARIFY:
            self._offer(
                "Which of these did you mean?",
                [Choice(h.title, self._entry_picker(h.entry_id)) for h in finding.choices],
            )
        else:
            self._choices = []
            self._say(NOT_KNOWN)

    def _show_entry(self, entry_id: str) -> None:
        entry = self._librarian.entry(entry_id)
        self._choices = []
        self._say(card_plain(entry) if entry else "That entry is no longer in the knowledge base.")

    def _entry_picker(self, entry_id: str) -> Callable[[], None]:
        def pick() -> None:
            self._show_entry(entry_id)

        return pick

    def _offer_topics(self) -> None:
        counts = Counter(tag for e in self._librarian.entries for tag in e.tags)
        topics = sorted(tag for tag, n in counts.items() if n > 1)
        self._offer(
            "Topics:",
            [Choice(f"{t.replace('-', ' ')} ({counts[t]})", self._topic_picker(t)) for t in topics],
        )

    def _topic_picker(self, tag: str) -> Callable[[], None]:
        def pick() -> None:
            entries = [e for e in self._librarian.entries if tag in e.tags]
            self._offer(
                f"Entries on {tag.replace('-', ' ')}:",
                [Choice(e.title, self._entry_picker(e.id)) for e in entries],
            )

        return pick

    def _offer(self, heading: str, choices: list[Choice]) -> None:
        self._choices = choices
        lines = [heading] + [f"  {n}. {c.label}" for n, c in enumerate(choices, start=1)]
        self._say("\n".join(lines) + "\nType a number to choose.")

    def _pick(self, number: int) -> None:
        if 1 <= number <= len(self._choices):
            self._choices[number - 1].pick()
        else:
            self._say(f"Please type a number from 1 to {len(self._choices)}.")

    def _say(self, text: str) -> None:
        self._out.write(text + "\n")
        self._out.flush()
