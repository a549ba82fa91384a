"""The in-memory search index: candidates from an inverted index, ranked by weighted overlap.

Every entry is a small set of phrasings (its title in every language form, its tags and its
alternate questions) plus its answer in every form. A query is scored against an entry by three
signals: how much of the query's information the entry covers (rare words weigh more, as in
BM25's idf), how close the query is to the entry's best single phrasing (weighted Jaccard), and
rapidfuzz's similarity to that phrasing, which forgives typos and word order.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from core.language_guess import guess_language
from knowledge.analysis import CONCEPT_MARK, Analyzer
from knowledge.corpus import lengths, offsets, ragged_range
from knowledge.entry import LANGUAGE_FORMS, Entry
from knowledge.indexing import EVERY_FORM, ORIGINAL, OTHER_FORM_SHARE, build_index_data
from knowledge.normalise import words
from knowledge.spelling import Speller

# Long, chatty questions carry many words no entry needs; past this much information (two or
# three rare words) a question is judged on what it shares, not on everything it says. Members
# describe what happened at length, so the cap is lower than for curated questions (was 8).
INFORMATION_CAP = 7.0
# A word no entry uses might be the real subject ("weather") or just chatter ("brigade"); it
# counts, but less than the rarest known word.
UNKNOWN_SHARE = 0.6
CANDIDATES = 40
# A glossary concept few entries share (harassment described by what happened, per diem, a
# named course) says more about what a member means than the words around it, so it weighs
# more than its idf alone; common concepts ("woman", "military", a country) do not. "Few" is
# at most a tenth of the entries (one, in a very small knowledge base).
CONCEPT_BOOST = 1.5
CONCEPT_SHARE = 0.1
# A word that spelling correction had to guess counts for this share of its weight.
GUESS_SHARE = 0.7
W_COVERAGE, W_PHRASING, W_FUZZ = 0.45, 0.35, 0.20


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked entry for a query."""

    entry_id: str
    title: str
    score: float


class SearchIndex:
    """Answers ``search(query)`` over a fixed set of entries."""

    def __init__(self, entries: Sequence[Entry], analyzer: Analyzer) -> None:
        self._analyzer = analyzer
        self._ids = [e.id for e in entries]
        self.redirects = frozenset(e.id for e in entries if e.redirects)
        self._titles = [e.title for e in entries]
        # The build allocates millions of small objects and frees none of them: the cyclic
        # collector would only re-scan them again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._data = build_index_data(entries, analyzer)
        finally:
            if collecting:
                gc.enable()
        size = max(len(entries), 1)
        self._unknown_idf = UNKNOWN_SHARE * float(np.log1p((size + 0.5) / 0.5))
        few = max(CONCEPT_SHARE * size, 1.0)
        # less a hair, so that a concept exactly that rare is boosted despite rounding
        self._rare_idf = float(np.log1p((size - few + 0.5) / (few + 0.5))) - 1e-9
        self._by_rank = np.array(
            sorted(range(len(self._data.words)), key=self._data.words.__getitem__), np.int64
        )
        self._word_rank = np.empty_like(self._by_rank)
        self._word_rank[self._by_rank] = np.arange(len(self._by_rank))
        # Made for every entry at once (a tenth of the build at 10,000 entries): made on first
        # use instead, the questions that first meet many entries paid for them, and set p99.
        self._sorted = self._sort_phrasings(list(range(len(entries))))
        self._speller = Speller(
            self._data.asked_words | analyzer.glossary_words, self._known_words()
        )

    def _known_words(self) -> set[str]:
        return self._data.asked_words | self._data.answer_words | self._analyzer.glossary_words

    def __len__(self) -> int:
        return len(self._ids)

    def query_terms(self, query: str) -> dict[str, float]:
        """The query's terms with their idf weights, typos mapped to known words."""
        vocabulary, idf = self._data.vocabulary, self._data.idf
        guessed: list[str] = []

        def correct(word: str) -> str:
            if self._analyzer.term_of(word) in vocabulary:
                return word  # an inflection of a known word ("maltretira"), not a typo
            fixed = self._speller.correct(word)
            if fixed != word:
                guessed.append(fixed)
            return fixed

        terms = self._analyzer.terms(query, correct)
        weights = {
            t: float(idf[vocabulary[t]]) if t in vocabulary else self._unknown_idf for t in terms
        }
        # A term reached only by correcting a typo is a guess ("sarma" is not "smara",
        # "pobedi" is not "poredi"): it counts for less, and a guessed concept is not boosted.
        guesses = set(self._analyzer.terms(" ".join(guessed))) if guessed else set()
        for term, weight in weights.items():
            if term in guesses:
                weights[term] = weight * GUESS_SHARE
            elif weight >= self._rare_idf and term.startswith(CONCEPT_MARK) and term in vocabulary:
                weights[term] = weight * CONCEPT_BOOST
        return weights

    def search(self, query: str, limit: int = 3) -> list[Hit]:
        """The best entries for a query, best first; empty when nothing in it is known."""
        terms = self.query_terms(query)
        budget = min(sum(terms.values()), INFORMATION_CAP)
        if budget == 0 or not self._ids:
            return []
        known = {
            self._data.vocabulary[t]: w for t, w in terms.items() if t in self._data.vocabulary
        }
        coverage = np.minimum(self._accumulate(known, _forms_read(query)) / budget, 1.0)
        candidates = _top(coverage)
        if len(candidates) == 0:
            return []
        scores = W_COVERAGE * coverage[candidates] + self._phrasing_scores(
            candidates, known, budget, query
        )
        best = np.lexsort((candidates, -scores))[:limit]  # ties go to the earlier entry
        return [
            Hit(self._ids[c], self._titles[c], round(float(s), 4))
            for c, s in zip(candidates[best], scores[best], strict=True)
        ]

    def _accumulate(self, known: dict[int, float], forms: int) -> npt.NDArray[np.float64]:
        data = self._data
        scores = np.zeros(len(self._ids), dtype=np.float64)
        # What a posting's words are worth to this question, by the forms its answer has them in.
        share = np.where(np.arange(EVERY_FORM + 1) & forms, 1.0, OTHER_FORM_SHARE)
        for term, weight in known.items():
            start, end = data.posting_starts[term], data.posting_starts[term + 1]
            scores[data.posting_entries[start:end]] += (weight * share).take(
                data.posting_forms[start:end]
            ) * data.posting_weights[start:end]
        return scores

    def _phrasing_scores(
        self, candidates: npt.NDArray[np.intp], known: dict[int, float], budget: float, query: str
    ) -> npt.NDArray[np.float64]:
        """For each candidate, the weighted best-phrasing overlap and fuzzy similarity."""
        data = self._data
        phrasings = ragged_range(data.phrasing_starts, candidates)
        pairs = ragged_range(data.pair_starts, phrasings)
        terms = data.pair_terms[pairs]
        per_phrasing = data.pair_starts[phrasings + 1] - data.pair_starts[phrasings]
        owner = np.repeat(np.arange(len(phrasings)), per_phrasing)
        query_ids = np.sort(np.fromiter(known, dtype=np.int64, count=len(known)))
        hits = _among(terms, query_ids) * data.idf[terms]
        shared = np.bincount(owner, weights=hits, minlength=len(phrasings))
        extra = data.phrasing_mass[phrasings] - shared
        overlap = np.minimum(shared / (budget + extra), 1.0)
        texts = self._sorted_texts(candidates.tolist())
        sorted_query = " ".join(sorted(words(query)))
        similarity = (
            process.cdist([sorted_query], texts, scorer=fuzz.ratio, dtype=np.float64)[0] / 100
        )
        counts = data.phrasing_starts[candidates + 1] - data.phrasing_starts[candidates]
        cuts = np.cumsum(counts) - counts
        return W_PHRASING * np.maximum.reduceat(overlap, cuts) + W_FUZZ * np.maximum.reduceat(
            similarity, cuts
        )

    def _sorted_texts(self, entries: list[int]) -> list[str]:
        """The entries' phrasings with their words sorted, as token-sort ratio compares them."""
        return list(chain.from_iterable(map(self._sorted.__getitem__, entries)))

    def _sort_phrasings(self, entries: list[int]) -> list[list[str]]:
        """Each entry's phrasings with their words in order, in one pass over all of them."""
        if not entries:
            return []
        data = self._data
        phrasings = ragged_range(data.phrasing_starts, np.array(entries, np.int64))
        sizes = data.word_starts[phrasings + 1] - data.word_starts[phrasings]
        owner = np.repeat(np.arange(len(phrasings)), sizes)
        ranks = self._word_rank[data.word_ids[ragged_range(data.word_starts, phrasings)]]
        keys = np.sort(owner * len(data.words) + ranks)
        ordered = list(map(data.words.__getitem__, self._by_rank[keys % len(data.words)].tolist()))
        joined = " ".join(ordered)
        # each word starts one past the end of the one before; a phrasing ends before its space
        word_at = offsets(lengths(ordered) + 1)
        bounds = offsets(sizes)
        cuts = zip(word_at[bounds[:-1]].tolist(), (word_at[bounds[1:]] - 1).tolist(), strict=True)
        texts = [joined[start:end] for start, end in cuts]
        counts = (data.phrasing_starts[1:] - data.phrasing_starts[:-1])[entries].tolist()
        ends = offsets(np.array(counts, np.int64)).tolist()
        return [texts[start:end] for start, end in pairwise(ends)]


def _among(
    terms: npt.NDArray[np.int64], sorted_ids: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """Which terms are among a query's few term ids.

    ``np.isin`` builds a table as large as the highest id, and with every language form indexed
    the vocabulary is large; a binary search among the query's few ids allocates nothing big.
    """
    if len(sorted_ids) == 0:
        return np.zeros(len(terms), bool)
    places = np.minimum(np.searchsorted(sorted_ids, terms), len(sorted_ids) - 1)
    found: npt.NDArray[np.bool_] = sorted_ids[places] == terms
    return found


def _forms_read(query: str) -> int:
    """The answers' language forms whose words count in full for a question: the English
    original and the question's own form (English alone when nothing in it tells)."""
    guess = guess_language(query)
    form = guess.language.value if guess else "en"
    return ORIGINAL | 1 << LANGUAGE_FORMS.index(form)


def _top(scores: npt.NDArray[np.float64], k: int = CANDIDATES) -> npt.NDArray[np.intp]:
    positive = np.flatnonzero(scores > 0)
    if len(positive) <= k:
        return positive
    return positive[np.argpartition(scores[positive], -k)[-k:]]
