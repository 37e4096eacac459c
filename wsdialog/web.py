"""Helpers shared by every blueprint: page-or-partial rendering, redirects that
work with and without htmx, and access decorators."""

from __future__ import annotations

import io
from functools import wraps
from urllib.parse import urlsplit

from flask import (
    Response,
    abort,
    g,
    make_response,
    redirect,
    render_template,
    request,
    stream_with_context,
)
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict
from werkzeug.routing import IntegerConverter
from werkzeug.utils import cached_property

from .extensions import db
from .forms import MAX_INTEGER, ConfirmForm
from .text import without_control_characters


class IdConverter(IntegerConverter):
    """``<int:…>`` with an upper bound: a larger id is a 404 like any unknown one."""

    def __init__(self, map, *args, **kwargs):  # noqa: A002 (Werkzeug's name)
        kwargs.setdefault("max", MAX_INTEGER)
        super().__init__(map, *args, **kwargs)


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


def streamed_attachment(chunks, mimetype: str, filename: str):
    """A download sent as it is made: ``chunks`` of bytes (the request's context
    kept for a generator that reads the database), or an open binary file, read
    a piece at a time and closed at the end."""
    if hasattr(chunks, "read"):
        chunks = _pieces(chunks)
    return Response(stream_with_context(_with_user(chunks)), 200, {
        "Content-Type": mimetype, "Content-Disposition": f"attachment; filename={filename}"})


def _with_user(chunks):
    """``chunks``, read with the logged-in user attached to the database session.
    A stream is read after the view returned: Flask pushes its contexts again,
    but the session the user was loaded in has been closed by then, and a
    generator that reads through ``scoped()`` would meet a detached user."""
    user = g.get("_login_user")
    if isinstance(user, db.Model):
        g._login_user = db.session.merge(user, load=False)
    yield from chunks


def _pieces(file, size: int = 64 * 1024):
    try:
        while piece := file.read(size):
            yield piece
    finally:
        file.close()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_workbook(title: str, rows, legend) -> bytes:
    """A file template to fill in, as a workbook: ``rows`` (the header and
    examples) on a sheet named ``title``, and a second sheet saying what each
    column holds: ``legend`` is (column, what it holds, allowed values) rows."""
    from flask_babel import gettext as _
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    columns = workbook.create_sheet(_("Columns")[:31])
    columns.append([_("Column"), _("What it holds"), _("Allowed values")])
    for row in legend:
        columns.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def drain_refused_body(environ: dict, up_to: int) -> None:
    """Read and drop the body of a request refused as too large (413), when it is
    no larger than ``up_to``: a server that closes a connection with unread data
    resets it, and the proxy sending the body then answers 502, or a browser
    "connection reset", instead of the page saying the limit."""
    stream = environ.get("wsgi.input")
    try:
        left = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return
    if stream is None or not 0 < left <= up_to:
        return
    while left > 0 and (piece := stream.read(min(left, 64 * 1024))):
        left -= len(piece)


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


def _cleaned(values: MultiDict, storage_class: type) -> MultiDict:
    return storage_class(
        (without_control_characters(key), without_control_characters(value)
         if isinstance(value, str) else value)
        for key, value in values.items(multi=True))


def text_cleaning_request(base: type) -> type:
    """A request class whose form fields and query parameters come without
    control characters, so that no form, filter or hand-read parameter can store
    one (a site named with \\x0b once broke the XLSX export). Files are left alone."""

    class CleanTextRequest(base):
        @cached_property
        def args(self):
            return _cleaned(super().args, self.parameter_storage_class)

        def _load_form_data(self) -> None:
            super()._load_form_data()
            form = self.__dict__.get("form")
            if form:
                self.__dict__["form"] = _cleaned(form, self.parameter_storage_class)

    return CleanTextRequest
