"""What arrives in a ``receive`` event, read into Mreža's own values; the rest is ignored.

An envelope carries one of: a data message (text, attachments, a quote of an earlier message,
mentions, group info, or a reaction), a typing indicator, a receipt or a sync message. Only
data messages concern Mreža.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

MENTION_MARK = "\ufffc"  # Signal's placeholder where a mention stands in the text


class Malformed(ValueError):
    """The event is not an envelope signal-cli would send."""


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote: their number (hidden by some), their UUID, and the name they chose."""

    number: str | None
    uuid: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Written:
    """A message: text (may be empty), where, and what it answers."""

    author: Author
    timestamp: int
    text: str
    group: str | None = None
    quoted: int | None = None  # the timestamp of the message it replies to
    quotes_bot: bool = False
    mentions_bot: bool = False
    attachments: int = 0


@dataclass(frozen=True, slots=True)
class Reacted:
    """An emoji reaction to a message (or its removal)."""

    author: Author
    emoji: str
    target: int
    group: str | None = None
    removed: bool = False


Incoming = Written | Reacted


def read(data: str, account: str) -> Incoming | None:
    """The message or reaction in an event's data; None for what Mreža ignores."""
    try:
        payload = json.loads(data)
    except json.JSONDecodeError as error:
        raise Malformed(f"not JSON ({error.msg})") from None
    envelope = _object(payload, "envelope") if isinstance(payload, dict) else None
    if envelope is None:
        raise Malformed("no envelope")
    message = envelope.get("dataMessage")
    if message is None:
        return None  # typing, receipts, sync messages, calls
    if not isinstance(message, dict):
        raise Malformed("dataMessage is not an object")
    author = _author(envelope)
    group = _group(message)
    reaction = message.get("reaction")
    if reaction is not None:
        return _reaction(author, reaction, group)
    return _written(author, message, group, account)


def _object(container: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = container.get(key)
    if value is not None and not isinstance(value, dict):
        raise Malformed(f"{key} is not an object")
    return value


def _author(envelope: dict[str, Any]) -> Author:
    number, uuid = envelope.get("sourceNumber"), envelope.get("sourceUuid")
    if number is None and isinstance(envelope.get("source"), str):
        source = envelope["source"]
        number, uuid = (source, uuid) if source.startswith("+") else (number, uuid or source)
    if not (isinstance(number, str) and number) and not (isinstance(uuid, str) and uuid):
        raise Malformed("the envelope names no sender")
    name = envelope.get("sourceName")
    return Author(
        number if isinstance(number, str) and number else None,
        uuid if isinstance(uuid, str) and uuid else None,
        name if isinstance(name, str) else "",
    )


def _group(message: dict[str, Any]) -> str | None:
    info = _object(message, "groupInfo")
    if info is None:
        return None
    group_id = info.get("groupId")
    if not isinstance(group_id, str) or not group_id:
        raise Malformed("groupInfo has no groupId")
    return group_id


def _reaction(author: Author, reaction: object, group: str | None) -> Reacted:
    if not isinstance(reaction, dict):
        raise Malformed("reaction is not an object")
    emoji, target = reaction.get("emoji"), reaction.get("targetSentTimestamp")
    if not isinstance(emoji, str) or not isinstance(target, int):
        raise Malformed("a reaction needs an emoji and a targetSentTimestamp")
    return Reacted(author, emoji, target, group, bool(reaction.get("isRemove")))


def _written(author: Author, message: dict[str, Any], group: str | None, account: str) -> Written:
    text = message.get("message")
    if text is not None and not isinstance(text, str):
        raise Malformed("message is not text")
    stamp = message.get("timestamp")
    if not isinstance(stamp, int):
        raise Malformed("the message has no timestamp")
    attachments = message.get("attachments") or []
    if not isinstance(attachments, list):
        raise Malformed("attachments is not a list")
    quote = _object(message, "quote")
    quoted = quote.get("id") if quote else None
    quotes_bot = quote is not None and account in (quote.get("authorNumber"), quote.get("author"))
    mentions = message.get("mentions") or []
    mentions_bot = isinstance(mentions, list) and any(
        isinstance(m, dict) and m.get("number") == account for m in mentions
    )
    body = (text or "").replace(MENTION_MARK, " ").strip() if mentions_bot else (text or "")
    return Written(
        author, stamp, body, group, quoted if isinstance(quoted, int) else None,
        quotes_bot, mentions_bot, len(attachments),
    )  # fmt: skip
