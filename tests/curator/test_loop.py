"""The loop measured: a day of questions, a curator teaching from the queue, the day again.

The development question set is split in two: the "day" members ask (even lines, with the even
lines of both everyday sets) and a held-out half (odd lines). Teaching from the day must lower its
"I don't know" share, and must not make the held-out half's figures worse.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.app import Mreza
from knowledge.evaluation import EvalQuestion, Outcome, Scores, evaluate, load_questions
from knowledge.search import Decision
from knowledge.teaching import attach, dismiss
from knowledge.unanswered import gather, open_groups

DATA = Path(__file__).resolve().parent.parent / "data"
QUESTIONS = load_questions(DATA / "questions.jsonl")
# Search answers nearly every curated-style question of the day already, and every question of
# the everyday set search was tuned on; members' everyday wording that search has not seen is
# where the queue fills, so the day has half of the held-out everyday set too.
EVERYDAY = load_questions(DATA / "everyday.jsonl") + load_questions(DATA / "everyday_holdout.jsonl")
DAY, HELD_OUT = QUESTIONS[::2] + EVERYDAY[::2], QUESTIONS[1::2]
CHANNELS = ("telegram", "signal", "console")


async def replay(mreza: Mreza, day: list[EvalQuestion]) -> tuple[float, float]:
    """Ask every question of the day, through every channel in turn; the "don't know" share,
    of all questions and of those the knowledge base does cover."""
    unknown: list[tuple[bool, bool]] = []
    for number, question in enumerate(day):
        channel = CHANNELS[number % len(CHANNELS)]
        finding, _ = await mreza.librarian.ask_logged(question.text, channel, None, "RS")
        unknown.append((finding.decision is Decision.NONE, question.in_scope))
    covered = [none for none, in_scope in unknown if in_scope]
    return sum(none for none, _ in unknown) / len(day), sum(covered) / len(covered)


async def curate(mreza: Mreza, expected: dict[str, frozenset[str]]) -> tuple[int, int]:
    """A curator who knows the answers: each group to the entry most of it asks for, or out."""
    attached = dismissed = 0
    now = mreza.clock.now()
    async with mreza.sessions.begin() as session:
        await gather(session, now)
        for group in await open_groups(session):
            wanted = Counter(e for text in group.examples for e in expected.get(text, ()))
            if wanted:
                await attach(session, group.id, wanted.most_common(1)[0][0], now)
                attached += 1
            else:
                await dismiss(session, group.id, now)
                dismissed += 1
    await mreza.librarian.refresh()
    return attached, dismissed


def scores(mreza: Mreza, questions: list[EvalQuestion]) -> Scores:
    """The development figures of the running searcher."""

    def strategy(text: str) -> Outcome:
        finding = mreza.librarian.find(text)
        return Outcome(finding.decision, tuple(h.entry_id for h in finding.hits))

    return evaluate("mreza", strategy, questions)


@pytest.mark.slow  # a day of some 400 questions, asked twice, each one logged
async def test_teaching_from_the_queue_lowers_the_dont_know_share(mreza: Mreza) -> None:
    """After the curator's pass, the same day gets fewer "I don't know"s, and nothing is worse."""
    before_held_out = scores(mreza, HELD_OUT)
    before, before_covered = await replay(mreza, DAY)
    attached, _ = await curate(mreza, {q.text.strip(): q.expect for q in DAY})
    after, after_covered = await replay(mreza, DAY)
    after_held_out = scores(mreza, HELD_OUT)
    print(
        f"\ndon't know: {before:.1%} -> {after:.1%} of all, {before_covered:.1%} -> "
        f"{after_covered:.1%} of covered questions ({attached} groups attached); held-out "
        f"top1 {before_held_out.top1:.1%} -> {after_held_out.top1:.1%}, rejected "
        f"{before_held_out.rejected:.1%} -> {after_held_out.rejected:.1%}, wrong "
        f"{before_held_out.wrong:.1%} -> {after_held_out.wrong:.1%}"
    )
    assert attached > 0
    assert after < before
    assert after_covered < before_covered
    assert after_held_out.top1 >= before_held_out.top1
    assert after_held_out.rejected >= before_held_out.rejected
    assert after_held_out.wrong <= before_held_out.wrong
