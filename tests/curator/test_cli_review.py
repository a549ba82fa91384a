"""`mreza kb submissions|accept|decline`: the review queue from the command line."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.app import open_mreza
from bot.lessons.reviewing import tell_authors
from bot.lessons.submission_book import SubmissionBook
from core.clock import FakeClock
from core.members import Identity, NewMember
from core.settings import BUNDLED_KB_PATH, Settings
from knowledge.lessons import Lesson
from tests.bot.people import Network
from tests.commands import build, shared_groundwork
from tests.moment import NOW

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


def shared(env: dict[str, str], credit: bool = True, lesson: Lesson = LESSON) -> None:
    """Alice, a member, shared LESSON through the bot."""

    async def share() -> None:
        settings = Settings(database_url=env["MREZA_DATABASE_URL"], kb_path=BUNDLED_KB_PATH)
        async with open_mreza(settings, FakeClock(NOW), shared_groundwork()) as app:
            now = app.clock.now()
            alice = await app.members.add(NewMember("Alice", "RS", Identity("telegram", "1")), now)
            await SubmissionBook(app.sessions).submit(alice.id, lesson, credit, "en", now)

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
        async with open_mreza(settings, FakeClock(NOW), shared_groundwork()) as app:
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
    assert mreza(env, "kb", "check", str(kb)).stdout.endswith("45 entries, no problems\n")
    assert mreza(env, "kb", "write-back").stdout.startswith("nothing to write")


def pending(env: dict[str, str]) -> dict[str, object]:
    """The one lesson waiting for review, as `kb submissions --json` shows it."""
    [lesson] = json.loads(mreza(env, "kb", "submissions", "--json").stdout)
    return dict(lesson)


def test_edit_changes_the_fields_shown_for_review(env: dict[str, str]) -> None:
    """edit says what changed; --json shows the new title, texts, country and keywords."""
    shared(env)
    result = mreza(
        env, "kb", "edit", "1", "--title", "Night-shift persons of trust",
        "--worked", "Complaints came a month earlier", "--country", "me", "--tags", "Night shifts",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "lesson 1 edited (title, worked, country, tags): Night-shift persons of trust\n"
    )
    lesson = pending(env)
    assert (lesson["title"], lesson["worked"]) == (
        "Night-shift persons of trust", "Complaints came a month earlier"
    )  # fmt: skip
    assert (lesson["country"], lesson["tags"]) == ("ME", ["night-shifts"])
    assert (lesson["situation"], lesson["answer"]) == (LESSON.situation, None)


def test_accept_uses_the_edited_title_and_answer(env: dict[str, str]) -> None:
    """The entry takes the edited title (and a slug from it) and the written answer."""
    shared(env)
    mreza(env, "kb", "edit", "1", "--title", "Night-shift persons of trust", "--answer", "Two.")
    assert mreza(env, "kb", "accept", "1").stdout == (
        "lesson 1 accepted as entry night-shift-persons-of-trust-1\n"
    )
    entries = json.loads(mreza(env, "kb", "export", "--json").stdout)
    entry = next(e for e in entries if e["id"] == "night-shift-persons-of-trust-1")
    assert (entry["title"], entry["answer"]) == (
        "Night-shift persons of trust", "Two.\n\n_Shared by Alice (RS)._"
    )  # fmt: skip


def test_accepts_own_title_wins_over_the_edited_one(env: dict[str, str]) -> None:
    """`accept --title` keeps working and beats an edited title."""
    shared(env)
    mreza(env, "kb", "edit", "1", "--title", "Night-shift persons of trust")
    mreza(env, "kb", "accept", "1", "--title", "Persons of trust at night", "--id", "at-night")
    entries = json.loads(mreza(env, "kb", "export", "--json").stdout)
    assert next(e for e in entries if e["id"] == "at-night")["title"] == "Persons of trust at night"


def test_edit_needs_something_to_change(env: dict[str, str]) -> None:
    """Without an option, edit is a usage error that names the options."""
    shared(env)
    result = mreza(env, "kb", "edit", "1")
    assert result.exit_code == 2
    assert "nothing to change: give at least one of --title, --situation" in result.stderr
    assert "--not-worked" in result.stderr


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("--title", ""), "the title is empty"),
        (("--title", "x" * 81), "the title is longer than 80 characters"),
        (("--worked", "x" * 2001), "the text is longer than 2000 characters"),
        (("--action", " "), "the text is empty"),
        (("--answer", "See [the plan](ftp://mod.gov.rs)"), "is not an http(s) URL"),
        (("--title", "Fine", "--country", "Kosovo"), "unknown country 'Kosovo'"),
    ],
)
def test_a_bad_edit_is_a_usage_error_and_changes_nothing(
    env: dict[str, str], args: tuple[str, ...], reason: str
) -> None:
    """Each bad value exits 2 with the reason; the lesson is as it was, good changes too."""
    shared(env)
    before = pending(env)
    result = mreza(env, "kb", "edit", "1", *args)
    assert result.exit_code == 2
    assert reason in result.stderr
    assert pending(env) == before


@pytest.mark.parametrize(
    ("first", "reason"),
    [
        ((), "there is no submission 9"),
        (("accept", "1"), "submission 1 was already accepted"),
        (("decline", "1", "--note", "Covered"), "submission 1 was already declined"),
    ],
)
def test_only_a_pending_lesson_can_be_edited(
    env: dict[str, str], first: tuple[str, ...], reason: str
) -> None:
    """Editing an unknown or reviewed lesson exits 1 with the reason and changes nothing."""
    shared(env)
    if first:
        mreza(env, "kb", *first)
    number = first[1] if first else "9"
    result = mreza(env, "kb", "edit", number, "--title", "Too late")
    assert result.exit_code == 1
    assert reason in result.stderr
    listed = json.loads(mreza(env, "kb", "submissions", "--json", "--all").stdout)
    assert "Too late" not in [s["title"] for s in listed]


def test_a_lesson_longer_than_a_message_is_refused_until_its_answer_is_shorter(
    env: dict[str, str],
) -> None:
    """Accept says why and what to do, and changes nothing; after edit --answer it goes through."""
    long = "x " * 999
    shared(env, lesson=Lesson("Night shifts", long, long, long, "RS", ()))
    refused = mreza(env, "kb", "accept", "1")
    assert refused.exit_code == 1
    assert "too long for one Telegram message" in refused.output
    assert "edit --answer" in refused.output
    [pending] = json.loads(mreza(env, "kb", "submissions", "--json").stdout)
    assert pending["status"] == "pending"
    assert mreza(env, "kb", "edit", "1", "--answer", "Rotate them fairly.").exit_code == 0
    accepted = mreza(env, "kb", "accept", "1")
    assert accepted.exit_code == 0, accepted.output
