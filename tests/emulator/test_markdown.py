"""parse_mode=MarkdownV2 (and legacy Markdown): reserved characters and accepted markup."""

from __future__ import annotations

import pytest

from emulators.telegram import UserInfo

from .conftest import RawApi

ENTITIES = "Bad Request: can't parse entities: "


async def send_md(api: RawApi, user: UserInfo, text: str, mode: str = "MarkdownV2") -> tuple:
    return await api("sendMessage", chat_id=user.id, text=text, parse_mode=mode)


@pytest.mark.parametrize("char", list("_*[]()~`>#+-=|{}.!"))
async def test_unescaped_reserved_character_is_refused(
    api: RawApi, ana: UserInfo, char: str
) -> None:
    """Every reserved character outside markup must be escaped with a backslash."""
    status, body = await send_md(api, ana, f"Price {char} 5")
    assert status == 400
    reason = f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
    expected = {
        "_": "Can't find end of Italic entity at byte offset 6",
        "*": "Can't find end of Bold entity at byte offset 6",
        "[": "Can't find end of TextUrl entity at byte offset 6",
        "~": "Can't find end of Strikethrough entity at byte offset 6",
        "`": "Can't find end of Code entity at byte offset 6",
    }.get(char, reason)
    assert body["description"] == ENTITIES + expected


async def test_escaped_reserved_characters_are_accepted(api: RawApi, ana: UserInfo) -> None:
    """Backslash-escaped characters come out as themselves."""
    _, body = await send_md(api, ana, r"1\. Cijena: 5\-10 \(EUR\)\!")
    assert body["result"]["text"] == "1. Cijena: 5-10 (EUR)!"


async def test_markdown_v2_entities(api: RawApi, ana: UserInfo) -> None:
    """Bold, italic, underline, strike, spoiler, code, pre and links parse into entities."""
    text = "*b* _i_ __u__ ~s~ ||p|| `c` [l](https://t.me/x) ```py\nx\n```"
    _, body = await send_md(api, ana, text)
    result = body["result"]
    assert result["text"] == "b i u s p c l x"  # trailing whitespace is trimmed
    assert [e["type"] for e in result["entities"]] == [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "text_link",
        "pre",
    ]
    assert result["entities"][-1]["language"] == "py"


async def test_markdown_v2_blockquote(api: RawApi, ana: UserInfo) -> None:
    """A ">" at the start of a line opens a block quote."""
    _, body = await send_md(api, ana, ">quoted\n>still\nafter")
    assert body["result"]["text"] == "quoted\nstill\nafter"
    assert body["result"]["entities"] == [{"type": "blockquote", "offset": 0, "length": 13}]


async def test_legacy_markdown_unclosed_entity(api: RawApi, ana: UserInfo) -> None:
    """Legacy Markdown reports an unclosed entity with its byte offset."""
    status, body = await send_md(api, ana, "Hello *world", mode="Markdown")
    assert status == 400
    expected = "Can't find end of the entity starting at byte offset 6"
    assert body["description"] == ENTITIES + expected


async def test_unknown_parse_mode(api: RawApi, ana: UserInfo) -> None:
    """An unknown parse_mode is refused."""
    assert (
        await api.error("sendMessage", chat_id=ana.id, text="x", parse_mode="BBCode")
        == "Bad Request: unsupported parse_mode"
    )
