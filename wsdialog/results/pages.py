"""What several results routes share: where a cycle stands when its figures may
not be shown, the group chosen in the query string, the export table and its
download. Not a routes module: the routes modules import it."""

from __future__ import annotations

from flask import request
from flask_babel import get_locale, gettext
from flask_login import current_user

from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle, respondent_counts
from ..surveys.respondents import ALLOWED, DEMOGRAPHICS, GROUP_NAMES
from ..web import render, streamed_attachment
from . import export, operations


def not_yet(cycle: SurveyCycle, http_status: int = 200):
    """Where a cycle stands when its answers may not be shown to this user:
    brand staff see how many answered so far, supplier users until when it is open."""
    respondents = respondent_counts([cycle.id])[cycle.id] if current_user.is_brand else None
    return render("results/not_yet.html", cycle=cycle, respondents=respondents,
                  http_status=http_status)


def chosen_group() -> tuple[str, str]:
    """The group chosen in ``?group=dimension:value``; ("", "") for everyone."""
    dimension, _sep, value = request.args.get("group", "").partition(":")
    if dimension not in DEMOGRAPHICS or value not in ALLOWED.get(dimension, ()):
        return "", ""
    return dimension, value


def group_label(dimension: str, value: str) -> str:
    """The filter, as the page names it."""
    if not dimension:
        return gettext("All respondents")
    return f"{gettext(GROUP_NAMES[dimension])}: {gettext(GROUP_NAMES[value])}"


def export_rows(series, codes, group: str) -> list[list]:
    """One row per cycle and indicator: where (supplier, site), when, which
    respondents (the filter), which question (code and text), and the figures;
    the header first."""
    return [export_header(), *export_body(series, codes, group)]


def export_header() -> list[str]:
    return [gettext("Supplier"), gettext("Site"), gettext("Cycle"), gettext("Respondents"),
            gettext("Response rate"), gettext("Filter"), gettext("Code"),
            gettext("Question"), gettext("Theme"), gettext("Positive"),
            gettext("Don't know"), gettext("Negative"), gettext("Answers"), gettext("Note")]


def export_body(series, codes, group: str):
    """``export_rows`` without the header, a row at a time."""
    locale = str(get_locale())
    theme_names = {theme: gettext(THEMES.get(theme, theme)) for _code, theme in codes}
    for item in series:
        texts = item.cycle.version.texts(locale)
        for code, theme in codes:
            cell = item.cells.get(code)
            if cell is None:
                continue
            base = [item.cycle.site.supplier.name, item.cycle.site.name,
                    f"{item.cycle.starts_on.isoformat()}/{item.cycle.ends_on.isoformat()}",
                    item.respondents, round(item.rate, 4), group, code, texts[code],
                    theme_names[theme]]
            if cell.suppressed:
                yield base + ["", "", "", "", gettext(cell.message) % {"k": cell.k}]
            else:
                p, d, n = cell.shares
                yield base + [round(p, 4), round(d, 4), round(n, 4), cell.counts.total, ""]


def download(rows, name: str, kind: str, company_id: int):
    """The rows (a list, or a generator reading the database a part at a time)
    as a CSV or XLSX attachment, recorded in the audit trail; sent as it is
    written, so that memory does not grow with the rows."""
    operations.record_export(name, kind, company_id)
    return streamed_attachment(*export.streamed(rows, kind, name), f"{name}.{kind}")
