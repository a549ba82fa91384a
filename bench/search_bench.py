"""Search at scale: synthetic knowledge bases grown from the real one, timed and weighed."""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

import pyarrow as pa

from knowledge.analysis import Analyzer, Glossary
from knowledge.entry import Entry, Question
from knowledge.index import SearchIndex

SIZES = (100, 1_000, 10_000, 50_000)
_LETTERS = "abcdefghijklmnoprstuvz"


@dataclass(frozen=True, slots=True)
class SearchBench:
    """Figures for one knowledge-base size."""

    entries: int
    build_seconds: float
    peak_mb: float
    p50_ms: float
    p99_ms: float
    # The search's own processor time: on a busy machine the wall clock's tail measures the
    # other processes that ran meanwhile, not the search.
    p99_cpu_ms: float


def synthetic_entries(real: Sequence[Entry], size: int, seed: int = 7) -> list[Entry]:
    """``size`` distinct entries: real ones with words swapped for invented ones.

    Each copy gets its own made-up words in its title, questions and answer, so the
    vocabulary and the posting lists grow with the knowledge base as they would in reality.
    """
    rng = random.Random(seed)
    pool = [_word(rng) for _ in range(max(200, size * 2))]
    out = []
    for number in range(size):
        base = real[number % len(real)]
        out.append(_variant(base, number, rng, pool))
    return out


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_LETTERS) for _ in range(rng.randint(5, 9)))


def _variant(base: Entry, number: int, rng: random.Random, pool: list[str]) -> Entry:
    if number < 1:
        return base
    own = rng.sample(pool, 3)

    def mutate(text: str) -> str:
        words = text.split()
        words[rng.randrange(len(words))] = rng.choice(own)
        return " ".join(words)

    def rewrite(answer: str) -> str:
        answer_words = answer.split()
        for _ in range(8):
            answer_words[rng.randrange(len(answer_words))] = rng.choice(pool)
        return " ".join(answer_words)

    # Every copy is written in all four language forms, as every curated entry is.
    translations = tuple(
        replace(t, title=f"{t.title} {own[0]}", answer=rewrite(t.answer)) for t in base.translations
    )
    return replace(
        base,
        id=f"{base.id}-{number}",
        title=f"{base.title} {own[0]}",
        answer=rewrite(base.answer),
        questions=tuple(Question(mutate(q.text), q.lang) for q in base.questions),
        translations=translations,
    )


def sample_questions(real: Sequence[Entry], count: int, seed: int = 11) -> list[str]:
    """Members' questions: real phrasings with a word dropped and sometimes a typo."""
    rng = random.Random(seed)
    phrasings = [q.text for e in real for q in e.questions]
    questions = []
    for _ in range(count):
        words = rng.choice(phrasings).split()
        if len(words) > 2:
            del words[rng.randrange(len(words))]
        if rng.random() < 0.3:
            i = rng.randrange(len(words))
            if len(words[i]) > 4:
                j = rng.randrange(1, len(words[i]) - 1)
                words[i] = words[i][:j] + words[i][j + 1 :]
        questions.append(" ".join(words))
    return questions


@contextmanager
def _arrow_pool() -> Iterator[pa.MemoryPool]:
    """A pool of its own that Arrow allocates from meanwhile, to read its peak."""
    default = pa.default_memory_pool()
    pool = pa.proxy_memory_pool(default)
    pa.set_memory_pool(pool)
    try:
        yield pool
    finally:
        pa.set_memory_pool(default)


def run_search_bench(real: Sequence[Entry], size: int, queries: int) -> SearchBench:
    """Build an index of ``size`` entries, then time ``queries`` searches one by one."""
    entries = synthetic_entries(real, size)
    analyzer = Analyzer(Glossary.bundled())
    started = time.perf_counter()
    index = SearchIndex(entries, analyzer)
    build = time.perf_counter() - started
    del index
    with _arrow_pool() as arrow:
        tracemalloc.start()
        index = SearchIndex(entries, analyzer)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    # Arrow's buffers are not Python allocations; adding the two peaks may overstate, never hide.
    peak += arrow.max_memory()
    timings, working = [], []
    for question in sample_questions(real, queries):
        started, cpu = time.perf_counter(), time.thread_time()
        index.search(question)
        working.append((time.thread_time() - cpu) * 1000)
        timings.append((time.perf_counter() - started) * 1000)
    centiles = statistics.quantiles(timings, n=100)
    cpu_p99 = statistics.quantiles(working, n=100)[98]
    return SearchBench(size, build, peak / 1e6, centiles[49], centiles[98], cpu_p99)
