"""`mreza chat` speaks the language asked for with --lang, else the one of the first question."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner, Result

from core.settings import BUNDLED_KB_PATH
from tests.commands import build


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    """A temp database and the bundled knowledge base."""
    return {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(BUNDLED_KB_PATH)}


def chat(env: dict[str, str], *args: str, typed: str) -> Result:
    """Run ``mreza chat ARGS`` with these lines piped in."""
    return CliRunner().invoke(build(), ["chat", *args], input=typed, env=env)


def test_lang_sets_the_consoles_language(env: dict[str, str]) -> None:
    """--lang mk: /whoami comes in Macedonian and names the language."""
    result = chat(env, "--lang", "mk", typed="/whoami\n")
    assert result.exit_code == 0, result.output
    assert "Јазик: Македонски" in result.stdout


def test_the_first_question_sets_the_language(env: dict[str, str]) -> None:
    """Without --lang, a first question in Serbian Cyrillic makes the console speak it."""
    result = chat(env, typed="Ко ће ми помоћи око особе од поверења?\n/whoami\n")
    assert result.exit_code == 0, result.output
    assert "Језик: Српски (ћирилица)" in result.stdout


def test_lang_wins_over_the_question(env: dict[str, str]) -> None:
    """--lang is a choice: a Macedonian question does not change it."""
    result = chat(env, "--lang", "bcms", typed="Кој ќе ми помогне?\n/whoami\n")
    assert "Jezik: Bosanski / Crnogorski / Hrvatski / Srpski (latinica)" in result.stdout


def test_an_unknown_language_is_a_usage_error(env: dict[str, str]) -> None:
    """--lang de is refused in one line, with the languages there are."""
    result = chat(env, "--lang", "de", typed="")
    assert result.exit_code == 2
    assert "unknown language 'de'; use en, bcms, sr-cyrl or mk" in result.output
