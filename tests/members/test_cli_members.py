"""``mreza members``: an admin adds, imports, lists, promotes and removes people."""

from __future__ import annotations

import json

import pytest

from tests.members.conftest import Cli, never_opened, one_line_error

ANA = ("--telegram-id", "1001", "--name", "Ana Petrović", "--country", "RS")


def test_adding_a_member_prints_who_was_added(mreza_cli: Cli) -> None:
    """The admin adds Ana as a coordinator reading Cyrillic; Mreža confirms and lists her."""
    added = mreza_cli(
        "members", "add", *ANA, "--role", "coordinator", "--language", "sr-cyrl",
        "--institution", "Ministry of Defence",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert added.stdout == "added member 1: Ana Petrović (RS, coordinator, sr-cyrl)\n"
    [ana] = mreza_cli.members()
    assert ana["institution"] == "Ministry of Defence"
    assert ana["identities"] == [{"transport": "telegram", "external_id": "1001"}]


def test_a_member_added_without_a_language_has_it_found_on_first_contact(
    mreza_cli: Cli,
) -> None:
    """Without --language, Ana's language is left to her first message; she has not been met."""
    added = mreza_cli("members", "add", *ANA)
    assert added.stdout == (
        "added member 1: Ana Petrović (RS, member, language from their first message)\n"
    )
    [ana] = mreza_cli.members()
    assert (ana["language"], ana["language_source"], ana["met"]) == ("en", "unknown", False)


def test_a_language_given_by_the_admin_counts_as_chosen(mreza_cli: Cli) -> None:
    """--language mk is a choice, which a guess from her messages will never replace."""
    mreza_cli("members", "add", *ANA, "--language", "mk")
    [ana] = mreza_cli.members()
    assert (ana["language"], ana["language_source"]) == ("mk", "chosen")


def test_adding_a_member_in_json_gives_the_member(mreza_cli: Cli) -> None:
    """--json prints the added member as ``members list --json`` would."""
    added = mreza_cli("members", "add", *ANA, "--json")
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout) == mreza_cli.members()[0]


def test_country_role_and_language_are_read_in_any_case(mreza_cli: Cli) -> None:
    """`rs`, `Admin` and `BCMS` are understood as RS, admin and bcms."""
    result = mreza_cli(
        "members", "add", "--telegram-id", "7", "--name", "Ana", "--country", "rs",
        "--role", "Admin", "--language", "BCMS",
    )  # fmt: skip
    assert result.stdout == "added member 1: Ana (RS, admin, bcms)\n"


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (("--telegram-id", "ana"), "the telegram id must be a positive whole number, not 'ana'"),
        (("--telegram-id", "-5"), "the telegram id must be a positive whole number, not '-5'"),
        (("--country", "HR"), "unknown country 'HR'; use BA, ME, MK, RS or regional"),
        (("--role", "boss"), "unknown role 'boss'; use member, coordinator or admin"),
        (("--language", "de"), "unknown language 'de'; use en, bcms, sr-cyrl or mk"),
        (("--name", "   "), "the name is empty"),
    ],
)
def test_a_bad_argument_is_refused_before_anything_is_opened(
    unopened_cli: Cli, change: tuple[str, str], complaint: str
) -> None:
    """Each bad value gets one line on stderr, exit 2, and no database is even created."""
    result = unopened_cli("members", "add", *ANA, *change)
    assert result.exit_code == 2
    assert one_line_error(result) == f"mreza: {complaint}\n"
    assert never_opened(unopened_cli)


def test_a_telegram_account_cannot_be_added_twice(mreza_cli: Cli) -> None:
    """Adding someone with Ana's Telegram id fails (exit 1) and leaves Ana as she was."""
    mreza_cli("members", "add", *ANA)
    again = mreza_cli(
        "members", "add", "--telegram-id", "1001", "--name", "Other", "--country", "BA"
    )
    assert again.exit_code == 1
    assert one_line_error(again) == "mreza: telegram id 1001 already belongs to member 1\n"
    assert [m["name"] for m in mreza_cli.members()] == ["Ana Petrović"]


def test_the_list_shows_one_aligned_line_per_member(mreza_cli: Cli) -> None:
    """Two members come out under a header, in id order, with their Telegram and Signal ids."""
    mreza_cli("members", "add", *ANA)
    mreza_cli(
        "members", "add", "--signal-number", "+38160111", "--name", "Marko", "--country", "ME"
    )
    lines = mreza_cli("members", "list").stdout.splitlines()
    header = ["id", "name", "country", "role", "language", "status", "telegram", "signal"]
    assert lines[0].split() == header
    assert lines[1].split() == [
        "1", "Ana", "Petrović", "RS", "member", "detect", "active", "1001", "-"
    ]  # fmt: skip
    assert lines[2].split() == ["2", "Marko", "ME", "member", "detect", "active", "-", "+38160111"]


def test_an_empty_network_says_so(mreza_cli: Cli) -> None:
    """Before anyone joins, the list says there are no members; JSON gives an empty list."""
    assert mreza_cli("members", "list").stdout == "no members yet\n"
    assert mreza_cli.members() == []


def test_a_member_can_be_given_another_role(mreza_cli: Cli) -> None:
    """Ana is promoted to coordinator, and the list agrees."""
    mreza_cli("members", "add", *ANA)
    result = mreza_cli("members", "set-role", "1", "coordinator")
    assert result.exit_code == 0, result.output
    assert result.stdout == "member 1 (Ana Petrović) is now coordinator\n"
    assert mreza_cli.members()[0]["role"] == "coordinator"


@pytest.mark.parametrize(
    ("args", "code", "complaint"),
    [
        (("set-role", "9", "admin"), 1, "no member has id 9"),
        (
            ("set-role", "one", "admin"),
            2,
            "the member id must be a positive whole number, not 'one'",
        ),
        (("set-role", "1", "king"), 2, "unknown role 'king'; use member, coordinator or admin"),
        (("remove", "9"), 1, "no member has id 9"),
        (("remove", "x"), 2, "the member id must be a positive whole number, not 'x'"),
    ],
)
def test_changing_someone_who_is_not_there_fails_cleanly(
    mreza_cli: Cli, args: tuple[str, ...], code: int, complaint: str
) -> None:
    """An unknown or malformed id, or an unknown role, changes nothing and says why."""
    mreza_cli("members", "add", *ANA)
    result = mreza_cli("members", *args)
    assert result.exit_code == code
    assert one_line_error(result) == f"mreza: {complaint}\n"
    assert [(m["role"], m["status"]) for m in mreza_cli.members()] == [("member", "active")]


def test_a_removed_member_stays_listed_as_removed(mreza_cli: Cli) -> None:
    """Removing Ana keeps her record, marked removed, with her account."""
    mreza_cli("members", "add", *ANA)
    result = mreza_cli("members", "remove", "1")
    assert result.stdout == (
        "removed member 1: Ana Petrović (RS, member, language from their first message)\n"
    )
    [ana] = mreza_cli.members()
    assert (ana["status"], ana["name"], len(ana["identities"])) == ("removed", "Ana Petrović", 1)


def test_removing_with_forget_erases_the_person(mreza_cli: Cli) -> None:
    """`remove --forget` leaves a nameless record without accounts."""
    mreza_cli("members", "add", *ANA, "--institution", "MoD")
    result = mreza_cli("members", "remove", "1", "--forget")
    assert result.stdout.endswith("and erased their data\n")
    [ana] = mreza_cli.members()
    assert (ana["name"], ana["institution"], ana["identities"]) == ("", "", [])
    assert "(forgotten)" in mreza_cli("members", "list").stdout
