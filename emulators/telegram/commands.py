"""setMyCommands and setMy(Short)Description storage: command lists per scope and language, the
bot's descriptions per language, readable by tests."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from emulators.telegram.errors import bad_request

_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_SCOPE_IDS = ("chat_id", "user_id")


def scope_key(scope: Mapping[str, Any] | None) -> str:
    """A stable key for a BotCommandScope ("default", "chat:42", "chat_member:42:7", ...)."""
    if not scope:
        return "default"
    parts = [str(scope.get("type", "default"))]
    parts.extend(str(scope[name]) for name in _SCOPE_IDS if name in scope)
    return ":".join(parts)


def check_commands(commands: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Validate BotCommand objects the way Telegram does; return them cleaned."""
    if len(commands) > 100:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    cleaned = []
    for command in commands:
        name = str(command["command"]).removeprefix("/").lower()
        description = str(command["description"]).strip()
        if not _COMMAND.fullmatch(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": name, "description": description})
    return cleaned


class CommandStore:
    """Command lists keyed by (scope, language_code)."""

    def __init__(self) -> None:
        self._lists: dict[tuple[str, str], list[dict[str, str]]] = {}

    def set(self, scope: Mapping[str, Any] | None, language: str, commands: list[Any]) -> None:
        """Store (or, for an empty list, delete) the commands of one scope and language."""
        key = (scope_key(scope), language)
        if commands:
            self._lists[key] = check_commands(commands)
        else:
            self._lists.pop(key, None)

    def get(self, scope: Mapping[str, Any] | None, language: str) -> list[dict[str, str]]:
        """The commands of exactly this scope and language ([] if none were set)."""
        return list(self._lists.get((scope_key(scope), language), []))

    def all(self) -> dict[str, list[dict[str, str]]]:
        """Every stored list, keyed "scope|language" (for tests and the control API)."""
        return {
            f"{scope}|{language}": list(items) for (scope, language), items in self._lists.items()
        }


# Telegram's limits on the two descriptions, in characters.
DESCRIPTION_LIMITS = {"description": 512, "short_description": 120}


class DescriptionStore:
    """The bot's description and short description, keyed by language ("" for everyone else)."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], str] = {}

    def set(self, kind: str, language: str, text: str) -> None:
        """Store (or, for an empty text, delete) one description of one language."""
        if len(text) > DESCRIPTION_LIMITS[kind]:
            raise bad_request(f"{kind.upper()}_INVALID")
        if text:
            self._texts[(kind, language)] = text
        else:
            self._texts.pop((kind, language), None)

    def get(self, kind: str, language: str) -> str:
        """What a user of this language sees: the dedicated text, else the default, else ""."""
        return self._texts.get((kind, language)) or self._texts.get((kind, ""), "")

    def exactly(self, kind: str, language: str) -> str:
        """The text set for exactly this language ("" if none was)."""
        return self._texts.get((kind, language), "")
