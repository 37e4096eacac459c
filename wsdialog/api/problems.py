"""Errors of the API as RFC 9457 problem details (``application/problem+json``).

Every error under ``/api/v1`` — refused tokens and scopes, unknown objects and
routes, a wrong method, the rate limit, a crash — comes out in this shape, never
as an HTML page. The ``type`` is ``about:blank`` (RFC 9457 §4.2.1): the status
says what kind of problem it is, and ``title`` is its standard phrase; ``detail``
says what happened here. Written in English: the reader is a program and the
developer who wires it up."""

from __future__ import annotations

import json
from http import HTTPStatus

from flask import Response

MEDIA_TYPE = "application/problem+json"

#: What ``detail`` says when the code that refused said nothing more specific.
DETAILS = {
    400: "The request could not be understood.",
    401: "A valid API token is needed: send it as 'Authorization: Bearer <token>'. "
         "A revoked token is refused.",
    403: "The token does not carry the scope this endpoint needs.",
    404: "There is nothing here, or nothing this token may reach.",
    405: "This endpoint does not answer this method.",
    409: "The request conflicts with the state of what it is about.",
    413: "The request is too large.",
    422: "The request's content does not pass the checks.",
    429: "Too many requests with this token: wait a minute and try again.",
    500: "Something went wrong on our side. Please try again later.",
}


def problem(status: int, detail: str | None = None, **extensions) -> Response:
    """A problem details response with ``status``, and extension members (RFC 9457
    §3.2) where given."""
    if status not in DETAILS:
        status = 500 if status >= 500 else 400
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status,
            "detail": detail or DETAILS[status], **extensions}
    response = Response(json.dumps(body), status=status, mimetype=MEDIA_TYPE)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="wsdialog"'
    return response


def for_error(error) -> Response:
    """The problem for an HTTP error (or a crash) raised inside the API: the detail
    given to ``abort(code, description)`` when there was one, else the standard one."""
    code = getattr(error, "code", None) or 500
    description = getattr(error, "description", None)
    given = description if description and description != type(error).description else None
    return problem(code, given if code < 500 else None)
