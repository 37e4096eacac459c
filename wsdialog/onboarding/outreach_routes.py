"""Approaching a supplier with a message built from the company's template."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from .. import mail
from ..clock import now, today
from ..extensions import db
from ..i18n import languages
from ..models import ContactPerson, Supplier, SupplierRelationship
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, role_required
from . import bp, operations, outreach, pipeline, queries
from .forms import OutreachForm, TemplateForm
from .models import OutreachTemplate
from .pipeline import Stage


def template_text(locale: str) -> tuple[str, str]:
    """The company's own subject and body in ``locale``, or ours, translated."""
    own = db.session.scalar(scoped(OutreachTemplate).where(OutreachTemplate.locale == locale))
    return (own.subject, own.body) if own else _our_text(locale)


def _our_text(locale: str) -> tuple[str, str]:
    with force_locale(locale):
        return (_(outreach.DEFAULT_SUBJECT),
                "\n\n".join(_(paragraph) for paragraph in outreach.DEFAULT_PARAGRAPHS))


def _fill(text: str, values: dict) -> str:
    # Only the four known placeholders; a stray "%" in the text is left alone.
    for key, value in values.items():
        text = text.replace(f"%({key})s", value)
    return text


@bp.route("/onboarding/suppliers/<int:supplier_id>/outreach", methods=["GET", "POST"])
@role_required("is_brand")
def outreach_message(supplier_id):
    """Write the message (from the template, in the supplier's language), then
    send it by mail or copy it; it is kept on the supplier's record and the
    supplier counts as approached. Refused (404) while a decline is respected."""
    supplier = get_or_404(Supplier, supplier_id)
    existing = queries.existing_engagement(supplier, current_user)
    stage = existing.stage if existing else Stage.candidate
    if not pipeline.may_approach(stage, existing.reask_on if existing else None, today()):
        abort(404)
    contacts = list(db.session.scalars(scoped(ContactPerson).join(
        ContactPerson.supplier_relationship).where(
        SupplierRelationship.supplier_id == supplier.id)))
    locale = request.values.get("locale") if request.values.get("locale") in languages() \
        else "en"
    form = OutreachForm()
    if request.method == "GET" or request.args.get("locale"):
        subject, body = template_text(locale)
        contact = next((c for c in contacts if c.email), None)
        values = {"contact": contact.name if contact else supplier.name,
                  "supplier": supplier.name, "company": current_user.company.name,
                  "sender": current_user.name}
        form = OutreachForm(formdata=None, data={
            "recipient": contact.email if contact else "", "locale": locale,
            "subject": _fill(subject, values), "body": _fill(body, values)})
    elif form.validate_on_submit():
        mailed = mail.send(form.recipient.data, form.subject.data, form.body.data)
        message = operations.approach(
            supplier, current_user, at=now(), today=today(), recipient=form.recipient.data,
            locale=form.locale.data, subject=form.subject.data, body=form.body.data,
            mailed=mailed, note=_("Outreach message: %(subject)s", subject=form.subject.data))
        if mailed:
            flash(_("The message is sent to %(email)s.", email=form.recipient.data),
                  "success")
            return redirect_to(url_for("onboarding.engagement_detail",
                                       supplier_id=supplier.id))
        return render("onboarding/outreach_copy.html", supplier=supplier, message=message)
    return render("onboarding/outreach.html", form=form, supplier=supplier,
                  contacts=contacts, locale=locale)


@bp.route("/onboarding/templates", methods=["GET", "POST"])
@role_required("is_brand")
def templates():
    """The company's outreach text per language (``?locale=``)."""
    locale = request.values.get("locale", "en")
    if locale not in languages():
        locale = "en"
    own = db.session.scalar(scoped(OutreachTemplate).where(OutreachTemplate.locale == locale))
    subject, body = template_text(locale)
    form = TemplateForm(data={"subject": subject, "body": body}
                        if request.method == "GET" else None)
    if form.validate_on_submit():
        operations.save_template(locale, form.subject.data, form.body.data,
                                 _our_text(locale))
        flash(_("The template is saved."), "success")
        return redirect_to(url_for("onboarding.templates", locale=locale))
    return render("onboarding/templates.html", form=form, locale=locale, own=own)
