"""`mreza kb check|export` and `mreza db upgrade`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from core.settings import BUNDLED_KB_PATH
from tests.commands import build
from tests.databases import table_names
from tests.knowledge.yaml_entries import entry, write

FIELDS = {"id", "kind", "title", "answer", "questions", "tags", "countries", "sources", "checked"}
IN_EACH_LANGUAGE = {"titles", "answers", "translated"}  # keyed en, bcms, sr-cyrl, mk
ORIGIN = {"accepted"}  # true for a member's lesson accepted in the database, not yet in a file


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    """The environment of the command: a temp database and the bundled knowledge base."""
    return {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(BUNDLED_KB_PATH)}


def mreza(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(build(), list(args), env=env)


def test_kb_check_passes_the_bundled_knowledge_base(env: dict[str, str]) -> None:
    """The curated files are valid and fully translated: exit 0 and a one-line summary."""
    result = mreza(env, "kb", "check")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        "mk        45 of 45 entries current (100%)\n45 entries, no problems\n"
    )


def test_kb_check_passes_a_complete_knowledge_base(env: dict[str, str], tmp_path: Path) -> None:
    """Valid, fully translated files: exit 0, coverage per language form and a summary."""
    write(tmp_path, entry())
    result = mreza(env, "kb", "check", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "en         1 of 1 entries current (100%)",
        "bcms       1 of 1 entries current (100%)",
        "sr-cyrl    1 of 1 entries current (100%)",
        "mk         1 of 1 entries current (100%)",
        "1 entries, no problems",
    ]


def test_kb_translated_refuses_an_unknown_form(env: dict[str, str]) -> None:
    """A language form Mreža does not know is a usage error that writes nothing."""
    result = mreza(env, "kb", "translated", "persons-of-trust", "hr")
    assert result.exit_code == 2
    assert "unknown language form 'hr'" in result.stderr


def test_kb_check_lists_every_problem_and_exits_1(env: dict[str, str], tmp_path: Path) -> None:
    """A broken directory gives one "file: field: reason" line per problem."""
    broken = tmp_path / "kb"
    broken.mkdir()
    (broken / "listy.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (broken / "bad-syntax.yaml").write_text("id: x\ntitle: [oops\n", encoding="utf-8")
    result = mreza(env, "kb", "check", str(broken))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:-4] == [
        f"{broken / 'bad-syntax.yaml'}: line 3, column 1: not valid YAML: "
        "did not find expected ',' or ']'",
        f"{broken / 'listy.yaml'}: (file): expected a mapping of fields at the top level",
    ]
    assert "2 problem(s)" in result.stderr


def test_kb_check_in_json_gives_each_problem_and_the_coverage(
    env: dict[str, str], tmp_path: Path
) -> None:
    """--json: file, field and reason of each problem, and how current each language is."""
    write(tmp_path, entry())
    (tmp_path / "listy.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    result = mreza(env, "kb", "check", str(tmp_path), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["clean"], report["entries"]) == (False, 1)
    assert report["problems"] == [
        {
            "file": str(tmp_path / "listy.yaml"),
            "field": "(file)",
            "reason": "expected a mapping of fields at the top level",
            "blocking": True,
        }
    ]
    assert report["coverage"]["mk"] == {"current": 1, "total": 1}


def test_kb_check_in_json_on_a_clean_base(env: dict[str, str], tmp_path: Path) -> None:
    """A clean base: exit 0 and no problems."""
    write(tmp_path, entry())
    result = mreza(env, "kb", "check", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["problems"] == []


def test_kb_check_on_a_missing_path_fails(env: dict[str, str], tmp_path: Path) -> None:
    """A path that does not exist is a clear error."""
    result = mreza(env, "kb", "check", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_kb_export_prints_45_entries_with_every_field(env: dict[str, str]) -> None:
    """--json lists every active entry with all the fields of the YAML format."""
    result = mreza(env, "kb", "export", "--json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert len(entries) == 45
    assert all(set(e) == FIELDS | ORIGIN | IN_EACH_LANGUAGE for e in entries)
    assert not any(e["accepted"] for e in entries)


def test_kb_export_shows_questions_by_language_and_sources(env: dict[str, str]) -> None:
    """Questions are grouped by language form and marked curated; sources keep title and url."""
    entries = json.loads(mreza(env, "kb", "export", "--json").stdout)
    trust = next(e for e in entries if e["id"] == "persons-of-trust")
    assert set(trust["questions"]) == {"en", "bcms", "sr-cyrl", "mk"}
    assert trust["questions"]["mk"][0] == {"text": "Што е лице од доверба?", "curated": True}
    assert all(set(s) == {"title", "url"} for s in trust["sources"])
    assert trust["countries"] == ["RS"]


def test_kb_export_without_json_exits_2(env: dict[str, str]) -> None:
    """Only JSON export exists, and asking for another is a usage error."""
    result = mreza(env, "kb", "export")
    assert result.exit_code == 2
    assert "only --json is supported" in result.stderr


def test_db_upgrade_creates_the_schema(env: dict[str, str]) -> None:
    """`mreza db upgrade` migrates the configured database."""
    result = mreza(env, "db", "upgrade")
    assert (result.exit_code, result.stdout) == (0, "database is up to date\n")
    tables = table_names(env["MREZA_DATABASE_URL"])
    assert {"kb_entries", "kb_questions", "question_log"} <= tables


def test_db_upgrade_twice_succeeds(env: dict[str, str]) -> None:
    """Upgrading an up-to-date database is fine."""
    mreza(env, "db", "upgrade")
    assert mreza(env, "db", "upgrade").exit_code == 0


def test_kb_export_gives_each_entry_in_every_language_form(env: dict[str, str]) -> None:
    """Titles and answers are keyed en, bcms, sr-cyrl and mk, each as its readers get it."""
    entries = json.loads(mreza(env, "kb", "export", "--json").stdout)
    trust = next(e for e in entries if e["id"] == "persons-of-trust")
    forms = ["en", "bcms", "sr-cyrl", "mk"]
    assert [list(trust[key]) for key in ("titles", "answers", "translated")] == [forms] * 3
    assert trust["titles"] == {
        "en": "Persons of trust in the defence system",
        "bcms": "Osobe od povjerenja u sistemu odbrane",
        "sr-cyrl": "Особе од поверења у систему одбране",
        "mk": "Лица од доверба во системот на одбрана",
    }
    assert trust["answers"]["en"] == trust["answer"]
    assert trust["answers"]["mk"].startswith("**Лице од доверба**")
    assert all(all(e["translated"].values()) for e in entries)


def test_kb_check_reports_a_tag_without_a_topic_name(env: dict[str, str], tmp_path: Path) -> None:
    """An entry tagged with something topics.yaml does not name fails the check."""
    data = entry()
    data["tags"] = ["equipment", "night-shifts"]
    write(tmp_path, data)
    result = mreza(env, "kb", "check", str(tmp_path))
    assert result.exit_code == 1
    [problem] = [line for line in result.stdout.splitlines() if "night-shifts" in line]
    assert problem.endswith(
        "topics.yaml: night-shifts: unknown tag (used by uniforms): name it in every language form"
    )
    assert "1 problem(s)" in result.stderr
