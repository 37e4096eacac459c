"""A survey provider's mapping of its own files to ours: its people write it
once (starting from a real file of theirs), and every later file of a cycle it
runs is read through it before the usual checks."""

from __future__ import annotations

from flask import flash, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from ..tenancy import scoped
from ..web import redirect_to, render, role_required
from . import bp, importer, mapping, operations
from .forms import MappingForm
from .models import ProviderMapping


def _saved() -> mapping.Mapping:
    row = db.session.scalar(scoped(ProviderMapping).where(
        ProviderMapping.provider_id == current_user.provider_id))
    return mapping.Mapping(row.columns, row.values) if row else mapping.Mapping()


@bp.route("/mapping", methods=["GET", "POST"])
@role_required("is_provider")
def provider_mapping():
    """The provider's mapping: read a real file for its columns and values, map
    them to ours, save; the import preview then shows a file as it is read."""
    form = MappingForm()
    problems: list[str] = []
    if not form.is_submitted():
        form.columns.data, form.values.data = mapping.as_text(_saved())
    elif form.validate():
        if form.read.data:
            if form.sample.data and form.sample.data.filename:
                try:
                    rows = importer.read_table(form.sample.data.read(),
                                               form.sample.data.filename)
                except importer.Unreadable as error:
                    problems.append(_(importer.MESSAGES[error.problem.code],
                                      **error.problem.params))
                else:
                    form.columns.data, form.values.data = mapping.sample_lines(rows, _saved())
            else:
                problems.append(_("Please choose a file."))
        else:
            saved, found = mapping.parse(form.columns.data or "", form.values.data or "")
            problems = [_(mapping.PROBLEMS[p.code], **p.params) for p in found]
            if not problems:
                operations.save_mapping(current_user.provider_id, saved, current_user)
                flash(_("The mapping is saved: it applies to every file of your cycles from "
                        "now on. Upload one to see it in the preview."), "success")
                return redirect_to(url_for("surveys.provider_mapping"))
    return render("surveys/mapping.html", form=form, problems=problems,
                  http_status=422 if problems or form.errors else 200)
