"""Spelling correction towards the words members' questions are written in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

CUTOFF = 80.0  # rapidfuzz ratio: one slip in a five-letter word
MIN_LENGTH = 5


class Speller:
    """Maps an unknown word to the closest known one, or leaves it alone."""

    def __init__(self, targets: Iterable[str], known: Iterable[str]) -> None:
        """``targets`` are words worth correcting towards; ``known`` are left as they are.

        Targets are the words of titles, tags and questions: correcting towards the long tail
        of words in answers would turn "tanks" into "talks".
        """
        buckets: defaultdict[str, list[str]] = defaultdict(list)
        # sorted: ties between equally close words must not depend on hashing
        for word in sorted({w for w in targets if len(w) >= MIN_LENGTH}):
            buckets[word[0]].append(word)
        self._buckets = dict(buckets)
        self._known = frozenset(known)

    def correct(self, word: str) -> str:
        """The nearest target word to an unknown word; known and short words stay."""
        if word in self._known or len(word) < MIN_LENGTH or not word.isalpha():
            return word
        # Typos rarely hit the first letter; looking only there keeps this fast at any size.
        candidates = self._buckets.get(word[0], ())
        match = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=CUTOFF)
        return word if match is None else match[0]
