"""`mreza chat` as a real process: questions piped to standard input, replies on standard output."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.settings import BUNDLED_KB_PATH


def command() -> list[str]:
    """`python -m bot.cli` where the package can run as a module, else the installed script."""
    if importlib.util.find_spec("bot.cli.__main__") is not None:
        return [sys.executable, "-m", "bot.cli"]
    return [str(Path(sys.executable).parent / "mreza")]


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "MREZA_DATABASE_URL": database_url,
        "MREZA_KB_PATH": str(BUNDLED_KB_PATH),
        "PYTHONIOENCODING": "utf-8",
    }


def chat(env: dict[str, str], cwd: Path, *lines: str) -> subprocess.CompletedProcess[str]:
    """Run `mreza chat` with the lines on standard input, then end of input."""
    return subprocess.run(
        [*command(), "chat"],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,  # a hang must fail the test, not the run; not a performance check
        check=False,
    )


def test_clear_question_prints_title_answer_and_sources(
    env: dict[str, str], tmp_path: Path
) -> None:
    """'what is a person of trust' prints the entry title, its answer and its sources."""
    done = chat(env, tmp_path, "what is a person of trust")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Persons of trust in the defence system\n\n")
    assert "A person of trust is a colleague" in done.stdout
    assert "\nSources:\n" in done.stdout


def test_clarify_then_1_prints_the_first_choice(env: dict[str, str], tmp_path: Path) -> None:
    """An ambiguous question offers choices; '1' prints the first one's entry."""
    done = chat(env, tmp_path, "glass ceiling women officers", "1")
    offer, card = done.stdout.split("Type a number to choose.\n")
    first = offer.splitlines()[1].removeprefix("  1. ")
    assert offer.startswith("Which of these did you mean?\n")
    assert card.startswith(first + "\n\n")
    assert "\nSources:\n" in card


def test_topics_then_a_number_lists_entries(env: dict[str, str], tmp_path: Path) -> None:
    """/topics lists topics; a number lists the entries on that topic."""
    done = chat(env, tmp_path, "/topics", "1")
    assert done.stdout.startswith("Topics:\n  1. ")
    assert "Entries on bosnia and herzegovina:\n  1. " in done.stdout


def test_help(env: dict[str, str], tmp_path: Path) -> None:
    """/help explains the commands."""
    done = chat(env, tmp_path, "/help")
    assert "/topics" in done.stdout
    assert "/quit" in done.stdout


def test_unknown_command(env: dict[str, str], tmp_path: Path) -> None:
    """An unknown command is named back with a pointer to /help."""
    done = chat(env, tmp_path, "/foo")
    assert done.stdout == "I don't know the command /foo. Type /help for what I understand.\n"


def test_out_of_scope_question_gets_i_dont_know(env: dict[str, str], tmp_path: Path) -> None:
    """An out-of-scope question gets the honest "I don't know" text."""
    done = chat(env, tmp_path, "what is the weather in Podgorica")
    assert done.stdout.startswith("I don't know that yet")
    assert "noted your question for the curators" in done.stdout


def test_end_of_input_exits_0(env: dict[str, str], tmp_path: Path) -> None:
    """With nothing typed, the chat ends cleanly and prints nothing (no prompt on a pipe)."""
    done = chat(env, tmp_path)
    assert (done.returncode, done.stdout) == (0, "")
