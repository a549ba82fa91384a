"""Marking a translation as made from the English text as it now stands.

A translator (or a reviewer of a stale one) edits the language form in the entry's file, then
runs ``mreza kb translated ID LANG``: the file's ``from`` becomes the current fingerprint of the
English title and answer, so ``mreza kb check`` stops listing it as stale. ruamel.yaml's round
trip keeps the rest of the file as it was.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from knowledge.entry import TRANSLATED_FORMS
from knowledge.figures import fingerprint
from knowledge.write_back import round_trip


class NotTranslated(Exception):
    """Nothing was written; the message says why."""


def mark_translated(kb_path: Path, entry_id: str, langs: Sequence[str]) -> str:
    """Stamp the English fingerprint on the given translations of one entry; returns it."""
    unknown = [lang for lang in langs if lang not in TRANSLATED_FORMS]
    if unknown:
        raise NotTranslated(
            f"unknown language form {unknown[0]!r} (known: {', '.join(TRANSLATED_FORMS)})"
        )
    path = kb_path / f"{entry_id}.yaml"
    if not path.is_file():
        raise NotTranslated(f"no entry {entry_id!r} in {kb_path}")
    yaml = round_trip()
    data = yaml.load(path.read_text(encoding="utf-8"))
    translations = data.get("translations") if isinstance(data, CommentedMap) else None
    english = fingerprint(str(data["title"]).strip(), str(data["answer"]).strip())
    for lang in langs:
        given = translations.get(lang) if isinstance(translations, CommentedMap) else None
        if not isinstance(given, CommentedMap):
            raise NotTranslated(f"{entry_id} has no {lang} translation to mark")
        given["from"] = english
    out = io.StringIO()
    yaml.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")
    return english
