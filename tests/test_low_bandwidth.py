"""For workers and suppliers on slow links: pages are compressed, and static
files have content-hashed names that browsers keep for a year."""

from __future__ import annotations

import gzip
import re

import brotli
import pytest

from wsdialog import assets

from . import factories as f


def linked_files(body: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', body)


def test_pages_link_static_files_by_a_name_that_changes_with_their_content(client):
    files = linked_files(client.get("/login").get_data(as_text=True))
    assert {"css", "svg", "js"} <= {name.rsplit(".", 1)[1] for name in files}
    for url in files:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), url
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert "Accept-Encoding" in response.headers["Vary"]


def test_a_plain_or_stale_name_is_served_but_must_be_checked_again(client):
    plain = client.get("/static/css/app.css")
    stale = client.get("/static/css/app.000000000000.css")
    for response in (plain, stale):
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-cache"
    assert stale.data == plain.data


@pytest.mark.parametrize("name", ["../pyproject.toml", "css/nothing.css",
                                  "css/../../wsgi.py", "css/app.0123456789ab.nope"])
def test_nothing_outside_the_static_folder_is_served(client, name):
    assert client.get(f"/static/{name}").status_code == 404


def test_static_files_come_compressed_and_answer_a_revalidation_with_304(client):
    url = next(u for u in linked_files(client.get("/login").get_data(as_text=True))
               if "htmx" in u)
    raw = client.get(url, headers={"Accept-Encoding": "identity"})
    br = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert br.headers["Content-Encoding"] == "br" and gz.headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in raw.headers
    assert brotli.decompress(br.data) == gzip.decompress(gz.data) == raw.data
    assert len(br.data) < 20_000 < 50_000 < len(raw.data)
    again = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br",
                                     "If-None-Match": br.headers["ETag"]})
    assert again.status_code == 304 and not again.data


def test_pages_are_compressed_with_brotli_or_gzip(as_user):
    client = as_user(f.user(company=f.company("Noordwind")))
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    br = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br"})
    gz = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert br.headers["Content-Encoding"] == "br"
    assert gz.headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain.headers
    assert len(br.data) < len(plain.data) / 2
    # Pages carry tenant data: compressed or not, never kept in a shared cache.
    assert br.headers["Cache-Control"] == "no-store"
    assert {"Accept-Encoding", "HX-Request"} <= {
        v.strip() for v in br.headers["Vary"].split(",")}


@pytest.mark.parametrize(("name", "plain"), [
    ("css/app.0123456789ab.css", "css/app.css"),
    ("vendor/htmx-2.0.11.min.0123456789ab.js", "vendor/htmx-2.0.11.min.js"),
    ("favicon.0123456789ab", "favicon"),
    ("css/app.css", "css/app.css"),
    ("css/app.0123456789AB.css", "css/app.0123456789AB.css"),  # not a digest of ours
])
def test_hashed_names_round_trip(name, plain):
    assert assets.unhashed(name)[0] == plain
    if plain != name:
        assert assets.hashed(plain, "0123456789ab") == name
