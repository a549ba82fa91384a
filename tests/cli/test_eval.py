"""`mreza eval`: several question files, figures per kind and language form, and --check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from core.settings import BUNDLED_KB_PATH
from tests.commands import build

EASY = [
    {"q": "what is a person of trust", "expect": ["persons-of-trust"], "lang": "en"},
    {"q": "Šta je osoba od povjerenja?", "expect": ["persons-of-trust"], "lang": "bcms"},
    {"q": "Шта је особа од поверења?", "expect": ["persons-of-trust"], "lang": "sr-cyrl"},
    {"q": "Што е лице од доверба?", "expect": ["persons-of-trust"], "lang": "mk"},
    {"q": "recept za sarmu", "expect": [], "lang": "bcms"},
]
EVERYDAY = [
    {"q": "hvala puno", "expect": [], "lang": "bcms", "kind": "smalltalk"},
    {"q": "when is my salary paid", "expect": ["elsewhere-personnel"], "lang": "en",
     "kind": "near-domain"},
    {"q": "what is a person of trust", "expect": ["gender-coach-programme"], "lang": "en",
     "kind": "everyday"},
]  # fmt: skip


def write(tmp_path: Path, name: str, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    return {"MREZA_DATABASE_URL": database_url, "MREZA_KB_PATH": str(BUNDLED_KB_PATH)}


def mreza(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(build(), ["eval", *args], env=env)


def test_each_file_gets_its_table_with_the_stronger_baseline(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Two files: two tables, each with Mreža and the three baselines."""
    easy = write(tmp_path, "easy.jsonl", EASY)
    everyday = write(tmp_path, "everyday.jsonl", EVERYDAY)
    result = mreza(env, str(easy), str(everyday))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("bm25s + analysis") == 2
    assert f"{easy}: 4 in-scope and 1 out-of-scope questions" in result.stdout


def test_a_set_with_kinds_is_scored_per_kind(env: dict[str, str], tmp_path: Path) -> None:
    """Small talk declined, the pay question redirected, the mislabelled one missed."""
    result = mreza(env, str(write(tmp_path, "everyday.jsonl", EVERYDAY)))
    assert (
        "Mreža by kind (share handled right): smalltalk 1.000, near-domain 1.000, everyday 0.000"
        in result.stdout
    )


def test_check_passes_when_every_target_is_met(env: dict[str, str], tmp_path: Path) -> None:
    """Small talk declined and a pay question redirected, nothing wrong: exit 0."""
    result = mreza(env, "--check", str(write(tmp_path, "everyday.jsonl", EVERYDAY[:2])))
    assert result.exit_code == 0, result.output
    assert "every target met" in result.stdout


def test_check_fails_when_a_target_is_missed(env: dict[str, str], tmp_path: Path) -> None:
    """A question labelled with the wrong entry misses top-1: exit 1, and the misses are named.

    The curated set misses its lead: the baselines, too, answer questions this easy."""
    everyday = write(tmp_path, "everyday.jsonl", EVERYDAY)
    result = mreza(env, "--check", str(write(tmp_path, "easy.jsonl", EASY)), str(everyday))
    assert result.exit_code == 1
    assert "missed: lead +0.0 points" in result.stdout
    assert "missed: top-1 0.500, wrong 0.500, en 0.500" in result.stdout


def test_a_missing_file_is_a_usage_error(env: dict[str, str], tmp_path: Path) -> None:
    """One clear line and exit 2, no traceback."""
    result = mreza(env, str(tmp_path / "nowhere.jsonl"))
    assert result.exit_code == 2
    assert "nowhere.jsonl does not exist" in result.output
    assert "Traceback" not in result.output
