"""Splitting many texts at once finds the tokens str.split finds, text by text."""

from __future__ import annotations

import sys

from knowledge.splitting import Split, split_texts

# Every character Python splits on, one by one between two words.
WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def tokens_of(split: Split) -> list[list[str]]:
    """Each text's tokens, with the empty ones Arrow leaves at the edges dropped."""
    starts, ends = split.offsets[:-1].tolist(), split.offsets[1:].tolist()
    return [
        [split.distinct[i] for i in split.ids[start:end].tolist() if split.distinct[i]]
        for start, end in zip(starts, ends, strict=True)
    ]


def test_tokens_are_those_str_split_finds() -> None:
    texts = [
        "what is a person of trust",
        "  Šta je osoba od povjerenja?  ",
        "лице\tод\nдоверба",
        "",
        " \n\t ",
        "žene u oružanim snagama (2010–2015).",
        "\u00a0no-break\u2003em\u3000ideographic\u2028line",
    ]
    assert tokens_of(split_texts(texts)) == [t.split() for t in texts]


def test_every_whitespace_character_separates_words() -> None:
    texts = [f"before{space}after" for space in WHITESPACE]
    assert tokens_of(split_texts(texts)) == [["before", "after"]] * len(WHITESPACE)


def test_a_repeated_token_has_one_id() -> None:
    split = split_texts(["trust and trust", "trust"])
    ids = split.ids.tolist()
    assert ids[0] == ids[2] == ids[3] != ids[1]
    assert split.distinct[ids[0]] == "trust"


def test_no_texts_give_no_tokens() -> None:
    split = split_texts([])
    assert (split.distinct, split.ids.tolist(), split.offsets.tolist()) == ([], [], [0])
