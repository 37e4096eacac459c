"""Answers are always yes / no / don't know. No Flask here."""

from __future__ import annotations

import enum


class Answer(enum.Enum):
    yes = "yes"
    no = "no"
    dont_know = "dk"


#: What a provider's file may say, case-insensitive, for each answer.
SPELLINGS: dict[str, Answer] = {
    "yes": Answer.yes, "y": Answer.yes,
    "no": Answer.no, "n": Answer.no,
    "dk": Answer.dont_know, "don't know": Answer.dont_know, "dont know": Answer.dont_know,
    "don’t know": Answer.dont_know, "?": Answer.dont_know,
}


def parse(value: str | None) -> Answer | None:
    """The answer a cell means; None for an empty cell (not answered).
    Raises ValueError for anything else."""
    text = (value or "").strip().lower()
    if not text:
        return None
    try:
        return SPELLINGS[text]
    except KeyError:
        raise ValueError(text) from None
