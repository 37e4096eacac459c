"""A questionnaire version as an XLSForm: the open standard that KoboToolbox, ODK,
SurveyCTO and Ona read, so that a provider or a union can run the exact
questionnaire in its own tool. No Flask. It lives with the surveys, not the
questionnaires: it speaks the respondent's vocabulary and the web survey's words.

The form asks what the results-file importer reads back, under the importer's
own names: the answer day as ``date``, one question per question code whose
choices are the answers it accepts (yes, no, dk), and the demographics with
their allowed values, all optional as in the web survey. A tool's CSV export of
the form ("XML values and headers") then imports without any mapping.

Anonymity: the form asks no name and nothing in free text, and records none of
the metadata that would time an answer or tell whose phone gave it (start, end,
deviceid, username, phone number, location): only the day (``today``).

Every language of the version is a column pair ``label::<name> (<code>)`` and
``hint::<name> (<code>)``, as XLSForm names languages. Questions carry the
version's texts (reviewed in every language the version offers); the answers,
demographics and the opening words are the web survey's own (``public_texts``),
in English where a language has none.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Sequence

from openpyxl import Workbook

from ..questionnaires.answers import Answer
from ..questionnaires.starter import SURVEY_LANGUAGES
from ..text import N_
from .public_texts import TEXTS, text_for
from .respondents import ALLOWED, DEMOGRAPHICS

#: The choice list of every question: its names are the importer's spellings.
ANSWERS = "answer"

#: The field that holds the day the worker answered: the importer's date column.
DAY = "date"

#: What XLSForm accepts as a field name (an XML name without a colon).
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")

#: Why a questionnaire has no XLSForm, as the user reads it (translate with ``_()``).
UNFIT = N_("The question codes %(codes)s cannot name a field of an XLSForm, which starts "
           "with a letter and holds only letters, digits and underscores. A new version "
           "with other codes has one.")

MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def unfit_codes(codes: Sequence[str]) -> list[str]:
    """The question codes that cannot name a field of an XLSForm (a space, a
    leading digit…): such a questionnaire has no XLSForm."""
    return [code for code in codes if not _NAME.match(code)]


def language_column(lang: str) -> str:
    """How an XLSForm names a language: its own name and its IANA language
    subtag, e.g. ``Tiếng Việt (vi)``, ``اردو (ur)`` (which tools read for the
    direction of the text). Simplified Chinese is ``简体中文 (zh)``: the standard
    asks for the language alone, and the name says the script."""
    return f"{SURVEY_LANGUAGES[lang]} ({lang.split('_')[0]})"


def _choice_label(value: str, lang: str) -> str:
    # Age bands without words of their own read as numbers (18–24), as in the web survey.
    return text_for(value, lang) if value in TEXTS else value.replace("_", "–")


def workbook(version, languages: Sequence[str] | None = None,
             codes: Collection[str] | None = None, form_id: str | None = None,
             title: str | None = None) -> bytes:
    """The XLSForm of ``version`` as an XLSX file: in ``languages`` (default: those
    the version offers), with the questions of ``codes`` (default: all). Raises
    ValueError for codes that cannot name a field (``unfit_codes``)."""
    questions = [q for q in version.questions if codes is None or q.code in codes]
    if unfit := unfit_codes([q.code for q in questions]):
        raise ValueError(unfit)
    languages = list(languages or version.languages or ["en"])
    columns = [language_column(lang) for lang in languages]
    book = Workbook()

    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", *(f"label::{c}" for c in columns),
                   *(f"hint::{c}" for c in columns)])

    def ask(kind: str, name: str, labels: dict[str, str], hints: dict[str, str] | None):
        survey.append([kind, name, *(labels[lang] for lang in languages),
                       *((hints or {}).get(lang, "") for lang in languages)])

    survey.append(["today", DAY])  # the day only: no start, no end, no time
    for position, question in enumerate(questions):
        ask(f"select_one {ANSWERS}", question.code,
            {lang: question.text(lang) for lang in languages},
            # The web survey's opening words, above the first question.
            {lang: f"{text_for('intro', lang)} {text_for('skip', lang)}"
             for lang in languages} if position == 0 else None)
    for position, name in enumerate(DEMOGRAPHICS):
        ask(f"select_one {name}", name, {lang: text_for(name, lang) for lang in languages},
            {lang: text_for("about_you", lang) for lang in languages} if position == 0 else None)

    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", *(f"label::{c}" for c in columns)])
    for answer in Answer:
        choices.append([ANSWERS, answer.value,
                        *(text_for(answer.value, lang) for lang in languages)])
    for name in DEMOGRAPHICS:
        for value in ALLOWED[name]:
            choices.append([name, value, *(_choice_label(value, lang) for lang in languages)])

    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    default = "en" if "en" in languages else languages[0]
    settings.append([title or f"{version.questionnaire.name} ({version.number})",
                     form_id or f"wsdialog_q{version.questionnaire_id}_v{version.number}",
                     str(version.number), language_column(default)])

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
