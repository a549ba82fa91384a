"""The answers' small markup: rendered safely for Telegram and as plain text, checked for errors."""

from __future__ import annotations

import pytest

from core.markup import Run, Style, is_web_url, parse, problems, to_html, to_plain


def html(text: str) -> str:
    return to_html(parse(text))


def plain(text: str) -> str:
    return to_plain(parse(text))


def test_special_characters_in_text_are_escaped() -> None:
    """<, > and & in answers never reach Telegram as markup."""
    assert html("a < b & c > d <script>") == "a &lt; b &amp; c &gt; d &lt;script&gt;"


def test_special_characters_in_urls_are_escaped() -> None:
    """A link's URL is escaped inside its href, quotes included."""
    assert html('[SEESAC](https://seesac.org/a?x=1&y=<2>"z)') == (
        '<a href="https://seesac.org/a?x=1&amp;y=&lt;2&gt;&quot;z">SEESAC</a>'
    )


def test_bold_is_rendered() -> None:
    """**words** become <b>words</b>."""
    assert html("a **person of trust** helps") == "a <b>person of trust</b> helps"


def test_italic_is_rendered() -> None:
    """_words_ become <i>words</i>."""
    assert html("see _complaint mechanisms_ too") == "see <i>complaint mechanisms</i> too"


def test_styled_text_is_escaped_too() -> None:
    """Text inside bold or a link label is escaped like any other."""
    assert html("**R&D <1>** and [A & B](https://x.org)") == (
        '<b>R&amp;D &lt;1&gt;</b> and <a href="https://x.org">A &amp; B</a>'
    )


def test_links_are_rendered() -> None:
    """[label](https://...) becomes an anchor."""
    assert html("read [the study](https://www.seesac.org/study)") == (
        'read <a href="https://www.seesac.org/study">the study</a>'
    )


def test_bullets_stay_lines_and_prose_is_unwrapped() -> None:
    """Bullets become • lines; wrapped prose lines join; blank lines separate paragraphs."""
    assert html("What it does:\n- listens\n- informs\n\nWrapped\nprose.") == (
        "What it does:\n• listens\n• informs\n\nWrapped prose."
    )


@pytest.mark.parametrize("text", ["use snake_case_name here", "the file my_notes_v2.txt"])
def test_underscores_inside_words_stay_literal(text: str) -> None:
    """snake_case is text, not italic, and is not an error."""
    assert html(text) == text
    assert problems(text) == []


def test_plain_text_writes_urls_out() -> None:
    """Signal and the console cannot click a label, so the URL follows it."""
    assert plain("**Read** [the study](https://seesac.org/s) _now_") == (
        "Read the study (https://seesac.org/s) now"
    )


def test_plain_text_is_not_escaped() -> None:
    """Plain text shows < and & as they are."""
    assert plain("a < b & c") == "a < b & c"


def test_parse_gives_styled_runs() -> None:
    """The parsed form holds one run per style change."""
    ((line,),) = parse("**A** and [b](https://b.org)")
    assert line.runs == (
        Run(Style.BOLD, "A"),
        Run(Style.PLAIN, " and "),
        Run(Style.LINK, "b", "https://b.org"),
    )


def test_well_formed_markup_has_no_problems() -> None:
    """Balanced bold, italic, http(s) links and bullets pass."""
    text = "**Bold** and _italic_\n\n- a [link](https://seesac.org/)\n- [b](http://b.org/x)"
    assert problems(text) == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a **bold claim", "line 1: unbalanced '**'"),
        ("ok\nan _italic claim", "line 2: unbalanced '_'"),
        ("[label](ftp://files.org/a)", "line 1: link to 'ftp://files.org/a' is not an http(s) URL"),
        (
            "[label](javascript:alert(1))",
            "line 1: link to 'javascript:alert(1' is not an http(s) URL",
        ),
        ("[label]()", "line 1: link to '' is not an http(s) URL"),
        ("[label](/relative/path)", "line 1: link to '/relative/path' is not an http(s) URL"),
    ],
)
def test_problems_are_found(text: str, reason: str) -> None:
    """Unbalanced markers and links that are not http(s) are reported with their line."""
    assert reason in problems(text)


def test_invalid_link_is_shown_literally() -> None:
    """A link to a non-web URL is never rendered as an anchor."""
    assert html("[x](ftp://a.org)") == "[x](ftp://a.org)"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.seesac.org/", True),
        ("http://example.org/a?b=c", True),
        ("ftp://example.org/", False),
        ("https://", False),
        ("https:///path", False),
        ("https://exa mple.org", False),
        ("www.seesac.org", False),
    ],
)
def test_web_urls(url: str, ok: bool) -> None:
    """Only absolute http(s) URLs with a host and no spaces count."""
    assert is_web_url(url) is ok
