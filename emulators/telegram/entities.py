"""Message entities, UTF-16 arithmetic and link checks shared by the markup parsers."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

# tdlib sorts entities by offset, longer first, then by a fixed type priority.
_PRIORITY = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre": 11,
    "code": 20,
    "text_link": 49,
    "text_mention": 49,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}
_USER_LINK = re.compile(r"tg://user\?id=(\d+)", re.IGNORECASE)
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):(.*)", re.DOTALL)
_HOST = re.compile(r"[\w.-]+\.[\w-]{2,}(:\d+)?")


class MarkupError(Exception):
    """Markup that Telegram refuses with "can't parse entities: <message>"."""


@dataclass(frozen=True)
class Entity:
    """One MessageEntity; offsets and lengths are in UTF-16 code units, as Telegram counts."""

    type: str
    offset: int
    length: int
    url: str | None = None
    language: str | None = None
    custom_emoji_id: str | None = None
    user_id: int | None = None

    def to_api(self, user: dict[str, Any] | None = None) -> dict[str, Any]:
        """Return the entity as a Bot API MessageEntity object."""
        data: dict[str, Any] = {"type": self.type, "offset": self.offset, "length": self.length}
        if self.url is not None:
            data["url"] = self.url
        if self.language:
            data["language"] = self.language
        if self.custom_emoji_id is not None:
            data["custom_emoji_id"] = self.custom_emoji_id
        if user is not None:
            data["user"] = user
        return data

    def moved(self, offset: int, length: int) -> Entity:
        """Return a copy of this entity over another range."""
        return replace(self, offset=offset, length=length)


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units (characters beyond the BMP count twice)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def char_width(char: str) -> int:
    """UTF-16 width of one character."""
    return 2 if ord(char) > 0xFFFF else 1


def byte_offset(text: str, index: int) -> int:
    """UTF-8 byte offset of text[index], which is what Telegram's error messages quote."""
    return len(text[:index].encode("utf-8", "surrogatepass"))


def sort_entities(entities: list[Entity]) -> list[Entity]:
    """Order entities the way Telegram returns them."""
    return sorted(entities, key=lambda e: (e.offset, -e.length, _PRIORITY.get(e.type, 50)))


def link_entity(offset: int, length: int, url: str) -> Entity | None:
    """Entity for an <a href> or [text](url): a user mention, a checked link, or nothing."""
    user = _USER_LINK.fullmatch(url.strip())
    if user:
        return Entity("text_mention", offset, length, user_id=int(user.group(1)))
    checked = checked_link(url)
    return Entity("text_link", offset, length, url=checked) if checked else None


def checked_link(url: str) -> str | None:
    """Normalise a link like Telegram: add http:// to bare domains, drop unusable links."""
    url = url.strip()
    match = _SCHEME.fullmatch(url)
    if match and not _HOST.fullmatch(url.split("/", 1)[0]):
        scheme, rest = match.group(1).lower(), match.group(2)
        if scheme in ("tg", "ton"):
            return f"{scheme}:{rest}"
        if scheme not in ("http", "https") or not rest.startswith("//"):
            return None
        return _with_path(f"{scheme}:{rest}", len(scheme) + 3)
    host = url.split("/", 1)[0].split("?", 1)[0]
    if not url or " " in url or not _HOST.fullmatch(host):
        return None
    return _with_path(f"http://{url}", len("http://"))


def _with_path(url: str, host_start: int) -> str | None:
    rest = url[host_start:]
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if not host or any(char.isspace() for char in url):
        return None
    # Telegram shows "https://example.com" as "https://example.com/".
    return url if len(rest) > len(host) else url + "/"
