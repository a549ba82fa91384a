"""Building the search index's arrays from entries, in bulk.

Entries own contiguous runs of phrasings, phrasings own contiguous runs of distinct term ids,
and terms own contiguous runs of postings: flat numpy arrays instead of objects per phrasing,
so that 10,000 entries index in about a second and a half.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, count

import numpy as np
import numpy.typing as npt

from knowledge.analysis import Analyzer
from knowledge.corpus import analyse, ids_of, lengths, offsets, ragged_gather
from knowledge.entry import LANGUAGE_FORMS, TRANSLATED_FORMS, Entry
from knowledge.splitting import split_texts

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

# A word only the answer mentions is weaker evidence than one in a question. 0.45 since answers
# are read in all four forms: members' everyday words are found in answers more often than in
# phrasings (everyday.jsonl top-1 +1.3 points, wrong -1 point, development set unchanged; 0.5
# answers out-of-scope questions on the development set).
ANSWER_WEIGHT = 0.45
# A word found only in a translation of the answer into another language form than the
# question's is weaker still: each form's words count for that form's readers, and the other
# forms' words would give a question's out-of-scope words three more texts to land on.
# (0.7: development set wrong answers 0.008 -> 0.006, held-out top-1 0.981 -> 0.988, everyday
# set unchanged; 0.5 and below answer more everyday questions wrongly.)
OTHER_FORM_SHARE = 0.7
# Answer postings carry the language forms whose text holds the term, one bit each; the English
# original's bit counts for every question.
ORIGINAL = 1
EVERY_FORM = (1 << len(LANGUAGE_FORMS)) - 1
# A word in many of an entry's phrasings is what the entry is about; one in a single phrasing
# is a detail. Saturating like BM25's term frequency keeps a detail from winning on its own.
CENTRAL_K = 3.0
# Entries whose answers are read together: big enough that numpy does the work, small enough
# that a batch's token arrays stay small.
ANSWER_BATCH = 500


@dataclass(frozen=True, slots=True)
class IndexData:
    """Everything a search needs, as arrays."""

    vocabulary: dict[str, int]  # term -> id
    idf: Floats  # per term id
    posting_starts: Ints  # per term id: its run in posting_entries / posting_weights
    posting_entries: Ints
    posting_weights: Floats
    posting_forms: npt.NDArray[np.uint8]  # per posting: the forms whose answer alone has it
    phrasing_starts: Ints  # per entry: its run of phrasings
    pair_starts: Ints  # per phrasing: its run in pair_terms
    pair_terms: Ints  # distinct term ids of each phrasing
    phrasing_mass: Floats  # per phrasing: the idf of all its terms
    words: list[str]  # distinct words of all phrasings
    word_ids: Ints  # per word position of the phrasings
    word_starts: Ints  # per phrasing: its run of word positions
    asked_words: set[str]  # words of titles, tags and questions
    answer_words: set[str]


def build_index_data(entries: Sequence[Entry], analyzer: Analyzer) -> IndexData:
    """Analyse every entry and lay the results out as arrays."""
    texts: list[str] = []
    for entry in entries:
        texts += [entry.title, " ".join(t.replace("-", " ") for t in entry.tags)]
        texts += [t.title for t in entry.translations]
        texts += [q.text for q in entry.questions]
    per_entry = np.array([len(e.questions) + len(e.translations) + 2 for e in entries], np.int64)
    asked = analyse(texts, analyzer)
    vocabulary = dict(zip(dict.fromkeys(asked.terms), count(), strict=False))
    answers = _Answers.of(entries, analyzer, vocabulary)

    phrasing_of_term = np.repeat(np.arange(len(texts)), np.diff(asked.term_offsets))
    pair_phrasing, pair_terms = _distinct_pairs(
        phrasing_of_term, ids_of(asked.terms, vocabulary)[asked.term_ids]
    )
    entry_of_phrasing = np.repeat(np.arange(len(entries)), per_entry)
    postings = _Postings.of(
        (entry_of_phrasing[pair_phrasing], pair_terms),
        (answers.entries, answers.terms),
        answers.forms,
        len(vocabulary),
    )
    idf = np.log1p(
        (len(entries) - postings.df + 0.5) / (postings.df + 0.5)
    )  # BM25's, never negative
    return IndexData(
        vocabulary=vocabulary,
        idf=idf,
        posting_starts=postings.starts,
        posting_entries=postings.entries,
        posting_weights=postings.weights,
        posting_forms=postings.forms,
        phrasing_starts=offsets(per_entry),
        pair_starts=offsets(np.bincount(pair_phrasing, minlength=len(texts))),
        pair_terms=pair_terms,
        phrasing_mass=np.bincount(pair_phrasing, idf[pair_terms], len(texts)).astype(np.float64),
        words=asked.words,
        word_ids=asked.word_ids,
        word_starts=asked.word_offsets,
        asked_words=set(asked.words),
        answer_words=answers.words,
    )


def _answers_by_form(entry: Entry) -> tuple[str, ...]:
    """The answer in every language form, in ``LANGUAGE_FORMS`` order; empty where untranslated."""
    translated = {t.lang: t.answer for t in entry.translations}
    return (entry.answer, *(translated.get(form, "") for form in TRANSLATED_FORMS))


@dataclass(frozen=True, slots=True)
class _Answers:
    """The distinct (entry, term) pairs of the answers, with the language forms holding each.

    Answers in four forms are most of a knowledge base's text, so they are read a few hundred
    entries at a time and each batch keeps only its distinct pairs: the token arrays of the
    whole text never exist at once (at 10,000 entries they took half the build's memory).
    """

    entries: Ints  # by entry, then by term id
    terms: Ints
    forms: npt.NDArray[np.uint8]  # one bit per language form, as in ``LANGUAGE_FORMS``
    words: set[str]

    @classmethod
    def of(
        cls, entries: Sequence[Entry], analyzer: Analyzer, vocabulary: dict[str, int]
    ) -> _Answers:
        """Read every answer; terms new to ``vocabulary`` join it in order of appearance."""
        batches = [
            _answer_batch(entries[first : first + ANSWER_BATCH], first, analyzer, vocabulary)
            for first in range(0, len(entries), ANSWER_BATCH)
        ]
        return cls(
            np.concatenate([b[0] for b in batches]) if batches else np.zeros(0, np.int64),
            np.concatenate([b[1] for b in batches]) if batches else np.zeros(0, np.int64),
            np.concatenate([b[2] for b in batches]) if batches else np.zeros(0, np.uint8),
            set().union(*(b[3] for b in batches)),
        )


def _answer_batch(
    entries: Sequence[Entry], first: int, analyzer: Analyzer, vocabulary: dict[str, int]
) -> tuple[Ints, Ints, npt.NDArray[np.uint8], set[str]]:
    """One batch's distinct (entry, term, forms), by entry then term, and its words."""
    split = split_texts(list(chain.from_iterable(map(_answers_by_form, entries))))
    known = analyzer.tokens(split.distinct)
    token_terms = [t.terms for t in known]
    for term in chain.from_iterable(token_terms):
        vocabulary.setdefault(term, len(vocabulary))
    per_token = lengths(token_terms)
    flat = ids_of(list(chain.from_iterable(token_terms)), vocabulary)
    # A token an answer repeats is one pair, before each token becomes its terms.
    width = max(len(split.distinct), 1)
    answer_of_token = np.repeat(np.arange(len(split.offsets) - 1), np.diff(split.offsets))
    pairs = _unique(answer_of_token * width + split.ids)[0]
    answers, tokens = pairs // width, pairs % width
    terms = ragged_gather(flat, per_token, tokens)
    answers = np.repeat(answers, per_token[tokens])
    keys = _unique(answers * len(vocabulary) + terms)[0]  # by answer, so by entry, then by term
    answers, terms = keys // len(vocabulary), keys % len(vocabulary)
    forms = (1 << (answers % len(LANGUAGE_FORMS))).astype(np.uint8)
    return first + answers // len(LANGUAGE_FORMS), terms, forms, {w for t in known for w in t.words}


@dataclass(frozen=True, slots=True)
class _Postings:
    """Entry weights per term: centrality where an entry is asked for with it, else the answer's."""

    starts: Ints
    entries: Ints
    weights: Floats
    forms: npt.NDArray[np.uint8]
    df: Floats

    @classmethod
    def of(
        cls,
        asked: tuple[Ints, Ints],
        answered: tuple[Ints, Ints],
        answer_forms: npt.NDArray[np.uint8],
        terms: int,
    ) -> _Postings:
        """Postings from (entries, term ids) pairs of the phrasings and of the answers, and the
        language form bit of each answer pair."""
        # Keys are term-major, so that sorting them lays the postings out term by term.
        entries = max(int(asked[0].max(initial=0)), int(answered[0].max(initial=0))) + 1
        asked_order = _term_major(asked[1], asked[0], entries)
        asked_keys, counts = _runs((asked[1] * entries + asked[0])[asked_order])
        order = _term_major(answered[1], answered[0], entries)
        answer_keys, answer_forms = _forms_of_runs(
            (answered[1] * entries + answered[0])[order], answer_forms[order]
        )
        only_answered = ~_within(answer_keys, asked_keys)
        answer_keys, answer_forms = answer_keys[only_answered], answer_forms[only_answered]
        centrality = ANSWER_WEIGHT + (1 - ANSWER_WEIGHT) * counts / (counts + CENTRAL_K)
        keys, weights, forms = _merge(
            (asked_keys, centrality, np.full(len(asked_keys), EVERY_FORM, np.uint8)),
            (answer_keys, np.full(len(answer_keys), ANSWER_WEIGHT), answer_forms),
        )
        asked_df = np.bincount(asked_keys // entries, minlength=terms).astype(np.float64)
        all_df = np.bincount(keys // entries, minlength=terms).astype(np.float64)
        return cls(
            starts=offsets(all_df.astype(np.int64)),
            entries=keys % entries,
            weights=weights,
            forms=forms,
            # A country named in passing in many answers is still a sharp signal in a question,
            # so document frequency counts the entries asked for with a term when there are any.
            df=np.where(asked_df > 0, asked_df, all_df),
        )


def _forms_of_runs(keys: Ints, forms: npt.NDArray[np.uint8]) -> tuple[Ints, npt.NDArray[np.uint8]]:
    """The distinct keys of a sorted array, each with every form bit it occurs with."""
    if len(keys) == 0:
        return keys, forms
    first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return keys[first], np.bitwise_or.reduceat(forms, first)


_Run = tuple[Ints, Floats, npt.NDArray[np.uint8]]


def _merge(first: _Run, second: _Run) -> _Run:
    """Two sorted, disjoint runs of keys with their weights and forms, merged into one run."""
    # Each key's place in the merged run is its own index plus the number of keys of the
    # other run before it.
    at_first = np.arange(len(first[0])) + np.searchsorted(second[0], first[0])
    at_second = np.arange(len(second[0])) + np.searchsorted(first[0], second[0])
    keys = np.empty(len(first[0]) + len(second[0]), np.int64)
    keys[at_first], keys[at_second] = first[0], second[0]
    weights = np.empty(len(keys), np.float64)
    weights[at_first], weights[at_second] = first[1], second[1]
    forms = np.empty(len(keys), np.uint8)
    forms[at_first], forms[at_second] = first[2], second[2]
    return keys, weights, forms


def _term_major(terms: Ints, entries: Ints, width: int) -> Ints:
    """The order that sorts the keys ``term * width + entry``; ``entries`` must not fall on the
    way in.

    They come entry by entry, so a stable sort by term alone sorts the keys, and for fewer than
    65,536 terms numpy's stable sort is a radix sort: seven times faster than sorting the keys.
    """
    if len(terms) and int(terms.max()) <= np.iinfo(np.uint16).max:
        return np.argsort(terms.astype(np.uint16), kind="stable")
    return np.argsort(terms * width + entries, kind="stable")


def _within(keys: Ints, sorted_keys: Ints) -> npt.NDArray[np.bool_]:
    """Which keys occur in ``sorted_keys`` (both sorted and distinct)."""
    if len(sorted_keys) == 0:
        return np.zeros(len(keys), bool)
    places = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    found: npt.NDArray[np.bool_] = sorted_keys[places] == keys
    return found


def _distinct_pairs(owners: Ints, terms: Ints) -> tuple[Ints, Ints]:
    """Distinct (owner, term) pairs, sorted by owner."""
    if len(terms) == 0:
        return owners[:0], terms[:0]
    width = int(terms.max()) + 1
    keys = _unique(owners * width + terms)[0]
    return keys // width, keys % width


def _unique(keys: Ints) -> tuple[Ints, Ints]:
    """Sorted distinct keys and how often each occurs (sorting beats numpy's hashed unique here)."""
    return _runs(np.sort(keys))


def _runs(keys: Ints) -> tuple[Ints, Ints]:
    """The distinct keys of a sorted array and how often each occurs."""
    if len(keys) == 0:
        return keys, keys
    first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return keys[first], np.diff(np.append(first, len(keys)))
