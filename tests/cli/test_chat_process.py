"""`mreza chat` as a real process: the conversation core over the console transport, on a pipe."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.asking.browsing import coordinator_help, member_help
from bot.languages import texts
from core.settings import BUNDLED_KB_PATH

pytestmark = pytest.mark.slow  # a real `mreza chat` process per test

PERSON_OF_TRUST = "Persons of trust in the defence system"
COMPLAINTS = "Where to report discrimination and sexual harassment in each country"
FEEDBACK_CHOICES = "\n  1. 👍\n  2. 👎\n\n"


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


def blocks(stdout: str) -> list[str]:
    """The printed paragraphs: a blank line separates them and ends each message."""
    return [b for b in stdout.split("\n\n") if b]


def test_clear_question_prints_title_answer_sources_and_feedback_choices(
    env: dict[str, str], tmp_path: Path
) -> None:
    """'what is a person of trust' prints the entry, its sources, then 👍/👎 as numbered choices."""
    done = chat(env, tmp_path, "what is a person of trust")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(PERSON_OF_TRUST + "\n\n")
    assert "A person of trust is a colleague" in done.stdout
    assert "\n\nSources\n• SEESAC - " in done.stdout
    assert done.stdout.endswith(FEEDBACK_CHOICES)


def test_a_number_after_an_answer_presses_a_feedback_choice(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Typing 1 under an answer votes 👍 and prints the thanks."""
    done = chat(env, tmp_path, "what is a person of trust", "1")
    assert blocks(done.stdout)[-1] == texts.THANKS_FEEDBACK


def test_clarify_then_1_prints_the_first_choice(env: dict[str, str], tmp_path: Path) -> None:
    """An ambiguous question offers numbered choices; '1' prints the first one's entry."""
    done = chat(env, tmp_path, "glass ceiling women officers", "1")
    offer, card, *_ = blocks(done.stdout)
    question, *choices = offer.splitlines()
    assert question == texts.CLARIFY
    assert [c[:5] for c in choices] in (["  1. ", "  2. "], ["  1. ", "  2. ", "  3. "])
    first = choices[0].removeprefix("  1. ").removesuffix("…")  # a long title is cut short
    assert card.startswith(first)
    assert "\n\nSources\n" in done.stdout.split(offer)[1]


def test_topics_then_a_number_lists_entries(env: dict[str, str], tmp_path: Path) -> None:
    """/topics lists the first page of numbered topics; a number lists the entries on that topic."""
    done = chat(env, tmp_path, "/topics", "1")
    topics, entries = blocks(done.stdout)
    heading = texts.TOPICS_PAGE.format(page=1, pages=5)
    assert topics.startswith(heading + "\n  1. SEESAC (10)\n  2. Training (7)\n")
    assert entries.startswith(texts.TOPIC_ENTRIES.format(topic="SEESAC") + "\n  1. ")


def test_help_is_the_cores_help(env: dict[str, str], tmp_path: Path) -> None:
    """/help prints the conversation core's help; the console user is an admin, so all of it."""
    done = chat(env, tmp_path, "/help")
    assert done.stdout == member_help(str) + "\n\n" + coordinator_help(str) + "\n\n"


def test_unknown_command(env: dict[str, str], tmp_path: Path) -> None:
    """An unknown command is named back with a pointer to /help."""
    done = chat(env, tmp_path, "/foo")
    assert done.stdout == texts.UNKNOWN_COMMAND.format(command="/foo") + "\n\n"


def test_out_of_scope_question_gets_i_dont_know(env: dict[str, str], tmp_path: Path) -> None:
    """An out-of-scope question gets the honest "I don't know", then the numbered pass-on offer."""
    done = chat(env, tmp_path, "what is the weather in Podgorica")
    assert blocks(done.stdout) == [
        texts.DONT_KNOW,
        f"{texts.DONT_KNOW_OFFER}\n  1. {texts.PASS_ON}",
    ]


def test_piped_lines_are_answered_each_in_order(env: dict[str, str], tmp_path: Path) -> None:
    """Several piped questions (as `... | make chat`) are each answered, in the order asked."""
    done = chat(
        env,
        tmp_path,
        "what is a person of trust",
        "what is the weather in Podgorica",
        "",
        "sexual harassment complaint",
    )
    assert done.returncode == 0, done.stderr
    first, rest = done.stdout.split(FEEDBACK_CHOICES, 1)
    second, third = rest.split(f"\n  1. {texts.PASS_ON}\n\n", 1)
    assert first.startswith(PERSON_OF_TRUST + "\n\n")
    assert second.startswith(texts.DONT_KNOW + "\n\n")
    assert third.startswith(COMPLAINTS + "\n\n")
    assert third.endswith(FEEDBACK_CHOICES)


def test_end_of_input_exits_0(env: dict[str, str], tmp_path: Path) -> None:
    """With nothing typed, the chat ends cleanly and prints nothing (no prompt on a pipe)."""
    done = chat(env, tmp_path)
    assert (done.returncode, done.stdout) == (0, "")


def test_quit_ends_the_chat(env: dict[str, str], tmp_path: Path) -> None:
    """/quit ends the chat at once: what follows it is not read."""
    done = chat(env, tmp_path, "/quit", "what is a person of trust")
    assert (done.returncode, done.stdout) == (0, "")
