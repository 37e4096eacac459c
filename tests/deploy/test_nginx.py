"""The shipped deployment, run: Debian's nginx with deploy/nginx/wsdialog.conf
(only its addresses and paths replaced) in front of two gunicorns that share one
database (PostgreSQL in scripts/test's PostgreSQL run, else one SQLite file) and
one Redis, as WSDIALOG_ENV=production with WSDIALOG_PROXIES=1. A brand's admin
logs in, imports a results file, releases the results, reads them and logs out
over HTTPS, nginx handing her requests to the two servers in turn, with no sticky
sessions; static files come from nginx, and too large an upload is refused."""

from __future__ import annotations

import datetime as dt
import http.client
import ipaddress
import os
import re
import shutil
import ssl
import subprocess
import time
import uuid
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from wsdialog import assets
from wsdialog.extensions import db

from .. import factories as f
from ..servers import free_port, serve, wait_for_port

#: Each test starts nginx, two gunicorns and Redis.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "deploy" / "nginx" / "wsdialog.conf"
BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def site_config(site: str, *, servers: list[str], http_port: int, https_port: int,
                certificate: Path, key: Path, static_root: Path) -> str:
    """The shipped site with this machine's addresses and paths: each text
    replaced must be there, so that the test runs the file as it is shipped."""
    replacements = {
        "    server 127.0.0.1:8000;\n": "".join(f"    server {s};\n" for s in servers),
        "    listen [::]:80;\n": "",
        "    listen [::]:443 ssl http2;\n": "",
        "    listen 80;": f"    listen 127.0.0.1:{http_port};",
        "    listen 443 ssl http2;": f"    listen 127.0.0.1:{https_port} ssl http2;",
        "/etc/letsencrypt/live/wsdialog.example.org/fullchain.pem": str(certificate),
        "/etc/letsencrypt/live/wsdialog.example.org/privkey.pem": str(key),
        "root /var/lib/wsdialog;": f"root {static_root};",
    }
    for old, new in replacements.items():
        assert site.count(old) == 1, f"deploy/nginx/wsdialog.conf no longer has {old!r}"
        site = site.replace(old, new)
    return site


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)

    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def start_nginx(folder: Path, site: str, stack: ExitStack) -> None:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    (folder / "site.conf").write_text(site)
    temporary = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    for kind in temporary:
        (folder / kind).mkdir()
    # The main context Debian's /etc/nginx/nginx.conf gives a site, in the test's
    # folder (the Brotli module, as modules-enabled/ would load it).
    main = [f"load_module {BROTLI};"]
    if os.geteuid() == 0:
        main.append("user root;")  # its workers read the test's folders, root's own
    (folder / "nginx.conf").write_text("\n".join([
        *main, "worker_processes 1;", f"error_log {folder}/error.log warn;",
        "events { worker_connections 64; }",
        "http {",
        "    include /etc/nginx/mime.types;",
        "    default_type application/octet-stream;",
        *(f"    {kind}_temp_path {folder}/{kind};" for kind in temporary),
        f"    include {folder}/site.conf;",
        "}", ""]))
    server = subprocess.Popen(
        [binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e",
         str(folder / "error.log"), "-g", f"daemon off; pid {folder}/nginx.pid;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def stop():
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()

    stack.callback(stop)
    time.sleep(0.2)
    if server.poll() is not None:
        pytest.fail(f"nginx did not start: {server.stderr.read().decode()}"
                    f"{(folder / 'error.log').read_text()}")


class Browser:
    """A browser on one address: cookies, the Referer of the page a form was
    on, a new connection per request (so nothing ties it to one server)."""

    def __init__(self, base: str, certificate: Path):
        self.base = base
        self.tls = ssl.create_default_context(cafile=str(certificate))
        self.cookies: dict[str, str] = {}
        self.page = ""
        self.upstream: list[str] = []  # the requests nginx passes on, in order

    def request(self, method: str, path: str, body: bytes = b"", headers=None,
                proxied=True):
        url = urlsplit(self.base)
        connection = http.client.HTTPSConnection(url.hostname, url.port, context=self.tls,
                                                 timeout=30)
        headers = {"Referer": self.base + self.page, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            text = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _eq, value = header.split(";")[0].partition("=")
            self.cookies[name] = value
        if proxied:
            self.upstream.append(f"{method} {path.split('?')[0]}")
        return response, text

    def get(self, path: str, **kwargs):
        response, text = self.request("GET", path, **kwargs)
        if response.status == 200:
            self.page = path
        return response, text.decode(errors="replace")

    def token(self, text: str) -> str:
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', text).group(1)

    def post(self, path: str, fields: dict, file: tuple[str, bytes] | None = None):
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                 .encode() for k, v in fields.items()]
        if file:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                         f'filename="{file[0]}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
                         + file[1] + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        response, text = self.request(
            "POST", path, body,
            {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        return response, text.decode(errors="replace")

    def follow(self, response):
        assert response.status in (302, 303), response.status
        return self.get(urlsplit(response.headers["Location"]).path)


def _results_file(rows: int, first: dt.date) -> bytes:
    lines = ["date,gender,WAGE_RUNS_OUT,CLEAN_WATER"]
    lines += [f"{first + dt.timedelta(days=i % 10)},woman,{'yes' if i % 3 else 'no'},yes"
              for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def served(logs: list[Path], count: int) -> list[list[str]]:
    """The requests each app server logged (but their start-up's /health), once
    they log ``count`` in all: a server writes its line after the response."""
    for _ in range(300):  # up to 15 s: a loaded machine writes late
        found = [[line for line in log.read_text().splitlines()
                  if line.strip() and line != "GET /health"] for log in logs]
        if sum(map(len, found)) >= count:
            break
        time.sleep(0.05)
    return found


def _why(browser, one: list[str], two: list[str], deployment) -> str:
    """What each server logged, what was asked, and nginx's own complaints."""
    errors = Path(deployment["logs"][0]).parent.parent / "nginx" / "error.log"
    return "\n".join(["asked:", *browser.upstream, "one:", *one, "two:", *two, "nginx:",
                      errors.read_text()[-3000:] if errors.exists() else "(no error log)"])


@pytest.fixture
def deployment(app, database_url, tmp_path, redis_url):
    """nginx on two ports (HTTP, HTTPS) before two app servers; gives the HTTPS
    address, the certificate, and each app server's log of the requests it served."""
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()) or not BROTLI.exists():
        pytest.skip("nginx or its Brotli module is not installed "
                    "(scripts/system-packages installs them)")
    static = tmp_path / "static-root"
    assets.StaticFiles(ROOT / "static").export(static / "static")
    env = {"WSDIALOG_ENV": "production", "WSDIALOG_PROXIES": "1",
           "WSDIALOG_RATELIMIT_STORAGE_URI": redis_url}
    logs, servers = [], []
    with ExitStack() as stack:
        for name in ("one", "two"):
            folder = tmp_path / name
            folder.mkdir()
            logs.append(folder / "served.log")
            base = stack.enter_context(serve(database_url, folder, env, [
                "--workers", "1", "--threads", "4", "--access-logfile", str(logs[-1]),
                "--access-logformat", "%(m)s %(U)s"]))
            servers.append(base.removeprefix("http://"))
        nginx = tmp_path / "nginx"
        nginx.mkdir()
        certificate, key = self_signed(nginx)
        http_port, https_port = free_port(), free_port()
        start_nginx(nginx, site_config(SITE.read_text(), servers=servers, http_port=http_port,
                                       https_port=https_port, certificate=certificate,
                                       key=key, static_root=static), stack)
        wait_for_port(https_port)
        yield {"base": f"https://127.0.0.1:{https_port}", "http_port": http_port,
               "certificate": certificate, "logs": logs}


def test_a_walk_through_nginx_alternates_between_two_app_servers(app, deployment):
    company = f.company("Noordwind")
    f.user(company=company, email="eva@noordwind.example", admin=True)
    today = dt.date.today()
    site = f.site(f.supplier(company, name="Saigon Stitch"), name="Thu Duc", headcount=40)
    cycle = f.cycle(company, site, f.published(company, "Survey"), headcount=40,
                    starts_on=today - dt.timedelta(days=20), ends_on=today - dt.timedelta(days=6))
    db.session.commit()
    eva = Browser(deployment["base"], deployment["certificate"])

    response, login = eva.get("/login")
    assert response.status == 200
    assert response.getheader("Strict-Transport-Security") == "max-age=31536000"
    response, _ = eva.post("/login", {"csrf_token": eva.token(login),
                                      "email": "eva@noordwind.example", "password": f.PASSWORD})
    assert response.status == 303, "the form's HTTPS Referer check needs the browser's Host"
    assert "__Host-wsdialog_session" in eva.cookies
    assert "Secure" in response.getheader("Set-Cookie")

    response, page = eva.get(f"/cycles/{cycle.id}")
    assert response.status == 200
    response, _ = eva.post(f"/cycles/{cycle.id}/import", {"csrf_token": eva.token(page)},
                           ("results.csv", _results_file(12, cycle.starts_on)))
    response, preview = eva.follow(response)
    assert "12" in preview
    response, _ = eva.post(urlsplit(eva.base + eva.page).path + "/confirm",
                           {"csrf_token": eva.token(preview)})
    response, page = eva.follow(response)
    assert "12 respondents imported." in page

    response, results = eva.get(f"/cycles/{cycle.id}/results")
    response, _ = eva.post(f"/cycles/{cycle.id}/release", {"csrf_token": eva.token(results)})
    response, results = eva.follow(response)
    assert "sees them now" in results and "Negative <strong>" in results

    response, _ = eva.post("/logout", {"csrf_token": eva.token(results)})
    response, page = eva.follow(response)
    assert "You are logged out." in page
    response, _ = eva.get(f"/cycles/{cycle.id}/results")
    assert response.status == 302 and "/login" in response.headers["Location"]

    # Every request went to one of the two, in turn (nginx's round robin).
    one, two = served(deployment["logs"], len(eva.upstream))
    assert (one, two) in ((eva.upstream[0::2], eva.upstream[1::2]),
                          (eva.upstream[1::2], eva.upstream[0::2])), _why(eva, one, two, deployment)


def test_nginx_serves_hashed_static_files_redirects_to_https_and_refuses_large_uploads(
        app, deployment):
    browser = Browser(deployment["base"], deployment["certificate"])
    _response, login = browser.get("/login")
    stylesheet = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', login).group(1)
    for encoding in ("br", "gzip"):
        response, body = browser.request("GET", stylesheet, proxied=False,
                                         headers={"Accept-Encoding": encoding})
        assert response.status == 200 and response.getheader("Content-Encoding") == encoding
        assert response.getheader("Cache-Control") == assets.IMMUTABLE
        assert response.getheader("Vary") == "Accept-Encoding"
    # A plain name is the app's, checked again before each use.
    response, _ = browser.request("GET", "/static/css/app.css")
    assert response.status == 200 and response.getheader("Cache-Control") == assets.REVALIDATE

    # Up to nginx's limit, a little above the app's, the app answers in the
    # user's language; above it, nginx itself.
    for megabytes, refused_by in ((10.5, "the app"), (12, "nginx")):
        response, page = browser.post("/login", {
            "csrf_token": browser.token(login), "email": "x", "password": "y",
            "padding": "x" * int(megabytes * 2**20)})
        assert response.status == 413
        if refused_by == "the app":
            assert "The file is too large: files of up to 10 MB can be uploaded." in page
        else:
            browser.upstream.pop()  # nginx's alone
            assert "413 Request Entity Too Large" in page and "nginx" in page

    one, two = served(deployment["logs"], len(browser.upstream))
    assert sorted(one + two) == sorted(browser.upstream)  # the stylesheet never left nginx

    connection = http.client.HTTPConnection("127.0.0.1", deployment["http_port"], timeout=10)
    try:
        connection.request("GET", "/login?next=%2F")
        response = connection.getresponse()
    finally:
        connection.close()
    assert response.status == 301
    assert response.getheader("Location") == "https://127.0.0.1/login?next=%2F"
