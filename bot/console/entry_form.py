"""The entry editor's form, read into a revision of the entry and written back into fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from knowledge.entry import QUESTION_LANGUAGES, TRANSLATED_FORMS, Entry, Source
from knowledge.entry_revision import EntryRevision

Field = Callable[[str], str]
Fields = Callable[[str], list[str]]


def revision_from(field: Field, fields: Fields) -> EntryRevision:
    """The revision the posted form describes; what cannot be read is left for the check."""
    return EntryRevision(
        title=field("title"),
        answer=field("answer"),
        translations={
            lang: (field(f"title-{lang}"), field(f"answer-{lang}"))
            for lang in TRANSLATED_FORMS
            if field(f"title-{lang}") or field(f"answer-{lang}")
        },
        questions={lang: _lines(field(f"questions-{lang}")) for lang in QUESTION_LANGUAGES},
        tags=tuple(t.strip() for t in field("tags").split(",") if t.strip()),
        countries=tuple(fields("countries")),
        sources=_sources(field("sources")),
        checked=_date(field("checked")),
    )


def form_values(entry: Entry) -> dict[str, str]:
    """The editor's fields filled from an entry (curated phrasings only: taught ones stay)."""
    values = {
        "title": entry.title,
        "answer": entry.answer,
        "tags": ", ".join(entry.tags),
        "sources": sources_text(entry.sources),
        "checked": entry.checked.isoformat(),
    }
    for lang in TRANSLATED_FORMS:
        form = entry.translation(lang)
        values[f"title-{lang}"] = form.title if form else ""
        values[f"answer-{lang}"] = form.answer if form else ""
    for lang in QUESTION_LANGUAGES:
        values[f"questions-{lang}"] = "\n".join(
            q.text for q in entry.questions if q.lang == lang and q.curated
        )
    return values


def sources_text(sources: Sequence[Source]) -> str:
    """One source a line: ``title | https://...``."""
    return "\n".join(f"{s.title} | {s.url}" for s in sources)


def _sources(text: str) -> tuple[Source, ...]:
    found = []
    for line in _lines(text):
        title, _, url = line.rpartition("|")
        found.append(Source(title.strip(), url.strip()) if title else Source(url.strip(), ""))
    return tuple(found)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return date.min  # the check reports a date this old as not checked
