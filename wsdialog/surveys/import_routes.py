"""Importing a provider's results file, in two steps: upload (every check runs,
and a preview says what the file will add), then confirm (the checks run again,
and all respondents are stored, or none). Also removing a mistaken import, and
the template to fill in."""

from __future__ import annotations

import csv
import io

import sqlalchemy as sa
from flask import abort, current_app, flash, url_for
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_login import current_user
from openpyxl import Workbook

from .. import audit
from ..clock import today
from ..extensions import db
from ..forms import ConfirmForm
from ..models import utcnow
from ..tenancy import get_or_404, scoped
from ..web import attachment, redirect_to, render, require_confirmation, role_required
from . import bp, importer
from .forms import ImportForm
from .models import ImportBatch, PendingImport, SurveyCycle, respondent_counts
from .routes import detail_page
from .store import (
    forget_stale_uploads,
    known_keys,
    remember_keys,
    remove_batch,
    store,
)


def _refusal(cycle: SurveyCycle) -> str | None:
    """Why nothing can be imported into the cycle now, if so."""
    if cycle.is_released:
        return _("The results of this cycle are released: its respondents are final. "
                 "Nothing was imported.")
    if cycle.respondents_final:
        return _("Someone has seen the results of this cycle: its respondents are final, "
                 "so that nobody can compare the results before and after a few more "
                 "answers. Nothing was imported.")
    if cycle.starts_on > today():
        return _("This survey opens on %(date)s: no worker can have answered yet. Import "
                 "the provider's file once the survey has started. Nothing was imported.",
                 date=format_date(cycle.starts_on))
    return None


def _digest(cycle: SurveyCycle):
    secret = current_app.config["SECRET_KEY"].encode()
    return lambda key: importer.key_digest(secret, cycle.id, key)


def _check(cycle: SurveyCycle, data: bytes, filename: str):
    """Every check of a file for the cycle: (parsed file, refusal). A refusal is a
    message about the whole file; problems of rows are in the parsed file."""
    if (refusal := _refusal(cycle)) is not None:
        return None, refusal
    if db.session.scalar(sa.select(ImportBatch.id).where(
            ImportBatch.cycle_id == cycle.id,
            ImportBatch.fingerprint == importer.fingerprint(data),
            ImportBatch.removed_at.is_(None))):
        return None, _("This file was imported into this cycle before. Nothing was "
                       "imported again.")
    try:
        rows = importer.read_table(data, filename)
    except importer.Unreadable as error:
        return importer.Parsed(problems=[error.problem]), None
    parsed = importer.parse_table(rows, cycle.version.codes,
                                  (cycle.starts_on, cycle.ends_on), until=today())
    if parsed.ok:
        parsed.refuse_keys(known_keys(cycle), _digest(cycle))
    if not parsed.ok:
        return parsed, None
    already = respondent_counts([cycle.id])[cycle.id]
    if already + len(parsed.respondents) > cycle.headcount:
        return None, _(
            "This file would bring the cycle to %(total)s respondents, more than the "
            "%(headcount)s workers at the site. Is it a corrected file? Then remove the "
            "mistaken import first. Nothing was imported.",
            total=already + len(parsed.respondents), headcount=cycle.headcount)
    return parsed, None


def _refused(cycle, form, parsed, refusal):
    if refusal:
        form.file.errors = [*form.file.errors, refusal]
    status = 409 if refusal and _refusal(cycle) else 200
    return detail_page(cycle, form, parsed, http_status=status)


@bp.route("/cycles/<int:cycle_id>/import", methods=["POST"])
@role_required("is_brand")
def cycle_import(cycle_id):
    """Upload a provider's file: every problem is listed, or a preview asks to
    confirm what it will add."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    form = ImportForm()
    if not form.validate_on_submit():
        return detail_page(cycle, form, None)
    data = form.file.data.read()
    filename = (form.file.data.filename or "results")[:200]
    parsed, refusal = _check(cycle, data, filename)
    if refusal or not parsed.ok:
        return _refused(cycle, form, parsed, refusal)
    forget_stale_uploads()
    # Only the newest upload of a person for a cycle waits: a flood of uploads
    # keeps one file, not hundreds.
    db.session.execute(sa.delete(PendingImport).where(
        PendingImport.id.in_(scoped(PendingImport).with_only_columns(PendingImport.id).where(
            PendingImport.cycle_id == cycle.id))))
    upload = PendingImport(cycle_id=cycle.id, uploaded_by_id=current_user.id,
                           filename=filename, data=data)
    db.session.add(upload)
    db.session.commit()
    return redirect_to(url_for("surveys.import_preview", cycle_id=cycle.id,
                               upload_id=upload.id))


def _pending(cycle: SurveyCycle, upload_id: str) -> PendingImport | None:
    """The current user's upload for the cycle (scoped: nobody else's)."""
    return db.session.scalar(scoped(PendingImport).where(
        PendingImport.id == upload_id, PendingImport.cycle_id == cycle.id))


def _upload(cycle_id: int, upload_id: str) -> tuple[SurveyCycle, PendingImport]:
    cycle = get_or_404(SurveyCycle, cycle_id)
    upload = _pending(cycle, upload_id)
    if upload is None:
        abort(404)
    return cycle, upload


def _drop(cycle: SurveyCycle, upload: PendingImport, parsed, refusal):
    """A file that no longer passes the checks is deleted and the reasons shown."""
    db.session.delete(upload)
    db.session.commit()
    return _refused(cycle, ImportForm(formdata=None), parsed, refusal)


def _gone(cycle: SurveyCycle):
    flash(_("This upload has expired or was already imported. Please upload the file "
            "again."), "error")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/import/<upload_id>")
@role_required("is_brand")
def import_preview(cycle_id, upload_id):
    """What the uploaded file will add, with a button to import it."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    forget_stale_uploads()
    db.session.commit()
    upload = _pending(cycle, upload_id)
    if upload is None:
        return _gone(cycle)
    parsed, refusal = _check(cycle, upload.data, upload.filename)
    if refusal or not parsed.ok:
        return _drop(cycle, upload, parsed, refusal)
    return render("surveys/import_preview.html", cycle=cycle, upload=upload,
                  preview=importer.preview(parsed, cycle.version.codes),
                  texts=cycle.version.texts(str(get_locale())), confirm_form=ConfirmForm())


@bp.route("/cycles/<int:cycle_id>/import/<upload_id>/confirm", methods=["POST"])
@role_required("is_brand")
def import_confirm(cycle_id, upload_id):
    """Import the previewed file: the checks run again (another file may have
    come in meanwhile); all respondents are stored, or none."""
    cycle, upload = _upload(cycle_id, upload_id)
    require_confirmation()
    parsed, refusal = _check(cycle, upload.data, upload.filename)
    if refusal or not parsed.ok:
        return _drop(cycle, upload, parsed, refusal)
    batch = ImportBatch(cycle_id=cycle.id, imported_by=current_user, filename=upload.filename,
                        fingerprint=importer.fingerprint(upload.data),
                        respondents=len(parsed.respondents))
    db.session.add(batch)
    db.session.flush()
    count = store(cycle, parsed.respondents, batch_id=batch.id)
    digest = _digest(cycle)
    remember_keys(cycle, {digest(r.key) for r in parsed.respondents if r.key}, batch.id)
    db.session.delete(upload)
    audit.record("import", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=f"{count} respondents, import {batch.id}")
    db.session.commit()
    flash(_("%(count)s respondents imported.", count=count), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/import/<upload_id>/cancel", methods=["POST"])
@role_required("is_brand")
def import_cancel(cycle_id, upload_id):
    """Drop the uploaded file without importing it."""
    cycle, upload = _upload(cycle_id, upload_id)
    require_confirmation()
    db.session.delete(upload)
    db.session.commit()
    flash(_("Nothing was imported; the uploaded file is deleted."), "info")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/imports/<int:batch_id>/remove", methods=["POST"])
@role_required("is_brand_admin")
def import_remove(batch_id):
    """Remove a mistaken import: all its respondents and nothing else, before the
    results are released. The import's record stays, saying who removed it."""
    batch = get_or_404(ImportBatch, batch_id)
    cycle = batch.cycle
    require_confirmation()
    if cycle.respondents_final or batch.removed_at is not None:
        flash(_("This import cannot be removed: the results have been seen or released, or "
                "it was removed before."), "error")
        return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))
    removed = remove_batch(cycle, batch.id)
    batch.removed_at, batch.removed_by = utcnow(), current_user
    audit.record("import_removed", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=f"{removed} respondents, import {batch.id}")
    db.session.commit()
    flash(_("The import %(file)s is removed: %(count)s respondents.", file=batch.filename,
            count=removed), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


def _example(cycle: SurveyCycle) -> list[list[str]]:
    return importer.template_rows(cycle.version.codes, cycle.starts_on,
                                  (cycle.channels or [None])[0],
                                  (cycle.languages or [None])[0])


@bp.route("/cycles/<int:cycle_id>/template.csv")
@role_required("is_brand")
def cycle_template(cycle_id):
    """A CSV with the columns this cycle's file needs and one example row."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    out = io.StringIO()
    csv.writer(out).writerows(_example(cycle))
    return attachment(out.getvalue().encode(), f"cycle-{cycle.id}-template.csv", "text/csv")


@bp.route("/cycles/<int:cycle_id>/template.xlsx")
@role_required("is_brand")
def cycle_template_xlsx(cycle_id):
    """The same template as a workbook, with a second sheet saying what each
    column holds and which values it allows."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    workbook = Workbook()
    results = workbook.active
    results.title = _("Results")[:31]
    for row in _example(cycle):
        results.append(row)
    legend = workbook.create_sheet(_("Columns")[:31])
    legend.append([_("Column"), _("What it holds"), _("Allowed values")])
    texts = cycle.version.texts(str(get_locale()))
    for column, key, allowed in importer.legend_rows(cycle.version.codes):
        what = _(importer.LEGEND[key], start=cycle.starts_on.isoformat(),
                 end=cycle.ends_on.isoformat())
        if key == "question":
            what = f"{texts.get(column, column)} — {what}"
        legend.append([column, what, allowed])
    out = io.BytesIO()
    workbook.save(out)
    return attachment(out.getvalue(), f"cycle-{cycle.id}-template.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
