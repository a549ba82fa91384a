"""Reads the curated YAML files into entries, with every problem found along the way."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from knowledge.entry import TRANSLATED_FORMS, Entry
from knowledge.figures import fingerprint
from knowledge.normalise import normalise
from knowledge.problems import Problem
from knowledge.validation import check_entry


@dataclass(frozen=True, slots=True)
class LoadReport:
    """The entries that passed, and the problems of those that did not."""

    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when Mreža can serve every entry (translations may still be missing or stale)."""
        return not any(p.blocking for p in self.problems)

    @property
    def clean(self) -> bool:
        """True when the knowledge base has no problem at all."""
        return not self.problems


class KnowledgeBaseInvalid(Exception):
    """The knowledge base has problems; the message lists every one."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def load_knowledge_base(path: Path, today: date) -> LoadReport:
    """Load and validate every ``*.yaml`` file under ``path`` (a directory or one file)."""
    paths = [path] if path.is_file() else sorted(path.glob("*.yaml"))
    files = [f for f in paths if f.is_file()]
    strays = [Problem(str(f), "(file)", "is not a file") for f in paths if not f.is_file()]
    if not files:
        return LoadReport((), (Problem(str(path), "(path)", "no .yaml files found"),))
    yaml = YAML(typ="safe")
    entries: list[tuple[str, Entry]] = []
    problems: list[Problem] = list(strays)
    for file in files:
        entry, wrong = _load_file(yaml, file, today)
        problems.extend(wrong)
        if entry is not None:
            entries.append((str(file), entry))
    problems.extend(_across_entries(entries))
    return LoadReport(tuple(e for _, e in entries), tuple(problems))


def coverage(entries: Iterable[Entry]) -> dict[str, tuple[int, int]]:
    """Per language form, how many entries read fully and currently in it, out of how many."""
    listed = list(entries)
    counts = {"en": (len(listed), len(listed))}
    for lang in TRANSLATED_FORMS:
        current = sum(
            1 for e in listed if (t := e.translation(lang)) and t.made_from == _english(e)
        )
        counts[lang] = (current, len(listed))
    return counts


def _english(entry: Entry) -> str:
    return fingerprint(entry.title, entry.answer)


def _load_file(yaml: YAML, file: Path, today: date) -> tuple[Entry | None, list[Problem]]:
    try:
        raw = yaml.load(file.read_text(encoding="utf-8"))
    except MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        return None, [Problem(str(file), where, f"not valid YAML: {error.problem}")]
    except (YAMLError, UnicodeDecodeError) as error:
        return None, [Problem(str(file), "(file)", f"not valid YAML: {error}")]
    return check_entry(str(file), file.stem, raw, today)


def clashes(file: str, entry: Entry, others: Iterable[Entry]) -> list[Problem]:
    """What ``mreza kb check`` would find between one entry and the others: a shared question."""
    listed = [("", other) for other in others if other.id != entry.id]
    return [p for p in _across_entries([*listed, (file, entry)]) if p.file == file]


def _across_entries(entries: list[tuple[str, Entry]]) -> list[Problem]:
    """Ids must be unique, and no two entries may share an alternate question.

    Questions are compared normalised, so the same question in another script or without
    diacritics counts as the same; within one entry such variants are welcome.
    """
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    owner: dict[str, str] = {}
    for file, entry in entries:
        if entry.id in first_file:
            problems.append(
                Problem(file, "id", f"duplicate id {entry.id!r}, also in {first_file[entry.id]}")
            )
            continue
        first_file[entry.id] = file
        texts = {normalise(q.text) for q in entry.questions}
        for text in sorted(texts):
            other = owner.setdefault(text, entry.id)
            if other != entry.id:
                problems.append(
                    Problem(file, "questions", f"duplicate question {text!r}, also in {other}")
                )
    return problems
