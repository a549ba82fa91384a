"""/topics: topics named in the member's language, eight to a page, each leading to its entries
and back to the page it was on."""

from __future__ import annotations

from bot.asking.topic_browser import NEXT, PAGE_SIZE, PREVIOUS
from bot.languages import texts
from core.members import Language
from tests.bot.accepted import accepted_lesson
from tests.bot.people import Network, Person

PAGES = 5  # 37 topics are shared by at least two of the 42 entries


def topic_labels(person: Person) -> list[str]:
    """The topic buttons of the latest list, without the arrows."""
    return [label for label in person.last_message.labels if label not in (PREVIOUS, NEXT)]


async def test_topics_shows_the_first_page_most_used_first(alice: Person) -> None:
    """/topics names eight topics, those with most entries first, and a ▶ to the next page."""
    [reply] = await alice.says("/topics")
    assert reply.text == texts.TOPICS_PAGE.format(page=1, pages=PAGES)
    assert reply.labels[:2] == ["SEESAC (10)", "Training (7)"]
    assert len(topic_labels(alice)) == PAGE_SIZE
    assert [b.label for b in reply.buttons[-1]] == [NEXT]


async def test_topics_are_named_in_macedonian(network: Network, ana: Person) -> None:
    """A Macedonian member reads the heading and every topic name in Macedonian."""
    [reply] = await ana.says("/topics")
    mk = network.tr(Language.MK)
    assert reply.text == mk(texts.TOPICS_PAGE).format(page=1, pages=PAGES)
    assert "Обука (7)" in reply.labels
    assert "Регионална соработка (5)" in reply.labels
    assert not [label for label in topic_labels(ana) if "-" in label or label.islower()]


async def test_next_and_previous_turn_the_page_in_place(alice: Person) -> None:
    """▶ replaces the list with page two, which has both arrows; ◀ brings page one back."""
    [first] = await alice.says("/topics")
    [second] = await alice.presses(NEXT)
    assert second.message_id == first.message_id
    assert second.text == texts.TOPICS_PAGE.format(page=2, pages=PAGES)
    assert [b.label for b in second.buttons[-1]] == [PREVIOUS, NEXT]
    assert not (set(first.labels) & set(second.labels)) - {PREVIOUS, NEXT}
    [again] = await alice.presses(PREVIOUS)
    assert (again.text, again.labels) == (first.text, first.labels)


async def test_the_last_page_has_no_next(alice: Person) -> None:
    """Paging to the end lists every shared topic once, and the last page ends with ◀ only."""
    await alice.says("/topics")
    seen = topic_labels(alice)
    for _ in range(PAGES - 1):
        await alice.presses(NEXT)
        seen += topic_labels(alice)
    assert [b.label for b in alice.last_message.buttons[-1]] == [PREVIOUS]
    assert len(seen) == len(set(seen)) == 37


async def test_a_topic_lists_its_entries_in_the_members_language(
    network: Network, ana: Person
) -> None:
    """Pressing a topic lists its entries by their Macedonian titles, then Back."""
    await ana.says("/topics")
    await ana.presses(NEXT)
    [reply] = await ana.presses("Вознемирување (4)")
    mk = network.tr(Language.MK)
    assert reply.text == mk(texts.TOPIC_ENTRIES).format(topic="Вознемирување")
    tagged = [e for e in network.mreza.librarian.entries if "harassment" in e.tags]
    titles = [t.title for e in tagged if (t := e.translation("mk")) is not None]
    assert len(titles) == 4
    assert [label.rstrip("…") for label in reply.labels[:-1]] == [
        title[: len(label.rstrip("…"))] for title, label in zip(titles, reply.labels, strict=False)
    ]
    assert reply.labels[-1] == mk(texts.TOPICS_BACK)


async def test_back_returns_to_the_page_the_topic_was_on(network: Network, ana: Person) -> None:
    """Back from a topic on page two shows page two again, in the same message."""
    await ana.says("/topics")
    [page_two] = await ana.presses(NEXT)
    await ana.presses("Вознемирување (4)")
    [back] = await ana.presses(network.tr(Language.MK)(texts.TOPICS_BACK))
    assert (back.message_id, back.text, back.labels) == (
        page_two.message_id,
        page_two.text,
        page_two.labels,
    )


async def test_long_titles_are_shortened_between_words(network: Network, alice: Person) -> None:
    """An entry title too long for a button loses whole words, never half of one."""
    titles = {e.title for e in network.mreza.librarian.entries}
    shortened = []
    await alice.says("/topics")
    for label in topic_labels(alice):
        await alice.presses(label)
        shortened += [s for s in alice.last_message.labels[:-1] if s.endswith("…")]
        await alice.presses(texts.TOPICS_BACK)
    assert shortened
    for shown in shortened:
        kept = shown.removesuffix("…")
        title = next(t for t in titles if t.startswith(kept))
        assert title[len(kept)] in " ,;:-–(", (kept, title)


async def test_an_entry_of_a_topic_opens_as_a_card(network: Network, ana: Person) -> None:
    """From /topics to a Macedonian card in two presses."""
    await ana.says("/topics")
    await ana.presses("Обука (7)")
    label = ana.last_message.labels[0]
    [card] = await ana.presses(label)
    assert card.text.startswith(label.rstrip("…"))
    assert "\n\nИзвори\n" in card.text


async def test_a_page_the_list_no_longer_has_has_expired(network: Network, alice: Person) -> None:
    """A genuine page button for a page that is gone says so in one line, and nothing else."""
    stale = network.signer.sign(alice.chat, "t", f"#{PAGES + 1}")
    assert await alice.sends_press(stale) == []
    assert alice.last_notice == texts.BUTTON_EXPIRED


async def test_a_lesson_tag_too_long_for_a_button_is_left_out(
    network: Network, ana: Person
) -> None:
    """Two lessons sharing a tag of 40 Cyrillic letters: the list still comes, without it."""
    tag = "ноќни-смени-за-родители-на-мали-деца-три"
    assert len(tag.encode()) > 64
    for n in (1, 2):
        await accepted_lesson(network, ana, f"Ноќни смени {n}", "Распоредот оди по ред.", (tag,))
    await ana.says("/topics")
    seen = topic_labels(ana)
    for _ in range(PAGES - 1):
        await ana.presses(NEXT)
        seen += topic_labels(ana)
    assert len(seen) == 37
    assert not [label for label in seen if "ноќни" in label]


async def test_a_tag_two_lessons_share_is_browsed_in_words(network: Network, alice: Person) -> None:
    """A tag no curator named yet is listed as words, and leads to both lessons."""
    for n in (1, 2):
        await accepted_lesson(network, alice, f"Night shifts {n}", "Rotate.", ("night-shifts",))
    await alice.says("/topics")
    for _ in range(PAGES - 1):
        await alice.presses(NEXT)
    [reply] = await alice.presses("night shifts (2)")
    assert reply.labels == ["Night shifts 1", "Night shifts 2", texts.TOPICS_BACK]


async def test_a_lesson_whose_id_is_too_long_for_a_button_is_left_out(
    network: Network, ana: Person
) -> None:
    """A lesson whose title makes an id no button can carry: the topic's other entries show."""
    title = "Institutionalising internationalisation counterintelligence responsibilities"
    entry_id = await accepted_lesson(network, ana, title, "Write it down.", ("training",))
    assert len(f"e:{entry_id}".encode()) > 64
    await ana.says("/topics")
    [reply] = await ana.presses("Обука (8)")
    assert len(reply.labels) == 8  # seven curated entries, then Back
