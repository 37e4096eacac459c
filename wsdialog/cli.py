"""``flask`` commands: demo data, the first coordinator, retention, reminders, the
daily work (``periodic``), the queue's ``worker``, static files for the web
server, and translations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import sqlalchemy as sa
from flask import Flask

from .config import DEFAULT_RETENTION_YEARS
from .extensions import db
from .forms import MIN_PASSWORD_LENGTH
from .models import Company, Role, User
from .passwords import is_common

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "wsdialog" / "translations"
POT = ROOT / "wsdialog" / "messages.pot"


def _reminders(app: Flask) -> str:
    from .clock import today
    from .dialogues.reminders import send_overdue_reminders
    from .results.operations import send_sharing_reminders

    # The links in the mail point at the configured address (WSDIALOG_BASE_URL).
    with app.test_request_context(base_url=app.config["BASE_URL"] or None):
        sharing = send_sharing_reminders(today())
        agreements = send_overdue_reminders(today())
    return (f"Reminders sent: {sharing} to share results with workers, {agreements} of "
            "agreements past their due date.")


def _deleted(done_all: list) -> str:
    return (f"{sum(d.respondents for d in done_all)} respondents, "
            f"{sum(d.answers for d in done_all)} answers, "
            f"{sum(d.other for d in done_all)} codes and keys, of {len(done_all)} cycles")


def register(app: Flask) -> None:
    @app.cli.command("demo-data")
    @click.option("--if-empty", is_flag=True, help="Do nothing when any company exists.")
    def demo_data(if_empty: bool):
        """Load the demo story (an MSI, two brands, their suppliers and sites)."""
        from .demo import load

        if if_empty and db.session.scalar(sa.select(sa.func.count(Company.id))):
            click.echo("The database has data; demo data not loaded.")
            return
        for line in load():
            click.echo(line)

    @app.cli.command("backup")
    @click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
    def backup_command(target: Path):
        """Write a consistent copy of the database to TARGET (safe while the app runs)."""
        from .backup import BackupError, backup

        try:
            backup(app.config["SQLALCHEMY_DATABASE_URI"], target)
        except (BackupError, subprocess.CalledProcessError) as error:
            raise click.ClickException(str(error)) from error
        click.echo(f"Backup written to {target} ({target.stat().st_size:,} bytes).")

    @app.cli.command("restore")
    @click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--yes", is_flag=True, help="Do not ask before replacing the data.")
    def restore_command(source: Path, yes: bool):
        """Replace ALL data with the backup in SOURCE. Stop the app first."""
        from .backup import BackupError, restore

        if not yes:
            click.confirm(f"Replace every table's contents with {source}?", abort=True)
        db.session.remove()
        db.engine.dispose()
        try:
            restore(app.config["SQLALCHEMY_DATABASE_URI"], source)
        except (BackupError, subprocess.CalledProcessError) as error:
            raise click.ClickException(str(error)) from error
        click.echo(f"Restored from {source}.")

    @app.cli.command("create-coordinator")
    @click.option("--email", prompt=True)
    @click.option("--name", prompt=True)
    @click.password_option()
    def create_coordinator(email: str, name: str, password: str):
        """Create an MSI coordinator account (the first login of an instance)."""
        email = email.strip().lower()
        if db.session.scalar(sa.select(User.id).where(User.email == email)):
            raise click.ClickException(f"{email} already has an account.")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise click.ClickException(
                f"Use a password of at least {MIN_PASSWORD_LENGTH} characters.")
        if is_common(password):
            raise click.ClickException("This password is in lists of common and leaked "
                                       "passwords. Choose another one.")
        user = User(email=email, name=name.strip(), role=Role.coordinator)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        click.echo(f"Coordinator {email} created.")

    @app.cli.command("static-files")
    @click.argument("target", type=click.Path(file_okay=False, path_type=Path))
    def static_files_command(target: Path):
        """Write the static files under their hashed names, compressed beside them,
        into TARGET for nginx to serve (deploy/nginx/wsdialog.conf). Run it at each
        upgrade; files of earlier releases stay."""
        from .assets import StaticFiles

        written = StaticFiles(app.static_folder).export(target)
        click.echo(f"{len(written)} static files written to {target}.")

    @app.cli.command("reminders")
    def reminders_command():
        """Mail the suppliers whose released results nobody recorded sharing with
        workers after the company's reminder days (once per cycle), and whoever
        carries out an agreement past its due date (once per agreement). Run it
        daily (``flask periodic`` does)."""
        click.echo(_reminders(app))

    @app.cli.command("retention")
    @click.option("--years", type=click.IntRange(min=1), default=None,
                  help="Keep respondents this many years after a cycle's window ended "
                       "(default: the RETENTION_YEARS setting, "
                       f"{DEFAULT_RETENTION_YEARS} unless set).")
    @click.option("--dry-run", is_flag=True, help="Only list what would be deleted.")
    def retention_command(years: int | None, dry_run: bool):
        """Delete the respondents' rows of released cycles that ended longer ago than
        the retention period, keeping the counts every page shows."""
        from .clock import today
        from .surveys import retention

        years = years or app.config["RETENTION_YEARS"]
        day = today()
        verb = "Would delete" if dry_run else "Deleted"
        click.echo(f"Cycles released and ended before {retention.cutoff(day, years)} "
                   f"({years} years): {len(retention.due(day, years))}.")

        def echo(cycle, done):
            click.echo(f"{verb} cycle {cycle.id} (ended {cycle.ends_on}): "
                       f"{done.respondents} respondents, {done.answers} answers, "
                       f"{done.other} codes and keys.")

        if dry_run:
            done_all = []
            for cycle in retention.due(day, years):
                done_all.append(retention.stored(cycle))
                echo(cycle, done_all[-1])
        else:
            done_all = retention.delete_due(day, years, on_deleted=echo)
        click.echo(f"{verb}: {_deleted(done_all)}.")

    @app.cli.command("periodic")
    def periodic_command():
        """The daily work, for a systemd timer or cron: reminder mails, dropping
        uploads never confirmed, and retention (RETENTION_YEARS). Each part is
        idempotent: a second run the same day sends and deletes nothing more.
        One line per part."""
        from .clock import today
        from .surveys import retention
        from .surveys.operations import forget_stale_uploads

        click.echo(_reminders(app))
        dropped = forget_stale_uploads()
        db.session.commit()
        click.echo(f"Uploads never confirmed, deleted: {dropped}.")
        years = app.config["RETENTION_YEARS"]
        click.echo(f"Retention ({years} years), deleted: "
                   f"{_deleted(retention.delete_due(today(), years))}.")

    @app.cli.command("worker")
    @click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
    def worker_command(burst: bool):
        """Run the jobs of the queue (WSDIALOG_QUEUE_URL): uploads' checks and
        imports, and mail. Start one or more, on any machine that reaches the
        database and Redis."""
        from . import jobs

        if jobs.queue(app) is None:
            raise click.ClickException(
                "No queue is configured: set WSDIALOG_QUEUE_URL to a Redis URL "
                "(redis://localhost:6379/0). Without it the web process runs its jobs "
                "itself, and no worker is needed.")
        jobs.work(app, burst=burst)

    @app.cli.group()
    def translate():
        """Extract, update and compile the message catalogues."""

    def pybabel(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args],  # noqa: S603
                       check=True, cwd=ROOT)

    @translate.command()
    def extract():
        """Write wsdialog/messages.pot from the code and templates."""
        pybabel("extract", "-F", "babel.cfg", "-k", "_l", "-k", "N_", "-k", "lazy_ngettext:1,2",
                "--sort-by-file",
                "--add-comments=Translators:", "--no-wrap", "--project=wsdialog",
                "--ignore-dirs=node_modules .* _* instance build", "-o", str(POT), ".")

    @translate.command()
    def update():
        """Extract, then merge new messages into every language's catalogue."""
        extract.callback()
        pybabel("update", "-i", str(POT), "-d", str(TRANSLATIONS), "--no-wrap",
                "--ignore-obsolete")

    @translate.command()
    @click.argument("lang")
    def init(lang: str):
        """Start a catalogue for a new language."""
        pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", lang)

    @translate.command()
    def compile():  # noqa: A001 (the pybabel verb)
        """Compile the catalogues into .mo files the app reads."""
        pybabel("compile", "-d", str(TRANSLATIONS))
