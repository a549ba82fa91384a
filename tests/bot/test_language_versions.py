"""A coordinator adds versions in other languages; each member gets theirs, else the author's."""

from __future__ import annotations

from datetime import timedelta

from bot.languages import texts
from bot.languages.names import LANGUAGE_NAMES
from core.markup import to_plain
from core.members import Language
from scheduler.audience import Audience
from scheduler.pulses.pulse_drafts import PulseDraft
from tests.bot.people import Network, Person
from tests.bot.pulses import Pulses
from tests.bot.scheduled import composed, schedule_rows

TEXT = "The regional meeting moves to Skopje."
MK_TEXT = "Регионалниот состанок се преместува во Скопје."
MACEDONIAN = LANGUAGE_NAMES[Language.MK]
OTHERS = [LANGUAGE_NAMES[Language.BCMS], LANGUAGE_NAMES[Language.SR_CYRL], MACEDONIAN]


async def with_macedonian(cora: Person) -> None:
    """/announce, the English text, then a Macedonian version."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(MACEDONIAN)
    await cora.says(MK_TEXT)


async def to_preview(cora: Person) -> None:
    """The remaining steps: no link, no picture, everyone, now, once."""
    await cora.presses(texts.VERSIONS_DONE)
    for answer in ("skip", "skip", "all", "now", "once"):
        await cora.says(answer)


async def test_the_step_offers_the_other_languages(cora: Person) -> None:
    """Cora writes in English: the other three forms are offered, and Done."""
    await cora.says("/announce")
    [reply] = await cora.says(TEXT)
    assert (reply.text, reply.labels) == (
        texts.ASK_VERSIONS,
        [*OTHERS, texts.VERSIONS_DONE, texts.BACK],
    )


async def test_a_picked_language_asks_for_the_version(cora: Person) -> None:
    """Macedonian asks for the text in Macedonian; once written, it is left out of the offer."""
    await cora.says("/announce")
    await cora.says(TEXT)
    [ask] = await cora.presses(MACEDONIAN)
    assert ask.text == texts.ASK_VERSION_TEXT.format(language=MACEDONIAN)
    [again] = await cora.says(MK_TEXT)
    saved = texts.VERSION_ADDED.format(language=MACEDONIAN)
    assert again.text == f"{saved}\n{texts.ASK_VERSIONS}"
    assert again.labels == [*OTHERS[:2], texts.VERSIONS_DONE, texts.BACK]


async def test_the_authors_own_language_is_no_version(cora: Person) -> None:
    """Typing "English" at the step is refused: that is the text already written."""
    await cora.says("/announce")
    await cora.says(TEXT)
    [reply] = await cora.says("English")
    assert reply.text == texts.PROBLEMS["version-author"]


async def test_back_while_writing_a_version_offers_the_languages_again(cora: Person) -> None:
    """Macedonian pressed by mistake: Back shows the languages again, and nothing was added."""
    await cora.says("/announce")
    await cora.says(TEXT)
    [ask] = await cora.presses(MACEDONIAN)
    assert ask.labels == [texts.BACK]
    [offer] = await cora.presses(texts.BACK)
    assert (offer.text, offer.labels) == (
        texts.ASK_VERSIONS,
        [*OTHERS, texts.VERSIONS_DONE, texts.BACK],
    )


async def test_back_from_the_languages_asks_for_the_text_again(cora: Person) -> None:
    """Back on the languages question is the text question, as on any other step."""
    await cora.says("/announce")
    await cora.says(TEXT)
    [again] = await cora.presses(texts.BACK)
    assert again.text == texts.ASK_ANNOUNCEMENT


async def test_back_from_the_link_returns_to_the_languages_with_the_version_kept(
    network: Network, cora: Person
) -> None:
    """After Done, Back on the link question offers the languages again; Macedonian is kept."""
    await with_macedonian(cora)
    await cora.presses(texts.VERSIONS_DONE)
    [offer] = await cora.presses(texts.BACK)
    assert (offer.text, offer.labels) == (
        texts.ASK_VERSIONS,
        [*OTHERS[:2], texts.VERSIONS_DONE, texts.BACK],
    )
    await to_preview(cora)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert row.versions == {"mk": {"text": MK_TEXT}}


async def test_an_empty_version_is_refused_and_asked_again(cora: Person) -> None:
    """The version is checked like the text: empty is refused, and the step waits."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(MACEDONIAN)
    [reply] = await cora.says("   ")
    assert reply.text == texts.PROBLEMS["empty"]
    await cora.says(MK_TEXT)
    assert cora.last_message.text.endswith(texts.ASK_VERSIONS)


async def test_the_preview_shows_each_version_and_who_gets_it(
    cora: Person, alice: Person, ana: Person
) -> None:
    """English for Cora and Alice (and anyone without a version), Macedonian for Ana."""
    await with_macedonian(cora)
    await to_preview(cora)
    head_en, english, head_mk, macedonian, numbers = cora.messages[-5:]
    assert head_en.text == texts.VERSION_PREVIEW.format(language="English")
    assert english.text == f"{texts.ANNOUNCEMENT}\n\n{TEXT}"
    assert head_mk.text == texts.VERSION_PREVIEW.format(language=MACEDONIAN)
    assert macedonian.text == f"Известување\n\n{MK_TEXT}"
    who = texts.AUTHORS_SHARE.format(language="English", count=2)
    assert numbers.text.startswith(f"{texts.WHO_GETS_WHICH}\n• {who}\n• {MACEDONIAN}: 1\n\n")


async def test_each_member_gets_their_version(
    network: Network, cora: Person, alice: Person, ana: Person
) -> None:
    """Confirmed: Ana's message is the Macedonian version, Alice's the English text."""
    await with_macedonian(cora)
    await to_preview(cora)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert (row.language, row.versions) == ("en", {"mk": {"text": MK_TEXT}})
    assert to_plain((await composed(network, row.id, ana)).paragraphs).endswith(MK_TEXT)
    assert to_plain((await composed(network, row.id, alice)).paragraphs).endswith(TEXT)


async def test_a_member_in_a_language_without_a_version_gets_the_authors(
    network: Network, cora: Person
) -> None:
    """Vesna reads BCMS; there is only a Macedonian version: she gets the English text."""
    vesna = await network.member("Vesna", "ME", language=Language.BCMS)
    await with_macedonian(cora)
    await to_preview(cora)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert (
        to_plain((await composed(network, row.id, vesna)).paragraphs) == f"Obavještenje\n\n{TEXT}"
    )


async def test_a_pulse_counts_an_option_once_across_its_languages(
    network: Network, cora: Person, alice: Person, bob: Person, ana: Person
) -> None:
    """Three answer in English, two in Macedonian, all the first option: it counts five."""
    members = [alice, bob, ana]
    for name in ("Elena", "Marija"):
        members.append(await network.member(name, "MK", language=Language.MK))
    await cora.says("/pulse")
    await cora.says("Do you know whom to tell?")
    await cora.presses(texts.KIND_SINGLE)
    await cora.says("Yes\nNo")
    await cora.presses(MACEDONIAN)
    [refused] = await cora.says("Дали знаете кому?\nДа")
    assert refused.text == texts.PROBLEMS["version-options"]
    await cora.says("Дали знаете кому?\nДа\nНе")
    await cora.presses(texts.VERSIONS_DONE)
    for answer in ("no", "all", "now", "once", "3d", "confidential"):
        await cora.says(answer)
    await cora.presses(texts.CONFIRM)
    pulses = Pulses(network)
    await pulses.deliver()
    assert ana.last_message.labels[:2] == ["Да", "Не"]
    for member in members:
        await member.presses("Да" if member in members[2:] else "Yes")
    [row] = [row for row in await schedule_rows(network) if row.kind == "pulse"]
    shown = (await pulses.results(row.id)).results
    assert shown.summary is not None
    assert shown.summary.counts == (5, 0)


async def test_an_events_invitation_and_reminders_use_the_version(
    network: Network, cora: Person, ana: Person
) -> None:
    """Cora gives the title in Macedonian; Ana's invitation and reminder carry it."""
    await cora.says("/event")
    await cora.says("Gender advisers' workshop\nBring your figures.")
    await cora.presses(MACEDONIAN)
    await cora.says("Работилница за родови советници\nДонесете ги бројките.")
    await cora.presses(texts.VERSIONS_DONE)
    for answer in ("2030-01-15 10:00", "2h", "skip", "all", "1d,1h"):
        await cora.says(answer)
    await cora.presses(texts.CONFIRM)
    invitation, reminder, _ = await schedule_rows(network)
    card = to_plain((await composed(network, invitation.id, ana)).paragraphs)
    assert card.startswith("Работилница за родови советници\n\n")
    assert "Донесете ги бројките." in card
    reminded = to_plain((await composed(network, reminder.id, ana)).paragraphs)
    assert reminded.startswith("Потсетник: Работилница за родови советници почнува за 1 ден")


async def test_a_pulse_reminder_repeats_the_question_in_the_members_language(
    network: Network, ana: Person
) -> None:
    """Ana has not answered after two days: the reminder asks the Macedonian question."""
    draft = PulseDraft(
        "Do you know whom to tell?", Audience(everyone=True), options=("Yes", "No"),
        versions={Language.MK: ("Дали знаете кому?", ("Да", "Не"))},
    )  # fmt: skip
    await network.mreza.planner.start_pulse(draft, None)
    pulses = Pulses(network)
    await pulses.deliver()
    network.clock.advance(timedelta(days=2))
    await pulses.deliver()
    assert "Дали знаете кому?" in ana.last_message.text
    assert "Do you know" not in ana.last_message.text
