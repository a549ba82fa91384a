"""Pulse results in words and pictures, for coordinators: the summary, a bar chart, a trend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.conversation.reaching import write_to
from bot.languages import texts
from bot.languages.i18n import Translate, Translations
from bot.pulses.charts import bar_chart, trend_chart
from bot.pulses.pulse_cards import answer_labels
from core.members import MemberDirectory
from core.messaging import Attachment, Messenger, Outgoing
from scheduler.pulses.ballots import load_round
from scheduler.pulses.disclosure import Scale, Summary
from scheduler.pulses.tally import RoundResults, Tally


def summary_text(found: RoundResults, tr: Translate, k: int) -> str:
    """The round's numbers as the rules allow, one fact a line."""
    shown, pulse = found.results, found.round.pulse
    state = tr(texts.RESULTS_CLOSED if found.round.closed else texts.RESULTS_OPEN)
    lines = [
        tr(texts.RESULTS_HEAD).format(
            id=pulse.id,
            question=pulse.question,
            date=f"{found.round.opens_at:%Y-%m-%d}",
            state=state,
        )
    ]
    if shown.invited:
        rate = round(100 * shown.respondents / shown.invited)
        lines.append(
            tr(texts.RESULTS_RATE).format(count=shown.respondents, invited=shown.invited, rate=rate)
        )
    else:
        lines.append(tr(texts.RESULTS_RESPONDENTS).format(count=shown.respondents))
    if shown.hidden or shown.summary is None:
        lines.append(tr(texts.RESULTS_HIDDEN).format(k=max(k, 3)))
        return "\n".join(lines)
    labels = answer_labels(pulse, tr)
    lines += ["", *_counts(labels, shown.summary, tr)]
    for heading, groups in (
        (texts.RESULTS_BY_COUNTRY, shown.by_country),
        (texts.RESULTS_BY_ROLE, shown.by_role),
    ):
        if len(groups) > 1:
            lines += ["", tr(heading) + ":"]
            lines += [
                _group(name, summary, labels, pulse.scale, tr) for name, summary in groups.items()
            ]
    if shown.comments:
        lines += ["", tr(texts.RESULTS_COMMENTS), *(f"• {text}" for text in shown.comments)]
    elif shown.respondents < 10:
        lines += ["", tr(texts.RESULTS_COMMENTS_LATER)]
    return "\n".join(lines)


def _counts(labels: Sequence[str], summary: Summary, tr: Translate) -> list[str]:
    lines = [f"{label}: {count}" for label, count in zip(labels, summary.counts, strict=True)]
    if summary.mean is not None:
        lines.append(tr(texts.RESULTS_MEAN).format(mean=f"{summary.mean:.2f}"))
    if summary.nps is not None:
        lines.append(tr(texts.RESULTS_NPS).format(score=f"{summary.nps:+.0f}"))
    return lines


def _group(
    name: str, summary: Summary | None, labels: Sequence[str], scale: Scale, tr: Translate
) -> str:
    if summary is None:
        return tr(texts.RESULTS_GROUP_HIDDEN).format(group=name)
    if scale is Scale.OPTIONS:
        counts = ", ".join(
            f"{label} {count}" for label, count in zip(labels, summary.counts, strict=True)
        )
        return f"{name}: {counts}"
    mean = f"{summary.mean:.2f}" if summary.mean is not None else "–"
    return f"{name}: {tr(texts.RESULTS_MEAN).format(mean=mean)}"


def charts(
    found: RoundResults, history: Sequence[RoundResults], tr: Translate
) -> tuple[Attachment, ...]:
    """A bar chart of the round, and a trend when the pulse has run more than once."""
    pulse = found.round.pulse
    pictures: list[Attachment] = []
    if (png := round_chart(found, tr)) is not None:
        pictures.append(Attachment(f"pulse-{pulse.id}.png", "image/png", content=png))
    if (png := trend(history, tr)) is not None:
        pictures.append(Attachment(f"pulse-{pulse.id}-trend.png", "image/png", content=png))
    return tuple(pictures)


def round_chart(found: RoundResults, tr: Translate, fmt: str = "png") -> bytes | None:
    """The bars of one round, or None where the rules hide its numbers."""
    pulse, summary = found.round.pulse, found.results.summary
    if summary is None or found.results.hidden:
        return None
    return bar_chart(pulse.question, answer_labels(pulse, tr), summary.counts, fmt)


def trend(history: Sequence[RoundResults], tr: Translate, fmt: str = "png") -> bytes | None:
    """The headline number across rounds (hidden ones left as gaps), or None for one round."""
    if len(history) < 2:
        return None
    pulse = history[0].round.pulse
    rounds = [f"{r.round.opens_at:%Y-%m-%d}" for r in history]
    headlines = [_headline(r) for r in history]
    return trend_chart(pulse.question, rounds, headlines, _unit(pulse.scale, tr), fmt)


def _headline(found: RoundResults) -> float | None:
    """The one number a trend follows: the mean, the NPS, or the share choosing the first option."""
    summary = found.results.summary
    if summary is None or found.results.hidden:
        return None
    if summary.nps is not None:
        return summary.nps
    if summary.mean is not None:
        return summary.mean
    return (
        100 * summary.counts[0] / found.results.respondents if found.results.respondents else None
    )


def _unit(scale: Scale, tr: Translate) -> str:
    if scale is Scale.NPS:
        return "NPS"
    if scale is Scale.LIKERT5:
        return tr(texts.RESULTS_MEAN).format(mean="1–5")
    return "%"


async def results_message(tally: Tally, found: RoundResults, tr: Translate) -> Outgoing:
    """The summary with its charts attached."""
    history = [await tally.of_round(r) for r in await tally.rounds(found.round.pulse.id)]
    message = Outgoing.text(summary_text(found, tr, tally.k))
    return replace(message, attachments=charts(found, history, tr))


class PulseReports:
    """At a round's close, its results go to the pulse's creator (a RoundReporter)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        members: MemberDirectory,
        messenger: Messenger,
        translations: Translations,
        tally: Tally,
    ) -> None:
        self._sessions = sessions
        self._tally = tally
        self._members = members
        self._messenger = messenger
        self._translations = translations

    async def report_round(self, round_id: int) -> None:
        """Send the summary and charts of a closed round to whoever created the pulse."""
        async with self._sessions() as session:
            found = await load_round(session, round_id)
        if found is None or found.pulse.created_by is None:
            return  # made from the CLI: the operator reads `mreza pulse results`
        creator = await self._members.get(found.pulse.created_by)
        if creator is None:
            return
        tr = self._translations(creator.language)
        heading = tr(texts.RESULTS_ROUND_CLOSED).format(id=found.pulse.id)
        message = await results_message(self._tally, await self._tally.of_round(found), tr)
        await write_to(self._messenger, self._members, creator, Outgoing.text(heading))
        await write_to(self._messenger, self._members, creator, message)
