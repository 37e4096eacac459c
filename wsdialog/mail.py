"""Outgoing mail over SMTP, when a server is configured.

Without one (an intranet with no mail server) nothing is sent: callers show the
message to the person who triggered it so they can pass it on themselves. With a
queue (``jobs.py``), a mail is handed to the queue and the worker sends it.
"""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

from . import jobs

log = logging.getLogger("wsdialog.mail")


def smtp_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


#: A queued mail the SMTP server refused, or that could not reach it, is tried
#: again after these many seconds (then given up, in the worker's log).
RETRY_AFTER = [60, 600, 3600]


class NotSent(Exception):
    """The SMTP server could not be reached, or refused the mail."""


def send(to: str, subject: str, body: str,
         attachment: tuple[str, str, bytes] | None = None) -> bool:
    """Send a plain-text mail, with an optional (filename, MIME type, data)
    attachment. True when handed to the SMTP server, or (with a queue) to the
    queue that hands it over, trying again for an hour (``RETRY_AFTER``); False
    when no server is configured or it refused, or the queue cannot be reached
    (the caller then offers a copy)."""
    if not smtp_configured():
        return False
    if jobs.queued():
        try:
            jobs.enqueue("wsdialog.mail:deliver", to, subject, body, attachment,
                         retries=len(RETRY_AFTER), retry_after=RETRY_AFTER, timeout=60)
        except jobs.Unavailable:
            return False
        return True
    try:
        deliver(to, subject, body, attachment)
    except NotSent:
        return False
    return True


def deliver(to: str, subject: str, body: str,
            attachment: tuple[str, str, bytes] | None = None) -> None:
    """Hand the mail to the SMTP server now (the queue's job); NotSent if not."""
    cfg = current_app.config
    message = EmailMessage()
    message["From"] = cfg["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if attachment:
        filename, mimetype, data = attachment
        maintype, _sep, subtype = mimetype.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    try:
        with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=10) as smtp:
            if cfg["MAIL_STARTTLS"]:
                smtp.starttls()
            if cfg["MAIL_USERNAME"]:
                smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("Could not send mail %r: %s", subject, error)
        raise NotSent(type(error).__name__) from None
