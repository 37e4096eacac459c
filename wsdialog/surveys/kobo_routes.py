"""A cycle linked to a KoboToolbox project: link it (server, project id, API
token), and fetch the submissions not imported before, which go through the
checks of a results file and land as one import "from KoboToolbox". For whoever
may import into the cycle; 404 for anyone else (another company, a co-owner of a
joint cycle, another provider)."""

from __future__ import annotations

from flask import current_app, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import crypto
from ..models import StateError
from ..tenancy import get_or_404
from ..web import redirect_to, require_confirmation, role_required
from . import bp, import_jobs, operations, queries
from .forms import KoboLinkForm
from .models import SurveyCycle
from .pages import kobo_form, kobo_page, refuse_staff_upload


def _cycle(cycle_id: int) -> SurveyCycle:
    """The cycle, for whoever may import into it (404, or back to its page)."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    refuse_staff_upload(cycle)
    return cycle


@bp.route("/cycles/<int:cycle_id>/kobo", methods=["GET", "POST"])
@role_required("is_brand", "is_provider")
def kobo_link(cycle_id):
    """The cycle's KoboToolbox project: link it, point it at another project, or
    replace its token (shown never again, only that one is stored). A server the
    instance does not allow is refused on the form."""
    cycle = _cycle(cycle_id)
    link = queries.kobo_link(cycle)
    if request.method == "POST":
        form = KoboLinkForm(token_stored=link is not None)
    else:
        form = KoboLinkForm(token_stored=link is not None, formdata=None, data={
            "server": link.server_url if link else (current_app.config["KOBO_SERVERS"] or [""])[0],
            "asset_uid": link.asset_uid if link else ""})
    if not form.validate_on_submit():
        return kobo_page(cycle, link, form, http_status=422 if form.errors else 200)
    sealed = crypto.seal(crypto.key_from(current_app.config), form.token.data) \
        if form.token.data else None
    try:
        operations.link_kobo(cycle, link, form.server.data, form.asset_uid.data, sealed,
                             current_user)
    except StateError:
        flash(_("Someone linked this cycle to a KoboToolbox project meanwhile: here is "
                "their link. Change it if it is not the right one."), "error")
        return redirect_to(url_for("surveys.kobo_link", cycle_id=cycle.id))
    flash(_("The KoboToolbox project is linked: fetch its new submissions whenever you "
            "like."), "success")
    return redirect_to(url_for("surveys.kobo_link", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/kobo/remove", methods=["POST"])
@role_required("is_brand", "is_provider")
def kobo_unlink(cycle_id):
    """Remove the cycle's link (its token with it); the imports stay. 404 when
    there is none."""
    cycle = _cycle(cycle_id)
    require_confirmation()
    link = queries.kobo_link(cycle)
    if link is not None:
        operations.unlink_kobo(link, current_user)
        flash(_("The link to KoboToolbox is removed, and its token deleted."), "success")
    return redirect_to(url_for("surveys.kobo_link", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/kobo/fetch", methods=["POST"])
@role_required("is_brand", "is_provider")
def kobo_fetch(cycle_id):
    """Fetch the submissions not imported before and import them all, or none,
    in the background (``import_jobs``: a thread, or the queue's worker, so a
    restart of the web process stops no fetch). The request waits a few seconds;
    the fetch's page then shows how far it is, or its outcome: the number
    imported, or KoboToolbox's error, the cycle's refusal or every problem, and
    nothing changed."""
    cycle = _cycle(cycle_id)
    require_confirmation()
    link = queries.kobo_link(cycle)
    if link is None:
        flash(_("This cycle is not linked to a KoboToolbox project."), "error")
        return redirect_to(url_for("surveys.kobo_link", cycle_id=cycle.id))
    if crypto.unseal(crypto.key_from(current_app.config), link.token_sealed) is None:
        return kobo_page(cycle, link, kobo_form(link), http_status=422, errors=[_(
            "The stored token can no longer be read (the instance's encryption key has "
            "changed). Please enter the token again. Nothing was imported.")])
    upload_id, new = operations.start_fetch(cycle, current_user,
                                            f"KoboToolbox {link.asset_uid}")
    if new:  # else the running fetch's page is followed: no second job
        import_jobs.wait(import_jobs.start("fetch", upload_id, current_user.id))
    return redirect_to(url_for("surveys.import_preview", cycle_id=cycle.id, upload_id=upload_id))
