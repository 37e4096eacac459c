"""What the API answers, as JSON-ready dicts, from what the pages read: the
shapes ``openapi.py`` describes. No Flask."""

from __future__ import annotations

from datetime import date

from ..dialogues.models import Action
from ..results import anonymity
from ..surveys.importer import ANSWERS
from ..surveys.models import SurveyCycle
from ..surveys.respondents import ALLOWED, DEMOGRAPHICS


def _day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def site_of(cycle: SurveyCycle) -> dict:
    site = cycle.site
    return {"id": site.id, "name": site.name, "country": site.country, "os_id": site.os_id,
            "supplier": site.supplier.name}


def cycle(cycle: SurveyCycle, respondents: int, company_id: int) -> dict:
    """A released cycle as the company's tools see it."""
    return {"id": cycle.id, "site": site_of(cycle), "starts_on": _day(cycle.starts_on),
            "ends_on": _day(cycle.ends_on), "headcount": cycle.headcount,
            "respondents": respondents, "released_on": _day(cycle.results_shared_on),
            "lead_company": cycle.company.name,
            # A joint cycle another member leads, which this company co-owns.
            "co_owned": cycle.company_id != company_id}


def cell(cell: anonymity.Cell) -> dict:
    """One indicator's figures after the anonymity rule: the blurred counts and
    their shares, or only why they are withheld — never both."""
    if isinstance(cell, anonymity.Shown):
        positive, dont_know, negative = cell.shares
        counts = cell.counts
        return {"status": "shown",
                "counts": {"positive": counts.positive, "dont_know": counts.dont_know,
                           "negative": counts.negative},
                "shares": {"positive": round(positive, 4), "dont_know": round(dont_know, 4),
                           "negative": round(negative, 4)}}
    return {"status": "withheld",
            "withheld": {"reason": cell.reason, "k": cell.k,
                         "detail": anonymity.REASONS[cell.reason] % {"k": cell.k}}}


def results(summary: dict, data: dict, group: tuple[str, str]) -> dict:
    """The results page's figures (``results.dashboard.page_data``), in theme order."""
    indicators = []
    for theme, rows in data["groups"]:
        for row in rows:
            change = None if row.change is None else round(row.change, 4)
            indicators.append({"code": row.question.code, "theme": theme,
                               "label": row.question.label("en"), **cell(row.cell),
                               "change_in_negative_share": change, "priority": row.priority})
    dimension, value = group
    previous = data["previous"]
    return {"cycle": summary, "k": data["k"], "priority_pct": data["priority_pct"],
            "respondents": data["respondents"], "response_rate": round(data["rate"], 4),
            "answers_shown": not data["small_cycle"],
            "group": {"dimension": dimension, "value": value,
                      "respondents": data["group_size"]} if dimension else None,
            "compared_with_cycle": previous.id if previous is not None else None,
            "indicators": indicators,
            "not_asked": [question.code for question in data["not_asked"]]}


def agreement(action: Action, today: date) -> dict:
    dialogue = action.dialogue
    return {"id": action.id, "title": action.title, "owner": action.owner,
            "acting_company": action.acting_company, "status": action.status.value,
            "due_on": _day(action.due_on), "done_on": _day(action.done_on),
            "overdue": action.overdue(today), "indicators": list(action.codes or []),
            "purchasing_practice": action.purchasing, "cycle_id": dialogue.cycle_id,
            "dialogue_held_on": _day(dialogue.held_on), "site": site_of(dialogue.cycle)}


def assigned_cycle(cycle: SurveyCycle, asked: list, accepts: bool) -> dict:
    """A cycle assigned to a provider, as its tool needs it to run the survey and
    send the answers: where, when, for how many, and the questionnaire in every
    language with the codes the push takes. No figure of the cycle."""
    version = cycle.version
    languages = version.text_languages()
    return {"id": cycle.id, "site": site_of(cycle), "company": cycle.company.name,
            "starts_on": _day(cycle.starts_on), "ends_on": _day(cycle.ends_on),
            "headcount": cycle.headcount, "channels": list(cycle.channels or []),
            "accepts_respondents": accepts,
            "questionnaire": {
                "version_id": version.id, "languages": languages,
                "answers": list(ANSWERS),
                "demographics": {name: list(ALLOWED[name]) for name in DEMOGRAPHICS},
                "questions": [{"code": q.code, "theme": q.theme,
                               "texts": {lang: q.text(lang) for lang in languages}}
                              for q in asked]}}


def summary(data: dict) -> dict:
    """The year's due-diligence summary (``results.summary.year_summary``)."""
    states = ("planned", "in_progress", "done", "overdue", "dropped")
    themes = sorted(data["by_theme"].keys() | data["by_action_theme"].keys())
    return {
        "year": data["year"],
        "cycles": [{"id": item.cycle.id, "site": site_of(item.cycle),
                    "starts_on": _day(item.cycle.starts_on), "ends_on": _day(item.cycle.ends_on),
                    "respondents": item.respondents, "response_rate": round(item.rate, 4),
                    "priorities": data["priorities_of"][item.cycle.id],
                    "shared_with_workers_on": _day(data["shared_on"].get(item.cycle.id))}
                   for item in data["series"]],
        "cycles_without_results_yet": data["still_open"],
        "themes": [{"theme": theme, "priorities": data["by_theme"].get(theme, 0),
                    "agreements": {state: data["by_action_theme"].get(theme, {}).get(state, 0)
                                   for state in states}}
                   for theme in themes],
        "agreements_overdue": data["overdue_count"]}
