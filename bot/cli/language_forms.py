"""One convention for texts in several language forms on every command: ``--text mk="..."``.

A value without a form key is in the author's language (``--language``, English unless told);
``FORM=`` before it names another form. Pulse options are matched by position, so each form's
``--option`` values are read in the order given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated

import typer

from bot.cli.common import fail
from core.members import Language

FORMS = ", ".join(language.value for language in Language)
# A form key: two to four letters, maybe a subtag (sr-cyrl). A longer word before "=" is text.
KEYED = re.compile(r"([A-Za-z]{2,4}(?:-[A-Za-z]{2,4})?)=(.*)", re.DOTALL)
LanguageOption = Annotated[
    str,
    typer.Option(
        "--language", metavar="FORM", help=f"The language form of the unkeyed texts: {FORMS}."
    ),
]


def author_form(text: str) -> Language:
    """The author's form as ``--language`` gives it; anything else is a usage error."""
    try:
        return Language(text.strip().lower())
    except ValueError:
        fail(f"--language {text!r} is not a language form; use one of {FORMS}", 2)


def keyed_form(value: str, option: str) -> tuple[Language | None, str]:
    """The form a value names (None: no key), and its text."""
    keyed = KEYED.fullmatch(value)
    if keyed is None:
        return None, value
    key, text = keyed.group(1).lower(), keyed.group(2)
    try:
        return Language(key), text
    except ValueError:
        fail(f"{option} {key}=…: {key!r} is not a language form; use one of {FORMS}", 2)


def split(value: str, option: str, author: Language) -> tuple[Language, str]:
    """The form a value is in (the author's without a key), and its text."""
    form, text = keyed_form(value, option)
    return form or author, text


def in_forms(
    values: Sequence[str], option: str, author: Language
) -> tuple[str, dict[Language, str]]:
    """The author's text and the versions in other forms, from a repeated option."""
    texts: dict[Language, str] = {}
    for value in values:
        form, text = split(value, option, author)
        if form in texts:
            fail(f"{option} is given twice in {form.value}", 2)
        texts[form] = text
    if author not in texts:
        fail(f"give {option} in the author's language, {author.value}: without a form key", 2)
    own = texts.pop(author)
    return own, texts


def option_forms(
    values: Sequence[str], option: str, author: Language
) -> tuple[tuple[str, ...], dict[Language, tuple[str, ...]]]:
    """Pulse options: the author's in order, and each other form's in the same order."""
    grouped: dict[Language, list[str]] = {}
    for value in values:
        form, text = split(value, option, author)
        grouped.setdefault(form, []).append(text)
    own = tuple(grouped.pop(author, ()))
    return own, {form: tuple(options) for form, options in grouped.items()}
