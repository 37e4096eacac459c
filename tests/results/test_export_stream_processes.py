"""Exports are streamed: through a real gunicorn, a CSV of every site arrives
whole, an XLSX opens, and the worker serves the next request as usual."""

from __future__ import annotations

import csv
import io
import urllib.request
from datetime import timedelta

from openpyxl import load_workbook

from wsdialog.auth import sessions
from wsdialog.clock import today
from wsdialog.extensions import db

from ..surveys.test_flood_processes import gunicorn  # noqa: F401 (a fixture)
from .test_many_sites import SITES, many  # noqa: F401 (a fixture: dates from the real today)


def _cookie(app, user) -> str:
    key = sessions.start(user, "urllib (test)").key
    db.session.commit()
    serializer = app.session_interface.get_signing_serializer(app)
    return f"{app.config['SESSION_COOKIE_NAME']}=" \
           f"{serializer.dumps({'_user_id': key, '_fresh': True})}"


def _get(url: str, cookie: str) -> bytes:
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 (local)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (local)
        assert response.status == 200
        return response.read()


def test_a_streamed_export_arrives_whole_from_a_real_server(app, many, gunicorn):  # noqa: F811
    eva, priority, _water = many
    cookie = _cookie(app, eva)
    for _ in range(2):  # the same workers again: nothing of the first stream is left over
        rows = list(csv.reader(io.StringIO(
            _get(f"{gunicorn}/results/sites.csv", cookie).decode("utf-8-sig"))))
        assert len({row[1] for row in rows[1:]}) == SITES
    chosen = load_workbook(io.BytesIO(_get(f"{gunicorn}/results/sites.xlsx?priorities=1",
                                           cookie))).active
    assert {row[1] for row in chosen.iter_rows(min_row=2, values_only=True)} == set(priority)
    year = (today() - timedelta(days=31)).year
    summary = _get(f"{gunicorn}/reports/due-diligence.csv?year={year}", cookie).decode("utf-8-sig")
    assert summary.count("\n") > SITES and "Theme,Priorities" in summary
    assert _get(f"{gunicorn}/actions.csv", cookie).startswith("\ufeffSupplier,Site".encode())
    assert b"All sites" in _get(f"{gunicorn}/results/sites", cookie)
