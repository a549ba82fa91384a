"""`mreza kb unanswered|attach|dismiss|write-back|export`: curating from the command line."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.app import open_mreza
from core.clock import FakeClock
from core.settings import BUNDLED_KB_PATH, Settings
from tests.commands import build, shared_groundwork
from tests.moment import NOW

WEATHER = "what is the weather in Podgorica"
CONFIDENTIAL = "is there someone confidential in my unit"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge base that write-back may change."""
    copy = tmp_path / "kb"
    shutil.copytree(BUNDLED_KB_PATH, copy)
    return copy


@pytest.fixture
def env(database_url: str, kb: Path) -> dict[str, str]:
    """The command's environment: a temp database and the copied knowledge base."""
    return {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(kb)}


def mreza(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(build(), list(args), env=env)


def members_ask(env: dict[str, str], *asked: tuple[str, str]) -> None:
    """Questions asked by members of the given countries, through any transport."""

    async def ask() -> None:
        settings = Settings(
            database_url=env["MREZA_DATABASE_URL"], kb_path=Path(env["MREZA_KB_PATH"])
        )
        async with open_mreza(settings, FakeClock(NOW), shared_groundwork()) as app:
            channels = ("telegram", "signal", "console")  # every way of asking counts
            for number, (country, text) in enumerate(asked):
                await app.librarian.ask_logged(text, channels[number % 3], None, country)

    asyncio.run(ask())


def test_unanswered_json_lists_groups_largest_first(env: dict[str, str]) -> None:
    """--json prints id, count, examples, countries and first/last seen, largest group first."""
    members_ask(env, ("RS", WEATHER), ("ME", "weather in podgorica today?"), ("MK", CONFIDENTIAL))
    result = mreza(env, "kb", "unanswered", "--json")
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)
    assert [(g["count"], g["examples"][0]) for g in groups] == [(2, WEATHER), (1, CONFIDENTIAL)]
    assert groups[0]["countries"] == {"RS": 1, "ME": 1}
    assert set(groups[0]) == {"id", "count", "examples", "countries", "first_seen", "last_seen"}


def test_attach_makes_the_question_an_attached_phrasing_in_export(env: dict[str, str]) -> None:
    """After attach, export shows the question under the entry, marked as not curated."""
    members_ask(env, ("RS", CONFIDENTIAL))
    [group] = json.loads(mreza(env, "kb", "unanswered", "--json").stdout)
    result = mreza(env, "kb", "attach", str(group["id"]), "persons-of-trust")
    assert result.exit_code == 0, result.output
    assert "1 new phrasing(s)" in result.stdout
    entries = json.loads(mreza(env, "kb", "export", "--json").stdout)
    trust = next(e for e in entries if e["id"] == "persons-of-trust")
    assert {"text": CONFIDENTIAL, "curated": False} in trust["questions"]["en"]
    assert json.loads(mreza(env, "kb", "unanswered", "--json").stdout) == []


def test_an_attached_question_is_answered_on_the_next_start(env: dict[str, str]) -> None:
    """`mreza ask` finds the entry for the attached wording."""
    members_ask(env, ("RS", CONFIDENTIAL))
    mreza(env, "kb", "attach", "1", "persons-of-trust")
    answer = json.loads(mreza(env, "ask", "--json", CONFIDENTIAL).stdout)
    assert (answer["decision"], answer["results"][0]["id"]) == ("answer", "persons-of-trust")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("attach", "1", "no-such-entry"), "there is no entry 'no-such-entry'"),
        (("attach", "99", "persons-of-trust"), "there is no unanswered group 99"),
        (("dismiss", "99"), "there is no unanswered group 99"),
    ],
)
def test_unknown_groups_and_entries_are_refused(
    env: dict[str, str], args: tuple[str, ...], reason: str
) -> None:
    """Attaching to an unknown entry or group exits 1 with the reason."""
    members_ask(env, ("RS", WEATHER))
    mreza(env, "kb", "unanswered")
    result = mreza(env, "kb", *args)
    assert result.exit_code == 1
    assert reason in result.stderr


def test_attaching_a_group_twice_is_refused(env: dict[str, str]) -> None:
    """The second attach exits 1 and says where the group already went."""
    members_ask(env, ("RS", CONFIDENTIAL))
    mreza(env, "kb", "attach", "1", "persons-of-trust")
    result = mreza(env, "kb", "attach", "1", "gender-coaches")
    assert result.exit_code == 1
    assert "group 1 is already attached to 'persons-of-trust'" in result.stderr


def test_dismiss_takes_a_group_off_the_queue(env: dict[str, str]) -> None:
    """A dismissed group is no longer listed."""
    members_ask(env, ("RS", WEATHER))
    mreza(env, "kb", "unanswered")
    assert mreza(env, "kb", "dismiss", "1").stdout == "group 1 dismissed\n"
    assert mreza(env, "kb", "unanswered").stdout == "no unanswered questions wait for a decision\n"


def test_write_back_adds_the_phrasing_and_changes_nothing_else(
    env: dict[str, str], kb: Path
) -> None:
    """The file gains one line under questions.en; order, comments and the rest stay byte-equal."""
    before = (kb / "persons-of-trust.yaml").read_text(encoding="utf-8")
    members_ask(env, ("RS", CONFIDENTIAL))
    mreza(env, "kb", "attach", "1", "persons-of-trust")
    result = mreza(env, "kb", "write-back")
    assert result.exit_code == 0, result.output
    after = (kb / "persons-of-trust.yaml").read_text(encoding="utf-8")
    anchor = "    - training for persons of trust\n"
    assert after == before.replace(anchor, anchor + f"    - {CONFIDENTIAL}\n")
    assert mreza(env, "kb", "check", str(kb)).exit_code == 0
    again = mreza(env, "kb", "write-back")
    assert again.stdout == "nothing to write: every phrasing is already in the files\n"


def test_write_back_keeps_comments(env: dict[str, str], kb: Path) -> None:
    """A curator's comment in the file survives the round trip."""
    path = kb / "persons-of-trust.yaml"
    path.write_text("# reviewed by the RS MoD\n" + path.read_text(encoding="utf-8"), "utf-8")
    members_ask(env, ("RS", CONFIDENTIAL))
    mreza(env, "kb", "attach", "1", "persons-of-trust")
    assert mreza(env, "kb", "write-back").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("# reviewed by the RS MoD\nid: ")


def test_write_back_refuses_a_file_changed_since_the_load(env: dict[str, str], kb: Path) -> None:
    """A file edited after Mreža loaded it is not overwritten; the command says which."""
    members_ask(env, ("RS", CONFIDENTIAL))
    mreza(env, "kb", "attach", "1", "persons-of-trust")
    path = kb / "persons-of-trust.yaml"
    original = path.read_text(encoding="utf-8")
    edited = re.sub(r"(?m)^checked: .*$", "checked: 2020-01-01", original)
    assert edited != original
    path.write_text(edited, encoding="utf-8")
    result = mreza(env, "kb", "write-back")
    assert result.exit_code == 1
    assert "persons-of-trust.yaml: changed on disk since Mreža loaded it" in result.stderr
    assert path.read_text(encoding="utf-8") == edited


PARKING = "where can I park at the ministry"
PARKING_TITLE = "Parking at the ministry"
PARKING_ANSWER = "Staff need a **permit** from the logistics office."


def drafted(env: dict[str, str], *extra: str) -> Result:
    """A member asked PARKING; a curator drafts an entry for its group."""
    members_ask(env, ("ME", PARKING))
    draft = ("kb", "draft", "1", "--title", PARKING_TITLE, "--answer", PARKING_ANSWER)
    return mreza(env, *draft, *extra)


def test_draft_queues_a_new_entry_and_closes_the_group(env: dict[str, str]) -> None:
    """draft prints the submission's number; the group leaves the queue; review lists the draft."""
    result = drafted(env, "--tags", "Parking, Visitors", "--country", "me")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("draft 1 from group 1, with 1 phrasing(s), waits for review")
    assert json.loads(mreza(env, "kb", "unanswered", "--json").stdout) == []
    [draft] = json.loads(mreza(env, "kb", "submissions", "--json").stdout)
    assert (draft["title"], draft["answer"], draft["phrasings"], draft["group"]) == (
        PARKING_TITLE, PARKING_ANSWER, [PARKING], 1
    )  # fmt: skip
    assert (draft["country"], draft["tags"], draft["credit"]) == (
        "ME",
        ["parking", "visitors"],
        False,
    )


def test_draft_json_prints_the_number(env: dict[str, str]) -> None:
    """--json prints {"id": N} and nothing else."""
    assert json.loads(drafted(env, "--json").stdout) == {"id": 1}


def test_an_accepted_draft_is_exported_and_answers_the_groups_question(
    env: dict[str, str],
) -> None:
    """Accepted, the draft is an entry with the group's question as a phrasing, served at once."""
    drafted(env)
    accepted = mreza(env, "kb", "accept", "1")
    assert accepted.stdout == "lesson 1 accepted as entry parking-at-the-ministry-1\n"
    entries = json.loads(mreza(env, "kb", "export", "--json").stdout)
    entry = next(e for e in entries if e["id"] == "parking-at-the-ministry-1")
    assert (entry["title"], entry["answer"], entry["countries"], entry["accepted"]) == (
        PARKING_TITLE, PARKING_ANSWER, ["regional"], True
    )  # fmt: skip
    assert entry["questions"]["en"] == [
        {"text": PARKING_TITLE, "curated": False}, {"text": PARKING, "curated": False}
    ]  # fmt: skip
    answer = json.loads(mreza(env, "ask", "--json", PARKING).stdout)
    assert (answer["decision"], answer["results"][0]["id"]) == (
        "answer", "parking-at-the-ministry-1"
    )  # fmt: skip


def test_write_back_drafts_the_accepted_entry_with_its_phrasings(
    env: dict[str, str], kb: Path
) -> None:
    """write-back puts the accepted draft in drafts/, the group's question among its questions."""
    drafted(env)
    mreza(env, "kb", "accept", "1")
    assert mreza(env, "kb", "write-back").exit_code == 0
    text = (kb / "drafts" / "parking-at-the-ministry-1.yaml").read_text(encoding="utf-8")
    assert f"title: {PARKING_TITLE}\n" in text
    assert f"  en:\n    - {PARKING_TITLE}\n    - {PARKING}\n" in text


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        ("--title", "  ", "the title is empty"),
        ("--title", "x" * 81, "the title is longer than 80 characters"),
        ("--answer", "", "the answer is empty"),
        ("--answer", "Staff need a **permit", "invalid markup: line 1: unbalanced '**'"),
        ("--answer", "word " * 1000, "too long for one Telegram message"),
        ("--country", "HR", "unknown country 'HR' (known: BA, ME, MK, RS, regional)"),
    ],
)
def test_a_bad_draft_is_a_usage_error_and_stores_nothing(
    env: dict[str, str], option: str, value: str, reason: str
) -> None:
    """Each bad value exits 2 with the reason; no submission, and the group still waits."""
    result = drafted(env, option, value)
    assert result.exit_code == 2
    assert reason in result.stderr
    assert json.loads(mreza(env, "kb", "submissions", "--json", "--all").stdout) == []
    assert len(json.loads(mreza(env, "kb", "unanswered", "--json").stdout)) == 1


def test_a_draft_needs_a_title_and_an_answer(env: dict[str, str]) -> None:
    """Without --answer, draft is a usage error."""
    result = mreza(env, "kb", "draft", "1", "--title", PARKING_TITLE)
    assert result.exit_code == 2
    assert "--answer" in result.output


@pytest.mark.parametrize(
    ("first", "group", "reason"),
    [
        ((), "2", "there is no unanswered group 2"),
        (("draft", "1", "--title", "Other", "--answer", "Other"), "1", "was already drafted"),
        (("attach", "1", "persons-of-trust"), "1", "is already attached to 'persons-of-trust'"),
        (("dismiss", "1"), "1", "group 1 was already dismissed"),
    ],
)
def test_a_decided_or_unknown_group_cannot_be_drafted(
    env: dict[str, str], first: tuple[str, ...], group: str, reason: str
) -> None:
    """Drafting a group that is not waiting exits 1 with what became of it; nothing is added."""
    members_ask(env, ("ME", PARKING))
    mreza(env, "kb", "unanswered")
    if first:
        mreza(env, "kb", *first)
    args = ("kb", "draft", group, "--title", PARKING_TITLE, "--answer", PARKING_ANSWER)
    result = mreza(env, *args)
    assert result.exit_code == 1
    assert reason in result.stderr
    waiting = json.loads(mreza(env, "kb", "submissions", "--json").stdout)
    assert PARKING_TITLE not in [s["title"] for s in waiting]
