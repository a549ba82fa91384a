"""``mreza members import``: a CSV of people, good rows imported and bad rows explained."""

from __future__ import annotations

import json
from pathlib import Path

from tests.members.conftest import Cli, never_opened, one_line_error

HEADER = "telegram_id,name,country,role,language,institution\n"


def csv_file(tmp_path: Path, text: str) -> str:
    """Write a CSV file and return its path."""
    path = tmp_path / "members.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_clean_file_imports_everyone(mreza_cli: Cli, tmp_path: Path) -> None:
    """Three good rows; an empty role means member, an empty language is left to be found."""
    path = csv_file(
        tmp_path,
        HEADER + "101,Ana Petrović,RS,coordinator,sr-cyrl,MoD\n"
        '102,Marko,ME,,,"Army, 1st Brigade"\n'
        "103,Jana,mk,member,mk,\n",
    )
    result = mreza_cli("members", "import", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"imported 3 member(s) from {path}\n"
    members = mreza_cli.members()
    assert [(m["name"], m["country"], m["role"], m["language"]) for m in members] == [
        ("Ana Petrović", "RS", "coordinator", "sr-cyrl"),
        ("Marko", "ME", "member", "en"),
        ("Jana", "MK", "member", "mk"),
    ]
    assert members[1]["institution"] == "Army, 1st Brigade"
    sources = [m["language_source"] for m in members]
    assert sources == ["chosen", "unknown", "chosen"]


def test_an_import_in_json_lists_who_was_added_and_which_lines_were_not(
    mreza_cli: Cli, tmp_path: Path
) -> None:
    """--json: the members added, each bad line with its reason; exit 1 as without it."""
    path = csv_file(tmp_path, HEADER + "101,Ana,RS,member,en,\n102,Marko,HR,member,en,\n")
    result = mreza_cli("members", "import", path, "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [m["name"] for m in report["imported"]] == ["Ana"]
    assert report["skipped"] == [
        {"line": 3, "reason": "unknown country 'HR'; use BA, ME, MK, RS or regional"}
    ]


def test_the_institution_column_may_be_left_out(mreza_cli: Cli, tmp_path: Path) -> None:
    """The five required columns alone are enough."""
    path = csv_file(tmp_path, "telegram_id,name,country,role,language\n101,Ana,BA,member,en\n")
    assert mreza_cli("members", "import", path).exit_code == 0
    assert mreza_cli.members()[0]["institution"] == ""


def test_bad_rows_are_reported_by_line_and_the_good_ones_imported(
    mreza_cli: Cli, tmp_path: Path
) -> None:
    """Every bad row is named with its line and reason; the two good ones still go in; exit 1."""
    mreza_cli("members", "add", "--telegram-id", "500", "--name", "Already", "--country", "BA")
    path = csv_file(
        tmp_path,
        HEADER + "101,Ana,RS,member,en,\n"  # line 2: good
        "abc,Marko,ME,member,en,\n"  # line 3
        "103,Jana,HR,member,en,\n"  # line 4
        "104,Ivana,BA,boss,en,\n"  # line 5
        "105,Petar,BA,member,fr,\n"  # line 6
        "106,,BA,member,en,\n"  # line 7
        "101,Ana Again,RS,member,en,\n"  # line 8
        "500,Already,BA,member,en,\n"  # line 9
        "107,Extra,BA,member,en,x,y\n"  # line 10
        "108,Lidija,regional,admin,bcms,SEESAC\n",  # line 11: good
    )
    result = mreza_cli("members", "import", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"mreza: {path} line 3: the telegram id must be a positive whole number, not 'abc'",
        f"mreza: {path} line 4: unknown country 'HR'; use BA, ME, MK, RS or regional",
        f"mreza: {path} line 5: unknown role 'boss'; use member, coordinator or admin",
        f"mreza: {path} line 6: unknown language 'fr'; use en, bcms, sr-cyrl or mk",
        f"mreza: {path} line 7: the name is empty",
        f"mreza: {path} line 8: telegram id 101 repeats line 2",
        f"mreza: {path} line 9: telegram id 500 already belongs to member 1",
        f"mreza: {path} line 10: the row has more fields than the header",
    ]
    assert result.stdout == f"imported 2 member(s) from {path}; skipped 8 bad row(s)\n"
    assert [m["name"] for m in mreza_cli.members()] == ["Already", "Ana", "Lidija"]


def test_a_wrong_header_imports_nothing(mreza_cli: Cli, tmp_path: Path) -> None:
    """A misspelt column stops the import before any row is read."""
    path = csv_file(tmp_path, "telegram_id,name,country,role,lang\n101,Ana,RS,member,en\n")
    result = mreza_cli("members", "import", path)
    assert result.exit_code == 1
    assert "missing: language; unknown: lang; nothing imported" in one_line_error(result)
    assert mreza_cli.members() == []


def test_a_file_that_is_not_utf8_imports_nothing(mreza_cli: Cli, tmp_path: Path) -> None:
    """A file saved in a legacy code page is refused with a reason."""
    path = tmp_path / "members.csv"
    path.write_bytes((HEADER + "101,Ana Petrović,RS,member,en,\n").encode("cp1250"))
    result = mreza_cli("members", "import", str(path))
    assert result.exit_code == 1
    assert (
        one_line_error(result) == f"mreza: {path}: the file is not UTF-8 text; nothing imported\n"
    )


def test_a_missing_file_is_a_usage_error(unopened_cli: Cli, tmp_path: Path) -> None:
    """Naming a file that is not there exits 2 without opening the database."""
    result = unopened_cli("members", "import", str(tmp_path / "nope.csv"))
    assert result.exit_code == 2
    assert one_line_error(result) == f"mreza: {tmp_path / 'nope.csv'} does not exist\n"
    assert never_opened(unopened_cli)


def test_a_row_short_of_cells_is_refused_by_line(mreza_cli: Cli, tmp_path: Path) -> None:
    """A row without its role and language cells is reported, not imported as member/en;
    empty cells still take the defaults."""
    path = csv_file(
        tmp_path,
        HEADER + "101,Ana,RS,coordinator,sr-cyrl,MoD\n"  # line 2: good
        "102,Marko,ME\n"  # line 3: role, language and institution cut off
        "103,Jana,MK,,,\n",  # line 4: empty cells, present
    )
    result = mreza_cli("members", "import", path)
    assert result.exit_code == 1
    reason = "the row has fewer fields than the header (missing: role, language)"
    assert result.stderr == f"mreza: {path} line 3: {reason}\n"
    assert [m["name"] for m in mreza_cli.members()] == ["Ana", "Jana"]
