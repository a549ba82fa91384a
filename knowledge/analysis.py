"""Turns any text into index terms: normalised words, stemmed, with glossary concepts joined."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from ruamel.yaml import YAML

from knowledge.normalise import ekavian, folded_words, folded_words_of_each, words
from knowledge.terms import STOP_WORDS, stem

CONCEPT_MARK = "@"


@dataclass(frozen=True, slots=True)
class Glossary:
    """Terms of every language mapped to one concept, keyed by their stemmed word sequence."""

    phrases: Mapping[tuple[str, ...], str]
    longest: int
    words: frozenset[str]  # every normalised word of every term, for spelling correction

    @classmethod
    def from_mapping(cls, concepts: Mapping[str, Sequence[str]]) -> Glossary:
        """Build from ``{concept: [term, ...]}``; a term claimed by two concepts keeps the first."""
        phrases: dict[tuple[str, ...], str] = {}
        known: set[str] = set()
        for concept, terms in concepts.items():
            for term in terms:
                term_words = words(str(term))
                known.update(term_words)
                if term_words:
                    phrases.setdefault(tuple(stem(w) for w in term_words), CONCEPT_MARK + concept)
        return cls(phrases, max((len(k) for k in phrases), default=1), frozenset(known))

    @classmethod
    def bundled(cls) -> Glossary:
        """The glossary that ships with Mreža."""
        text = resources.files("knowledge").joinpath("glossary.yaml").read_text("utf-8")
        return cls.from_mapping(YAML(typ="safe").load(text) or {})


class Word(NamedTuple):
    """What the analyzer knows about one folded word."""

    word: str  # normalised (ekavian)
    stem: str
    term: str | None  # its concept, else its stem; None for a stop word
    starts_phrase: bool  # some multi-word glossary term begins with this word


class Token(NamedTuple):
    """A whitespace-separated piece of raw text ("(2010-2015),") and its words."""

    infos: tuple[Word, ...]
    words: tuple[str, ...]
    terms: tuple[str, ...]  # the words' own terms, before any multi-word term is looked for
    starts_phrase: bool  # some word in it may begin a multi-word term


_WORDS = attrgetter("words")
_TERMS = attrgetter("terms")
_STARTS = attrgetter("starts_phrase")
_INFOS = attrgetter("infos")


class Analyzer:
    """Produces the terms that queries and entries are compared on."""

    def __init__(self, glossary: Glossary) -> None:
        self._glossary = glossary
        # Multi-word terms by their first two stems, longest first: one lookup rules most out.
        self._by_pair: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        for key, concept in glossary.phrases.items():
            if len(key) > 1:
                self._by_pair.setdefault((key[0], key[1]), []).append((key, concept))
        for found in self._by_pair.values():
            found.sort(key=lambda item: len(item[0]), reverse=True)
        self._starters = frozenset(first for first, _ in self._by_pair)
        # Indexing a large knowledge base analyses millions of words but few distinct ones,
        # so each raw token ("(2010-2015),", "Povjerenja?") is analysed once.
        self._known: dict[str, Word] = {}
        self._tokens: dict[str, Token] = {}

    @property
    def glossary_words(self) -> frozenset[str]:
        """Every word the glossary knows."""
        return self._glossary.words

    def concept_of(self, term: str) -> str | None:
        """The concept a single stem belongs to, if any."""
        return self._glossary.phrases.get((term,))

    def term_of(self, word: str) -> str | None:
        """The term one folded word stands for: its concept, else its stem; None if a stop word."""
        return self._info(word).term

    def terms(self, text: str, correct: Callable[[str], str] | None = None) -> list[str]:
        """Index terms of a text, in order; multi-word glossary terms become one concept.

        ``correct`` may replace a misspelt word by a known one before anything else happens.
        """
        return self.phrasing(text, correct)[1]

    def phrasing(
        self, text: str, correct: Callable[[str], str] | None = None
    ) -> tuple[str, list[str]]:
        """The normalised text and its terms, in one pass."""
        tokens = self._tokens_of(text.split())
        if correct is None and not any(map(_STARTS, tokens)):
            words = " ".join(chain.from_iterable(map(_WORDS, tokens)))
            return words, list(chain.from_iterable(map(_TERMS, tokens)))
        infos = [info for token in tokens for info in token.infos]
        if correct is not None:
            infos = [i if i.term is None else self._info(correct(i.word)) for i in infos]
        return " ".join(info.word for info in infos), self._terms(infos)

    def tokens(self, raw: Collection[str]) -> list[Token]:
        """What each raw token ("(2010-2015),", "Povjerenja?") holds, learnt once per token."""
        return self._tokens_of(raw)

    @property
    def phrases_by_pair(self) -> Mapping[tuple[str, str], list[tuple[tuple[str, ...], str]]]:
        """Multi-word glossary terms by their first two stems, longest first."""
        return self._by_pair

    def _tokens_of(self, raw: Collection[str]) -> list[Token]:
        found = list(map(self._tokens.get, raw))  # map keeps the loop in C: this is the hot path
        if None in found:
            # not ``set(raw) - keys``: that copies every token learnt so far into a new set
            missing = [t for t in dict.fromkeys(raw) if t not in self._tokens]
            whole = [t for t in missing if "\n" not in t]  # newlines separate tokens when folding
            for token, folded in zip(whole, folded_words_of_each(whole), strict=True):
                self._learn_token(token, folded)
            for token in (t for t in missing if "\n" in t):
                self._learn_token(token)
            found = list(map(self._tokens.get, raw))
        return found  # type: ignore[return-value]  # every None was just replaced

    def _terms(self, infos: list[Word]) -> list[str]:
        """Terms in order, each multi-word glossary term taken as one concept."""
        stems = [info.stem for info in infos]
        out: list[str] = []
        i = 0
        while i < len(infos):
            size, concept = self._phrase_at(stems, i) if infos[i].starts_phrase else (1, None)
            term = concept or infos[i].term
            if term is not None:
                out.append(term)
            i += size
        return out

    def _phrase_at(self, stems: list[str], i: int) -> tuple[int, str | None]:
        """The longest multi-word term starting at word ``i``, as (words it spans, concept)."""
        for key, concept in (
            self._by_pair.get((stems[i], stems[i + 1]), ()) if i + 1 < len(stems) else ()
        ):
            if tuple(stems[i : i + len(key)]) == key:
                return len(key), concept
        return 1, None

    def _learn_token(self, token: str, folded: list[str] | None = None) -> Token:
        infos = tuple(map(self._info, folded_words(token) if folded is None else folded))
        learnt = self._tokens[token] = Token(
            infos,
            tuple(map(_WORD, infos)),
            tuple(filter(None, map(_TERM, infos))),
            any(map(_STARTS, infos)),
        )
        return learnt

    def _info(self, word: str) -> Word:
        return self._known.get(word) or self._learn(word)

    def _learn(self, folded: str) -> Word:
        word = ekavian(folded)
        word_stem = stem(word)
        if word in STOP_WORDS:
            info = Word(word, word_stem, None, False)
        else:
            concept = self._glossary.phrases.get((word_stem,))
            info = Word(word, word_stem, concept or word_stem, word_stem in self._starters)
        self._known[folded] = info
        return info


_TERM = attrgetter("term")
_WORD = attrgetter("word")
