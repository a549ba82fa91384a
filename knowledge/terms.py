"""From normalised words to index terms: stop words dropped, inflection trimmed."""

from __future__ import annotations

from functools import lru_cache

# Function words of English, BCMS and Macedonian (already normalised), plus the words people
# wrap around any question. They say nothing about which entry is meant.
STOP_WORDS = frozenset(
    """
    a about after all also am an and any anyone anything are as at be been being but by can
    could did do does doing for from get got had has have how i if in into is it its just know
    let like me more most my need no not of on or our please should so some tell than that the
    their them then there these they this those to us want was we were what when where which
    who whom whose why will with would you your hi hello hey thanks thank dear regards ok okay
    find found give explain describe show information info details detail something anybody
    someone somebody one ones much very really actually exactly briefly quick quickly short
    mean means meant say says said tells told ask asked asking question questions look
    looking read see im ive id dont doesnt isnt whats hows wheres whos theres lets u ur pls plz
    contain contains containing include includes including cover covers covered regarding
    i ili a ali da je su sam si smo ste biti bio bila bilo bili bi ce cu ces cemo cete nije nisu
    sta sto ko koji koja koje kojeg kojem kojim kojih kako kada kad gde gdje zasto li ima imaju
    imam o od do na u za sa s iz po pri kod prema ka k uz bez pod nad se me mi ti on ona ono oni
    one nas vas ih ga mu joj njih njega njoj moj moja moje moji nas nasa nase nasi vas vasa taj
    ta to te ti tog tom tome ovaj ova ovo ove ovi ovog ovom ovu ovih ovim ovoga ovome cemu cega
    tu tamo sve svi sva svih neki neka neke nekog nekom nekih nekim nekoj nekad
    nema nemam nemamo nemate mnogo puno mnogu uglavnom ja jas cela celu celo ceo celog celom celoj
    radi rade radim radimo raditi raboti rabotat rabotam
    neko nesto mogu moze mozete molim hvala zdravo pozdrav treba trebam zelim zanima interesuje
    vise naci nadjem nadji pronaci pronadjem saznati saznam znati znam reci recite kazi kazite
    objasni objasnite objasnjenje opisi informacije informacija info detalji detaljno ukratko
    zapravo tacno uopste jos vec samo tako kao sada sad onda evo eto bas jel jeli dal dali
    hocu hoce trebalo trebao trebala pitanje pitanja pitam pitati odnosno npr itd tj kakav kakva
    kakvo kakve kakvi sadrzi sadrzaj obuhvata ukljucuje postoji postoje
    kaj e sme bil bile bea ke ne ni vo so kon niz koj koe koi kade koga zosto imaat jas toj taa
    toa nie vie tie mene nego neja moeto vo ova ovaa ovoj site sekoj nekoj molam blagodaram
    povece najdam najde mozam mozes kazi kazete objasnete informacii znam sakam sodrzi sodrzat
    postoi postojat tocno samo uste veke deka kakov kakva kakvo kakvi neso nesto
    malo mali mala male medju izmedju danas trenutno today now currently nowadays
    keep keeps kept keeping
    prasanje prasanja prasanjeto prasanjata pravi pravat pravam pravime
    dnes denes sega momentalno write writing written prepare make made napisati napisem
    pripremiti uraditi uradim napravim napraviti one two three four five six seven eight nine
    ten jedan jedna dva dve dvije tri cetiri pet sest sedam osam devet deset eden edna
    tri cetiri pet sest sedum osum devet deset
    """.split()
)

# Endings of BCMS and Macedonian case forms and plurals, and the commonest English ones,
# longest first. Trimming them maps "ženama", "žene" and "žena" to one term.
_ENDINGS = frozenset(
    """
    ovima evima ovi eve ama ima ega emu omu oga ome ite ata ot ta to
    om em og oj ih im ii ie ia a e i o u s es ed ing
    """.split()
)
_ENDING_LENGTHS = sorted({len(e) for e in _ENDINGS}, reverse=True)
_ARTICLES = frozenset(("to", "ta", "te", "ot", "ite", "ata"))
_MIN_STEM = 3
_MAX_STEM = 7


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude, language-blind stem: the longest inflectional ending off, then seven letters."""
    if word.isdigit() or len(word) <= _MIN_STEM:
        return word
    word, ending = _strip_ending(word)
    if ending in _ARTICLES and word[-1] in "aeiou" and len(word) > _MIN_STEM:
        word = word[:-1]  # Macedonian "лицето" is "лице" + "то": drop the vowel "лице" ends in too
    return word[:_MAX_STEM]


def _strip_ending(word: str) -> tuple[str, str]:
    for size in _ENDING_LENGTHS:
        if len(word) - size >= _MIN_STEM and word[-size:] in _ENDINGS:
            return word[:-size], word[-size:]
    return word, ""
