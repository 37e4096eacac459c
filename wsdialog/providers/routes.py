"""The providers' pages: the list (with each agreement's day and the company's
upload setting), a provider's facts and people, and inviting its people."""

from __future__ import annotations

from flask import abort, flash, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from .. import invitations
from ..tenancy import get_or_404
from ..web import redirect_to, render, role_required
from . import bp, operations, queries
from .forms import AgreementForm, ProviderForm, ProviderInviteForm, UploadSettingForm
from .models import Provider


def _facts(form: ProviderForm) -> dict:
    return {name: getattr(form, name).data or ([] if name in ("channels", "countries",
                                                               "languages") else "")
            for name in operations.FACTS}


def _list_page(form: ProviderForm | None = None, http_status: int = 200):
    company_id = current_user.company_id
    return render(
        "providers/list.html", providers=queries.providers(), http_status=http_status,
        agreements=queries.agreements(company_id) if current_user.is_brand else {},
        form=form or ProviderForm(formdata=None),
        setting_form=UploadSettingForm(formdata=None, data={
            "staff_may_upload": queries.staff_may_upload(company_id)})
        if current_user.is_brand_admin else None)


@bp.route("/providers", methods=["GET", "POST"])
@role_required("is_coordinator", "is_brand")
def provider_list():
    """The survey providers the user sees; the coordinator registers one for every
    member, a company's admin one for the company alone."""
    form = ProviderForm()
    if form.is_submitted():
        if not (current_user.is_coordinator or current_user.is_brand_admin):
            abort(404)
        if not form.validate():
            return _list_page(form, http_status=422)
        provider = operations.register(current_user, _facts(form))
        flash(_("%(name)s is registered. Invite its people to log in.", name=provider.name),
              "success")
        return redirect_to(url_for("providers.provider_detail", provider_id=provider.id))
    return _list_page()


@bp.route("/providers/<int:provider_id>", methods=["GET", "POST"])
@role_required("is_coordinator", "is_brand", "is_provider")
def provider_detail(provider_id):
    """A provider's facts (editable by who registered it), its people, and the
    company's agreement with it."""
    provider = get_or_404(Provider, provider_id)
    form = ProviderForm(obj=provider)
    if form.is_submitted():
        if not provider.registered_by(current_user):
            abort(404)
        if form.validate():
            operations.update(provider, _facts(form))
            flash(_("Saved."), "success")
            return redirect_to(url_for("providers.provider_detail", provider_id=provider.id))
    agreement = queries.agreements(current_user.company_id).get(provider.id) \
        if current_user.is_brand else None
    return render("providers/detail.html", provider=provider, form=form,
                  people=queries.people(provider),
                  agreement_form=AgreementForm(formdata=None, data={
                      "signed_on": agreement.signed_on if agreement else None}),
                  agreement=agreement, http_status=422 if form.errors else 200)


@bp.route("/providers/<int:provider_id>/agreement", methods=["POST"])
@role_required("is_brand_admin")
def provider_agreement(provider_id):
    """The day the company signed a data-processing agreement with the provider."""
    provider = get_or_404(Provider, provider_id)
    form = AgreementForm()
    if form.validate_on_submit():
        operations.record_agreement(provider, current_user.company_id, form.signed_on.data)
        flash(_("Saved."), "success")
    else:
        flash(_("Please enter a valid day, or leave it empty."), "error")
    return redirect_to(url_for("providers.provider_detail", provider_id=provider.id))


@bp.route("/settings/providers", methods=["POST"])
@role_required("is_brand_admin")
def upload_setting():
    """Whether the company's staff may still upload into a provider's cycle."""
    form = UploadSettingForm()
    if form.validate_on_submit():
        operations.set_staff_may_upload(current_user.company_id, form.staff_may_upload.data)
        flash(_("Saved."), "success")
    return redirect_to(url_for("providers.provider_list"))


@bp.route("/providers/<int:provider_id>/invite", methods=["GET", "POST"])
@role_required("is_coordinator", "is_brand_admin")
def provider_invite(provider_id):
    """Invite someone to log in for the provider: by whoever registered it."""
    provider = get_or_404(Provider, provider_id)
    if not provider.registered_by(current_user):
        abort(404)
    form = ProviderInviteForm(language=str(get_locale()))
    back = url_for("providers.provider_detail", provider_id=provider.id)
    if form.validate_on_submit():
        invitation, delivery = operations.invite(provider, current_user, form.email.data,
                                                 form.name.data, form.locale.data)
        return render("invitation_sent.html", invitation=invitation, delivery=delivery,
                      back=back)
    return invitations.render_form(
        form, title=_("Invite someone to log in for %(name)s", name=provider.name),
        cancel=back, intro=_("They see the survey cycles assigned to %(name)s, with the "
                             "questionnaire in all its languages, and upload their files. They "
                             "see no results, no supplier's details and no other provider's "
                             "cycles.", name=provider.name))
