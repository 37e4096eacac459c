"""Helpers shared by every blueprint: page-or-partial rendering, redirects that
work with and without htmx, and access decorators."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import abort, make_response, redirect, render_template, request
from flask_login import current_user, login_required


def is_partial_request() -> bool:
    """True for a real htmx request that wants a fragment (not a boosted
    navigation and not a history restore, which need the whole page)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render(template: str, partial: str | None = None, http_status: int = 200, **context):
    """Render ``partial`` for an htmx request, else the full ``template``."""
    name = partial if partial and is_partial_request() else template
    response = make_response(render_template(name, **context), http_status)
    response.vary.add("HX-Request")
    return response


def attachment(data: bytes, filename: str, mimetype: str):
    """A download: the browser saves it as ``filename``."""
    return make_response(data, 200, {"Content-Type": mimetype,
                                     "Content-Disposition": f"attachment; filename={filename}"})


def redirect_to(url: str):
    """After a successful POST: a 303 for browsers, ``HX-Location`` for htmx
    (so htmx loads the new page instead of swapping a redirect's body)."""
    if getattr(request, "htmx", None):
        response = make_response("", 204)
        response.headers["HX-Location"] = url
        return response
    return redirect(url, code=303)


def require_confirmation() -> None:
    """A confirmation button (``ConfirmForm``) must come with a valid form, else
    400: the one answer every route gives to a failed confirmation."""
    from .forms import ConfirmForm

    if not ConfirmForm().validate_on_submit():
        abort(400)


def role_required(*checks: str):
    """Allow the view only to logged-in users for whom one of the named
    ``User`` properties (``is_brand``, ``is_brand_admin``…) is true; else 404,
    so that a route's existence is no more revealing than an object's."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(*args, **kwargs):
            if not any(getattr(current_user, check) for check in checks):
                abort(404)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def safe_path(target: str | None, default: str) -> str:
    """``target`` if it is a path on this site, else ``default``: redirects
    must never lead a user elsewhere (``//host`` and ``/\\host`` included)."""
    if not target:
        return default
    parts = urlsplit(target)
    path = parts.path
    if parts.scheme or parts.netloc or not path.startswith("/") or path[1:2] in ("/", "\\"):
        return default
    return path + (f"?{parts.query}" if parts.query else "")
