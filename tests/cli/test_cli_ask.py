"""`mreza ask`: one question, JSON, or JSON lines from standard input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner, Result

from core.settings import BUNDLED_KB_PATH
from tests.commands import build


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    """The environment of the command: a temp database and the bundled knowledge base."""
    return {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(BUNDLED_KB_PATH)}


def mreza(env: dict[str, str], *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(build(), list(args), input=stdin, env=env)


def test_ask_json_prints_the_decision_and_ranked_results(env: dict[str, str]) -> None:
    """--json gives the decision and at least three results: id, title, answer and score."""
    result = mreza(env, "ask", "--json", "sexual harassment")
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert reply["decision"] == "clarify"
    assert len(reply["results"]) >= 3
    assert all(set(r) == {"id", "title", "answer", "translated", "score"} for r in reply["results"])
    scores = [r["score"] for r in reply["results"]]
    assert scores == sorted(scores, reverse=True)


def test_ask_json_for_a_clear_question_puts_the_entry_first(env: dict[str, str]) -> None:
    """The answered entry is the first result."""
    result = mreza(env, "ask", "--json", "Шта је особа од поверења?")
    reply = json.loads(result.stdout)
    assert (reply["decision"], reply["results"][0]["id"]) == ("answer", "persons-of-trust")
    assert reply["results"][0]["title"] == "Persons of trust in the defence system"


def test_ask_json_keeps_letters_as_they_are(env: dict[str, str]) -> None:
    """Titles are printed in UTF-8, not as \\u escapes."""
    result = mreza(env, "ask", "--json", "what is a person of trust")
    assert "\\u" not in result.stdout


def test_ask_jsonl_answers_each_line_in_order(env: dict[str, str]) -> None:
    """Three questions on standard input give three JSON lines, in the same order."""
    questions = "what is a person of trust\nkako si\nsexual harassment\n"
    result = mreza(env, "ask", "--jsonl", stdin=questions)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line)["decision"] for line in lines] == ["answer", "none", "clarify"]


def test_ask_without_a_question_or_jsonl_exits_2(env: dict[str, str]) -> None:
    """Nothing to ask is a usage error with a message."""
    result = mreza(env, "ask")
    assert result.exit_code == 2
    assert "give either a QUESTION or --jsonl" in result.stderr


def test_ask_with_both_a_question_and_jsonl_exits_2(env: dict[str, str]) -> None:
    """A question and --jsonl together are refused too."""
    result = mreza(env, "ask", "--jsonl", "what is a person of trust", stdin="")
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_ask_without_json_prints_the_card(env: dict[str, str]) -> None:
    """Plain `mreza ask` shows the answer as the console chat does."""
    result = mreza(env, "ask", "what is a person of trust")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Persons of trust in the defence system\n")
    assert "\n\nSources\n" in result.stdout


def test_ask_out_of_scope_says_it_does_not_know(env: dict[str, str]) -> None:
    """An out-of-scope question gets the honest "I don't know"."""
    result = mreza(env, "ask", "recept za sarmu")
    assert result.stdout.startswith("I don't know that yet")


def test_ask_json_reports_a_redirect_with_its_entry(env: dict[str, str]) -> None:
    """A pay question is a redirect, with the personnel entry first in the results."""
    reply = json.loads(mreza(env, "ask", "--json", "when is my salary paid").stdout)
    assert (reply["decision"], reply["results"][0]["id"]) == ("redirect", "elsewhere-personnel")


def test_ask_json_reports_small_talk(env: dict[str, str]) -> None:
    """Thanks are small talk, with no results."""
    reply = json.loads(mreza(env, "ask", "--json", "hvala puno").stdout)
    assert reply == {"decision": "smalltalk", "results": []}


def test_ask_replies_to_small_talk_as_the_console_would(env: dict[str, str]) -> None:
    """Without --json the console's friendly reply is printed."""
    result = mreza(env, "ask", "bye")
    assert result.stdout.strip() == "Goodbye, and take care!"


def test_ask_json_lang_gives_titles_and_answers_in_that_language(env: dict[str, str]) -> None:
    """--lang mk: every result's title and answer are the Macedonian ones."""
    result = mreza(env, "ask", "--json", "--lang", "mk", "what is a person of trust")
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)["results"][0]
    assert first["id"] == "persons-of-trust"
    assert first["title"] == "Лица од доверба во системот на одбрана"
    assert first["answer"].startswith("**Лице од доверба**")
    assert first["translated"] is True


def test_ask_json_in_english_by_default(env: dict[str, str]) -> None:
    """Without --lang the results are in English, as before."""
    result = mreza(env, "ask", "--json", "Што е лице од доверба?")
    first = json.loads(result.stdout)["results"][0]
    assert first["title"] == "Persons of trust in the defence system"
    assert first["answer"].startswith("A **person of trust**")


def test_ask_lang_shows_the_card_in_serbian_cyrillic(env: dict[str, str]) -> None:
    """Plain `mreza ask --lang sr-cyrl` prints the card as a Serbian member reads it."""
    result = mreza(env, "ask", "--lang", "sr-cyrl", "what is a person of trust")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Особе од поверења у систему одбране\n")
    assert "\n\nИзвори\n" in result.stdout


def test_ask_with_an_unknown_language_exits_2(env: dict[str, str]) -> None:
    """A language form Mreža does not know is one line on standard error and exit 2."""
    result = mreza(env, "ask", "--json", "--lang", "hr", "what is a person of trust")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "mreza: unknown language 'hr': use one of en, bcms, sr-cyrl, mk"
    ]
    assert result.stdout == ""
