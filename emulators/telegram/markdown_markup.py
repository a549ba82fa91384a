"""Telegram's MarkdownV2 parse mode, ported from tdlib's parse_markdown_v2."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from emulators.telegram.entities import (
    Entity,
    MarkupError,
    byte_offset,
    char_width,
    link_entity,
    sort_entities,
    utf16_len,
)

_RESERVED = frozenset("_*[]()~`>#+-=|{}.!\n")
_IN_CODE = frozenset("`")
_CODE_KINDS = frozenset({"code", "pre"})
# Where a run of ordinary characters ends: a backslash or a character with a meaning.
_NEXT_SPECIAL = re.compile(r"[\\_*\[\]()~`>#+\-=|{}.!\n]")
_NEXT_IN_CODE = re.compile(r"[\\`]")
_SPACES = " \t\r\n\v\0"
_EMOJI_URL = re.compile(r"tg://emoji\?id=(\d+)")
# tdlib's own names for entity types, which its error messages quote.
_TD_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
    "blockquote": "BlockQuote",
    "expandable_blockquote": "ExpandableBlockQuote",
}


@dataclass
class _Open:
    kind: str
    argument: str
    offset: int
    index: int
    out_start: int


@dataclass
class _State:
    text: str
    out: list[str] = field(default_factory=list)
    utf16: int = 0
    entities: list[Entity] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    have_blockquote: bool = False
    can_start_blockquote: bool = True

    def at(self, index: int) -> str:
        """The character at `index`, or NUL past the end (tdlib reads a C string)."""
        return self.text[index] if index < len(self.text) else "\0"

    def emit(self, char: str) -> None:
        """Append one character of plain text."""
        self.out.append(char)
        self.utf16 += char_width(char)

    def reserved(self, index: int) -> MarkupError:
        """The error for an unescaped reserved character at text[index]."""
        char = self.text[index]
        return MarkupError(
            f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
        )

    def unclosed(self, opened: _Open) -> MarkupError:
        """The error for an entity that never ends."""
        offset = byte_offset(self.text, opened.index)
        return MarkupError(
            f"Can't find end of {_TD_NAMES[opened.kind]} entity at byte offset {offset}"
        )


def _escapable(char: str) -> bool:
    return 0 < ord(char) <= 126


def _is_end(state: _State, i: int) -> bool:
    if not state.stack:
        return False
    char, after = state.text[i], state.at(i + 1)
    if state.have_blockquote and char == "\n" and (i + 1 == len(state.text) or after != ">"):
        return True
    kind = state.stack[-1].kind
    ends = {
        "bold": char == "*",
        "italic": char == "_" and after != "_",
        "code": char == "`",
        "pre": char == "`" and after == "`" and state.at(i + 2) == "`",
        "text_link": char == "]",
        "custom_emoji": char == "]",
        "underline": char == "_" and after == "_",
        "strikethrough": char == "~",
        "spoiler": char == "|" and after == "|",
    }
    return ends.get(kind, False)


def _pre_start(state: _State, i: int) -> tuple[str, int]:
    """Skip "```lang\\n"; return the language and the index of the last skipped char."""
    i += 3
    end = i
    while state.at(end) not in _SPACES and state.at(end) != "`":
        end += 1
    language = ""
    if i != end and end < len(state.text) and state.at(end) != "`":
        language, i = state.text[i:end], end
    if state.at(i) in "\r\n" and i < len(state.text):
        pair = state.at(i + 1) in "\r\n" and state.at(i) != state.at(i + 1)
        i += 2 if pair else 1
    return language, i - 1


def _begin(state: _State, i: int) -> int:
    """Open the entity starting at text[i]; return the index of its last markup char."""
    char, after, kind, argument = state.text[i], state.at(i + 1), "", ""
    start = i
    if char == "_":
        kind, i = ("underline", i + 1) if after == "_" else ("italic", i)
    elif char in "*~[":
        kind = {"*": "bold", "~": "strikethrough", "[": "text_link"}[char]
    elif char == "|" and after == "|":
        kind, i = "spoiler", i + 1
    elif char == "`" and after == "`" and state.at(i + 2) == "`":
        kind = "pre"
        argument, i = _pre_start(state, i)
    elif char == "`":
        kind = "code"
    elif char == "!" and after == "[":
        kind, i = "custom_emoji", i + 1
    elif char == "\n":
        state.emit("\n")
        state.can_start_blockquote = True
        return i
    elif char == ">" and state.can_start_blockquote:
        if state.have_blockquote:
            return i
        kind, state.have_blockquote = "blockquote", True
    else:
        raise state.reserved(i)
    state.stack.append(_Open(kind, argument, state.utf16, start, len(state.out)))
    return i


def _url(state: _State, i: int, what: str) -> tuple[str, int]:
    """Read "(url)" starting at text[i] == '('; return the url and the index of ')'."""
    i += 1
    begin, url = i, []
    while i < len(state.text) and state.text[i] != ")":
        if state.text[i] == "\\" and _escapable(state.at(i + 1)):
            url.append(state.text[i + 1])
            i += 2
            continue
        url.append(state.text[i])
        i += 1
    if i >= len(state.text):
        raise MarkupError(
            f"Can't find end of {what} at byte offset {byte_offset(state.text, begin)}"
        )
    return "".join(url), i


def _end(state: _State, i: int) -> int:
    """Close the innermost entity at text[i]; return the index of its last markup char."""
    opened, kind = state.stack[-1], state.stack[-1].kind
    if state.text[i] == "\n" and kind != "blockquote":
        after_spoiler = opened.index == i - 2 or (
            opened.index == i - 3 and bool(state.out) and state.out[-1].endswith("\r")
        )
        if kind != "spoiler" or not after_spoiler:
            raise state.unclosed(opened)
        state.stack.pop()
        opened = state.stack[-1]
        if opened.kind != "blockquote":
            raise state.unclosed(opened)
        kind = "expandable_blockquote"
    entity, i = _closing(state, opened, kind, i)
    if entity is not None:
        state.entities.append(entity)
    state.stack.pop()
    return i


def _closing(state: _State, opened: _Open, kind: str, i: int) -> tuple[Entity | None, int]:
    empty = state.utf16 == opened.offset
    if kind in ("underline", "spoiler"):
        i += 1
    elif kind == "pre":
        i += 2
    elif kind == "text_link":
        if state.at(i + 1) == "(":
            url, i = _url(state, i + 1, "a URL")
        else:
            url = "".join(state.out[opened.out_start :])
        link = link_entity(opened.offset, state.utf16 - opened.offset, url)
        return (None if empty else link), i
    elif kind == "custom_emoji":
        if state.at(i + 1) != "(":
            raise MarkupError("Custom emoji entity must contain a tg://emoji URL")
        url, i = _url(state, i + 1, "a custom emoji URL")
        match = _EMOJI_URL.fullmatch(url)
        if not match:
            raise MarkupError("Custom emoji URL must have scheme tg")
        length = state.utf16 - opened.offset
        emoji = Entity(kind, opened.offset, length, custom_emoji_id=match.group(1))
        return (None if empty else emoji), i
    elif kind in ("blockquote", "expandable_blockquote"):
        state.have_blockquote = False
        state.emit(state.text[i])
        state.can_start_blockquote = True
        return Entity(kind, opened.offset, state.utf16 - opened.offset), i
    if empty:
        return None, i
    length = state.utf16 - opened.offset
    return Entity(kind, opened.offset, length, language=opened.argument or None), i


def _finish(state: _State) -> None:
    if state.have_blockquote:
        kind = "blockquote"
        top = state.stack[-1]
        if top.kind == "spoiler" and top.index == len(state.text) - 2:
            state.stack.pop()
            kind = "expandable_blockquote"
        top = state.stack[-1]
        if top.kind == "blockquote":
            length = state.utf16 - top.offset
            if length:
                state.entities.append(Entity(kind, top.offset, length))
            state.stack.pop()
    if state.stack:
        raise state.unclosed(state.stack[-1])


def _plain(state: _State, i: int, special: re.Pattern[str]) -> int:
    """Copy the run of ordinary characters at text[i] (at least one); return where it ends."""
    match = special.search(state.text, i + 1)
    end = match.start() if match else len(state.text)
    chunk = state.text[i:end]
    state.out.append(chunk)
    state.utf16 += utf16_len(chunk)
    if chunk.strip("\r"):
        state.can_start_blockquote = False
    return end


def parse_markdown_v2(text: str) -> tuple[str, list[Entity]]:
    """Return the plain text and entities of MarkdownV2 `text`, or raise MarkupError."""
    state = _State(text)
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and _escapable(state.at(i + 1)):
            i += 1
            state.emit(text[i])
            if text[i] != "\r":
                state.can_start_blockquote = text[i] == "\n"
            i += 1
            continue
        in_code = bool(state.stack) and state.stack[-1].kind in _CODE_KINDS
        if char not in (_IN_CODE if in_code else _RESERVED):
            i = _plain(state, i, _NEXT_IN_CODE if in_code else _NEXT_SPECIAL)
            continue
        i = (_end if _is_end(state, i) else _begin)(state, i) + 1
    _finish(state)
    return "".join(state.out), sort_entities(state.entities)
