"""The four language forms, each named in itself: how people find their own among them."""

from __future__ import annotations

from core.members import Language

LANGUAGE_NAMES = {
    Language.EN: "English",
    Language.BCMS: "Bosanski / Crnogorski / Hrvatski / Srpski (latinica)",
    Language.SR_CYRL: "Српски (ћирилица)",
    Language.MK: "Македонски",
}
