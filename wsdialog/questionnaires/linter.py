"""Warnings while writing a questionnaire, following the pilot's rules. No Flask.

Each warning has a code, the question it concerns (or None for the whole
questionnaire) and parameters; the page translates the message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..text import N_

MAX_QUESTIONS = 20
#: A run of this many questions with the same negative answer invites answering
#: on autopilot.
SAME_NEGATIVE_RUN = 3
#: Positive share at or above which a question tells little any more.
NEAR_ALWAYS_POSITIVE = 0.95
SENSITIVE_THEMES = {"discrimination", "harassment", "violence", "supervisor"}

CONJUNCTIONS = {
    "en": r"\b(and|or)\b", "nl": r"\b(en|of)\b", "vi": r"\b(và|hoặc)\b",
    "zh_Hans": r"(和|或|与|及)",
}
BROAD_WORDS = {
    "en": r"\b(equality|equal treatment|transparen\w*|safe environment|fair(ly|ness)?|respect)\b",
    "nl": r"\b(gelijkheid|gelijke behandeling|transparan\w*|veilige omgeving|eerlijk\w*)\b",
}
LEADING = {
    "en": r"\b(don't you|do you agree|wouldn't you|isn't it|surely|obviously|of course)\b",
    "nl": r"\b(vind je niet|ben je het eens|toch\?|natuurlijk)\b",
}
SOMEONE_ELSE = {
    "en": r"someone you work with|a colleague|co-?worker",
    "nl": r"iemand met wie je werkt|een collega",
}
#: The recommended framing, whose "or" does not make a question ask two things.
FRAMING = {
    "en": r"\bor (someone you work with|a colleague)",
    "nl": r"\bof (iemand met wie je werkt|een collega)",
    "vi": r"hoặc người làm cùng bạn",
    "zh_Hans": r"或您的同事",
}

MESSAGES = {
    "too_many": N_("More than %(max)s questions: long questionnaires get fewer and worse "
                   "answers."),
    "same_negative_run": N_("%(count)s questions in a row count the same answer as "
                            "negative. Alternate between yes and no so that people do not "
                            "answer on autopilot."),
    "two_things": N_("This question may ask two things at once ('%(word)s'). Ask one thing "
                     "per question."),
    "broad_word": N_("'%(word)s' means different things to different people. Say what you "
                     "mean by it."),
    "leading": N_("This question suggests an answer ('%(word)s'). Ask neutrally."),
    "not_someone_else": N_("A sensitive topic: ask whether it has happened to the worker or "
                           "someone they work with, so that nobody has to speak about "
                           "themselves."),
    "missing_translation": N_("The text in %(language)s is missing."),
    "near_always_positive": N_("Almost everyone answered positively in the last %(cycles)s "
                               "cycles. Consider replacing it with a question that tells you "
                               "more."),
}


@dataclass(frozen=True)
class Draft:
    """A question as the linter sees it."""

    code: str
    theme: str
    negative: str  # "yes" or "no"
    texts: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Warning:
    code: str
    question: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES[self.code]


def _find(patterns: Mapping[str, str], texts: Mapping[str, str]) -> str | None:
    for lang, pattern in patterns.items():
        found = re.search(pattern, texts.get(lang, ""), re.IGNORECASE)
        if found:
            return found.group(0)
    return None


def lint(questions: Sequence[Draft], languages: Sequence[str],
         positive_history: Mapping[str, Sequence[float]] | None = None) -> list[Warning]:
    """Every warning for the questionnaire, in question order."""
    warnings: list[Warning] = []
    if len(questions) > MAX_QUESTIONS:
        warnings.append(Warning("too_many", None, {"max": MAX_QUESTIONS}))
    run = 1
    for before, question in zip(questions, questions[1:], strict=False):
        run = run + 1 if question.negative == before.negative else 1
        if run == SAME_NEGATIVE_RUN:
            warnings.append(Warning("same_negative_run", question.code, {"count": run}))
    for question in questions:
        texts = question.texts
        # "…you or someone you work with" is the recommended framing, not two things.
        plain = {lang: re.sub(FRAMING.get(lang, "$^"), "", text, flags=re.IGNORECASE)
                 for lang, text in texts.items()}
        for code, patterns in (("two_things", CONJUNCTIONS), ("broad_word", BROAD_WORDS),
                               ("leading", LEADING)):
            word = _find(patterns, plain)
            if word:
                warnings.append(Warning(code, question.code, {"word": word}))
        if question.theme in SENSITIVE_THEMES and texts.get("en") \
                and not _find({"en": SOMEONE_ELSE["en"]}, texts) \
                and not _find({"nl": SOMEONE_ELSE["nl"]}, texts):
            warnings.append(Warning("not_someone_else", question.code))
        for language in languages:
            if not texts.get(language, "").strip():
                warnings.append(Warning("missing_translation", question.code,
                                        {"language": language}))
        shares = list((positive_history or {}).get(question.code, ()))[-2:]
        if len(shares) == 2 and min(shares) >= NEAR_ALWAYS_POSITIVE:
            warnings.append(Warning("near_always_positive", question.code,
                                    {"cycles": len(shares)}))
    return warnings
