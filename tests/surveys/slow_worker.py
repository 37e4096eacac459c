"""``flask worker`` whose imports hold still, for a test to kill the worker in
the middle of one: right after every respondent is stored, before the commit,
it writes the file named by ``WSDIALOG_TEST_STORED`` and waits.
Run as ``python -m tests.surveys.slow_worker`` from the project folder."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from flask.cli import main

from wsdialog.extensions import db
from wsdialog.surveys import import_jobs

real_store_batch = import_jobs.store_batch


def store_batch_then_wait(*args, **kwargs):
    stored = real_store_batch(*args, **kwargs)
    db.session.flush()  # every row sent to the database, in the open transaction
    Path(os.environ["WSDIALOG_TEST_STORED"]).touch()
    time.sleep(600)  # the test kills the worker meanwhile
    return stored


if __name__ == "__main__":
    import_jobs.store_batch = store_batch_then_wait
    sys.argv = ["flask", "--app", "wsgi", "worker"]
    main()
