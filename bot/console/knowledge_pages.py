"""/console/knowledge: entries with search and filters, the test pane, and the entry editor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import HTMLResponse, Response

from bot.asking.entry_cards import entry_card
from bot.console.entry_form import form_values, revision_from
from bot.console.gate import Visit
from bot.console.rendering import render
from bot.languages import texts
from core.markup import to_html
from core.members import Language
from knowledge.entry import COUNTRIES, QUESTION_LANGUAGES, TRANSLATED_FORMS, Entry
from knowledge.entry_revision import RevisionRefused, check_revision, revise_entry
from knowledge.normalise import normalise
from knowledge.search import Decision


async def entries(visit: Visit) -> Response:
    """Every entry, narrowed by words, a tag or a country."""
    words = normalise(visit.request.query_params.get("q", ""))
    tag = visit.request.query_params.get("tag", "")
    country = visit.request.query_params.get("country", "")
    every = visit.desk.services.librarian.entries
    shown = [
        e
        for e in every
        if (not words or words in normalise(" ".join((e.id, e.title, *e.tags))))
        and (not tag or tag in e.tags)
        and (not country or country in e.countries)
    ]
    tags = sorted({t for e in every for t in e.tags})
    return visit.page(
        "knowledge.html",
        entries=shown,
        tags=tags,
        countries=COUNTRIES,
        query=visit.request.query_params,
        forms=TRANSLATED_FORMS,
    )


async def test_pane(visit: Visit) -> Response:
    """A question searched as a member's would be (nothing logged), and the reply they would get."""
    question = visit.request.query_params.get("question", "").strip()
    lang = Language(visit.request.query_params.get("lang", visit.member.language.value))
    context: dict[str, Any] = {"question": question, "chosen": lang, "languages": list(Language)}
    if question:
        services = visit.desk.services
        await services.librarian.refresh()  # an edit made a moment ago is searched already
        finding = services.librarian.find(question)
        context["finding"] = finding
        context["reply"] = _reply(visit, finding.decision, finding.hits[0].entry_id, lang)
    return visit.page("test_pane.html", **context)


def _reply(visit: Visit, decision: Decision, best: str, lang: Language) -> str:
    """The member's reply as HTML: the entry card, the clarify question, or "I don't know"."""
    tr = visit.desk.services.translations(lang)
    entry = visit.desk.services.librarian.entry(best)
    if decision is Decision.ANSWER and entry is not None:
        return to_html(entry_card(entry, lang, tr).paragraphs)
    return tr(texts.CLARIFY if decision is Decision.CLARIFY else texts.DONT_KNOW)


async def editor(visit: Visit) -> Response:
    """One entry in every language form; a post saves it to its file and serves it at once."""
    entry = visit.desk.services.librarian.entry(visit.request.path_params["entry_id"])
    if entry is None:
        return visit.page("refused.html", status_code=404, message=visit.t.ENTRY_NOT_FOUND)
    if visit.form is None:
        return _editor_page(visit, entry, form_values(entry))
    services, settings = visit.desk.services, visit.desk.mreza.settings
    now = services.clock.now()
    revision = revision_from(visit.field, visit.fields)
    try:
        async with visit.desk.mreza.sessions.begin() as session:
            await revise_entry(
                session,
                settings.kb_path,
                entry.id,
                revision,
                now.date(),
                now,
                services.librarian.entries,
            )
    except RevisionRefused as refused:
        posted = {key: str(value) for key, value in visit.form.multi_items()}
        chosen = tuple(visit.fields("countries"))
        return _editor_page(visit, entry, posted, refused.problems, 422, chosen=chosen)
    await services.librarian.refresh()
    await visit.note("entry-saved", entry.id, _changed_forms(entry, revision.translations))
    saved = services.librarian.entry(entry.id) or entry
    return _editor_page(visit, saved, form_values(saved), notice=visit.t.ENTRY_SAVED)


async def check(visit: Visit) -> Response:
    """The editor's live check: what ``mreza kb check`` would say of the form as it stands."""
    entry_id = visit.request.path_params["entry_id"]
    revision = revision_from(visit.field, visit.fields)
    today = visit.desk.services.clock.now().date()
    kb_path = visit.desk.mreza.settings.kb_path
    others = visit.desk.services.librarian.entries
    _, problems = check_revision(kb_path, entry_id, revision, today, others)
    body = render("check_report.html", {"t": visit.t, "problems": problems}).body
    return HTMLResponse(body)


def _editor_page(
    visit: Visit,
    entry: Entry,
    values: Mapping[str, str],
    problems: object = (),
    status_code: int = 200,
    notice: str = "",
    chosen: tuple[str, ...] | None = None,
) -> Response:
    return visit.page(
        "entry_editor.html",
        status_code=status_code,
        entry=entry,
        values=values,
        problems=problems,
        notice=notice,
        forms=TRANSLATED_FORMS,
        question_forms=QUESTION_LANGUAGES,
        countries=COUNTRIES,
        chosen=entry.countries if chosen is None else chosen,
    )


def _changed_forms(entry: Entry, translations: Mapping[str, tuple[str, str]]) -> str:
    """Which translated language forms a save changed, for the audit log."""
    changed = []
    for lang, (title, answer) in translations.items():
        before = entry.translation(lang)
        if before is None or (before.title, before.answer.strip()) != (title, answer.strip()):
            changed.append(lang)
    return "changed: " + (", ".join(changed) or "en")
