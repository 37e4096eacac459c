"""Backing up and restoring the whole database, consistent while the app writes.

SQLite: the online backup API copies a consistent snapshot page by page while
other connections go on writing. PostgreSQL: ``pg_dump`` reads one snapshot
(custom format, compressed), ``pg_restore`` replaces every table's contents.
No Flask here: the ``flask backup`` / ``flask restore`` commands pass the URL.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    pass


def _sqlite_path(url) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(url.database)


def _pg_args(url) -> list[str]:
    """libpq connection arguments for the PostgreSQL tools (no driver name)."""
    plain = url.set(drivername="postgresql")
    return ["--dbname", plain.render_as_string(hide_password=False)]


def _tool(name: str) -> str:
    found = shutil.which(name) or next(
        (str(p) for p in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))), None)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def backup(database_url: str, target: Path) -> Path:
    """Write a consistent copy of the database to ``target``."""
    url = make_url(database_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(_sqlite_path(url))
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
    elif url.get_backend_name() == "postgresql":
        subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner",  # noqa: S603 (argv, no shell; the operator's own URL)
                        "--file", str(target), *_pg_args(url)], check=True)
    else:
        raise BackupError(f"no backup for {url.get_backend_name()}")
    return target


def restore(database_url: str, source: Path) -> None:
    """Replace the database's contents with the backup's."""
    if not source.is_file():
        raise BackupError(f"no backup at {source}")
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        backup_db = sqlite3.connect(source)
        live = sqlite3.connect(_sqlite_path(url))
        try:
            backup_db.backup(live)
        finally:
            live.close()
            backup_db.close()
    elif url.get_backend_name() == "postgresql":
        subprocess.run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",  # noqa: S603 (argv, no shell)
                        "--single-transaction", *_pg_args(url), str(source)], check=True)
    else:
        raise BackupError(f"no restore for {url.get_backend_name()}")
