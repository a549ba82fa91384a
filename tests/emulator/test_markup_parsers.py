"""The HTML and MarkdownV2 parsers on their own: offsets, nesting and normalisation."""

from __future__ import annotations

import pytest

from emulators.telegram.entities import Entity, MarkupError, checked_link
from emulators.telegram.html_markup import parse_html
from emulators.telegram.markdown_markup import parse_markdown_v2


def test_nested_html_entities_sorted_outer_first() -> None:
    """Nested tags give nested entities, the longer one first."""
    text, entities = parse_html("<b>bo<i>th</i></b>")
    assert text == "both"
    assert entities == [Entity("bold", 0, 4), Entity("italic", 2, 2)]


def test_offsets_count_utf16_units() -> None:
    """An emoji outside the BMP counts as two units."""
    _, entities = parse_html("🇷🇸 <b>x</b>")
    assert entities == [Entity("bold", 5, 1)]


def test_pre_without_language_keeps_code_inside() -> None:
    """<pre><code> without a language gives both entities, as tdlib does."""
    _, entities = parse_html("<pre><code>x</code></pre>")
    assert [e.type for e in entities] == ["pre", "code"]


def test_link_without_href_uses_its_text() -> None:
    """<a> without href links to its own text, normalised with a trailing slash."""
    _, entities = parse_html("<a>example.org</a>")
    assert entities == [Entity("text_link", 0, 11, url="http://example.org/")]


def test_lenient_ampersand_matches_telegram() -> None:
    """With strict_ampersand off, a stray "&" stays text as on real Telegram."""
    assert parse_html("Tom & Jerry", strict_ampersand=False)[0] == "Tom & Jerry"


def test_attribute_entities_are_decoded() -> None:
    """Character references inside quoted attributes are decoded."""
    _, entities = parse_html('<a href="https://x.org/?a=1&amp;b=2">l</a>')
    assert entities[0].url == "https://x.org/?a=1&b=2"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://t.me", "https://t.me/"),
        ("t.me/mreza", "http://t.me/mreza"),
        ("tg://resolve?domain=x", "tg://resolve?domain=x"),
        ("javascript:alert(1)", None),
        ("not a link", None),
    ],
)
def test_checked_link(url: str, expected: str | None) -> None:
    """Links are normalised or dropped like Telegram does."""
    assert checked_link(url) == expected


def test_markdown_v2_expandable_blockquote() -> None:
    """**> ... || marks an expandable block quote."""
    text, entities = parse_markdown_v2("**>hidden\n>more||")
    assert text == "hidden\nmore"
    assert entities == [Entity("expandable_blockquote", 0, 11)]


def test_markdown_v2_code_needs_only_backtick_escaped() -> None:
    """Inside code, reserved characters other than ` are plain text."""
    text, entities = parse_markdown_v2("`a.b-c!`")
    assert (text, entities) == ("a.b-c!", [Entity("code", 0, 6)])


def test_markdown_v2_unclosed_bold_inside_quote() -> None:
    """An entity may not run past the end of its block-quote line."""
    with pytest.raises(MarkupError, match="Can't find end of Bold entity at byte offset 3"):
        parse_markdown_v2(">a *b\nc*")
