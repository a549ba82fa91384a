"""Many texts analysed at once, for building the index.

A knowledge base of 10,000 entries holds millions of words but only tens of thousands of
distinct ones, so Python touches each distinct token once and numpy does the rest: positions
become arrays of ids, and texts are runs of positions cut by offsets.
"""

from __future__ import annotations

from collections.abc import Sequence, Sized
from dataclasses import dataclass
from itertools import chain, count

import numpy as np
import numpy.typing as npt

from knowledge.analysis import Analyzer
from knowledge.splitting import split_texts

Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Corpus:
    """Texts as id arrays: text ``i`` holds positions ``offsets[i]`` to ``offsets[i + 1]``."""

    words: list[str]  # distinct normalised words
    word_ids: Ints  # per word position
    word_offsets: Ints  # per text
    terms: list[str]  # distinct terms, multi-word glossary concepts included
    term_ids: Ints  # per term position: stop words dropped, multi-word terms merged
    term_offsets: Ints  # per text


def analyse(texts: Sequence[str], analyzer: Analyzer) -> Corpus:
    """Normalise, stem and map many texts to terms, as ``Analyzer.terms`` does one by one."""
    split = split_texts(texts)
    table = _WordTable(analyzer, split.distinct)
    per_token = lengths([t.infos for t in table.tokens])
    word_ids = ragged_gather(table.token_words, per_token, split.ids)
    word_offsets = offsets(per_token[split.ids])[split.offsets]
    term_ids = table.word_terms[word_ids]
    _merge_phrases(table, word_ids, term_ids, word_offsets)
    kept = term_ids >= 0
    return Corpus(
        words=table.words,
        word_ids=word_ids,
        word_offsets=word_offsets,
        terms=table.terms,
        term_ids=term_ids[kept],
        term_offsets=offsets(kept.astype(np.int64))[word_offsets],
    )


class _WordTable:
    """Every distinct token and word of a corpus, with ids for words, stems and terms."""

    def __init__(self, analyzer: Analyzer, distinct_tokens: list[str]) -> None:
        self.analyzer = analyzer
        self.tokens = analyzer.tokens(distinct_tokens)
        infos = {i.word: i for t in self.tokens for i in t.infos}
        self.words = list(infos)
        word_index = dict(zip(self.words, count(), strict=False))
        self.token_words = ids_of([i.word for t in self.tokens for i in t.infos], word_index)
        self.stems = list(dict.fromkeys(i.stem for i in infos.values()))
        self.stem_index = dict(zip(self.stems, count(), strict=False))
        self.word_stems = ids_of([i.stem for i in infos.values()], self.stem_index)
        concepts = [c for phrases in analyzer.phrases_by_pair.values() for _, c in phrases]
        self.terms = list(
            dict.fromkeys(chain((i.term for i in infos.values() if i.term), concepts))
        )
        self.term_index = dict(zip(self.terms, count(), strict=False))
        self.word_terms = np.array(
            [self.term_index[i.term] if i.term else -1 for i in infos.values()], np.int64
        )
        self.word_starts = np.array([i.starts_phrase for i in infos.values()], bool)


def _merge_phrases(table: _WordTable, word_ids: Ints, term_ids: Ints, text_offsets: Ints) -> None:
    """Replace each multi-word glossary term inside one text by its concept, in place.

    As ``Analyzer.terms`` reads a text: left to right, the longest term starting at a word
    wins, and the words it spans start nothing. Each glossary term is matched against all its
    possible starts at once, so the cost grows with the glossary, not with the corpus.
    """
    if len(word_ids) < 2:
        return
    stems = table.word_stems[word_ids]
    width = len(table.stems)
    starts = np.flatnonzero(table.word_starts[word_ids[:-1]])
    pairs = stems[starts] * width + stems[starts + 1]
    order = np.argsort(pairs, kind="stable")
    starts, pairs = starts[order], pairs[order]
    ends = text_offsets[np.searchsorted(text_offsets, starts, side="right")]
    found: list[tuple[Ints, int, int]] = []  # (positions, words spanned, concept)
    for pair, phrases in _phrases_by_pair(table).items():
        lo, hi = np.searchsorted(pairs, [pair, pair + 1])
        positions, limits = starts[lo:hi], ends[lo:hi]
        for key, concept in phrases:  # longest first
            fits = positions + len(key) <= limits
            for offset in range(2, len(key)):
                fits &= stems[np.minimum(positions + offset, len(stems) - 1)] == key[offset]
            found.append((positions[fits], len(key), concept))
            positions, limits = positions[~fits], limits[~fits]
    _replace(term_ids, _leftmost(found))


def _phrases_by_pair(table: _WordTable) -> dict[int, list[tuple[tuple[int, ...], int]]]:
    """The glossary's multi-word terms as stem ids, keyed by their first two, longest first."""
    width = len(table.stems)
    by_pair: dict[int, list[tuple[tuple[int, ...], int]]] = {}
    for (first, second), phrases in table.analyzer.phrases_by_pair.items():
        if first in table.stem_index and second in table.stem_index:
            pair = table.stem_index[first] * width + table.stem_index[second]
            by_pair[pair] = [
                (tuple(table.stem_index[s] for s in stems_), table.term_index[concept])
                for stems_, concept in phrases
                if all(s in table.stem_index for s in stems_)
            ]
    return by_pair


def _leftmost(found: list[tuple[Ints, int, int]]) -> tuple[Ints, Ints, Ints]:
    """Matches in reading order, dropping each that starts inside one kept before it."""
    if not found:
        empty = np.zeros(0, np.int64)
        return empty, empty, empty
    positions = np.concatenate([p for p, _, _ in found])
    spans = np.concatenate([np.full(len(p), n, np.int64) for p, n, _ in found])
    concepts = np.concatenate([np.full(len(p), c, np.int64) for p, _, c in found])
    order = np.argsort(positions, kind="stable")
    positions, spans, concepts = positions[order], spans[order], concepts[order]
    stops = positions + spans
    if np.all(positions[1:] >= stops[:-1]):
        return positions, spans, concepts
    keep = np.zeros(len(positions), bool)
    reached = 0
    for i, (position, stop) in enumerate(zip(positions.tolist(), stops.tolist(), strict=True)):
        if position >= reached:
            keep[i], reached = True, stop
    return positions[keep], spans[keep], concepts[keep]


def _replace(term_ids: Ints, matches: tuple[Ints, Ints, Ints]) -> None:
    """Put each concept at its first word and drop the other words it spans."""
    positions, spans, concepts = matches
    term_ids[positions] = concepts
    rest = spans - 1
    spanned = np.repeat(positions + 1 - offsets(rest)[:-1], rest) + np.arange(int(rest.sum()))
    term_ids[spanned] = -1


def ids_of(items: Sequence[str], index: dict[str, int]) -> Ints:
    """The ids of many items, looked up in C."""
    return np.fromiter(map(index.__getitem__, items), dtype=np.int64, count=len(items))


def lengths(pieces: Sequence[Sized]) -> Ints:
    """The length of every piece."""
    return np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))


def offsets(sizes: Ints) -> Ints:
    """0, then the end of each consecutive run of the given sizes."""
    return np.concatenate((np.zeros(1, np.int64), np.cumsum(sizes)))


def ragged_range(starts: Ints, picks: Ints | npt.NDArray[np.intp]) -> Ints:
    """Concatenate the ranges ``starts[p]`` to ``starts[p + 1]`` for every pick."""
    begin = starts[picks]
    sizes = starts[picks + 1] - begin
    return np.repeat(begin - offsets(sizes)[:-1], sizes) + np.arange(
        int(sizes.sum()), dtype=np.int64
    )


def ragged_gather(flat: Ints, sizes: Ints, picks: Ints) -> Ints:
    """The runs ``picks`` of a ragged array (runs of ``sizes`` end to end in ``flat``), joined."""
    return flat[ragged_range(offsets(sizes), picks)]
