"""Greetings, thanks and goodbyes: things said to Mreža rather than asked of it.

A message is small talk when every one of its words is a word of small talk, in any of the four
language forms ("hvala puno", "добро утро", "ok super", "who are you"). One word about anything
else ("hvala, a sta je osoba od povjerenja") makes it a question.
"""

from __future__ import annotations

from enum import StrEnum

from knowledge.normalise import words


class Remark(StrEnum):
    """What kind of small talk a message is; each gets its own short reply."""

    HELLO = "hello"
    THANKS = "thanks"
    BYE = "bye"
    ANY = "any"  # words that go with every kind ("good", "bot", "you")


# Written as members type them; normalised like every question, so script, diacritics and
# ijekavian or ekavian spelling do not matter. A word belongs to the first kind that names it.
_WORDS = {
    Remark.ANY: """
        a so very much lot bot robot you u are r is it this ti si vi vam te бот боте bote e
        """,
    Remark.HELLO: """
        hi hello hey hiya heya yo morning afternoon evening day there anyone anybody here
        who what
        zdravo cao ćao bok hej ej halo alo pozdrav pozdravi jutro dan vece veče večer
        ima li koga nekog nekoga neko tu ko sta šta uopste uopšte
        здраво ћао чао хеј ало јутро дан вече вечер има ли кога некога неко ту ко
        шта уопште утро ден кој што таму некој тука
        """,
    Remark.THANKS: """
        good dobar dobra dobro добар добра добро
        thanks thank thx ty tnx great cool nice ok okay k fine sure yes yep alright
        perfect super awesome well done got it understood cheers
        hvala fala puno mnogo lijepo lepo ok okej oke super odlicno odlično vazi važi
        bravo razumijem razumem jasno svaka cast čast
        хвала фала пуно много лепо важи супер одлично браво разумем јасно свака
        част благодарам благодарим многу убаво во ред одлично јасно разбирам
        """,
    Remark.BYE: """
        bye goodbye see later soon take care night goodnight ciao
        vidimo se dovidjenja doviđenja zbogom laku noc noć prijatno cujemo čujemo
        видимо се довиђења збогом лаку ноћ пријатно чујемо
        пријатно се гледаме добра ноќ збогум до видување
        """,
}

_KIND_OF: dict[str, Remark] = {}
for _kind, _text in _WORDS.items():
    for _word in words(_text):
        _KIND_OF.setdefault(_word, _kind)

LONGEST = 6  # words; a longer message is a question even if it opens with a greeting


def remark(text: str) -> Remark | None:
    """The kind of small talk a message is, or None when it asks or says something else."""
    said = words(text)
    if not said or len(said) > LONGEST or any(w not in _KIND_OF for w in said):
        return None
    kinds = {_KIND_OF[w] for w in said}
    # "ok, thanks, bye" is a goodbye, "good morning" a greeting, "good bot" a compliment
    for kind in (Remark.BYE, Remark.HELLO, Remark.THANKS):
        if kind in kinds:
            return kind
    return None  # only words that go with anything: "you", "e"
