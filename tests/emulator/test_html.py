"""parse_mode=HTML: Telegram's subset, its error messages, and the entities it returns."""

from __future__ import annotations

import pytest

from emulators.telegram import UserInfo

from .conftest import RawApi

ENTITIES = "Bad Request: can't parse entities: "


async def send_html(api: RawApi, user: UserInfo, text: str) -> tuple[int, dict]:
    return await api("sendMessage", chat_id=user.id, text=text, parse_mode="HTML")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Hello <foo>there</foo>", 'Unsupported start tag "foo" at byte offset 6'),
        ("if a < b then", 'Unsupported start tag "" at byte offset 5'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("plain text</b>", "Unexpected end tag at byte offset 10"),
        (
            "<b><i>x</b></i>",
            'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"',
        ),
        ("Tom & Jerry", 'Unsupported HTML entity; escape "&" as "&amp;" at byte offset 4'),
        ("&nbsp;", 'Unsupported HTML entity; escape "&" as "&amp;" at byte offset 0'),
        ("3 <b", "Unclosed start tag at byte offset 2"),
        ('<span class="bold">x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("Ćao <foo>", 'Unsupported start tag "foo" at byte offset 5'),
    ],
)
async def test_html_errors(api: RawApi, ana: UserInfo, text: str, reason: str) -> None:
    """Broken or unsupported markup is refused with Telegram's wording and byte offsets."""
    status, body = await send_html(api, ana, text)
    assert status == 400
    assert body["description"] == ENTITIES + reason


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("a &lt; b &gt; c", "a < b > c"),
        ("Tom &amp; Jerry &quot;quoted&quot;", 'Tom & Jerry "quoted"'),
        ("&#65;&#x42;", "AB"),
        ("<b>bold</b> <strong>strong</strong>", "bold strong"),
        ('<a href="https://example.org/x?a=1&amp;b=2">link</a>', "link"),
    ],
)
async def test_html_escapes_are_accepted(api: RawApi, ana: UserInfo, text: str, plain: str) -> None:
    """Escaped characters and supported tags parse into plain text."""
    status, body = await send_html(api, ana, text)
    assert status == 200, body
    assert body["result"]["text"] == plain


async def test_html_entities_are_returned(api: RawApi, ana: UserInfo) -> None:
    """The returned Message carries the parsed entities with UTF-16 offsets."""
    text = (
        "😀 <b>b</b><i>i</i><u>u</u><s>s</s><tg-spoiler>p</tg-spoiler><code>c</code>"
        '<a href="https://t.me/x">l</a><pre><code class="language-py">x = 1</code></pre>'
        "<blockquote expandable>q</blockquote>"
    )
    _, body = await send_html(api, ana, text)
    result = body["result"]
    assert result["text"] == "😀 biuspclx = 1q"
    assert result["entities"] == [
        {"type": "bold", "offset": 3, "length": 1},
        {"type": "italic", "offset": 4, "length": 1},
        {"type": "underline", "offset": 5, "length": 1},
        {"type": "strikethrough", "offset": 6, "length": 1},
        {"type": "spoiler", "offset": 7, "length": 1},
        {"type": "code", "offset": 8, "length": 1},
        {"type": "text_link", "offset": 9, "length": 1, "url": "https://t.me/x"},
        {"type": "pre", "offset": 10, "length": 5, "language": "py"},
        {"type": "expandable_blockquote", "offset": 15, "length": 1},
    ]


async def test_text_mention_of_a_known_user(api: RawApi, ana: UserInfo) -> None:
    """tg://user?id= links become text_mention entities with the user."""
    _, body = await send_html(api, ana, f'<a href="tg://user?id={ana.id}">Ana</a>')
    (entity,) = body["result"]["entities"]
    assert entity["type"] == "text_mention"
    assert entity["user"]["id"] == ana.id
