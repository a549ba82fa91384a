"""Writing taught phrasings back into the curated YAML files, as a change to review like code.

ruamel.yaml's round trip keeps each file's key order, comments, block scalars and flow lists,
so the diff shows only the added questions. A file edited on disk since Mreža loaded it is
never overwritten: the whole write-back is refused and nothing is written.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.entry import Entry
from knowledge.entry_tables import EntryRow, QuestionRow
from knowledge.store import content_hash
from knowledge.validation import check_entry


class WriteBackRefused(Exception):
    """Nothing was written; the message says which files and why."""


@dataclass(frozen=True, slots=True)
class Written:
    """One file the write-back changed, and the phrasings it added."""

    path: Path
    entry_id: str
    added: tuple[str, ...]


def round_trip() -> YAML:
    """The YAML reader and writer that gives back the bundled files byte for byte."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line: the curators wrapped what they wanted
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


async def write_back(session: AsyncSession, kb_path: Path, today: date) -> list[Written]:
    """Add every taught phrasing to its entry's file; they count as curated from then on."""
    taught = list(
        await session.scalars(
            select(QuestionRow)
            .join(EntryRow, EntryRow.id == QuestionRow.entry_id)
            .where(QuestionRow.origin != "curated", EntryRow.origin == "curated")
            .order_by(QuestionRow.entry_id, QuestionRow.id)
        )
    )
    by_entry: dict[str, list[QuestionRow]] = {}
    for question in taught:
        by_entry.setdefault(question.entry_id, []).append(question)
    rows = {entry_id: await session.get(EntryRow, entry_id) for entry_id in by_entry}
    written = apply(plan(kb_path, rows, by_entry, today), today)
    await session.flush()
    return written


@dataclass(frozen=True, slots=True)
class _Change:
    path: Path
    text: str
    row: EntryRow
    questions: Sequence[QuestionRow]


def plan(
    kb_path: Path,
    rows: dict[str, EntryRow | None],
    by_entry: dict[str, list[QuestionRow]],
    today: date,
) -> list[_Change]:
    """Every file's new text; WriteBackRefused, before anything is written, if one cannot be."""
    changes, problems = [], []
    for entry_id, questions in by_entry.items():
        path = (kb_path if kb_path.is_file() else kb_path / f"{entry_id}.yaml").resolve()
        row = rows[entry_id]
        if row is None or not path.is_file():
            problems.append(f"{path}: the file of entry {entry_id!r} is gone")
            continue
        text, problem = _new_text(path, row, questions, today)
        if text is None:
            problems.append(problem)
        else:
            changes.append(_Change(path, text, row, questions))
    if problems:
        raise WriteBackRefused("\n".join(problems))
    return changes


def apply(changes: list[_Change], today: date) -> list[Written]:
    """Write the files, and count their phrasings as curated."""
    written = []
    for change in changes:
        replace_file(change.path, change.text)
        entry = _entry_of(change.path, change.text, today)
        assert entry is not None  # checked before anything was written
        change.row.content_hash = content_hash(entry)
        for question in change.questions:
            question.origin = "curated"
        written.append(Written(change.path, change.row.id, tuple(q.text for q in change.questions)))
    return written


def _new_text(
    path: Path, row: EntryRow, questions: Sequence[QuestionRow], today: date
) -> tuple[str | None, str]:
    """The new text of one entry's file, or why it cannot be written."""
    original = path.read_text(encoding="utf-8")
    on_disk = _entry_of(path, original, today)
    if on_disk is None or content_hash(on_disk) != row.content_hash:
        return None, (
            f"{path}: changed on disk since Mreža loaded it; "
            "start Mreža (or run `mreza kb attach`/`export`) to load it, then write back"
        )
    yaml = round_trip()
    data = yaml.load(original)
    by_language = data.setdefault("questions", CommentedMap())
    for question in questions:
        by_language.setdefault(question.lang, CommentedSeq()).append(question.text)
    out = io.StringIO()
    yaml.dump(data, out)
    if _entry_of(path, out.getvalue(), today) is None:
        return None, f"{path}: the taught phrasings would make the entry invalid"
    return out.getvalue(), ""


def _entry_of(path: Path, text: str, today: date) -> Entry | None:
    """The entry a file's text holds, or None when it is not a valid one."""
    try:
        raw = YAML(typ="safe").load(text)
    except YAMLError:
        return None
    return check_entry(str(path), path.stem, raw, today)[0]


def replace_file(path: Path, text: str) -> None:
    """Write a file whole or not at all."""
    temporary = path.with_suffix(".yaml.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


DRAFT_NOTE = (
    "Drafted by Mreža from a member's lesson a curator accepted. Add the questions in every\n"
    "language form and the sources, check it with `mreza kb check`, then move it beside the\n"
    "other entries."
)


async def draft_accepted(session: AsyncSession, kb_path: Path) -> list[Path]:
    """Each accepted lesson as a draft file in ``drafts/`` (never over a draft already there)."""
    rows = await session.scalars(
        select(EntryRow)
        .where(EntryRow.origin != "curated", EntryRow.retired_at.is_(None))
        .options(selectinload(EntryRow.questions))
        .order_by(EntryRow.id)
    )
    folder = (kb_path.parent if kb_path.suffix == ".yaml" else kb_path) / "drafts"
    return [path for row in rows if (path := _draft(folder, row)) is not None]


def _draft(folder: Path, row: EntryRow) -> Path | None:
    path = folder / f"{row.id}.yaml"
    if path.exists():
        return None
    questions = CommentedMap()
    for question in row.questions:
        questions.setdefault(question.lang, CommentedSeq()).append(question.text)
    data = CommentedMap()
    data["id"] = row.id
    data["title"] = row.title
    data["answer"] = LiteralScalarString(row.answer.rstrip() + "\n")
    data["questions"] = questions
    data["tags"] = _flow(row.tags)
    data["countries"] = _flow(row.countries)
    data["sources"] = CommentedSeq()
    data["checked"] = row.checked
    data.yaml_set_start_comment(DRAFT_NOTE)
    out = io.StringIO()
    round_trip().dump(data, out)
    folder.mkdir(parents=True, exist_ok=True)
    replace_file(path, out.getvalue())
    return path


def _flow(items: Sequence[str]) -> CommentedSeq:
    """A list written on one line, as the curated files write tags and countries."""
    listed = CommentedSeq(items)
    listed.fa.set_flow_style()
    return listed
