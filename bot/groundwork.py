"""What Mreža builds from its files alone: the checked entries, the analyser, the catalogs."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from bot.languages.i18n import Translations
from knowledge.analysis import Analyzer, Glossary
from knowledge.entry import Entry
from knowledge.index import SearchIndex
from knowledge.loader import load_knowledge_base
from knowledge.search import Searcher
from knowledge.topics import Topics

SEARCHERS_KEPT = 8  # sets of entries whose index a Groundwork keeps


class Groundwork:
    """What Mreža builds from its files alone: the checked entries, the analyser, the catalogs.

    A process opens Mreža once and builds this once. The test suite opens Mreža on a fresh
    database for every test: it lays the groundwork once per run and reuses it, searchers
    included, since an index built from the same entries is the same index.
    """

    def __init__(self, kb_path: Path, today: date, bundled: Groundwork | None = None) -> None:
        """``bundled``: groundwork whose glossary, catalogs and topics to share (they come with
        Mreža, not from ``kb_path``), so that only the entries are read again."""
        self.kb_path = kb_path
        self._files = files_digest(kb_path)
        self.report = load_knowledge_base(kb_path, today)
        self.analyzer: Analyzer = bundled.analyzer if bundled else Analyzer(Glossary.bundled())
        self.translations: Translations = bundled.translations if bundled else Translations()
        self.topics: Topics = bundled.topics if bundled else Topics.bundled()
        self._searchers: dict[tuple[Entry, ...], Searcher] = {}
        self._others: dict[tuple[str, str], Groundwork] = {}

    def for_entries_in(self, kb_path: Path, today: date) -> Groundwork:
        """Groundwork for the entries in ``kb_path``: this one when it holds those very files,
        else one sharing what came with Mreža, kept for the next time these files come."""
        files = files_digest(kb_path)
        if files == self._files:
            return self
        key = (str(kb_path), files)
        other = self._others.get(key)
        if other is None:
            other = Groundwork(kb_path, today, bundled=self)
            if len(self._others) >= SEARCHERS_KEPT:
                self._others.pop(next(iter(self._others)))
            self._others[key] = other
        return other

    def searcher(self, entries: Sequence[Entry]) -> Searcher:
        """A searcher over ``entries``, built once for each set of entries seen."""
        key = tuple(entries)
        found = self._searchers.get(key)
        if found is None:
            found = Searcher(SearchIndex(key, self.analyzer))
            if len(self._searchers) >= SEARCHERS_KEPT:
                self._searchers.pop(next(iter(self._searchers)))
            self._searchers[key] = found
        return found


def files_digest(kb_path: Path) -> str:
    """A fingerprint of the entry files under ``kb_path``: their names and their bytes."""
    digest = hashlib.sha256()
    paths = [kb_path] if kb_path.is_file() else sorted(kb_path.glob("*.yaml"))
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
