"""Telegram's legacy Markdown parse mode, ported from tdlib's parse_markdown."""

from __future__ import annotations

from emulators.telegram.entities import Entity, MarkupError, byte_offset, link_entity, utf16_len

_MARKS = "_*`["
_KINDS = {"_": "italic", "*": "bold"}


def _pre_language(text: str, i: int) -> tuple[str, int]:
    """Skip "```lang\\n" (i is just past the backticks); return the language and new index."""
    end = i
    while end < len(text) and not text[end].isspace() and text[end] != "`":
        end += 1
    language = ""
    if i != end and end < len(text) and text[end] != "`":
        language, i = text[i:end], end
    if i < len(text) and text[i] in "\r\n":
        pair = i + 1 < len(text) and text[i + 1] in "\r\n" and text[i] != text[i + 1]
        i += 2 if pair else 1
    return language, i


def _find_end(text: str, i: int, end_char: str, is_pre: bool) -> int:
    while i < len(text):
        if text[i] == end_char and (not is_pre or text[i + 1 : i + 3] == "``"):
            return i
        i += 1
    return i


def _entity(text: str, begin: int, offset: int) -> tuple[str, Entity | None, int]:
    """Parse the entity opening at text[begin]; return its text, entity and the next index."""
    char = text[begin]
    is_pre = char == "`" and text[begin + 1 : begin + 3] == "``"
    i, language = begin + 1, ""
    if is_pre:
        language, i = _pre_language(text, i + 2)
    end = _find_end(text, i, "]" if char == "[" else char, is_pre)
    if end >= len(text):
        where = byte_offset(text, begin)
        raise MarkupError(f"Can't find end of the entity starting at byte offset {where}")
    inner, i = text[i:end], end + 1
    length = utf16_len(inner)
    entity: Entity | None = None
    if char == "[":
        url = inner
        if text[i : i + 1] == "(":
            close = text.find(")", i)
            close = len(text) if close < 0 else close
            url, i = text[i + 1 : close], close + 1
        entity = link_entity(offset, length, url)
    else:
        kind = "pre" if is_pre else _KINDS.get(char, "code")
        entity = Entity(kind, offset, length, language=language or None)
    return inner, (entity if length else None), i + 2 if is_pre else i


def parse_markdown(text: str) -> tuple[str, list[Entity]]:
    """Return the plain text and entities of legacy Markdown `text`, or raise MarkupError."""
    out: list[str] = []
    entities: list[Entity] = []
    utf16 = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and text[i + 1 : i + 2] in tuple(_MARKS):
            out.append(text[i + 1])
            utf16, i = utf16 + 1, i + 2
        elif char not in _MARKS:
            out.append(char)
            utf16, i = utf16 + utf16_len(char), i + 1
        else:
            inner, entity, i = _entity(text, i, utf16)
            out.append(inner)
            utf16 += utf16_len(inner)
            if entity is not None:
                entities.append(entity)
    return "".join(out), entities
