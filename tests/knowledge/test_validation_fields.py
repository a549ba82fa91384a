"""The validator's rules for single fields: URLs, countries, length, markup, dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from knowledge.loader import load_knowledge_base

from .yaml_entries import entry, only_problem, write


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"sources": [{"title": "S", "url": "ftp://seesac.org/a"}]}, "sources[1]", "bad URL"),
        ({"sources": [{"title": "S", "url": "https:///no-host"}]}, "sources[1]", "bad URL"),
        ({"countries": ["RS", "XK"]}, "countries", "unknown country 'XK'"),
        ({"answer": "word " * 900}, "answer", "too long for one Telegram message"),
        ({"answer": "A **bold claim"}, "answer", "invalid markup: line 1: unbalanced '**'"),
        ({"answer": "[see](ftp://x.org)"}, "answer", "is not an http(s) URL"),
        ({"checked": date(2026, 11, 29)}, "checked", "2026-11-29 is in the future"),
        ({"checked": "soon"}, "checked", "'soon' is not a date"),
        ({"kind": "referral"}, "kind", "unknown kind 'referral' (known: answer, redirect)"),
    ],
)
def test_field_rules(tmp_path: Path, change: dict[str, Any], field: str, reason: str) -> None:
    """URLs, countries, answer length, markup and the checked date are all checked."""
    path = write(tmp_path, {**entry(), **change})
    problem = only_problem(tmp_path)
    assert (problem.file, problem.field) == (str(path), field)
    assert reason in problem.reason


def test_checked_with_a_time_is_reported_not_a_crash(tmp_path: Path) -> None:
    """A date with a time of day is a problem in the checked field, not a crash."""
    write(tmp_path, {**entry(), "checked": datetime(2026, 11, 1, 10, 0)})
    assert only_problem(tmp_path).field == "checked"


def test_directory_named_like_an_entry_is_reported_not_a_crash(tmp_path: Path) -> None:
    """A folder called drafts.yaml is a problem to report, not a crash."""
    write(tmp_path, entry())
    (tmp_path / "drafts.yaml").mkdir()
    assert only_problem(tmp_path).file == str(tmp_path / "drafts.yaml")


def test_a_redirect_entry_is_read_with_its_kind(tmp_path: Path) -> None:
    """``kind: redirect`` passes the checks and is kept on the entry."""
    write(tmp_path, {**entry(), "kind": "redirect"})
    report = load_knowledge_base(tmp_path, date(2026, 11, 28))
    assert [e.kind for e in report.entries] == ["redirect"]
