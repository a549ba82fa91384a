"""Measures search quality on a question set, for Mreža and for two plain baselines."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.search import Decision

LANGUAGE_FORMS = ("en", "bcms", "sr-cyrl", "mk")


@dataclass(frozen=True, slots=True)
class EvalQuestion:
    """A question with the entries that would be a right answer; none for out of scope."""

    text: str
    expect: frozenset[str]
    lang: str
    kind: str = ""  # "everyday", "near-domain", "smalltalk", "out-of-scope"; "" when untagged

    @property
    def in_scope(self) -> bool:
        """True when some entry should answer it."""
        return bool(self.expect)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a strategy did with one question: its decision and ranked entry ids."""

    decision: Decision
    ranked: tuple[str, ...]


Strategy = Callable[[str], Outcome]


@dataclass(frozen=True, slots=True)
class Scores:
    """The figures the knowledge-base issue asks for."""

    name: str
    top1: float
    top3: float
    rejected: float  # share of out-of-scope questions answered "none"
    wrong: float  # share of in-scope questions answered with a wrong entry
    by_lang: dict[str, float] = field(default_factory=dict)
    # per kind of question, the share handled right: the right entry first, or declined
    by_kind: dict[str, float] = field(default_factory=dict)
    failures: tuple[tuple[EvalQuestion, Outcome], ...] = ()


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSON-lines question set: ``{"q": ..., "expect": [ids], "lang": ...}`` per line."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            questions.append(
                EvalQuestion(
                    raw["q"], frozenset(raw["expect"]), raw.get("lang", "en"), raw.get("kind", "")
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a question line ({error})") from error
    return questions


DECLINED = frozenset((Decision.NONE, Decision.SMALLTALK))  # nothing offered as an answer
SERVED = frozenset((Decision.ANSWER, Decision.REDIRECT))  # one entry put before the member
# An out-of-scope question is declined as well when it is pointed to the service that handles it.
NOT_OURS = DECLINED | {Decision.REDIRECT}


def evaluate(name: str, strategy: Strategy, questions: Sequence[EvalQuestion]) -> Scores:
    """Run every question through a strategy and score what it did."""
    results = [(q, strategy(q.text)) for q in questions]
    in_scope = [(q, o) for q, o in results if q.in_scope]
    out_scope = [(q, o) for q, o in results if not q.in_scope]

    def top(n: int, items: Iterable[tuple[EvalQuestion, Outcome]]) -> list[bool]:
        return [o.decision not in DECLINED and bool(q.expect & set(o.ranked[:n])) for q, o in items]

    def right(q: EvalQuestion, o: Outcome) -> bool:
        return top(1, [(q, o)])[0] if q.in_scope else o.decision in NOT_OURS

    by_lang = {
        lang: _share(top(1, [(q, o) for q, o in in_scope if q.lang == lang]))
        for lang in LANGUAGE_FORMS
        if any(q.lang == lang for q, _ in in_scope)
    }
    kinds = dict.fromkeys(q.kind for q in questions if q.kind)
    by_kind = {k: _share([right(q, o) for q, o in results if q.kind == k]) for k in kinds}
    return Scores(
        name=name,
        top1=_share(top(1, in_scope)),
        top3=_share(top(3, in_scope)),
        rejected=_share([o.decision in NOT_OURS for _, o in out_scope]),
        wrong=_share([o.decision in SERVED and o.ranked[0] not in q.expect for q, o in in_scope]),
        by_lang=by_lang,
        by_kind=by_kind,
        failures=tuple((q, o) for q, o in results if not right(q, o)),
    )


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0
