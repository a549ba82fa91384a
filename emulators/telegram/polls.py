"""Polls the bot sent: options, votes per user, and the Poll objects Telegram reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from emulators.telegram.errors import EmulatorError


@dataclass
class PollState:
    """One poll and who voted for what."""

    id: str
    chat_id: int
    message_id: int
    question: str
    question_entities: tuple[dict[str, Any], ...]
    options: list[str]
    is_anonymous: bool = True
    type: str = "regular"
    allows_multiple_answers: bool = False
    correct_option_id: int | None = None
    is_closed: bool = False
    votes: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def persistent_id(self, index: int) -> str:
        """A stable id per option (Bot API 9.6+ reports these alongside indexes)."""
        return f"{self.id}-{index}"

    def to_api(self) -> dict[str, Any]:
        """Return the poll as a Bot API Poll object with current counts."""
        counts = [0] * len(self.options)
        for chosen in self.votes.values():
            for index in chosen:
                counts[index] += 1
        data: dict[str, Any] = {
            "id": self.id,
            "question": self.question,
            "options": [
                {"persistent_id": self.persistent_id(i), "text": text, "voter_count": counts[i]}
                for i, text in enumerate(self.options)
            ],
            "total_voter_count": sum(1 for chosen in self.votes.values() if chosen),
            "is_closed": self.is_closed,
            "is_anonymous": self.is_anonymous,
            "type": self.type,
            "allows_multiple_answers": self.allows_multiple_answers,
            "allows_revoting": self.type != "quiz",
            "members_only": False,
        }
        if self.question_entities:
            data["question_entities"] = list(self.question_entities)
        if self.correct_option_id is not None:
            data["correct_option_ids"] = [self.correct_option_id]
        return data

    def vote(self, user_id: int, option_ids: list[int]) -> None:
        """Record a user's choice; an empty list retracts their vote."""
        if self.is_closed:
            raise EmulatorError(f"poll {self.id} is closed")
        if any(not 0 <= i < len(self.options) for i in option_ids):
            raise EmulatorError(f"poll {self.id} has options 0..{len(self.options) - 1}")
        if len(set(option_ids)) > 1 and not self.allows_multiple_answers:
            raise EmulatorError(f"poll {self.id} allows one answer only")
        if self.type == "quiz" and self.votes.get(user_id):
            raise EmulatorError("a quiz answer cannot be changed")
        if option_ids:
            self.votes[user_id] = tuple(sorted(set(option_ids)))
        else:
            self.votes.pop(user_id, None)
