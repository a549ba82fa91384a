"""What Mreža does with a question: answer it, ask which entry was meant, or admit not knowing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from rapidfuzz import fuzz, process

from knowledge.index import Hit, SearchIndex
from knowledge.normalise import normalise
from knowledge.smalltalk import Remark, remark
from knowledge.unanswered import SIMILAR


class Decision(StrEnum):
    """The honest outcomes of a search."""

    ANSWER = "answer"
    CLARIFY = "clarify"
    NONE = "none"
    REDIRECT = "redirect"  # one clear winner that points to the service handling the matter
    SMALLTALK = "smalltalk"  # a greeting, thanks or goodbye: nothing to search for


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Calibrated on tests/data/questions.jsonl with ``mreza eval``."""

    answer: float = 0.45  # the best hit must score this much to be answered
    floor: float = 0.45  # below this nothing is close enough even to offer
    margin: float = 0.08  # hits within this of the best are offered together
    # A redirect only says whose business a question is, so a clear lead is enough for it:
    # tuned on tests/data/everyday.jsonl, where it points pay, leave and kit questions to the
    # right service without a single out-of-scope question more being answered.
    redirect: float = 0.30
    redirect_lead: float = 0.08


@dataclass(frozen=True, slots=True)
class Finding:
    """The result of searching for one question: the decision and the best hits, best first."""

    question: str
    normalised: str
    decision: Decision
    hits: tuple[Hit, ...]
    offered: int  # how many of the hits to put before the member
    remark: Remark | None = None  # what kind of small talk it was, for SMALLTALK

    @property
    def choices(self) -> tuple[Hit, ...]:
        """What to show: the answer alone, the close candidates, or nothing."""
        return self.hits[: self.offered]


class Searcher:
    """Searches the index and decides."""

    def __init__(
        self,
        index: SearchIndex,
        thresholds: Thresholds | None = None,
        declined: Sequence[str] = (),
    ) -> None:
        self._index = index
        self._thresholds = thresholds or Thresholds()
        self._declined_texts = tuple(declined)
        self._declined = list(dict.fromkeys(filter(None, map(normalise, declined))))

    def declining(self, questions: Sequence[str]) -> Searcher:
        """The same search, declining the given questions (dismissed by a coordinator) and their
        close variants; cheap, the index is shared."""
        return Searcher(self._index, self._thresholds, questions)

    @property
    def declined(self) -> tuple[str, ...]:
        """The questions this search declines."""
        return self._declined_texts

    def find(self, question: str, limit: int = 3) -> Finding:
        """Search and decide for one question."""
        normalised = normalise(question)
        said = remark(question)
        if said is not None:
            return Finding(question, normalised, Decision.SMALLTALK, (), 0, said)
        hits = self._index.search(question, limit=max(limit, 3))
        decision, offered = decide(hits, self._thresholds)
        if hits and hits[0].entry_id in self._index.redirects:
            decision, offered = redirect(hits, self._thresholds, decision, offered)
        found = Finding(question, normalised, decision, tuple(hits[:limit]), offered)
        return self._decline(found) if self._is_declined(normalised) else found

    def _is_declined(self, normalised: str) -> bool:
        # The similarity that groups unanswered questions: what would have joined a dismissed
        # group is what the coordinator dismissed.
        return bool(self._declined) and (
            process.extractOne(
                normalised, self._declined, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR
            )
            is not None
        )

    def _decline(self, found: Finding) -> Finding:
        """Out of scope: the redirect that fits it, if search found one, else nothing."""
        fitting = next(
            (
                h
                for h in found.hits
                if h.entry_id in self._index.redirects and h.score >= self._thresholds.floor
            ),
            None,
        )
        if fitting is None:
            return replace(found, decision=Decision.NONE, offered=0)
        rest = tuple(h for h in found.hits if h is not fitting)
        return replace(found, decision=Decision.REDIRECT, hits=(fitting, *rest), offered=1)


def decide(hits: list[Hit], t: Thresholds) -> tuple[Decision, int]:
    """Answer one clear winner, clarify between close ones, or admit not knowing.

    Returns the decision and how many of the best hits to offer.
    """
    offerable = [h for h in hits[:3] if h.score >= t.floor]
    if not offerable:
        return Decision.NONE, 0
    close = sum(1 for h in offerable if offerable[0].score - h.score <= t.margin)
    if offerable[0].score >= t.answer and close == 1:
        return Decision.ANSWER, 1
    return Decision.CLARIFY, close if close > 1 else len(offerable)


def redirect(
    hits: list[Hit], t: Thresholds, decision: Decision, offered: int
) -> tuple[Decision, int]:
    """The decision when the best hit points elsewhere: a clear winner, or a clear lead."""
    lead = hits[0].score - (hits[1].score if len(hits) > 1 else 0.0)
    if decision is Decision.ANSWER or (
        decision is Decision.NONE and hits[0].score >= t.redirect and lead >= t.redirect_lead
    ):
        return Decision.REDIRECT, 1
    return decision, offered
