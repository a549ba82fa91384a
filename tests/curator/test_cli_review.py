"""`mreza kb submissions|accept|decline`: the review queue from the command line."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.app import open_mreza
from bot.cli import build
from bot.handlers.reviewing import tell_authors
from bot.submissions import SubmissionBook
from core.members import Identity, NewMember
from core.settings import BUNDLED_KB_PATH, Settings
from knowledge.lessons import Lesson
from tests.bot.people import Network

LESSON = Lesson(
    "Night shifts had no person of trust",
    "We appointed two",
    "Complaints came earlier",
    "Training was too short",
    "RS",
    ("persons-of-trust",),
)


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    """A temp database and the bundled knowledge base."""
    return {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(BUNDLED_KB_PATH)}


def mreza(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(build(), list(args), env=env)


def shared(env: dict[str, str], credit: bool = True) -> None:
    """Alice, a member, shared LESSON through the bot."""

    async def share() -> None:
        settings = Settings(database_url=env["MREZA_DATABASE_URL"], kb_path=BUNDLED_KB_PATH)
        async with open_mreza(settings) as app:
            now = app.clock.now()
            alice = await app.members.add(NewMember("Alice", "RS", Identity("telegram", "1")), now)
            await SubmissionBook(app.sessions).submit(alice.id, LESSON, credit, "en", now)

    asyncio.run(share())


def test_submissions_json_lists_the_pending_lessons(env: dict[str, str]) -> None:
    """--json gives each lesson's fields, whether it may credit its author, and no name."""
    shared(env)
    result = mreza(env, "kb", "submissions", "--json")
    assert result.exit_code == 0, result.output
    [lesson] = json.loads(result.stdout)
    assert (lesson["id"], lesson["status"], lesson["credit"]) == (1, "pending", True)
    assert lesson["situation"] == LESSON.situation
    assert "Alice" not in result.stdout


def test_accept_makes_an_entry_visible_in_export(env: dict[str, str]) -> None:
    """accept prints the new entry's id; export lists it, crediting the author who agreed."""
    shared(env)
    result = mreza(env, "kb", "accept", "1", "--id", "night-shift-persons-of-trust")
    assert result.stdout == "lesson 1 accepted as entry night-shift-persons-of-trust\n"
    entries = json.loads(mreza(env, "kb", "export", "--json").stdout)
    entry = next(e for e in entries if e["id"] == "night-shift-persons-of-trust")
    assert entry["title"] == LESSON.situation
    assert entry["answer"].endswith("_Shared by Alice (RS)._")
    assert entry["questions"]["en"] == [{"text": LESSON.situation, "curated": False}]


def test_an_accepted_entry_survives_a_restart(env: dict[str, str]) -> None:
    """Importing the curated files again does not retire an entry that has no file."""
    shared(env)
    mreza(env, "kb", "accept", "1")
    mreza(env, "kb", "export", "--json")
    answer = json.loads(mreza(env, "ask", "--json", LESSON.situation).stdout)
    assert answer["results"][0]["id"] == "night-shifts-had-no-person-of-1"


def test_decline_needs_a_note(env: dict[str, str]) -> None:
    """Without --note, decline is a usage error and the lesson stays pending."""
    shared(env)
    result = mreza(env, "kb", "decline", "1")
    assert result.exit_code == 2
    assert "--note is required" in result.stderr
    assert json.loads(mreza(env, "kb", "submissions", "--json").stdout)[0]["status"] == "pending"


def test_decline_with_a_note_takes_it_off_the_queue(env: dict[str, str]) -> None:
    """A declined lesson keeps its note and is no longer pending."""
    shared(env)
    assert mreza(env, "kb", "decline", "1", "--note", "Covered already").exit_code == 0
    assert json.loads(mreza(env, "kb", "submissions", "--json").stdout) == []
    [declined] = json.loads(mreza(env, "kb", "submissions", "--json", "--all").stdout)
    assert (declined["status"], declined["note"]) == ("declined", "Covered already")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("accept", "9"), "there is no submission 9"),
        (("decline", "9", "--note", "x"), "there is no submission 9"),
    ],
)
def test_unknown_lessons_are_refused(
    env: dict[str, str], args: tuple[str, ...], reason: str
) -> None:
    """A number that is not a lesson exits 1 with the reason."""
    shared(env)
    result = mreza(env, "kb", *args)
    assert result.exit_code == 1
    assert reason in result.stderr


def test_a_lesson_cannot_be_accepted_twice(env: dict[str, str]) -> None:
    """The second accept is refused and says what happened to it."""
    shared(env)
    mreza(env, "kb", "accept", "1")
    result = mreza(env, "kb", "accept", "1")
    assert result.exit_code == 1
    assert "submission 1 was already accepted" in result.stderr


def test_the_author_hears_of_a_decision_made_on_the_command_line(env: dict[str, str]) -> None:
    """The bot's chore tells the author what the CLI decided, once."""
    shared(env)
    mreza(env, "kb", "decline", "1", "--note", "Covered already")

    async def chore() -> tuple[int, int, str]:
        settings = Settings(database_url=env["MREZA_DATABASE_URL"], kb_path=BUNDLED_KB_PATH)
        async with open_mreza(settings) as app:
            network = Network(app, app.clock)  # type: ignore[arg-type]  # a real clock is fine
            services = network.conversation.services
            first, second = await tell_authors(services), await tell_authors(services)
            return first, second, network.messenger.said[0].text

    first, second, text = asyncio.run(chore())
    assert (first, second) == (1, 0)
    assert text.endswith("Covered already")


def test_export_marks_an_accepted_entry(env: dict[str, str]) -> None:
    """The accepted lesson is flagged in export; the curated entries are not."""
    shared(env)
    mreza(env, "kb", "accept", "1", "--id", "night-shift-persons-of-trust")
    entries = {e["id"]: e for e in json.loads(mreza(env, "kb", "export", "--json").stdout)}
    assert entries["night-shift-persons-of-trust"]["accepted"] is True
    assert entries["persons-of-trust"]["accepted"] is False


def test_write_back_drafts_an_accepted_lesson_outside_the_loaded_files(
    env: dict[str, str], tmp_path: Path
) -> None:
    """write-back puts the entry in drafts/, with a note on what to add; the KB still loads."""
    kb = tmp_path / "kb"
    shutil.copytree(BUNDLED_KB_PATH, kb)
    env = {**env, "MREZA_KB_PATH": str(kb)}
    shared(env)
    mreza(env, "kb", "accept", "1", "--id", "night-shift-persons-of-trust")
    result = mreza(env, "kb", "write-back")
    assert result.exit_code == 0, result.output
    draft = kb / "drafts" / "night-shift-persons-of-trust.yaml"
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# Drafted by Mreža from a member's lesson")
    assert "title: Night shifts had no person of trust\n" in text
    assert "tags: [persons-of-trust]\ncountries: [RS]\n" in text
    assert mreza(env, "kb", "check", str(kb)).stdout == "42 entries, no problems\n"
    assert mreza(env, "kb", "write-back").stdout.startswith("nothing to write")
