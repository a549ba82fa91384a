"""Members on Signal from the command line: by number, by UUID, or with Telegram too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.members.conftest import Cli, one_line_error

MARKO = ("--name", "Marko", "--country", "ME")


def test_a_member_is_added_by_signal_number(mreza_cli: Cli) -> None:
    """Spaces and dashes are dropped; the number is kept with its +."""
    result = mreza_cli("members", "add", "--signal-number", "+381 60 123-4567", *MARKO)
    assert result.exit_code == 0, result.output
    [marko] = mreza_cli.members()
    assert marko["identities"] == [{"transport": "signal", "external_id": "+381601234567"}]


def test_a_member_who_hides_their_number_is_added_by_uuid(mreza_cli: Cli) -> None:
    """A Signal UUID is an account too, kept in lower case."""
    uuid = "6A1B2C3D-0000-4000-8000-00000000000F"
    assert mreza_cli("members", "add", "--signal-number", uuid, *MARKO).exit_code == 0
    [marko] = mreza_cli.members()
    assert marko["identities"][0]["external_id"] == uuid.lower()


def test_one_member_may_have_telegram_and_signal(mreza_cli: Cli) -> None:
    """Both options: one member, two accounts."""
    result = mreza_cli(
        "members", "add", "--telegram-id", "77", "--signal-number", "+38160111222", *MARKO
    )
    assert result.exit_code == 0, result.output
    [marko] = mreza_cli.members()
    assert [i["transport"] for i in marko["identities"]] == ["telegram", "signal"]


@pytest.mark.parametrize("number", ["+0123456789", "+381", "call me"])
def test_something_that_is_no_number_is_refused(mreza_cli: Cli, number: str) -> None:
    """Only phone numbers (or UUIDs) are Signal accounts; nothing is added."""
    result = mreza_cli("members", "add", "--signal-number", number, *MARKO)
    assert result.exit_code == 2
    assert "write it with + and the country code" in one_line_error(result)
    assert mreza_cli.members() == []


@pytest.mark.parametrize(
    ("country", "written", "number"),
    [
        ("BA", "065 123 456", "+38765123456"),
        ("ME", "067/123-456", "+38267123456"),
        ("MK", "070 123 456", "+38970123456"),
        ("RS", "064 1234567", "+381641234567"),
    ],
)
def test_a_number_written_the_local_way_is_read_as_one_of_the_members_country(
    mreza_cli: Cli, country: str, written: str, number: str
) -> None:
    """A ministry's spreadsheet leaves out the country code: the member's country supplies it."""
    added = mreza_cli(
        "members", "add", "--signal-number", written, "--name", "Jovana", "--country", country
    )
    assert added.exit_code == 0, added.output
    [jovana] = mreza_cli.members()
    assert jovana["identities"] == [{"transport": "signal", "external_id": number}]


def test_a_local_number_of_a_regional_member_is_refused(mreza_cli: Cli) -> None:
    """Regional staff belong to no one country, so their number needs its country code."""
    result = mreza_cli(
        "members", "add", "--signal-number", "060123456", "--name", "Una", "--country", "regional"
    )
    assert result.exit_code == 2
    assert "write it with + and the country code" in one_line_error(result)
    assert mreza_cli.members() == []


def test_an_import_reads_local_numbers_by_each_rows_country(mreza_cli: Cli, tmp_path: Path) -> None:
    """The same local digits become a Bosnian and a Serbian number on their rows."""
    path = tmp_path / "members.csv"
    path.write_text(
        "signal_number,name,country,role,language\n"
        "065 123 456,Jovana,BA,member,bcms\n"
        "065 123 456,Elena,RS,member,sr-cyrl\n",
        encoding="utf-8",
    )
    result = mreza_cli("members", "import", str(path))
    assert result.exit_code == 0, result.output
    numbers = [m["identities"][0]["external_id"] for m in mreza_cli.members()]
    assert numbers == ["+38765123456", "+38165123456"]


def test_no_account_at_all_is_a_usage_error(mreza_cli: Cli) -> None:
    """Neither option: refused, naming both."""
    result = mreza_cli("members", "add", *MARKO)
    assert result.exit_code == 2
    assert one_line_error(result) == "mreza: give --telegram-id, --signal-number or both\n"


def test_an_import_may_name_signal_numbers(mreza_cli: Cli, tmp_path: Path) -> None:
    """A signal_number column; rows with either account or both; a repeated number refused."""
    path = tmp_path / "members.csv"
    path.write_text(
        "telegram_id,signal_number,name,country,role,language\n"
        "101,,Ana,RS,member,en\n"
        ",+38160111,Marko,ME,member,en\n"
        "103,+38160222,Jana,MK,member,mk\n"
        ",+38160111,Marko Again,ME,member,en\n"
        ",,Nobody,BA,member,en\n",
        encoding="utf-8",
    )
    result = mreza_cli("members", "import", str(path))
    assert result.exit_code == 1
    assert f"{path} line 5: signal number +38160111 repeats line 3" in result.stderr
    assert f"{path} line 6: the row has neither a telegram_id nor a signal_number" in result.stderr
    members = mreza_cli.members()
    assert [[i["transport"] for i in m["identities"]] for m in members] == [
        ["telegram"], ["signal"], ["telegram", "signal"],
    ]  # fmt: skip


def test_an_import_without_any_account_column_imports_nothing(
    mreza_cli: Cli, tmp_path: Path
) -> None:
    """The header must name telegram_id or signal_number."""
    path = tmp_path / "members.csv"
    path.write_text("name,country,role,language\nAna,RS,member,en\n", encoding="utf-8")
    result = mreza_cli("members", "import", str(path))
    assert result.exit_code == 1
    assert "missing: telegram_id or signal_number" in one_line_error(result)


def test_a_member_on_both_transports_may_prefer_signal(mreza_cli: Cli) -> None:
    """`members prefer ID signal` is kept, and said back."""
    mreza_cli("members", "add", "--telegram-id", "77", "--signal-number", "+38160111222", *MARKO)
    result = mreza_cli("members", "prefer", "1", "signal")
    assert result.exit_code == 0, result.output
    assert result.stdout == "member 1 (Marko) gets announcements on signal\n"
    assert mreza_cli.members()[0]["preferred_transport"] == "signal"


def test_preferring_a_transport_without_an_account_there_is_refused(mreza_cli: Cli) -> None:
    """A Telegram-only member cannot prefer Signal."""
    mreza_cli("members", "add", "--telegram-id", "77", *MARKO)
    result = mreza_cli("members", "prefer", "1", "signal")
    assert result.exit_code == 1
    assert one_line_error(result) == "mreza: member 1 has no signal account; add one first\n"


def test_preferring_for_an_unknown_member_says_so(mreza_cli: Cli) -> None:
    """No member 9: the reason, exit 1."""
    result = mreza_cli("members", "prefer", "9", "telegram")
    assert result.exit_code == 1
    assert one_line_error(result) == "mreza: no member has id 9\n"
