"""Logging in and out, accepting invitations, and one's own account."""

import hashlib
import hmac

from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from .. import invitations
from ..extensions import limiter
from ..forms import ConfirmForm
from ..i18n import languages
from ..models import LoginSession
from ..tenancy import get_or_404
from ..web import redirect_to, render, require_confirmation, safe_path
from . import bp, operations, sessions
from .forms import AcceptInvitationForm, AccountForm, LoginForm, PasswordChangeForm

# Checked when no usable hash matches the address (unknown, or an account
# without a password), so that every failed login costs one hash comparison and
# response times do not reveal who has an account, or whose is deactivated.
_DUMMY_HASH = generate_password_hash("not a password")


def _account_and_address() -> str:
    """The key of the per-account limit: the address typed into the form (as a
    keyed digest, so that the limiter's storage holds no e-mail address) and the
    client's address."""
    typed = (request.form.get("email") or "").strip().lower()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), typed.encode(),
                      hashlib.sha256).hexdigest()[:32]
    return f"{digest}@{get_remote_address()}"


def _failed(response) -> bool:
    """A login that did not succeed shows the form again; a success redirects."""
    return response.status_code == 200


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
@limiter.limit(lambda: current_app.config["LOGIN_ACCOUNT_RATE_LIMIT"], methods=["POST"],
               key_func=_account_and_address, deduct_when=_failed)
def login():
    """Log in with e-mail and password (429 when limited). Limited per client
    address, and failed attempts per account and client address: guessing one
    account's password is slow, yet nobody elsewhere can lock its owner out."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = invitations.existing_account(form.email.data)
        stored = user.password_hash if user is not None and user.password_hash else None
        # Compared before anything else is looked at, for every account alike.
        matches = check_password_hash(stored or _DUMMY_HASH, form.password.data)
        if matches and stored and user.active:
            operations.log_in(user, request.user_agent.string)
            session.permanent = True
            login_user(user)
            return redirect(safe_path(request.args.get("next"), url_for("main.home")), code=303)
        # One message for every failure: it must not tell whether the address exists.
        form.password.errors.append(_("The e-mail address or password is not right."))
        operations.note_failed_login(user)
    return render("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """End this session (others end on the account page)."""
    operations.end_session(current_user.login_session)
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect_to(url_for("auth.login"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
def accept_invitation(token):
    """Set a name and password from an invitation link. An unknown, used,
    revoked or expired link shows an explanation (404)."""
    invitation = invitations.from_token(token)
    if invitation is None:
        return render("auth/invitation_invalid.html", http_status=404)
    if current_user.is_authenticated:
        return render("auth/invitation_logged_in.html", invitation=invitation)
    if "locale" not in session and invitation.locale in languages():
        # The page opens in the language the inviter chose for the invitee (the
        # language switcher still changes it), not in the browser's.
        session["locale"] = invitation.locale
        refresh()
    if invitations.existing_account(invitation.email) is not None:
        # The inviter was not told (their page looks the same either way): say it here.
        flash(_("This e-mail address already has an account, so the invitation cannot "
                "make another one. Please log in with it, or ask the person who invited "
                "you to use another address."), "info")
        return redirect(url_for("auth.login"))
    form = AcceptInvitationForm()
    if request.method == "GET":
        form.name.data = invitation.name
    if form.validate_on_submit():
        user = operations.accept_invitation(invitation, form.name.data, form.password.data,
                                            request.user_agent.string)
        session.permanent = True
        session["locale"] = user.locale
        login_user(user)
        flash(_("Welcome! Your account is ready."), "success")
        return redirect(url_for("main.home"), code=303)
    return render("auth/accept_invitation.html", form=form, invitation=invitation)


def _account_page(form=None, password_form=None):
    return render("auth/account.html", form=form or AccountForm(obj=current_user),
                  password_form=password_form or PasswordChangeForm(),
                  sessions=sessions.of(current_user), current=current_user.login_session,
                  confirm_form=ConfirmForm())


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """Change one's name and language; see one's sessions."""
    form = AccountForm(obj=current_user)
    if request.method == "GET" and not current_user.locale:
        form.locale.data = session.get("locale") or "en"
    if form.validate_on_submit():
        operations.save_account(current_user, form.name.data.strip(), form.locale.data,
                                form.timezone.data or None)
        session["locale"] = form.locale.data
        flash(_("Your account is saved."), "success")
        return redirect_to(url_for("auth.account"))
    return _account_page(form=form)


@bp.route("/account/password", methods=["POST"])
@login_required
def change_password():
    """Change one's password; this ends one's other sessions."""
    password_form = PasswordChangeForm()
    if password_form.validate_on_submit():
        operations.change_password(current_user, password_form.password.data)
        flash(_("Your password is changed. Other sessions are logged out."), "success")
        return redirect_to(url_for("auth.account"))
    return _account_page(password_form=password_form)


@bp.route("/account/sessions/<int:session_id>/end", methods=["POST"])
@login_required
def end_session(session_id):
    """Log out one of one's other sessions (404 for anyone else's, or for this
    one: the logout button ends this one)."""
    login = get_or_404(LoginSession, session_id)
    if login.id == current_user.login_session.id:
        abort(404)
    require_confirmation()
    operations.end_session(login)
    flash(_("That session is logged out."), "success")
    return redirect_to(url_for("auth.account"))


@bp.route("/account/sessions/end-others", methods=["POST"])
@login_required
def end_other_sessions():
    """Log out every session of one's account but this one."""
    require_confirmation()
    operations.end_other_sessions(current_user)
    flash(_("Your other sessions are logged out."), "success")
    return redirect_to(url_for("auth.account"))
