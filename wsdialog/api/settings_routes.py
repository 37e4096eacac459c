"""The page for an organisation's API tokens (a company's admins, a survey
provider's people): create one (its secret shown once), see when each was last
used, revoke one."""

from __future__ import annotations

from flask import flash, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import ConfirmForm
from ..models import StateError
from ..tenancy import get_or_404
from ..web import redirect_to, render, require_confirmation, role_required
from . import operations, queries, settings_bp
from .forms import TokenForm
from .models import SCOPES, ApiToken


def _page(form: TokenForm, secret: str | None = None, created: ApiToken | None = None,
          status: int = 200):
    return render("api/tokens.html", form=form, tokens=queries.own_tokens(),
                  secret=secret, created=created, scopes=SCOPES, confirm_form=ConfirmForm(),
                  http_status=status)


@settings_bp.route("/settings/api", methods=["GET", "POST"])
@role_required("is_brand_admin", "is_provider")
def tokens():
    """The company's API tokens, and the form for a new one. After creating one
    the page shows its secret, this once: it is not kept (only its digest), so it
    is shown in this answer, never stored in a session or redirected to."""
    form = TokenForm(current_user)
    if form.validate_on_submit():
        token, secret = operations.create_token(form.name.data, form.scopes.data, current_user)
        return _page(TokenForm(current_user, formdata=None), secret=secret, created=token)
    return _page(form, status=422 if form.errors else 200)


@settings_bp.route("/settings/api/<int:token_id>/revoke", methods=["POST"])
@role_required("is_brand_admin", "is_provider")
def revoke(token_id):
    """Revoke a token of the company: requests with it are refused from now on."""
    token = get_or_404(ApiToken, token_id)
    require_confirmation()
    try:
        operations.revoke_token(token, current_user)
    except StateError:
        flash(_("This token was already revoked."), "info")
    else:
        flash(_("The token is revoked: programs using it can no longer read anything."),
              "success")
    return redirect_to(url_for("api_tokens.tokens"))
