"""The normaliser: every script and spelling of the network becomes one comparable string."""

from __future__ import annotations

import pytest

from knowledge.normalise import fold, normalise, words


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("а б в г д", "a b v g d"),
        ("е ж з и к", "e z z i k"),
        ("л м н о п", "l m n o p"),
        ("р с т у ф", "r s t u f"),
        ("х ц ч ш", "h c c s"),
        ("ђ ћ џ", "dj c dz"),
        ("љ њ ј", "lj nj j"),
        ("ѓ ќ ѕ", "dj c dz"),
    ],
)
def test_every_cyrillic_letter_becomes_latin(cyrillic: str, latin: str) -> None:
    """Each Serbian and Macedonian Cyrillic letter has its Latin spelling."""
    assert normalise(cyrillic) == latin


def test_cyrillic_capitals_become_lower_case_latin() -> None:
    """Capital Cyrillic letters fold like their small ones."""
    assert normalise("Ђ Ћ Џ Љ Њ Ј Ѓ Ќ Ѕ Ж Ш Ч") == "dj c dz lj nj j dj c dz z s c"


def test_latin_diacritics_fold_to_plain_letters() -> None:
    """č ć š ž đ and their capitals lose their diacritics; đ is written dj."""
    assert normalise("č ć š ž đ Č Ć Š Ž Đ") == "c c s z dj c c s z dj"


def test_macedonian_gje_meets_serbian_dje() -> None:
    """ѓ and đ are the same letter after folding, so "меѓународни" meets "međunarodni"."""
    assert normalise("меѓународни") == normalise("međunarodni") == "medjunarodni"


def test_ligatures_and_full_width_letters_are_unpacked() -> None:
    """NFKC turns ligatures and full-width forms into plain letters and digits."""
    assert normalise("ﬁnance ﬂag Ｇｅｎｄｅｒ １３２５") == "finance flag gender 1325"


def test_combining_diacritics_fold_like_precomposed_ones() -> None:
    """A c followed by a combining caron is the same as č."""
    assert normalise("c\u030cetiri") == normalise("četiri") == "cetiri"


def test_punctuation_separates_words_and_is_dropped() -> None:
    """Commas, brackets, hyphens and question marks only separate words."""
    assert words("Hello, world! (2010-2015)? «yes»; it's") == [
        "hello",
        "world",
        "2010",
        "2015",
        "yes",
        "it",
        "s",
    ]


@pytest.mark.parametrize(
    ("ijekavian", "ekavian"),
    [
        ("povjerenje", "poverenje"),
        ("bezbjednost", "bezbednost"),
        ("savjetnik", "savetnik"),
        ("vrijeme", "vreme"),
        ("gdje", "gde"),
        ("djevojke", "devojke"),
    ],
)
def test_ijekavian_becomes_ekavian(ijekavian: str, ekavian: str) -> None:
    """Ijekavian spellings (BiH, Montenegro) normalise to the ekavian ones (Serbia)."""
    assert normalise(ijekavian) == normalise(ekavian) == ekavian


@pytest.mark.parametrize("word", ["ljubav", "ljudi", "konj", "njegov", "njemu", "poljoprivreda"])
def test_lj_and_nj_words_are_left_alone(word: str) -> None:
    """After l and n the j belongs to the digraphs lj and nj, so nothing is dropped."""
    assert normalise(word) == word


def test_one_question_in_every_script_normalises_to_one_string() -> None:
    """Latin with diacritics, Latin without them and Cyrillic give the same text."""
    forms = [
        "Šta je osoba od povjerenja?",
        "sta je osoba od poverenja",
        "ŠTA JE OSOBA OD POVERENJA",
        "Шта је особа од поверења?",
    ]
    assert {normalise(f) for f in forms} == {"sta je osoba od poverenja"}


def test_emoji_and_other_scripts_are_dropped() -> None:
    """Emoji, Chinese, Hebrew and Greek letters do not survive; the rest does."""
    assert normalise("hello 😀 中文 שלום αβγ world 👍🏽") == "hello world"


def test_fold_keeps_punctuation_and_dialect() -> None:
    """fold only transliterates and casefolds: punctuation and ijekavian stay."""
    assert fold("Gdje je Savjet?") == "gdje je savjet?"


def test_empty_and_punctuation_only_texts_normalise_to_nothing() -> None:
    """Nothing to compare is the empty string."""
    assert normalise("") == normalise("?!... -- ***") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2010–2015", ["2010", "2015"]), ("women—officers", ["women", "officers"])],
)
def test_dashes_separate_words(text: str, expected: list[str]) -> None:
    """An en or em dash separates words like a hyphen does."""
    assert words(text) == expected


@pytest.mark.parametrize(
    "hidden", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e"]
)
def test_invisible_format_characters_inside_a_word_are_dropped(hidden: str) -> None:
    """A zero-width space, joiner, soft hyphen or direction mark neither splits nor marks a word."""
    assert normalise(f"sexual harass{hidden}ment at wo{hidden}rk") == "sexual harassment at work"
    assert normalise(f"uznemiravan{hidden}je na radu") == normalise("uznemiravanje na radu")


def test_a_text_of_invisible_characters_alone_is_empty() -> None:
    """Nothing is left of spaces and zero-width characters."""
    assert normalise("\u200b \u200d\u2060\ufeff\u00a0") == ""
