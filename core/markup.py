"""The small Markdown subset of answers, and its renderings for each channel.

Answers are written once and shown on Telegram (HTML), Signal and the console (plain text), so
the subset is only what all three can show: paragraphs, bullets, bold, italic and links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit


class Style(Enum):
    """How a run of text is shown."""

    PLAIN = "plain"
    BOLD = "bold"
    ITALIC = "italic"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a line in one style; links carry their URL."""

    style: Style
    text: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a paragraph, possibly a bullet point."""

    runs: tuple[Run, ...]
    bullet: bool = False
    hard: bool = False  # on its own line even inside a paragraph: plain text keeps its lines


Paragraph = tuple[Line, ...]

_INLINE = re.compile(
    r"\*\*(?P<bold>[^*\n]+?)\*\*"
    r"|(?<![\w])_(?P<italic>[^_\n]+?)_(?![\w])"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<url>[^)\s]*)\)"
)
_STRAY = re.compile(r"\*\*|(?<![\w])_|_(?![\w])|\]\(")


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host and no spaces."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in url


def problems(markup: str) -> list[str]:
    """Why a text is not valid markup; empty when it is."""
    found: list[str] = []
    for number, raw in enumerate(markup.splitlines(), start=1):
        for match in _INLINE.finditer(raw):
            url = match.group("url")
            if url is not None and not is_web_url(url):
                found.append(f"line {number}: link to {url!r} is not an http(s) URL")
        rest = _INLINE.sub(" ", raw)
        stray = _STRAY.search(rest)
        if stray:
            found.append(f"line {number}: unbalanced {stray.group()!r}")
    return found


def parse(markup: str) -> tuple[Paragraph, ...]:
    """Paragraphs of lines of styled runs; invalid markers are kept as literal text."""
    blocks = re.split(r"\n\s*\n", markup.strip())
    return tuple(tuple(_line(raw) for raw in block.splitlines()) for block in blocks if block)


def _line(raw: str) -> Line:
    text = raw.strip()
    bullet = text.startswith("- ")
    if bullet:
        text = text[2:].lstrip()
    return Line(tuple(_runs(text)), bullet)


def _runs(text: str) -> Iterator[Run]:
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            yield Run(Style.PLAIN, text[position : match.start()])
        url = match.group("url")
        if match.group("bold") is not None:
            yield Run(Style.BOLD, match.group("bold"))
        elif match.group("italic") is not None:
            yield Run(Style.ITALIC, match.group("italic"))
        elif url is not None and is_web_url(url):
            yield Run(Style.LINK, match.group("label"), url)
        else:
            yield Run(Style.PLAIN, match.group())
        position = match.end()
    if position < len(text):
        yield Run(Style.PLAIN, text[position:])


def to_html(paragraphs: tuple[Paragraph, ...]) -> str:
    """Telegram HTML: every text escaped, only b, i and a tags."""
    return _join(paragraphs, _html_run, bullet="• ")


def to_plain(paragraphs: tuple[Paragraph, ...]) -> str:
    """Plain text for Signal and the console: links written out after their label."""
    return _join(paragraphs, _plain_run, bullet="• ")


def _join(paragraphs: tuple[Paragraph, ...], render: Callable[[Run], str], bullet: str) -> str:
    def line(item: Line) -> str:
        body = "".join(render(run) for run in item.runs)
        return bullet + body if item.bullet else body

    return "\n\n".join(_unwrap([line(item) for item in p], p) for p in paragraphs)


def _unwrap(rendered: list[str], paragraph: Paragraph) -> str:
    """Join a paragraph's source lines: wrapped prose becomes one line, bullets stay lines."""
    out: list[str] = []
    for text, item in zip(rendered, paragraph, strict=True):
        if out and not (item.bullet or item.hard):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return "\n".join(out)


def _html_run(run: Run) -> str:
    text = html.escape(run.text, quote=False)
    if run.style is Style.BOLD:
        return f"<b>{text}</b>"
    if run.style is Style.ITALIC:
        return f"<i>{text}</i>"
    if run.style is Style.LINK:
        return f'<a href="{html.escape(run.url)}">{text}</a>'
    return text


def _plain_run(run: Run) -> str:
    if run.style is Style.LINK:
        return f"{run.text} ({run.url})"
    return run.text
