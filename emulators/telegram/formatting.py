"""From (text, parse_mode, entities) to the text and entities Telegram stores and returns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from emulators.telegram.entities import Entity, MarkupError, utf16_len
from emulators.telegram.errors import bad_request
from emulators.telegram.html_markup import parse_html
from emulators.telegram.legacy_markdown import parse_markdown
from emulators.telegram.markdown_markup import parse_markdown_v2

UserLookup = Callable[[int], dict[str, Any] | None]


@dataclass(frozen=True)
class FormattedText:
    """Text after parsing, with its entities as Bot API objects."""

    text: str
    entities: tuple[dict[str, Any], ...]


def _parse(text: str, parse_mode: str, strict_ampersand: bool) -> tuple[str, list[Entity]]:
    mode = parse_mode.lower()
    try:
        if mode == "html":
            return parse_html(text, strict_ampersand=strict_ampersand)
        if mode == "markdownv2":
            return parse_markdown_v2(text)
        if mode == "markdown":
            return parse_markdown(text)
    except MarkupError as error:
        raise bad_request(f"can't parse entities: {error}") from None
    raise bad_request("unsupported parse_mode")


def _given(entities: Sequence[dict[str, Any]]) -> list[Entity]:
    """Entities the caller sent explicitly (already type-checked against the spec)."""
    result = []
    for raw in entities:
        user = raw.get("user")
        result.append(
            Entity(
                type=str(raw["type"]),
                offset=int(raw["offset"]),
                length=int(raw["length"]),
                url=raw.get("url"),
                language=raw.get("language"),
                custom_emoji_id=raw.get("custom_emoji_id"),
                user_id=int(user["id"]) if isinstance(user, dict) and "id" in user else None,
            )
        )
    return result


def _trim(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Strip surrounding whitespace as Telegram does, keeping entities on their characters."""
    stripped = text.strip()
    left = utf16_len(text[: len(text) - len(text.lstrip())])
    size = utf16_len(stripped)
    kept = []
    for entity in entities:
        start = max(entity.offset - left, 0)
        end = min(entity.offset + entity.length - left, size)
        if (start, end - start) == (entity.offset, entity.length):
            kept.append(entity)
        elif end > start:
            kept.append(entity.moved(start, end - start))
    return stripped, kept


def _to_api(entities: list[Entity], users: UserLookup) -> tuple[dict[str, Any], ...]:
    result = []
    for entity in entities:
        if entity.type == "text_mention":
            user = users(entity.user_id) if entity.user_id is not None else None
            if user is None:
                continue  # Telegram drops mentions of users the bot cannot see
            result.append(entity.to_api(user))
        else:
            result.append(entity.to_api())
    return tuple(result)


def format_text(
    text: str,
    parse_mode: str | None,
    entities: Sequence[dict[str, Any]] | None,
    users: UserLookup,
    *,
    strict_ampersand: bool = True,
) -> FormattedText:
    """Parse `text` the way Telegram does before checking its length."""
    if parse_mode and parse_mode.lower() != "none" and text:
        plain, parsed = _parse(text, parse_mode, strict_ampersand)
    else:
        plain, parsed = text, _given(entities or [])
    plain, parsed = _trim(plain, parsed)
    return FormattedText(plain, _to_api(parsed, users))
