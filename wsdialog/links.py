"""Links from a lower package's pages to a higher package's data, wired once.

Packages depend one way: questionnaires ← surveys ← results ← dialogues. A few
pages of a lower package show what a higher one knows: the questionnaire editor
warns with earlier results (results), lists open tasks raised as doubts in
dialogues (dialogues) and the languages the cycles offered (surveys); the results
poster and the yearly summary count the agreements made (dialogues); onboarding's
priorities know which sites other members survey (surveys); the results page and
the yearly summary show the grievance channels' figures (grievances).

``create_app`` builds one ``Links`` naming each function (``wsdialog/__init__.py``,
``_wire_links``): a reader follows a link from there, and a link left out fails
when the app starts, never as an empty list on a page. Pages ask ``links()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from flask import current_app

KEY = "wsdialog.links"


@dataclass(frozen=True, kw_only=True)
class Links:
    #: Per question code, the positive shares of earlier released cycles of a
    #: questionnaire version's questionnaire, for the linter (from results).
    answer_history: Callable[..., dict[str, list[float]]]
    #: Open tasks about a version's questions raised as doubts in dialogues
    #: ("re-check the Vietnamese translation of WAGE_RUNS_OUT"), from dialogues.
    open_tasks: Callable[..., list]
    #: The languages the company's cycles with a questionnaire offered, to warn
    #: before a new version drops one (from surveys).
    cycle_languages: Callable[..., set[str]]
    #: The agreements made about some cycles (ids), for the poster and the
    #: yearly summary (from dialogues).
    agreements_for: Callable[[list[int]], list]
    #: What the yearly summary counts of the agreements about some cycles (ids or
    #: SQL selecting them, and the day overdue is judged on), as light rows (from
    #: dialogues).
    agreement_facts: Callable[..., list]
    #: The sites where another member company surveys the workers now or soon, or
    #: did lately (``company_id``, day): onboarding counts them "already busy"
    #: unless the company said otherwise (from surveys).
    surveyed_by_others: Callable[..., set[int]]
    #: A site's grievance figures near a day (``site, user, day``), shown beside
    #: its survey results (from grievances).
    grievance_figures: Callable[..., object]
    #: A year's grievance channels per site, for the yearly summary (from grievances).
    grievance_year: Callable[..., object]

    def __post_init__(self) -> None:
        for field in fields(self):
            if not callable(getattr(self, field.name)):
                raise TypeError(f"link {field.name!r} is not a function")


def links() -> Links:
    """The links wired for the current app."""
    return current_app.extensions[KEY]
