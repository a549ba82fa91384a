"""``mreza pulse``: start pulse checks, read their results, export their answers."""

from __future__ import annotations

import csv
import sys
from datetime import timedelta
from typing import Annotated

import typer

from bot.app import Mreza, tally_for
from bot.cli.common import checked, fail, print_json, with_mreza
from bot.cli.language_forms import LanguageOption, author_form, in_forms, option_forms
from bot.cli.pulse_listing import list_pulses
from bot.cli.schedule_args import (
    AUDIENCE_HELP,
    DryRun,
    moment,
    operate,
    planner,
    ready,
    schedule_id,
)
from bot.cli.version_preview import show_preview
from bot.conversation.audience_reading import read_audience
from bot.languages.i18n import Translations
from bot.pulses.pulse_reports import summary_text
from core.durations import duration
from core.members import Language
from core.settings import Settings
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import Mode, PulseDraft, default_reminder
from scheduler.pulses.tally import RoundResults
from scheduler.schedule_drafts import When

PulseId = Annotated[str, typer.Argument(metavar="ID", help="The pulse's id.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
EXPORT_COLUMNS = ("round", "answer", "value", "country", "role")


def build() -> typer.Typer:
    """The ``pulse`` command group."""
    group = typer.Typer(
        help="Pulse checks: start one, read its results, export its answers.",
        no_args_is_help=True,
    )
    group.command()(create)
    group.command(name="list")(list_pulses)
    group.command()(results)
    group.command()(export)
    return group


def create(
    question: Annotated[
        list[str],
        typer.Option(
            metavar="[FORM=]Q", help='What the pulse asks; again as FORM="..." in other forms.'
        ),
    ],
    audience: Annotated[str, typer.Option(metavar="AUDIENCE", help=AUDIENCE_HELP)],
    at: Annotated[str, typer.Option(metavar="TIME", help="ISO-8601 local time, or now.")],
    option: Annotated[
        list[str] | None,
        typer.Option(
            metavar="[FORM=]TEXT",
            help='An option; give 2 to 12, and each again as FORM="..." in the same order.',
        ),
    ] = None,
    scale: Annotated[
        str | None, typer.Option(metavar="SCALE", help="likert5 (1–5 agreement) or nps (0–10).")
    ] = None,
    multiple: Annotated[bool, typer.Option(help="Several options may be chosen.")] = False,
    comment: Annotated[bool, typer.Option(help="Members may add a comment.")] = False,
    every: Annotated[
        str | None, typer.Option(metavar="RRULE", help="Repeat by this RRULE.")
    ] = None,
    open_for: Annotated[str, typer.Option(metavar="SPAN", help="How long it stays open.")] = "3d",
    remind_after: Annotated[
        str | None,
        typer.Option(
            metavar="SPAN",
            help="Remind who has not answered after this, or none; "
            "by default after 2 days, or halfway if it closes sooner.",
        ),
    ] = None,
    mode: Annotated[str, typer.Option(help="confidential or anonymous.")] = "confidential",
    language: LanguageOption = "en",
    dry_run: DryRun = False,
    as_json: Json = False,
) -> None:
    """Schedule a pulse check; print its id."""
    settings = Settings()
    zone = settings.timezone
    if (scale is None) == (not option):
        fail("give either --option (2 to 12 times) or --scale likert5|nps", 2)
    author = author_form(language)
    asked, versions = pulse_forms(question, option or [], author)
    span = checked(duration, open_for)
    draft = ready(
        PulseDraft(
            question=asked[0],
            audience=checked(read_audience, audience),
            scale=checked(Scale, scale) if scale else Scale.OPTIONS,
            options=asked[1],
            multiple=multiple,
            comment=comment,
            when=When(moment(at, zone), every, zone),
            open_for=span,
            remind_after=_reminder(remind_after) if remind_after else default_reminder(span),
            mode=checked(Mode, mode),
            language=author,
            versions=versions,
        )
    )
    if dry_run:
        readers = operate(lambda mreza: planner(mreza).readers(draft.audience), settings)
        shown = {form: "\n".join((q, *o)) for form, (q, o) in {author: asked, **versions}.items()}
        show_preview(author, shown, readers, as_json)
        return
    created = operate(lambda mreza: planner(mreza).start_pulse(draft, None), settings)
    if as_json:
        print_json({"id": created})
    else:
        typer.echo(created)


def pulse_forms(
    questions: list[str], options: list[str], author: Language
) -> tuple[tuple[str, tuple[str, ...]], dict[Language, tuple[str, tuple[str, ...]]]]:
    """The author's question and options, and each other form's (options by position)."""
    asked, question_versions = in_forms(questions, "--question", author)
    own, option_versions = option_forms(options, "--option", author)
    orphans = sorted(f.value for f in option_versions if f not in question_versions)
    if orphans:
        fail(f"--option {orphans[0]}=… needs a --question {orphans[0]}=… too", 2)
    versions = {
        form: (text, option_versions.get(form, ())) for form, text in question_versions.items()
    }
    return (asked, own), versions


def _reminder(text: str) -> timedelta | None:
    """A span, or None for "none"."""
    return None if text.strip().lower() == "none" else checked(duration, text)


def results(target: PulseId, as_json: Json = False) -> None:
    """The latest round's results, as the privacy rules allow (nothing below k respondents)."""
    wanted = checked(schedule_id, target)
    settings = Settings()

    async def work(mreza: Mreza) -> RoundResults:
        tally = await tally_for(mreza)
        if await tally.pulse(wanted) is None:
            fail(f"there is no pulse {wanted}", 1)
        rounds = await tally.rounds(wanted)
        if not rounds:
            fail(f"pulse {wanted} has not opened yet", 1)
        return await tally.of_round(rounds[-1])

    found = with_mreza(work, settings)
    if as_json:
        print_json(results_json(found))
    else:
        tr = Translations()(Language.EN)
        typer.echo(summary_text(found, tr, settings.pulse_min_respondents))


def results_json(found: RoundResults) -> dict[str, object]:
    """The JSON of ``mreza pulse results``: no counts at all where the rules hide them."""
    shown, pulse = found.results, found.round.pulse
    data: dict[str, object] = {
        "id": pulse.id,
        "round": found.round.id,
        "question": pulse.question,
        "scale": pulse.scale.value,
        "mode": pulse.mode.value,
        "opens_at": found.round.opens_at.isoformat(),
        "closes_at": found.round.closes_at.isoformat(),
        "closed": found.round.closed,
        "respondents": shown.respondents,
        "invited": shown.invited,
        "response_rate": shown.response_rate,
        "hidden": shown.hidden,
        "reason": shown.reason,
    }
    if shown.hidden or shown.summary is None:
        return data
    summary = shown.summary
    data["options"] = [
        {"text": label, "count": count}
        for label, count in zip(pulse.labels, summary.counts, strict=True)
    ]
    data["mean"] = summary.mean
    data["nps"] = summary.nps
    for name, groups in (("by_country", shown.by_country), ("by_role", shown.by_role)):
        data[name] = {
            group: None if part is None else {"counts": list(part.counts), "mean": part.mean}
            for group, part in groups.items()
        }
    data["comments"] = list(shown.comments)
    return data


def export(
    target: PulseId,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV on standard output.")] = False,
) -> None:
    """Every answer, one row each, with no identity column; hidden rounds and groups left out."""
    if not as_csv:
        fail("only --csv is supported", 2)
    wanted = checked(schedule_id, target)
    settings = Settings()

    async def work(mreza: Mreza) -> list[dict[str, object]]:
        tally = await tally_for(mreza)
        if await tally.pulse(wanted) is None:
            fail(f"there is no pulse {wanted}", 1)
        return await tally.export(wanted)

    rows = with_mreza(work, settings)
    writer = csv.DictWriter(sys.stdout, EXPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
