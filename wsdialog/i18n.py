"""Languages, locale choice, and locale-aware names and formats for templates."""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.languages import get_official_languages
from babel.numbers import parse_pattern
from flask import current_app, request, session
from flask.globals import _cv_app
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    format_time,
    get_translations,
)
from flask_babel import get_locale as babel_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

#: The channels a survey is answered through (``surveys.respondents.CHANNELS``),
#: as pages name them: the survey cycles' and the survey providers'.
CHANNEL_NAMES = {
    "phone": _l("Phone (recorded voice)"), "web": _l("Web"),
    "whatsapp": "WhatsApp", "wechat": "WeChat", "sms": "SMS",
}


def languages() -> dict[str, str]:
    return current_app.config["LANGUAGES"]


def normalise_locale(code: str | None) -> str | None:
    """Map a browser or form language code to one we ship, or None."""
    if not code:
        return None
    code = code.replace("-", "_")
    if code in languages():
        return code
    base = code.split("_")[0].lower()
    if base == "zh":
        return "zh_Hans"
    return base if base in languages() else None


def select_locale() -> str:
    """The user's choice, then the session's, then the browser's, then English."""
    if current_user and current_user.is_authenticated:
        chosen = normalise_locale(current_user.locale)
        if chosen:
            return chosen
    chosen = normalise_locale(session.get("locale"))
    if chosen:
        return chosen
    for code, _quality in request.accept_languages:
        chosen = normalise_locale(code)
        if chosen:
            return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def html_lang() -> str:
    """The value for ``<html lang>``: BCP 47, e.g. ``zh-Hans``."""
    return str(babel_locale()).replace("_", "-")


def text_dir(lang: str | None = None) -> str:
    """The value for ``dir``: "rtl" for a language written right to left (Urdu),
    as CLDR says, else "ltr"; ``lang`` defaults to the interface's language. The
    one place that knows: every page that sets ``dir`` asks here."""
    return _direction(lang or str(babel_locale()))


def isolate(text: str, lang: str) -> str:
    """``text`` (a name in another script: a site's, a brand's) as a unit of its own
    inside a sentence in ``lang``: in a right-to-left language, between Unicode's
    first-strong isolate and its end, so that the digits and punctuation beside it
    keep their places ("Unit 2 · 1 جون" would read "1 · Unit 2"). Left-to-right
    text is left as it is."""
    return f"\u2068{text}\u2069" if _direction(lang) == "rtl" else text


@cache
def _direction(lang: str) -> str:
    try:
        order = Locale.parse(lang).character_order
    except (ValueError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


@cache
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(lang).territories)


def country_name(code: str | None) -> str:
    """The country's name in the current language, from CLDR (through Babel):
    the names each language's own speakers use."""
    if not code:
        return ""
    return _territories(str(babel_locale())).get(code) or code


def official_languages(country: str | None) -> list[str]:
    """The country's official languages, as CLDR knows them (``zh`` is written
    ``zh_Hans`` here), most spoken first."""
    if not country:
        return []
    return ["zh_Hans" if lang == "zh" else lang
            for lang in get_official_languages(country, de_facto=True)]


def country_choices() -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name in the current language."""
    names = [(c.alpha_2, country_name(c.alpha_2)) for c in pycountry.countries]
    return sorted(names, key=lambda pair: pair[1].casefold())


def percent(value: float | int | None, of_hundred: bool = True) -> str:
    """Format a percentage for the current locale; ``None`` shows as a dash."""
    if value is None:
        return "–"
    return format_percent(value / 100 if of_hundred else value)


#: Parsed once: tables of results format thousands of shares per page.
_RATE_PATTERN = parse_pattern("#,##0.#%")


def rate(value: float | None) -> str:
    """A share from 0 to 1 as a percentage with up to one decimal (response rates
    are often small: 1.5 % says more than 2 %)."""
    return "–" if value is None else _rate_in(value, babel_locale())


def rate_in(value: float | None, lang: str) -> str:
    """A share as ``rate`` writes it, in the language ``lang`` rather than the
    reader's: a poster is printed in the workers' language."""
    return "–" if value is None else _rate_in(value, _locale(lang))


def date_in(day: date, lang: str, fmt: str = "long") -> str:
    """A date in the language ``lang`` rather than the reader's ("14 tháng 6, 2027"):
    worker pages and posters are read in the workers' language, whoever prints them."""
    return babel_format_date(day, fmt, locale=_locale(lang))


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@lru_cache(maxsize=20_000)
def _rate_in(value: float, locale) -> str:
    # Shares are counts over a few hundred answers: few distinct values, and the
    # all-sites table formats thousands of them per page.
    return _RATE_PATTERN.apply(value, locale)


#: The date every reader reads the same way ("May 18, 2026"). The "short" form
#: ("5/18/26") is 18 May to one reader and 5 August to another, and its year
#: could be a day: a template that asks for it gets this one.
UNAMBIGUOUS = "medium"


def date_filter(value, fmt: str = "medium") -> str:
    """A date for the current locale (``–`` for none). Plain dates are kept per
    locale: a table of a hundred sites writes the same few dates again and again."""
    if not value:
        return "–"
    fmt = UNAMBIGUOUS if fmt == "short" else fmt
    if type(value) is date:
        return _date_in(value, fmt, babel_locale())
    return format_date(value, fmt)


@lru_cache(maxsize=20_000)
def _date_in(value: date, fmt: str, locale) -> str:
    return format_date(value, fmt)


def datetime_filter(value, fmt: str = "medium") -> str:
    """A moment for the current locale (``–`` for none); "short" is the
    unambiguous date with the time in hours and minutes."""
    if not value:
        return "–"
    if fmt != "short":
        return format_datetime(value, fmt)
    pattern = babel_locale().datetime_formats[UNAMBIGUOUS].replace("'", "")
    return pattern.replace("{1}", format_date(value, UNAMBIGUOUS)).replace(
        "{0}", format_time(value, "short"))


def month(value) -> str:
    """A month with its year, as the current locale writes it ("May 2026")."""
    if not value:
        return "–"
    return format_skeleton("yMMM", value, locale=babel_locale())


def language_name(code: str) -> str:
    """A language's name in the current locale ("Vietnamese", "Vietnamees")."""
    try:
        return Locale.parse(code).get_display_name(babel_locale()) or code
    except (ValueError, UnknownLocaleError):
        return code


def number(value) -> str:
    return "–" if value is None else format_decimal(value)


def _translations():
    """The current request's translations, as ``flask_babel.get_translations``
    gives them, found in a few attribute reads instead of a dozen context look-ups:
    a page translates a hundred strings. Kept next to Flask-Babel's own locale
    (the same object until ``refresh`` or ``force_locale`` replaces it, which
    then finds the translations again)."""
    app_ctx = _cv_app.get(None)
    babel_ns = app_ctx.g.__dict__.get("_flask_babel") if app_ctx is not None else None
    locale = getattr(babel_ns, "babel_locale", None)
    if locale is None:
        return get_translations()
    kept = babel_ns.__dict__.get("wsdialog_translations")
    if kept is not None and kept[0] is locale:
        return kept[1]
    translations = get_translations()
    babel_ns.wsdialog_translations = (locale, translations)
    return translations


def install(app) -> None:
    # Flask-Babel's template callables, with the faster look-up above.
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
        newstyle=True)
    app.jinja_env.globals.update(
        country_name=country_name, html_lang=html_lang, languages=languages, text_dir=text_dir,
        current_locale=lambda: str(babel_locale()),
    )
    app.jinja_env.filters.update(
        percent=percent, number=number, rate=rate,
        date=date_filter, month=month, datetime=datetime_filter, language_name=language_name,
        isolate=isolate,
    )
