"""Configuration from the environment, with safe defaults.

Every setting can be given as an environment variable prefixed ``WSDIALOG_``.
Nothing here imports Flask, so the settings can be read and tested on their own.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

#: The key a development checkout may fall back to; production refuses it.
DEFAULT_SECRET_KEY = "dev-only-not-secret"  # noqa: S105 (a marker, refused in production)

#: The KoboToolbox servers a cycle may be linked to (``WSDIALOG_KOBO_SERVERS``,
#: comma-separated): the app fetches from these and from nowhere else, so that a
#: form cannot make the server call an address inside its own network.
DEFAULT_KOBO_SERVERS = "https://kf.kobotoolbox.org,https://eu.kobotoolbox.org"

#: How long respondents' rows are kept after a cycle's window ends (``flask
#: retention``), unless ``WSDIALOG_RETENTION_YEARS`` says otherwise.
DEFAULT_RETENTION_YEARS = 3

LANGUAGES = {
    # code: name of the language in that language (shown in the switcher)
    "en": "English",
    "nl": "Nederlands",
    "zh_Hans": "简体中文",
    "vi": "Tiếng Việt",
}


class ConfigError(RuntimeError):
    """The configuration is unsafe or incomplete; the app refuses to start."""


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def secret_key_for(instance_path: str, env: dict[str, str]) -> str:
    """Return the secret key: from the environment, or one generated once into
    the instance folder so that sessions survive restarts without any setup."""
    key = env.get("WSDIALOG_SECRET_KEY")
    if key:
        return key
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # Written with owner-only permissions: the key signs sessions and invitations.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def load(instance_path: str, env: dict[str, str] | None = None) -> dict:
    """Build the Flask config mapping for this process."""
    env = dict(os.environ if env is None else env)
    production = env.get("WSDIALOG_ENV", "development") == "production"
    if production and env.get("WSDIALOG_SECRET_KEY", DEFAULT_SECRET_KEY) == DEFAULT_SECRET_KEY:
        # Several servers must share one key, and a key must never be a known
        # value: production takes it from the environment only.
        raise ConfigError("Refusing to start in production without WSDIALOG_SECRET_KEY "
                          "(or with the development key).")
    secret_key = secret_key_for(instance_path, env)
    try:
        retention_years = int(env.get("WSDIALOG_RETENTION_YEARS", DEFAULT_RETENTION_YEARS))
    except ValueError:
        retention_years = 0
    if retention_years < 1:
        # 0 would delete the respondents of every released cycle at the next run.
        raise ConfigError("WSDIALOG_RETENTION_YEARS must be a whole number of years, 1 or more.")

    try:
        proxies = int(env.get("WSDIALOG_PROXIES", "0"))
    except ValueError:
        proxies = -1
    if proxies < 0:
        raise ConfigError("WSDIALOG_PROXIES must be the number of reverse proxies in front "
                          "of the app: 0 (none, the default), 1, 2…")

    database_url = env.get("WSDIALOG_DATABASE_URL") or (
        "sqlite:///" + str(Path(instance_path) / "wsdialog.sqlite")
    )
    if database_url.startswith("postgresql://"):
        # psycopg 3 is the driver we ship; plain URLs would ask for psycopg2.
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")

    kobo_servers = [server.strip().rstrip("/") for server in
                    env.get("WSDIALOG_KOBO_SERVERS", DEFAULT_KOBO_SERVERS).split(",")
                    if server.strip()]

    queue_url = env.get("WSDIALOG_QUEUE_URL", "").strip()
    if queue_url and not queue_url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("WSDIALOG_QUEUE_URL must be a Redis URL (redis://host:6379/0), "
                          "or unset to run jobs in threads of the web process.")

    secure_cookies = production or _flag(env.get("WSDIALOG_SECURE_COOKIES"))
    return {
        "WSDIALOG_ENV": "production" if production else "development",
        "SECRET_KEY": secret_key,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # "__Host-": browsers then accept the cookie only over HTTPS, for the whole
        # site and from this host alone (no subdomain can set or overwrite it).
        "SESSION_COOKIE_NAME": "__Host-wsdialog_session" if secure_cookies
        else "wsdialog_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure_cookies,
        # A session ends after 12 hours without a request (idle), and 24 hours
        # after login whatever happens (absolute): a stolen cookie does not last.
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
        "SESSION_ABSOLUTE_LIFETIME": timedelta(
            hours=int(env.get("WSDIALOG_SESSION_MAX_HOURS", "24"))),
        # Browsers then use HTTPS only for a year; production serves HTTPS.
        "HSTS": env.get("WSDIALOG_HSTS", "max-age=31536000" if production else ""),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": "UTC",
        "LANGUAGES": LANGUAGES,
        "RATELIMIT_STORAGE_URI": env.get("WSDIALOG_RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": False,
        # Imports and mail to others go on this Redis queue, run by ``flask worker``
        # (``jobs.py``), so that they survive a restart of the web process. Empty:
        # they run in threads of the web process (one machine).
        "QUEUE_URL": queue_url,
        "LOGIN_RATE_LIMIT": env.get("WSDIALOG_LOGIN_RATE_LIMIT", "10 per minute"),
        # Failed logins to one account from one client address: slows guessing a
        # password without letting anyone elsewhere lock the owner out.
        "LOGIN_ACCOUNT_RATE_LIMIT": env.get("WSDIALOG_LOGIN_ACCOUNT_RATE_LIMIT",
                                            "5 per 5 minutes"),
        # Requests to the API per token (per client address without one).
        "API_RATE_LIMIT": env.get("WSDIALOG_API_RATE_LIMIT", "120 per minute"),
        # How many reverse proxies stand in front of the app. Their X-Forwarded-For
        # (and -Proto) is trusted only then: otherwise anyone could send one and
        # pass for another client; behind a proxy every client had one address.
        "PROXIES": proxies,
        # Pages compressed for slow links: Brotli where the browser accepts it, else
        # gzip. Static files come precompressed (assets.py), so not here.
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_BR_LEVEL": 5,
        "COMPRESS_LEVEL": 6,
        "COMPRESS_STREAMS": False,
        "INVITATION_MAX_AGE": timedelta(days=14),
        # A bigger request is refused (413) before it is read: a results file is a
        # few hundred kilobytes, so 10 MB leaves room and stops abuse.
        "MAX_CONTENT_LENGTH": int(env.get("WSDIALOG_MAX_UPLOAD_MB", "10")) * 2**20,
        # A file attached to an agreement's update: below the request's limit, so
        # that a photo too large is named on the form rather than refused at the
        # door; a phone's photo is 2 to 8 MB (it is stored scaled down).
        "EVIDENCE_MAX_BYTES": int(env.get("WSDIALOG_EVIDENCE_MAX_MB", "8")) * 2**20,
        # An upload's check and import run in the background; the request waits
        # this long for them (and answers as if it had done the work itself),
        # then shows a progress page: far below a server's 30 s time limit.
        "IMPORT_WAIT_SECONDS": float(env.get("WSDIALOG_IMPORT_WAIT_SECONDS", "5")),
        # ``flask retention`` deletes the respondents' rows of released cycles whose
        # window ended longer ago than this, keeping their figures as counts.
        "RETENTION_YEARS": retention_years,
        "BASE_URL": env.get("WSDIALOG_BASE_URL", ""),
        # Encrypts what the app must read back, such as a cycle's KoboToolbox API
        # token (``crypto.py``). Empty: a key derived from SECRET_KEY. Set it to
        # keep stored tokens readable when SECRET_KEY is rotated.
        "ENCRYPTION_KEY": env.get("WSDIALOG_ENCRYPTION_KEY", ""),
        "KOBO_SERVERS": kobo_servers,
        # A fetch from KoboToolbox gives up after this many seconds in all (every
        # page of the data included): far below a server's 30 s time limit.
        "KOBO_TIMEOUT_SECONDS": float(env.get("WSDIALOG_KOBO_TIMEOUT_SECONDS", "20")),
        "MAIL_SERVER": env.get("WSDIALOG_SMTP_HOST", ""),
        "MAIL_PORT": int(env.get("WSDIALOG_SMTP_PORT", "25")),
        "MAIL_USERNAME": env.get("WSDIALOG_SMTP_USER", ""),
        "MAIL_PASSWORD": env.get("WSDIALOG_SMTP_PASSWORD", ""),
        "MAIL_STARTTLS": _flag(env.get("WSDIALOG_SMTP_STARTTLS")),
        "MAIL_FROM": env.get("WSDIALOG_MAIL_FROM", "wsdialog <no-reply@localhost>"),
    }
