"""Reading a KoboToolbox project's submissions through its data API, and turning
them into the rows a results file has, for the importer's usual checks. No Flask.

KoboToolbox's API (v2): ``GET {server}/api/v2/assets/{uid}/data.json?format=json``
with ``Authorization: Token <token>`` answers ``{"count", "next", "previous",
"results": [...]}``, a page at a time (``next`` is the following page's URL, or
null). Each submission is an object of the form's fields by name (a field in a
group as ``group_x/q1``, in nested groups with one prefix per group), plus the
tool's own: ``_id``, ``_uuid``, ``_submission_time``, ``meta/rootUuid``,
``formhub/uuid``, ``_attachments``… A field left empty is absent.

Safety: the app only ever calls the servers the instance allows (``allowed``),
never follows a redirect, follows ``next`` only on the same server and project,
reads at most ``MAX_PAGE_BYTES`` a page and ``importer.MAX_ROWS`` submissions, and
gives up after its time is spent. Any failure is a ``KoboError`` with a code of
``MESSAGES``; nothing of a worker's answer is ever logged.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from urllib.parse import urlencode, urlsplit

from ..text import N_
from .importer import MAX_ROWS

#: What an asset's uid looks like (``aBcD3fGh…``): letters and digits only, so
#: that it can never change the path it is put in.
ASSET_UID = re.compile(r"^[A-Za-z0-9]{5,40}$")
#: A page larger than this is not read (KoboToolbox's largest page, 30,000
#: submissions of a short form, is a few megabytes).
MAX_PAGE_BYTES = 25 * 2**20
#: Pages followed at most (KoboToolbox pages by 100 to 30,000).
MAX_PAGES = 1_000
#: The column that carries each submission's id into the importer: the same
#: column, and the same key, as a CSV export of the project has, so a submission
#: imported from an export is not fetched again, nor the other way round.
KEY_COLUMN = "meta/rootUuid"
#: The submission's own fields: left out, as in a CSV export (``importer.TOOL_COLUMNS``).
_TOOL_PREFIXES = ("_", "meta/", "formhub/")

MESSAGES = {
    "network": N_("KoboToolbox could not be reached (%(reason)s). Nothing was imported; "
                  "please try again later."),
    "timeout": N_("KoboToolbox took too long to answer. Nothing was imported; please try "
                  "again later."),
    "unauthorised": N_("KoboToolbox refused the token. Please check that the token belongs "
                       "to an account that may see this project's data, and replace it. "
                       "Nothing was imported."),
    "not_found": N_("KoboToolbox knows no project %(uid)s on this server (or the token may "
                    "not see it). Please check the project's id. Nothing was imported."),
    "bad_status": N_("KoboToolbox answered with an error (HTTP %(status)s). Nothing was "
                     "imported; please try again later."),
    "bad_response": N_("KoboToolbox's answer could not be read as its data API answers. "
                       "Nothing was imported."),
    "too_many": N_("The project has more than %(max)s submissions: more than a cycle can "
                   "import at once. Nothing was imported."),
}


class KoboError(Exception):
    """The submissions could not be read; ``code`` (of ``MESSAGES``) and
    ``params`` say why."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


def server_of(url: str) -> str:
    """A server's address as the allow-list holds it: scheme and host (and port),
    lower-cased, without a trailing slash; "" when it is not an http(s) address."""
    parts = urlsplit((url or "").strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname \
            or parts.username or parts.password or parts.query or parts.fragment \
            or parts.path.strip("/"):
        return ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def allowed(url: str, servers: Iterable[str]) -> bool:
    """Whether ``url`` names one of the ``servers`` the instance allows."""
    server = server_of(url)
    return bool(server) and server in {server_of(s) for s in servers}


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an error here: it could lead anywhere, the token along."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def data_url(server: str, uid: str) -> str:
    return f"{server_of(server)}/api/v2/assets/{uid}/data.json?" + urlencode({"format": "json"})


def fetch_submissions(server: str, uid: str, token: str, timeout: float) -> list[dict]:
    """Every submission of the project, page after page (raises KoboError).
    ``timeout`` is for the whole fetch, every page included."""
    if not ASSET_UID.match(uid or ""):
        raise KoboError("not_found", uid=(uid or "")[:40])
    deadline = time.monotonic() + timeout
    url: str | None = data_url(server, uid)
    own_path = f"/api/v2/assets/{uid}/data"
    submissions: list[dict] = []
    for _page in range(MAX_PAGES):
        if url is None:
            return submissions
        page = _get_json(url, token, deadline, uid)
        results, url = _page_of(page)
        submissions.extend(results)
        if len(submissions) > MAX_ROWS:
            raise KoboError("too_many", max=MAX_ROWS)
        if url is not None:
            following = urlsplit(url)
            # The next page on the same server and project only: the token goes along.
            if server_of(f"{following.scheme}://{following.netloc}") != server_of(server) \
                    or not following.path.startswith(own_path):
                raise KoboError("bad_response")
    raise KoboError("too_many", max=MAX_ROWS)


def _get_json(url: str, token: str, deadline: float, uid: str):
    left = deadline - time.monotonic()
    if left <= 0:
        raise KoboError("timeout")
    request = urllib.request.Request(url, headers={  # noqa: S310 (an allowed http(s) server)
        "Authorization": f"Token {token}", "Accept": "application/json"})
    try:
        with _opener.open(request, timeout=left) as response:
            body = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as error:
        error.close()
        if error.code in (401, 403):
            raise KoboError("unauthorised") from None
        if error.code == 404:
            raise KoboError("not_found", uid=uid) from None
        raise KoboError("bad_status", status=error.code) from None
    except TimeoutError:
        raise KoboError("timeout") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            raise KoboError("timeout") from None
        raise KoboError("network", reason=type(reason).__name__) from None
    if len(body) > MAX_PAGE_BYTES:
        raise KoboError("bad_response")
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise KoboError("bad_response") from None


def _page_of(page) -> tuple[list[dict], str | None]:
    """The submissions of a page and the next page's URL, or KoboError."""
    if not isinstance(page, dict) or not isinstance(page.get("results"), list):
        raise KoboError("bad_response")
    results, following = page["results"], page.get("next")
    if not all(isinstance(s, dict) for s in results) or \
            (following is not None and not isinstance(following, str)):
        raise KoboError("bad_response")
    for submission in results:
        if not submission_key(submission):
            raise KoboError("bad_response")
    return results, following or None


def submission_key(submission: dict) -> str:
    """The submission's id as a CSV export's key column holds it: ``meta/rootUuid``
    (the same when a submission is edited), else its ``_uuid``; "" if it has none."""
    root = submission.get("meta/rootUuid") or submission.get("meta/rootuuid")
    if isinstance(root, str) and root.strip():
        return root.strip()
    uuid = submission.get("_uuid")
    if isinstance(uuid, str) and uuid.strip():
        return f"uuid:{uuid.strip()}"
    return ""


def submission_number(submission: dict) -> str:
    """What KoboToolbox shows as the submission's number (``_id``), for messages."""
    return str(submission.get("_id") or submission_key(submission).removeprefix("uuid:"))[:40]


def field_name(name: str) -> str:
    """A form's field without its groups: ``group_x/q1`` is ``q1``."""
    return name.rsplit("/", 1)[-1]


def _is_tools(name: str) -> bool:
    return name.lower().startswith(_TOOL_PREFIXES)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value).lower() if isinstance(value, bool) else str(value)
    # A list or an object is no answer the importer knows: it names it as a bad value.
    return json.dumps(value, ensure_ascii=False)[:200]


def rows(submissions: Sequence[dict]) -> list[list[str]]:
    """The submissions as a results file's rows: a header of the form's fields
    (groups left off, the tool's own fields left out) and ``KEY_COLUMN``, then one
    row per submission in their order; an empty field is an empty cell."""
    fields: list[str] = []
    seen: set[str] = set()
    for submission in submissions:
        for name in submission:
            if name not in seen and not _is_tools(name):
                seen.add(name)
                fields.append(name)
    header = [field_name(name) for name in fields] + [KEY_COLUMN]
    return [header] + [[_cell(s.get(name)) for name in fields] + [submission_key(s)]
                       for s in submissions]
