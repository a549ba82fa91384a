"""An entry revised in a form (the web console), written to its YAML file and served at once.

The file stays the source of truth: the revision is checked with the rules of ``mreza kb
check``, written over the file through ruamel.yaml's round trip (comments and key order kept),
then the database follows the file as a start would. A file edited on disk since Mreža loaded
it is never overwritten, as with the write-back of taught phrasings.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.entry import Entry, Source
from knowledge.entry_tables import EntryRow
from knowledge.loader import clashes
from knowledge.problems import Problem
from knowledge.store import content_hash, update_entry
from knowledge.teaching import bump_revision
from knowledge.validation import check_entry
from knowledge.write_back import replace_file, round_trip


@dataclass(frozen=True, slots=True)
class EntryRevision:
    """Everything a curator edits in an entry; the translations' fingerprints stay as they were."""

    title: str
    answer: str
    translations: Mapping[str, tuple[str, str]]  # language form -> (title, answer)
    questions: Mapping[str, tuple[str, ...]]  # language form -> curated phrasings
    tags: tuple[str, ...]
    countries: tuple[str, ...]
    sources: tuple[Source, ...]
    checked: date


class RevisionRefused(Exception):
    """Nothing was written; ``problems`` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def entry_file(kb_path: Path, entry_id: str) -> Path:
    """Where an entry's file is."""
    return kb_path / f"{entry_id}.yaml"


def check_revision(
    kb_path: Path,
    entry_id: str,
    revision: EntryRevision,
    today: date,
    others: Iterable[Entry] = (),
) -> tuple[Entry | None, list[Problem]]:
    """The entry the revision would make, and every problem ``mreza kb check`` would list,
    ``others`` being the rest of the knowledge base (no two entries may share a question)."""
    path = entry_file(kb_path, entry_id)
    if not path.is_file():
        return None, [Problem(str(path), "(file)", "the entry's file is gone")]
    text = _revised_text(path.read_text(encoding="utf-8"), revision)
    try:
        raw = YAML(typ="safe").load(text)
    except YAMLError as error:
        return None, [Problem(str(path), "(file)", f"not valid YAML: {error}")]
    entry, problems = check_entry(str(path), path.stem, raw, today)
    if entry is not None:
        problems = [*problems, *clashes(str(path), entry, others)]
    return entry, problems


async def revise_entry(
    session: AsyncSession,
    kb_path: Path,
    entry_id: str,
    revision: EntryRevision,
    today: date,
    now: datetime,
    others: Iterable[Entry] = (),
) -> Entry:
    """Write the revision to the entry's file and serve it; ``RevisionRefused`` if it cannot be."""
    path = entry_file(kb_path, entry_id)
    row = await session.get(EntryRow, entry_id)
    if row is None or not path.is_file():
        raise RevisionRefused([Problem(str(path), "(file)", "the entry's file is gone")])
    original = path.read_text(encoding="utf-8")
    on_disk, _ = check_entry(str(path), path.stem, YAML(typ="safe").load(original), today)
    if on_disk is None or content_hash(on_disk) != row.content_hash:
        reason = "changed on disk since Mreža loaded it; restart Mreža to load it, then edit"
        raise RevisionRefused([Problem(str(path), "(file)", reason)])
    entry, problems = check_revision(kb_path, entry_id, revision, today, others)
    blocking = [p for p in problems if p.blocking]
    if entry is None or blocking:
        raise RevisionRefused(blocking)
    replace_file(path, _revised_text(original, revision))
    await update_entry(session, entry, now)
    await bump_revision(session)
    return entry


def _revised_text(original: str, revision: EntryRevision) -> str:
    yaml = round_trip()
    data = yaml.load(original)
    data["title"] = revision.title.strip()
    data["answer"] = _block(revision.answer)
    translations = data.setdefault("translations", CommentedMap())
    for lang, (title, answer) in revision.translations.items():
        form = translations.setdefault(lang, CommentedMap())
        form["title"] = title.strip()
        form["answer"] = _block(answer)
    questions = CommentedMap()
    for lang, phrasings in revision.questions.items():
        if phrasings:
            questions[lang] = CommentedSeq(phrasings)
    data["questions"] = questions
    data["tags"] = _flow(revision.tags)
    data["countries"] = _flow(revision.countries)
    # Sources kept as they were written (their quoting too); new ones added plainly.
    written = {(str(s.get("title")), str(s.get("url"))): s for s in data.get("sources") or ()}
    data["sources"] = CommentedSeq(
        [
            written.get((s.title, s.url)) or CommentedMap(title=s.title, url=s.url)
            for s in revision.sources
        ]
    )
    data["checked"] = revision.checked
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _block(text: str) -> LiteralScalarString:
    """A multi-line answer as the curated files write it: a literal block."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n")]
    return LiteralScalarString("\n".join(lines) + "\n")


def _flow(items: tuple[str, ...]) -> CommentedSeq:
    listed = CommentedSeq(items)
    listed.fa.set_flow_style()
    return listed
