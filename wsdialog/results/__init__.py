"""Survey results: the anonymity rule, the shared dashboard, exports, posters,
trends, the company's settings and the supplier's access."""

from collections.abc import Callable

from flask import Blueprint

from .. import questionnaires

bp = Blueprint("results", __name__)


def _no_agreements(_cycle_ids) -> list:
    return []


#: The agreements made about some cycles, for the poster and the yearly summary.
#: The dialogue log depends on results, never the other way round, so it
#: provides this (``provide_agreements``).
_agreements: Callable[[list[int]], list] = _no_agreements


def provide_agreements(source: Callable[[list[int]], list]) -> None:
    global _agreements
    _agreements = source


def agreements_for(cycle_ids: list[int]) -> list:
    return _agreements(cycle_ids)


from . import figures, models, routes  # noqa: E402,F401

questionnaires.provide("history", figures.positive_history)
