"""Importing a provider's results file, in two steps: upload (every check runs,
and a preview says what the file will add), then confirm (the checks run again,
and all respondents are stored, or none). Both run in the background
(``import_jobs``): a request waits a few seconds for them, then the upload's page
shows how far they are. Also removing a mistaken import, and the template to
fill in."""

from __future__ import annotations

import csv
import io

from flask import abort, flash, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import ConfirmForm
from ..models import StateError
from ..questionnaires.models import QuestionnaireVersion
from ..tenancy import get_or_404
from ..web import (
    XLSX,
    attachment,
    redirect_to,
    render,
    require_confirmation,
    role_required,
    template_workbook,
)
from . import bp, import_jobs, importer, operations, queries, xlsform
from .forms import ImportForm
from .models import RUNNING, ImportBatch, PendingImport, SurveyCycle, UploadState
from .pages import cycle_page, fetch_outcome, refusal_text, refuse_staff_upload


def _refused(cycle, form, parsed, refusal):
    if refusal:
        form.file.errors = [*form.file.errors, refusal_text(refusal)]
    status = 409 if refusal and refusal[0] in import_jobs.CYCLE_REFUSALS else 200
    return cycle_page(cycle, form, parsed, http_status=status)


def _page_url(cycle: SurveyCycle, upload_id: str) -> str:
    return url_for("surveys.import_preview", cycle_id=cycle.id, upload_id=upload_id)


@bp.route("/cycles/<int:cycle_id>/import", methods=["POST"])
@role_required("is_brand", "is_provider")
def cycle_import(cycle_id):
    """Upload a provider's file: every problem is listed, or a preview asks to
    confirm what it will add. A file that takes long to check is checked in the
    background while a page shows how far it is."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    refuse_staff_upload(cycle)
    form = ImportForm()
    if not form.validate_on_submit():
        return cycle_page(cycle, form, None)
    if (refusal := import_jobs.cycle_refusal(cycle)) is not None:
        return _refused(cycle, form, None, refusal)
    upload_id = operations.upload(cycle, current_user, form.file.data.filename or "results",
                                  form.file.data.read())
    return _after(cycle, upload_id, import_jobs.start("check", upload_id, current_user.id))


def _upload(cycle_id: int, upload_id: str) -> tuple[SurveyCycle, PendingImport]:
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    upload = queries.pending_upload(cycle, upload_id)
    if upload is None:
        abort(404)
    return cycle, upload


def _after(cycle: SurveyCycle, upload_id: str, job):
    """Wait a little for the job: when it is done, answer as if the request had
    done the work; else (or when a preview is ready) go to the upload's page."""
    done = import_jobs.wait(job)
    upload = queries.pending_upload(cycle, upload_id)
    if upload is None:
        return _gone(cycle)
    if not done or upload.state in (UploadState.ready, *RUNNING):
        return redirect_to(_page_url(cycle, upload_id))
    return _outcome(cycle, upload)


def _outcome(cycle: SurveyCycle, upload: PendingImport):
    """The page for an upload whose job has ended (or died)."""
    checked, filename = upload.checked or {}, upload.filename
    if upload.is_fetch and upload.state is not UploadState.failed:
        return fetch_outcome(cycle, upload)
    if upload.state is UploadState.refused:
        operations.consume_upload(upload)
        if "refusal" in checked:
            return _refused(cycle, ImportForm(formdata=None), None, tuple(checked["refusal"]))
        return _refused(cycle, ImportForm(formdata=None),
                        importer.Parsed.from_problems_data(checked), None)
    if upload.state is UploadState.imported:
        operations.consume_upload(upload)
        flash(ngettext("%(num)s respondent imported.", "%(num)s respondents imported.",
                       checked["count"]), "success")
        return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))
    during = checked.get("during")  # failed
    operations.consume_upload(upload)
    return _stopped(cycle, filename, during, upload.is_fetch)


def _stopped(cycle: SurveyCycle, filename: str, during: str | None, fetch: bool = False):
    """The check or import (or fetch) broke off, or its process died: say so;
    the file is already dropped."""
    if fetch:
        flash(_("The fetch from KoboToolbox stopped before it ended. Nothing was "
                "imported; please fetch again."), "error")
    elif during == UploadState.checking.value:
        flash(_("The check of %(file)s stopped before it ended. Nothing was imported; "
                "please upload the file again.", file=filename), "error")
    else:
        flash(_("The import of %(file)s stopped before it ended. Nothing was imported; "
                "please upload the file again.", file=filename), "error")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


def _gone(cycle: SurveyCycle):
    flash(_("This upload has expired or was already imported. Please upload the file "
            "again."), "error")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/import/<upload_id>")
@role_required("is_brand", "is_provider")
def import_preview(cycle_id, upload_id):
    """What the uploaded file will add, with a button to import it; while its
    check or import runs, how far it is (the page refreshes itself); then the
    problems found, or the import's outcome."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    upload = queries.pending_upload(cycle, upload_id)
    if upload is None:
        return _gone(cycle)
    if upload.state in RUNNING:
        filename, during, fetch = upload.filename, upload.state.value, upload.is_fetch
        if import_jobs.is_stale(upload) and import_jobs.drop_if_stale(upload):
            return _stopped(cycle, filename, during, fetch)
        return render("surveys/import_progress.html", cycle=cycle, upload=upload,
                      importing=upload.state is UploadState.importing)
    if upload.state is UploadState.ready:
        return render("surveys/import_preview.html", cycle=cycle, upload=upload,
                      preview=importer.Preview.from_data(upload.checked),
                      texts=cycle.version.texts(str(get_locale())),
                      confirm_form=ConfirmForm())
    return _outcome(cycle, upload)


@bp.route("/cycles/<int:cycle_id>/import/<upload_id>/confirm", methods=["POST"])
@role_required("is_brand", "is_provider")
def import_confirm(cycle_id, upload_id):
    """Import the previewed file: the checks run again (another file may have
    come in meanwhile); all respondents are stored, or none. Confirming twice
    imports once: the second click shows how far the first one is."""
    cycle, upload = _upload(cycle_id, upload_id)
    refuse_staff_upload(cycle)
    require_confirmation()
    if not import_jobs.confirm(upload):
        return redirect_to(_page_url(cycle, upload_id))
    return _after(cycle, upload_id, import_jobs.start("import", upload_id, current_user.id))


@bp.route("/cycles/<int:cycle_id>/import/<upload_id>/cancel", methods=["POST"])
@role_required("is_brand", "is_provider")
def import_cancel(cycle_id, upload_id):
    """Drop the uploaded file without importing it (not once its import runs)."""
    cycle = _upload(cycle_id, upload_id)[0]
    require_confirmation()
    if not operations.cancel_upload(upload_id):
        return redirect_to(_page_url(cycle, upload_id))
    flash(_("Nothing was imported; the uploaded file is deleted."), "info")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


@bp.route("/imports/<int:batch_id>/remove", methods=["POST"])
@role_required("is_brand_admin")
def import_remove(batch_id):
    """Remove a mistaken import: all its respondents and nothing else, before the
    results are released. The import's record stays, saying who removed it."""
    batch = get_or_404(ImportBatch, batch_id)
    cycle = get_or_404(SurveyCycle, batch.cycle_id, manage=True)
    require_confirmation()
    try:
        removed = operations.remove_import(batch, current_user)
    except StateError:
        flash(_("This import cannot be removed: the results have been seen or released, or "
                "it was removed before."), "error")
        return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))
    flash(ngettext("The import %(file)s is removed: %(num)s respondent.",
                   "The import %(file)s is removed: %(num)s respondents.", removed,
                   file=batch.filename), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id))


def _example(cycle: SurveyCycle) -> list[list[str]]:
    return importer.template_rows(queries.asked_codes(cycle), cycle.starts_on,
                                  (cycle.channels or [None])[0],
                                  (cycle.languages or [None])[0])


@bp.route("/cycles/<int:cycle_id>/template.csv")
@role_required("is_brand", "is_provider")
def cycle_template(cycle_id):
    """A CSV with the columns this cycle's file needs and one example row."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    out = io.StringIO()
    csv.writer(out).writerows(_example(cycle))
    return attachment(out.getvalue().encode(), f"cycle-{cycle.id}-template.csv", "text/csv")


@bp.route("/cycles/<int:cycle_id>/template.xlsx")
@role_required("is_brand", "is_provider")
def cycle_template_xlsx(cycle_id):
    """The same template as a workbook, with a second sheet saying what each
    column holds and which values it allows."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    texts = cycle.version.texts(str(get_locale()))
    legend = []
    for column, key, allowed in importer.legend_rows(queries.asked_codes(cycle)):
        what = _(importer.LEGEND[key], start=cycle.starts_on.isoformat(),
                 end=cycle.ends_on.isoformat())
        if key == "question":
            what = f"{texts.get(column, column)} — {what}"
        legend.append((column, what, allowed))
    return attachment(template_workbook(_("Results"), _example(cycle), legend),
                      f"cycle-{cycle.id}-template.xlsx", XLSX)


@bp.route("/cycles/<int:cycle_id>/xlsform.xlsx")
@role_required("is_brand", "is_provider")
def cycle_xlsform(cycle_id):
    """The cycle's questionnaire as an XLSForm, for a provider or a union to run in
    its own survey tool: the questions this cycle asks, in the languages workers
    read it in. The tool's CSV export imports without a mapping. For whoever may
    import into the cycle, as its templates; 404 for anyone else (another company,
    a co-owner, another provider)."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    version = cycle.version
    try:
        data = xlsform.workbook(version, cycle.worker_languages, queries.asked_codes(cycle),
                                form_id=f"wsdialog_cycle_{cycle.id}",
                                title=f"{version.questionnaire.name} · {cycle.site.name}")
    except ValueError as error:
        return _unfit(error, url_for("surveys.cycle_detail", cycle_id=cycle.id))
    return attachment(data, f"cycle-{cycle.id}-xlsform.xlsx", xlsform.MIMETYPE)


@bp.route("/questionnaires/versions/<int:version_id>/xlsform.xlsx")
@role_required("is_brand")
def version_xlsform(version_id):
    """A published questionnaire version as an XLSForm, in every language it
    offers (here, not with the questionnaires: the form speaks the respondents'
    vocabulary). 404 for a draft, whose questions may still change, and for
    another company's version."""
    version = get_or_404(QuestionnaireVersion, version_id)
    if not version.is_published:
        abort(404)
    try:
        data = xlsform.workbook(version)
    except ValueError as error:
        return _unfit(error, url_for("questionnaires.version_detail", version_id=version.id))
    return attachment(data, f"questionnaire-{version.questionnaire_id}-v{version.number}"
                            "-xlsform.xlsx", xlsform.MIMETYPE)


def _unfit(error: ValueError, page: str):
    """Back to ``page``, saying which question codes cannot name a field."""
    flash(_(xlsform.UNFIT, codes=", ".join(error.args[0])), "error")
    return redirect_to(page)
