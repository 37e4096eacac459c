"""Questionnaires: versions, questions in every survey language, the starter
questionnaire and the linter that warns while writing."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint

bp = Blueprint("questionnaires", __name__)

#: What pages here need from packages that depend on this one (results, surveys,
#: dialogues never the other way round): each provides its part at start-up with
#: ``provide(name, source)``; until then, nothing is known.
_SOURCES: dict[str, Callable] = {}


def provide(name: str, source: Callable) -> None:
    _SOURCES[name] = source


def _ask(name: str, default, *args):
    source = _SOURCES.get(name)
    return source(*args) if source else default


def answer_history(version) -> dict[str, list[float]]:
    """Per question code, the positive shares of earlier cycles, for the linter's
    "near-always positive" check (provided by results as "history")."""
    return _ask("history", {}, version)


def open_tasks(version) -> list:
    """Open tasks about the version's questions raised as doubts in dialogues
    ("re-check the Vietnamese translation of WAGE_RUNS_OUT"): "tasks"."""
    return _ask("tasks", [], version)


def languages_in_cycles(questionnaire) -> set[str]:
    """The languages the company's cycles with this questionnaire offered, to
    warn before a new version drops one ("cycle_languages", from surveys)."""
    return _ask("cycle_languages", set(), questionnaire)


from . import models, routes  # noqa: E402,F401
