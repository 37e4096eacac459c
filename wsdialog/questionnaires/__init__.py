"""Questionnaires: versions, questions in every survey language, the starter
questionnaire and the linter that warns while writing."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint

bp = Blueprint("questionnaires", __name__)

#: Per question code, the positive shares of earlier cycles, for the linter's
#: "near-always positive" check. Results depend on questionnaires, never the
#: other way round, so the results package provides this (``provide_history``).
def _no_history(_version) -> dict[str, list[float]]:
    return {}


_history: Callable[[object], dict[str, list[float]]] = _no_history


def provide_history(source: Callable[[object], dict[str, list[float]]]) -> None:
    global _history
    _history = source


def answer_history(version) -> dict[str, list[float]]:
    return _history(version)


def _no_tasks(_version) -> list:
    return []


#: Open tasks about a questionnaire's questions, raised as doubts in dialogues
#: ("re-check the Vietnamese translation of WAGE_RUNS_OUT"): provided by the
#: dialogue log (``provide_tasks``), which depends on this package.
_tasks: Callable[[object], list] = _no_tasks


def provide_tasks(source: Callable[[object], list]) -> None:
    global _tasks
    _tasks = source


def open_tasks(version) -> list:
    return _tasks(version)


from . import models, routes  # noqa: E402,F401
