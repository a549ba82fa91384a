"""Members' lessons a curator accepted today: in effect at once, translated into nothing yet."""

from __future__ import annotations

from knowledge.lessons import Lesson
from tests.bot.people import Network, Person
from tests.moment import NOW


async def accepted_lesson(
    network: Network, author: Person, title: str, answer: str, tags: tuple[str, ...] = ()
) -> str:
    """The id of the entry ``author``'s lesson became."""
    lesson = Lesson(title, answer, "", "", "BA", tags)
    member = await author.member()
    number = await network.services.submissions.submit(
        member.id, lesson, False, member.language.value, NOW
    )
    return await network.services.submissions.accept(number, NOW)
