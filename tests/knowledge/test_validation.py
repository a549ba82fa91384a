"""The loader and validator: each problem in a YAML file is reported with file, field and reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from knowledge.loader import load_knowledge_base
from knowledge.problems import Problem

from .yaml_entries import TODAY, entry, only_problem, problems_of, write


def test_valid_minimal_entry_loads(tmp_path: Path) -> None:
    """A file with every required field and nothing else loads without problems."""
    write(tmp_path, entry())
    report = load_knowledge_base(tmp_path, TODAY)
    assert report.ok
    assert [e.id for e in report.entries] == ["uniforms"]
    assert report.entries[0].checked == date(2026, 11, 1)
    assert len(report.entries[0].questions) == 7


def test_empty_directory_is_a_problem(tmp_path: Path) -> None:
    """No YAML files at all is reported, not silently accepted."""
    assert only_problem(tmp_path).reason == "no .yaml files found"


def test_invalid_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    """A syntax error names the line and column where the parser gave up."""
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntitle: [unclosed\nanswer: text\n", encoding="utf-8")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == (str(path), "line 3, column 7")
    assert "not valid YAML" in problem.reason


def test_a_list_instead_of_a_mapping_is_reported(tmp_path: Path) -> None:
    """The top level must be a mapping of fields."""
    path = write(tmp_path, ["id", "title"], name="listy")
    assert only_problem(tmp_path) == Problem(
        str(path), "(file)", "expected a mapping of fields at the top level"
    )


def test_missing_field_is_reported(tmp_path: Path) -> None:
    """Every required field must be there."""
    data = entry()
    del data["sources"]
    path = write(tmp_path, data)
    assert only_problem(tmp_path) == Problem(str(path), "sources", "missing field")


def test_unknown_field_is_reported(tmp_path: Path) -> None:
    """A misspelt or invented field is not silently ignored."""
    path = write(tmp_path, {**entry(), "author": "Ana"})
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == (str(path), "author")
    assert problem.reason.startswith("unknown field")


def test_two_files_with_the_same_id_are_reported(tmp_path: Path) -> None:
    """A copied file keeping the original's id is caught (by the file-name rule)."""
    write(tmp_path, entry())
    copy = write(tmp_path, entry(latin="oprema", cyrillic="опрема"), name="uniforms-copy")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == (str(copy), "id")
    assert "'uniforms' does not match the file name 'uniforms-copy'" in problem.reason


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    """The id is the file name without .yaml."""
    path = write(tmp_path, entry(), name="equipment")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == (str(path), "id")
    assert "does not match the file name 'equipment'" in problem.reason


def test_id_must_be_a_slug(tmp_path: Path) -> None:
    """Ids are lowercase letters, digits and hyphens."""
    path = write(tmp_path, entry(slug="Field_Uniforms"))
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == (str(path), "id")
    assert "is not a slug" in problem.reason


@pytest.mark.parametrize(
    ("lang", "copy"),
    [
        ("bcms", "Šta je uniforma?"),
        ("bcms", "sta je uniforma"),
        ("en", "STA JE UNIFORMA"),
        ("sr-cyrl", "Шта је униформа?"),
    ],
)
def test_question_shared_by_two_entries_is_reported(tmp_path: Path, lang: str, copy: str) -> None:
    """Two entries may not share a question, whatever its script or diacritics."""
    write(tmp_path, entry())
    other = entry(slug="work-clothes", latin="odeca", cyrillic="одећа")
    other["questions"][lang].append(copy)
    path = write(tmp_path, other)
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == (str(path), "questions")
    assert "duplicate question 'sta je uniforma', also in uniforms" in problem.reason


def test_variants_of_one_question_within_one_entry_are_welcome(tmp_path: Path) -> None:
    """The same question in Cyrillic and in Latin inside one entry is no problem."""
    data = entry()
    data["questions"]["bcms"].append("Sta je uniforma?")
    write(tmp_path, data)
    assert problems_of(tmp_path) == []


def with_questions(lang: str, questions: list[str]) -> dict[str, Any]:
    data = entry()
    data["questions"][lang] = questions
    return data


@pytest.mark.parametrize(
    ("lang", "questions", "field", "reason"),
    [
        ("en", ["What is it?", "uniforms"], "questions.en", "at least 3 needed, found 2"),
        ("bcms", ["sta je to", "kako radi"], "questions.bcms", "none is written with diacritics"),
        ("bcms", ["Šta je to?", "Čemu služi?"], "questions.bcms", "none is written without"),
        ("sr-cyrl", ["Sta je uniforma?"], "questions.sr-cyrl", "is not written in Cyrillic"),
        ("mk", ["Shto e uniforma?"], "questions.mk", "is not written in Cyrillic"),
        ("en", ["a", "b", "Шта је?"], "questions.en", "is written in Cyrillic"),
    ],
)
def test_question_rules(
    tmp_path: Path, lang: str, questions: list[str], field: str, reason: str
) -> None:
    """Enough questions in each language form, in the right script, typed both ways."""
    path = write(tmp_path, with_questions(lang, questions), name="uniforms")
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == (str(path), field)
    assert reason in problem.reason
