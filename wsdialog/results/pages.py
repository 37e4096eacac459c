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
from ..web import attachment, render
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


def export_rows(series, codes, group: str):
    """One row per cycle and indicator: where (supplier, site), when, which
    respondents (the filter), which question (code and text), and the figures."""
    header = [gettext("Supplier"), gettext("Site"), gettext("Cycle"), gettext("Respondents"),
              gettext("Response rate"), gettext("Filter"), gettext("Code"),
              gettext("Question"), gettext("Theme"), gettext("Positive"),
              gettext("Don't know"), gettext("Negative"), gettext("Answers"), gettext("Note")]
    rows = [header]
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
                rows.append(base + ["", "", "", "", gettext(cell.message) % {"k": cell.k}])
            else:
                p, d, n = cell.shares
                rows.append(base + [round(p, 4), round(d, 4), round(n, 4),
                                    cell.counts.total, ""])
    return rows


def download(rows, name: str, kind: str, company_id: int):
    """The rows as a CSV or XLSX attachment, recorded in the audit trail."""
    data, mimetype = export.encode(rows, kind, name)
    operations.record_export(name, kind, company_id)
    return attachment(data, f"{name}.{kind}", mimetype)
