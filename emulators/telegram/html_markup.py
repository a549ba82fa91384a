"""Telegram's HTML parse mode, ported from tdlib's parse_html with the same error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from emulators.telegram.entities import (
    Entity,
    MarkupError,
    byte_offset,
    char_width,
    link_entity,
    sort_entities,
    utf16_len,
)

_TAGS = frozenset(
    [
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    ]
)
_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = " \t\r\n\v\0"  # tdlib's is_space also treats the end of the string as a space
_MARKUP = re.compile("[<&]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass
class _Open:
    tag: str
    argument: str
    offset: int
    out_start: int


@dataclass
class _State:
    text: str
    strict_ampersand: bool
    out: list[str] = field(default_factory=list)
    utf16: int = 0
    entities: list[Entity] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)

    def at(self, index: int) -> str:
        """The character at `index`, or NUL past the end (tdlib reads a C string)."""
        return self.text[index] if index < len(self.text) else "\0"

    def error(self, message: str, index: int) -> MarkupError:
        """A parse error quoting the UTF-8 byte offset of text[index]."""
        return MarkupError(f"{message} at byte offset {byte_offset(self.text, index)}")

    def skip_spaces(self, i: int) -> int:
        """Index of the first non-space character at or after `i`."""
        while i < len(self.text) and self.text[i] in _SPACES:
            i += 1
        return i


def decode_entity(text: str, pos: int) -> tuple[str, int] | None:
    """Decode the character reference at text[pos] == '&'; return it and the next index."""
    end = pos + 1
    if end < len(text) and text[end] == "#":
        end += 1
        hexadecimal = end < len(text) and text[end] == "x"
        end += hexadecimal
        digits = "0123456789abcdefABCDEF" if hexadecimal else "0123456789"
        start = end
        while end < len(text) and text[end] in digits:
            end += 1
        if start == end or end - pos >= 10:
            return None
        code = int(text[start:end], 16 if hexadecimal else 10)
        if code == 0 or code >= 0x10FFFF:
            return None
        char = chr(code)
    else:
        while end < len(text) and text[end].isascii() and text[end].isalpha():
            end += 1
        named = _NAMED.get(text[pos + 1 : end])
        if named is None:
            return None
        char = named
    return char, end + 1 if end < len(text) and text[end] == ";" else end


def _ampersand(state: _State, i: int) -> int | None:
    decoded = decode_entity(state.text, i)
    if decoded is None:
        if state.strict_ampersand:
            raise state.error('Unsupported HTML entity; escape "&" as "&amp;"', i)
        return None
    char, end = decoded
    state.out.append(char)
    state.utf16 += char_width(char)
    return end


def _attribute_value(state: _State, i: int) -> tuple[str, int]:
    text = state.text
    if state.at(i) not in "'\"":
        start = i  # a bare name token: letters, digits, periods and hyphens
        while i < len(text) and ((text[i].isascii() and text[i].isalnum()) or text[i] in ".-"):
            i += 1
        if state.at(i) not in _SPACES and state.at(i) != ">":
            raise state.error("Unexpected end of name token", start)
        return text[start:i].lower(), i
    quote, i = text[i], i + 1
    value: list[str] = []
    while i < len(text) and text[i] != quote:
        decoded = decode_entity(text, i) if text[i] == "&" else None
        if decoded is not None:
            value.append(decoded[0])
            i = decoded[1]
        else:
            value.append(text[i])
            i += 1
    return "".join(value), i + 1 if i < len(text) else i


def _argument(tag: str, name: str, value: str, argument: str) -> str:
    if tag == "a" and name == "href":
        return value
    if tag == "code" and name == "class" and value.startswith("language-"):
        return value[len("language-") :]
    if tag == "span" and name == "class" and value.startswith("tg-"):
        return value[len("tg-") :]
    if tag == "tg-emoji" and name == "emoji-id":
        return value
    if tag == "blockquote" and name == "expandable":
        return "1"
    return argument


def _attributes(state: _State, tag: str, begin: int, i: int) -> tuple[str, int]:
    argument = ""
    text = state.text
    while state.at(i) != ">":
        i = state.skip_spaces(i)
        if state.at(i) == ">":
            break
        start = i
        while state.at(i) not in _SPACES and state.at(i) not in "=>/\"'":
            i += 1
        name = text[start:i]
        if not name:
            raise state.error(f'Empty attribute name in the tag "{tag}"', begin)
        i = state.skip_spaces(i)
        if state.at(i) != "=":
            if i >= len(text):
                raise state.error(f'Unclosed start tag "{tag}"', begin)
            if tag == "blockquote" and name == "expandable":
                argument = "1"
            continue
        i = state.skip_spaces(i + 1)
        if i >= len(text):
            raise state.error(f'Unclosed start tag "{tag}"', begin)
        value, i = _attribute_value(state, i)
        if i >= len(text):
            raise state.error("Unclosed start tag", begin)
        argument = _argument(tag, name, value, argument)
    return argument, i


def _start_tag(state: _State, begin: int) -> int:
    i = begin + 1
    while state.at(i) not in _SPACES and state.at(i) != ">":
        i += 1
    if i >= len(state.text):
        raise state.error("Unclosed start tag", begin)
    tag = state.text[begin + 1 : i].lower()
    if tag not in _TAGS:
        raise state.error(f'Unsupported start tag "{tag}"', begin)
    argument, i = _attributes(state, tag, begin, i)
    if tag == "span" and argument != "spoiler":
        raise state.error('Tag "span" must have class "tg-spoiler"', begin)
    state.stack.append(_Open(tag, argument, state.utf16, len(state.out)))
    return i + 1


def _end_tag(state: _State, begin: int) -> int:
    if not state.stack:
        raise state.error("Unexpected end tag", begin)
    i = begin + 2
    while state.at(i) not in _SPACES and state.at(i) != ">":
        i += 1
    name = state.text[begin + 2 : i].lower()
    i = state.skip_spaces(i)
    if state.at(i) != ">":
        raise state.error("Unclosed end tag", begin)
    opened = state.stack.pop()
    if name and name != opened.tag:
        offset = byte_offset(state.text, begin)
        raise MarkupError(
            f'Unmatched end tag at byte offset {offset}, expected "</{opened.tag}>", '
            f'found "</{name}>"'
        )
    if state.utf16 > opened.offset:
        _close(state, opened)
    return i + 1


def _close(state: _State, opened: _Open) -> None:
    offset, length = opened.offset, state.utf16 - opened.offset
    entities, tag = state.entities, opened.tag
    last = entities[-1] if entities else None
    same_range = last is not None and (last.offset, last.length) == (offset, length)
    if tag in _SIMPLE:
        entities.append(Entity(_SIMPLE[tag], offset, length))
    elif tag == "tg-emoji":
        if not opened.argument.isdigit() or int(opened.argument) == 0:
            raise MarkupError("Invalid custom emoji identifier specified")
        entities.append(Entity("custom_emoji", offset, length, custom_emoji_id=opened.argument))
    elif tag == "a":
        url = opened.argument or "".join(state.out[opened.out_start :])
        link = link_entity(offset, length, url)
        if link is not None:
            entities.append(link)
    elif tag == "pre" and last is not None and same_range and last.type == "code":
        entities[-1] = replace(last, type="pre") if last.language else last
        if not last.language:
            entities.append(Entity("pre", offset, length))
    elif tag == "pre":
        entities.append(Entity("pre", offset, length))
    elif (
        tag == "code" and last is not None and same_range and last.type == "pre" and opened.argument
    ):
        entities[-1] = replace(last, language=opened.argument)
    elif tag == "code":
        entities.append(Entity("code", offset, length, language=opened.argument or None))
    else:  # blockquote
        kind = "expandable_blockquote" if opened.argument else "blockquote"
        entities.append(Entity(kind, offset, length))


def _plain(state: _State, i: int) -> int:
    """Copy the run of ordinary characters at text[i] (at least one); return where it ends."""
    match = _MARKUP.search(state.text, i + 1)
    end = match.start() if match else len(state.text)
    chunk = state.text[i:end]
    state.out.append(chunk)
    state.utf16 += utf16_len(chunk)
    return end


def parse_html(text: str, *, strict_ampersand: bool = True) -> tuple[str, list[Entity]]:
    """Return the plain text and entities of Telegram-HTML `text`, or raise MarkupError."""
    state = _State(text, strict_ampersand)
    i = 0
    while i < len(text):
        char = text[i]
        if char == "&":
            after = _ampersand(state, i)
            if after is not None:
                i = after
                continue
        if char != "<":
            i = _plain(state, i)
        elif state.at(i + 1) == "/":
            i = _end_tag(state, i)
        else:
            i = _start_tag(state, i)
    if state.stack:
        tag = state.stack[-1].tag
        raise MarkupError(f'Can\'t find end tag corresponding to start tag "{tag}"')
    result = "".join(state.out)
    if _SURROGATE.search(result):
        raise MarkupError(
            "Text contains invalid Unicode characters after decoding HTML entities, "
            "check for unmatched surrogate code units"
        )
    cleaned = [replace(e, language=None) if e.type == "code" else e for e in state.entities]
    return result, sort_entities(cleaned)
