"""Logging in and out, accepting invitations, and one's own account."""

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from .. import invitations
from ..extensions import db, limiter
from ..models import utcnow
from ..web import redirect_to, render, safe_path
from . import bp
from .forms import AcceptInvitationForm, AccountForm, LoginForm, PasswordChangeForm

# Checked when no usable hash matches the address (unknown, or an account
# without a password), so that every failed login costs one hash comparison and
# response times do not reveal who has an account, or whose is deactivated.
_DUMMY_HASH = generate_password_hash("not a password")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
def login():
    """Log in with e-mail and password. Rate-limited per address (429)."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = invitations.existing_account(form.email.data)
        stored = user.password_hash if user is not None and user.password_hash else None
        # Compared before anything else is looked at, for every account alike.
        matches = check_password_hash(stored or _DUMMY_HASH, form.password.data)
        if matches and stored and user.active:
            user.last_login_at = utcnow()
            db.session.commit()
            session.permanent = True
            login_user(user)
            return redirect(safe_path(request.args.get("next"), url_for("main.home")), code=303)
        # One message for every failure: it must not tell whether the address exists.
        form.password.errors.append(_("The e-mail address or password is not right."))
    return render("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """End the session (and every other session of this account)."""
    current_user.end_sessions()
    db.session.commit()
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect_to(url_for("auth.login"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invitation(token):
    """Set a name and password from an invitation link. An unknown, used,
    revoked or expired link shows an explanation (404)."""
    invitation = invitations.from_token(token)
    if invitation is None:
        return render("auth/invitation_invalid.html", http_status=404)
    if current_user.is_authenticated:
        return render("auth/invitation_logged_in.html", invitation=invitation)
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
        user = invitations.accept(invitation, form.name.data, form.password.data)
        user.last_login_at = utcnow()
        db.session.commit()
        session["locale"] = user.locale
        login_user(user)
        flash(_("Welcome! Your account is ready."), "success")
        return redirect(url_for("main.home"), code=303)
    return render("auth/accept_invitation.html", form=form, invitation=invitation)


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """Change one's name and language."""
    form = AccountForm(obj=current_user)
    if request.method == "GET" and not current_user.locale:
        form.locale.data = session.get("locale") or "en"
    if form.validate_on_submit():
        current_user.name = form.name.data.strip()
        current_user.locale = form.locale.data
        session["locale"] = form.locale.data
        db.session.commit()
        flash(_("Your account is saved."), "success")
        return redirect_to(url_for("auth.account"))
    return render("auth/account.html", form=form, password_form=PasswordChangeForm())


@bp.route("/account/password", methods=["POST"])
@login_required
def change_password():
    """Change one's password; this ends one's other sessions."""
    password_form = PasswordChangeForm()
    if password_form.validate_on_submit():
        if current_user.check_password(password_form.current.data):
            current_user.set_password(password_form.password.data)
            current_user.end_sessions()
            db.session.commit()
            # Keep this session, with the new token (the real object: a proxy
            # stored as the logged-in user would refer to itself).
            login_user(current_user._get_current_object())
            flash(_("Your password is changed. Other sessions are logged out."), "success")
            return redirect_to(url_for("auth.account"))
        password_form.current.errors.append(_("This is not your current password."))
    return render("auth/account.html", form=AccountForm(obj=current_user),
                  password_form=password_form)
