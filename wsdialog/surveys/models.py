"""Survey cycles per site, and anonymous responses.

Anonymity by design: a response has no person identifier, no time of day, no
IP address or browser; demographics are coarse bands. The fact that a file was
imported (who, when) is kept in ``ImportBatch``, apart from the answers.
"""

from __future__ import annotations

import enum
import secrets
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from ..clock import today
from ..extensions import db
from ..idlists import one_of
from ..models import Company, Role, Site, StateError, User, enum_type, utcnow
from ..questionnaires.answers import Answer
from ..questionnaires.models import QuestionnaireVersion

if TYPE_CHECKING:
    from ..providers.models import Provider
from ..tenancy import manage_rule, managed, providers_registered_by, rule, scoped, within
from . import planning
from .planning import CycleFacts, CycleState, state, window_ended, window_open
from .respondents import DEMOGRAPHICS

#: The site's workforce facts a released cycle keeps (``SurveyCycle.keep_site_facts``).
WORKFORCE_SHARES = ("share_women_pct", "share_migrant_pct", "share_temporary_pct")


def _token() -> str:
    return secrets.token_urlsafe(12)


class SurveyCycle(db.Model):
    """One survey round at one site, with one questionnaire version."""

    __tablename__ = "survey_cycle"
    __table_args__ = (
        sa.CheckConstraint("ends_on >= starts_on", name="window_order"),
        sa.CheckConstraint("headcount > 0", name="headcount_positive"),
        *(sa.CheckConstraint(f"{col} >= 0 AND {col} <= 100", name=f"{col}_range")
          for col in WORKFORCE_SHARES),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("questionnaire_version.id"))
    starts_on: Mapped[date]
    #: The last day answers are accepted (after any extension).
    ends_on: Mapped[date]
    #: Why the window was extended (low response, a holiday…), if it was.
    extension_reason: Mapped[str] = mapped_column(sa.String(200), default="")
    channels: Mapped[list] = mapped_column(sa.JSON, default=list)
    languages: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: Workers at the site when the cycle was planned: the response-rate denominator.
    headcount: Mapped[int]
    #: A provider not registered here, by name (see ``provider_id``).
    provider: Mapped[str] = mapped_column(sa.String(120), default="")
    #: The registered survey provider that runs it (``providers.models.Provider``):
    #: its people see the cycle and upload its files.
    provider_id: Mapped[int | None] = mapped_column(sa.ForeignKey("provider.id"), index=True)
    #: The day brand staff released the results to the supplier ("results shared"):
    #: until then only brand staff see them, and only once the window has closed.
    results_shared_on: Mapped[date | None]
    #: Who released them.
    results_shared_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    #: The site's workforce facts (in percent) its results were read against, kept
    #: at the release: a later edit of the site's facts does not change a released
    #: page. None before the release, or when the site did not know then.
    share_women_pct: Mapped[int | None]
    share_migrant_pct: Mapped[int | None]
    share_temporary_pct: Mapped[int | None]
    #: The day someone first saw answer figures of this cycle (brand staff, after the
    #: close). From then on its respondents are final: an import or a removal after a
    #: look could be compared with what was seen.
    figures_shown_on: Mapped[date | None]
    dialogue_held_on: Mapped[date | None]
    #: The public link of the built-in worker survey: /s/<token>.
    public_token: Mapped[str] = mapped_column(sa.String(24), unique=True, default=_token)
    #: The secret from which the cycle's shown counts are blurred (see
    #: ``results.anonymity``): never shown, never exported.
    figure_seed: Mapped[str] = mapped_column(sa.String(32), default=lambda: secrets.token_hex(16))
    #: The built-in survey asks for a single-use access code (one per worker).
    uses_codes: Mapped[bool] = mapped_column(default=False)
    #: The day ``flask retention`` deleted its respondents' rows, having kept
    #: exactly what the pages show as counts (``GroupTally``, ``GroupAnswerTally``).
    respondents_deleted_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    company: Mapped[Company] = relationship()
    site: Mapped[Site] = relationship()
    version: Mapped[QuestionnaireVersion] = relationship()
    results_shared_by: Mapped[User | None] = relationship()
    assigned_provider: Mapped[Provider | None] = relationship()
    #: The other member companies invited to own it with its company, the lead:
    #: a joint cycle once one of them accepted (``CycleOwner``).
    owners: Mapped[list[CycleOwner]] = relationship(
        back_populates="cycle", cascade="all, delete-orphan", order_by="CycleOwner.invited_on")

    def state(self, day: date) -> CycleState:
        return state(CycleFacts(self.starts_on, self.ends_on, self.results_shared_on,
                                self.dialogue_held_on), day)

    # Open and ended on the app's today (which tests may fix), from the same
    # planning rule as ``state``; in a query too: ``.where(SurveyCycle.is_open)``.
    @hybrid_property
    def is_open(self) -> bool:
        return window_open(self.starts_on, self.ends_on, today())

    @hybrid_property
    def has_ended(self) -> bool:
        return window_ended(self.ends_on, today())

    @hybrid_property
    def is_released(self) -> bool:
        """Released to the supplier: from then on its respondents are final."""
        return self.results_shared_on is not None

    @is_released.inplace.expression
    @classmethod
    def _is_released(cls):
        return cls.results_shared_on.is_not(None)

    @property
    def worker_languages(self) -> list[str]:
        """The languages of the cycle that workers can read its questions in
        (reviewed texts only), else English: the slips', posters' and survey's."""
        return self.version.offered(self.languages or ["en"]) or ["en"]

    @property
    def results_back_by(self) -> date:
        """The day by which workers are told they will hear the grouped results
        (the invitation poster, the survey's thank-you page)."""
        return planning.results_back_by(self.ends_on)

    @property
    def respondents_final(self) -> bool:
        """No import or removal changes the respondents any more: the results were
        seen or released."""
        return self.is_released or self.figures_shown_on is not None

    def extend(self, ends_on: date | None, reason: str | None, others=()) -> None:
        """Keep the survey open until ``ends_on``, saying why: only while it is open
        (or not yet open) and its respondents are not final (released or seen),
        else ``StateError("closed")``. Reopening a closed survey would let those
        who saw its results compare them with the results after one more answer.
        Not into the window of one of ``others`` (the company's other cycles at the
        site): ``StateError("overlap")``, as when planning. A day that is not
        later, or no reason: ``ValueError``."""
        if self.has_ended or self.respondents_final:
            raise StateError("closed")
        if ends_on is None or ends_on <= self.ends_on or not reason:
            raise ValueError("an extension needs a later day and a reason")
        if planning.overlapping(self.starts_on, ends_on,
                                [o for o in others if o is not self]) is not None:
            raise StateError("overlap")
        self.ends_on, self.extension_reason = ends_on, reason

    def ask_for_codes(self) -> None:
        """From now on the built-in survey asks for a single-use access code; a
        closed survey needs none (``StateError("closed")``)."""
        if self.has_ended:
            raise StateError("closed")
        self.uses_codes = True

    def open_link(self) -> None:
        """Back to the open link: anyone with it may answer (within the limit)."""
        self.uses_codes = False

    def admit_held(self, held: int, counted: int) -> None:
        """Check that ``held`` answers held for review may join the ``counted``
        respondents: not once the respondents are final (``StateError("final")``:
        answers added after a look could be compared with what was seen), nor
        beyond the headcount (``StateError("over_headcount")``)."""
        if self.respondents_final:
            raise StateError("final")
        if counted + held > self.headcount:
            raise StateError("over_headcount")

    @property
    def workforce_shares(self) -> tuple[int | None, int | None, int | None]:
        """The shares of women, migrant and temporary workers (percent) its results
        are read against: those kept at the release, else the site's today."""
        source = self if self.is_released else self.site
        return tuple(getattr(source, col) for col in WORKFORCE_SHARES)

    def keep_site_facts(self) -> None:
        """Keep the site's workforce facts of today with the cycle."""
        for col in WORKFORCE_SHARES:
            setattr(self, col, getattr(self.site, col))

    @property
    def co_owners(self) -> list[CycleOwner]:
        """The member companies that accepted to own it with the lead."""
        return [owner for owner in self.owners if owner.accepted]

    @property
    def is_joint(self) -> bool:
        return bool(self.co_owners)

    @property
    def owner_ids(self) -> set[int]:
        """The companies that own it: the lead and those that accepted."""
        return {self.company_id} | {owner.company_id for owner in self.co_owners}

    @property
    def unchecked(self) -> list[CycleOwner]:
        """Co-owners that have not yet said they checked the results."""
        return [owner for owner in self.co_owners if owner.checked_on is None]

    def invite(self, company_id: int, by: User, on: date, may_invite) -> CycleOwner:
        """Invite another member company to own the cycle with its company (the
        lead): only one among ``may_invite`` (the members that both opted in to
        see each other at the supplier; else ``ValueError``), once
        (``StateError("invited")``), and only before the survey has ended
        (``StateError("closed")``): owners know the questions before answers come."""
        if self.has_ended or self.is_released:
            raise StateError("closed")
        if company_id not in may_invite or company_id == self.company_id:
            raise ValueError("not a member both sides may name")
        if any(owner.company_id == company_id for owner in self.owners):
            raise StateError("invited")
        owner = CycleOwner(company_id=company_id, invited_on=on, invited_by=by)
        self.owners.append(owner)
        return owner

    @property
    def provider_name(self) -> str:
        """Who runs the survey, as pages name it ("" for the built-in survey)."""
        return self.assigned_provider.name if self.assigned_provider else self.provider

    def assign(self, provider_id: int | None, agreed) -> None:
        """Have a registered provider run the cycle (None: nobody registered):
        only one the company signed a data-processing agreement with (``agreed``:
        their ids; else ``StateError("no_agreement")``), and not once the
        respondents are final (``StateError("final")``)."""
        if self.respondents_final:
            raise StateError("final")
        if provider_id is not None and provider_id not in agreed:
            raise StateError("no_agreement")
        self.provider_id = provider_id

    def release(self, by: User, on: date) -> None:
        """Release the results to the supplier, dated and attributed, with the
        site's facts they were read against: from then on its respondents are
        final. Refused while the survey is open, and twice; in a joint cycle,
        until every co-owner checked the results (``StateError("unchecked")``)."""
        if not self.has_ended or self.is_released:
            raise StateError("not_releasable")
        if self.unchecked:
            raise StateError("unchecked")
        self.results_shared_on = on
        self.results_shared_by = by
        self.keep_site_facts()


class CycleOwner(db.Model):
    """A member company invited by the lead (the cycle's company) to own a joint
    cycle at a supplier both work with: once it accepts, its staff see the cycle
    and its results as the lead's do, and the lead releases them only after it
    checked them. The lead alone plans, imports and releases."""

    __tablename__ = "cycle_owner"

    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True,
                                            index=True)
    invited_on: Mapped[date]
    invited_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    #: None while the invitation waits; then whether the company accepted.
    accepted: Mapped[bool | None]
    answered_on: Mapped[date | None]
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    #: The day its staff said they checked the results, before the release.
    checked_on: Mapped[date | None]
    checked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))

    cycle: Mapped[SurveyCycle] = relationship(back_populates="owners")
    company: Mapped[Company] = relationship()
    invited_by: Mapped[User] = relationship(foreign_keys=[invited_by_id])
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id])
    checked_by: Mapped[User | None] = relationship(foreign_keys=[checked_by_id])

    @property
    def is_pending(self) -> bool:
        return self.accepted is None

    def answer(self, accept: bool, by: User, on: date) -> None:
        """Accept or decline, once (``StateError("answered")``), before the survey
        ends (``StateError("closed")``: an invitation left unanswered lapses)."""
        if not self.is_pending:
            raise StateError("answered")
        if self.cycle.has_ended:
            raise StateError("closed")
        self.accepted, self.answered_on, self.answered_by = accept, on, by

    def check(self, by: User, on: date) -> None:
        """Say the results were checked: only an owner that accepted, once the
        survey has ended and before the release (``StateError("not_checkable")``),
        and once (``StateError("checked")``)."""
        if not self.accepted or not self.cycle.has_ended or self.cycle.is_released:
            raise StateError("not_checkable")
        if self.checked_on is not None:
            raise StateError("checked")
        self.checked_on, self.checked_by = on, by


class ProviderMapping(db.Model):
    """A survey provider's saved mapping of its files to ours (``mapping``):
    applied to every file of a cycle it runs, whoever uploads it."""

    __tablename__ = "provider_mapping"

    provider_id: Mapped[int] = mapped_column(sa.ForeignKey("provider.id", ondelete="CASCADE"),
                                             primary_key=True)
    #: ``mapping.Mapping.columns`` and ``.values``.
    columns: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    values: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))

    updated_by: Mapped[User] = relationship()


class KoboLink(db.Model):
    """The KoboToolbox project a cycle's submissions are fetched from
    (``kobo.py``): a server the instance allows, the project's asset uid, and an
    API token, stored encrypted (``crypto.py``) and never shown again."""

    __tablename__ = "kobo_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), unique=True)
    #: Scheme and host, one of ``KOBO_SERVERS``.
    server_url: Mapped[str] = mapped_column(sa.String(200))
    asset_uid: Mapped[str] = mapped_column(sa.String(40))
    #: The API token, encrypted: read back only to fetch.
    token_sealed: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    linked_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    linked_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: When the token was last entered (at the link, or replaced since).
    token_set_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_fetched_at: Mapped[datetime | None]

    cycle: Mapped[SurveyCycle] = relationship()
    linked_by: Mapped[User] = relationship()

    def change(self, server_url: str, asset_uid: str, token_sealed: bytes | None) -> set[str]:
        """Point the link at another project or token (None: keep the stored one);
        which of ``project`` and ``token`` changed."""
        changed = set()
        if (server_url, asset_uid) != (self.server_url, self.asset_uid):
            self.server_url, self.asset_uid = server_url, asset_uid
            changed.add("project")
        if token_sealed is not None:
            self.token_sealed, self.token_set_at = token_sealed, utcnow()
            changed.add("token")
        return changed


def random_key() -> int:
    """A key that says nothing about when a row was stored (63 bits)."""
    return secrets.randbelow(2**62) + 1


#: A 64-bit key; on SQLite an INTEGER, so that it stays the row id.
KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

#: On SQLite, a table whose rows are stored in the order of their primary key
#: instead of a hidden rowid, which counts up as rows are added: the order in
#: which answers came (README, "Nothing identifying on the side"). Every table a
#: web answer adds rows to has a random key or is one of these; on PostgreSQL
#: ``operations.unorder`` rewrites them shuffled when the respondents become final.
NO_ROWID = {"sqlite_with_rowid": False}


class Response(db.Model):
    """One respondent's answers. No identifier, no time of day, no IP: by design.
    The key is random, so that no order of submission can be read from it (on
    SQLite it is the rowid: rows are stored in key order); an import's
    respondents are stored in random order, and web ones rewritten so once final
    (``operations.unorder``)."""

    id: Mapped[int] = mapped_column(KEY, primary_key=True, autoincrement=False,
                                    default=random_key)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    #: The import that brought this respondent in (None: the built-in survey), so
    #: that a mistaken import can be removed whole before the results are released.
    batch_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    #: The day only.
    answered_on: Mapped[date]
    channel: Mapped[str | None] = mapped_column(sa.String(20))
    language: Mapped[str | None] = mapped_column(sa.String(16))
    gender: Mapped[str | None] = mapped_column(sa.String(20))
    age_band: Mapped[str | None] = mapped_column(sa.String(20))
    contract: Mapped[str | None] = mapped_column(sa.String(20))
    role: Mapped[str | None] = mapped_column(sa.String(20))


class ResponseAnswer(db.Model):
    """One answer; the cycle is repeated here so that results aggregate in SQL."""

    __tablename__ = "response_answer"
    __table_args__ = (sa.Index("ix_response_answer_cycle_code", "cycle_id", "question_code"),
                      NO_ROWID)

    # No key of its own: a counter would tell the order in which answers came in.
    response_id: Mapped[int] = mapped_column(
        KEY, sa.ForeignKey("response.id", ondelete="CASCADE"), primary_key=True)
    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"))
    question_code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    answer: Mapped[Answer] = mapped_column(enum_type(Answer))


class ImportBatch(db.Model):
    """That a file was imported, by whom and when. The answers point to it (to
    remove a mistaken import whole); nothing ties a respondent to a row of the file."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    imported_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    filename: Mapped[str] = mapped_column(sa.String(200))
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    respondents: Mapped[int]
    #: Where the respondents came from: an uploaded ``file``, fetched from
    #: ``kobo`` (``KoboLink``), in which case ``imported_by`` fetched them, or
    #: sent through the ``api`` with a token ``imported_by`` made.
    source: Mapped[str] = mapped_column(sa.String(10), default="file", server_default="file")
    #: A brand admin removed this import's respondents (before release); the record stays.
    removed_at: Mapped[datetime | None]
    removed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))

    cycle: Mapped[SurveyCycle] = relationship()
    imported_by: Mapped[User] = relationship(foreign_keys=[imported_by_id])
    removed_by: Mapped[User | None] = relationship(foreign_keys=[removed_by_id])

    @property
    def is_from_kobo(self) -> bool:
        return self.source == "kobo"

    @property
    def is_from_api(self) -> bool:
        return self.source == "api"

    def remove(self, by: User) -> None:
        """Say that ``by`` removed this import (its respondents go with
        ``operations.remove_batch``): only before the results are seen or released,
        and once (else ``StateError("final")``)."""
        if self.cycle.respondents_final or self.removed_at is not None:
            raise StateError("final")
        self.removed_at, self.removed_by = utcnow(), by


class UploadState(enum.Enum):
    """Where an uploaded file stands. Its check and its import run in the
    background (``import_jobs``); pages read the state from here, so that any
    server process can answer."""

    checking = "checking"  #: being read and checked
    ready = "ready"  #: checked: the preview waits for confirmation
    refused = "refused"  #: it has problems, or cannot go in (``checked`` says why)
    importing = "importing"  #: confirmed: checked again and stored
    imported = "imported"  #: stored; ``checked`` holds the count until it is shown
    failed = "failed"  #: the check or import broke off: nothing was imported


#: The states in which a job is running (or died).
RUNNING = (UploadState.checking, UploadState.importing)

#: How long an uploaded file waits for its confirmation.
UPLOAD_KEPT = timedelta(hours=1)

#: A running job says it is alive every second or so (``import_jobs.Progress``);
#: one silent this long has died (its process was restarted).
STALE_AFTER = timedelta(minutes=2)


class PendingImport(db.Model):
    """An uploaded results file between its preview and its confirmation. Kept
    for an hour at most (see ``operations.forget_stale_uploads``), and deleted once
    imported or cancelled: the file itself is never kept after that (a refused,
    failed or imported upload keeps only what its page shows, until shown)."""

    __tablename__ = "pending_import"

    id: Mapped[str] = mapped_column(sa.String(32), primary_key=True, default=_token)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    uploaded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    filename: Mapped[str] = mapped_column(sa.String(200))
    #: "file", or "kobo": a fetch from the cycle's KoboToolbox project, which has
    #: no file and no preview (its job fetches, checks and stores at once).
    source: Mapped[str] = mapped_column(sa.String(10), default="file", server_default="file")
    #: The file (up to the upload limit): loaded only by the jobs that read it, not
    #: by the progress page that asks for the upload every few seconds.
    data: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    state: Mapped[UploadState] = mapped_column(enum_type(UploadState, "upload_state"),
                                               default=UploadState.checking)
    #: Rows of the file read so far by the running check, for the progress line.
    progress: Mapped[int] = mapped_column(default=0)
    #: What the check found, as plain data for the page that shows it: the
    #: preview, the problems or refusal (codes and parameters, translated when
    #: shown), or the number of respondents imported.
    checked: Mapped[dict | None] = mapped_column(sa.JSON)
    #: When the running job last said it is alive: one silent for long has died.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    cycle: Mapped[SurveyCycle] = relationship()

    @property
    def is_importing(self) -> bool:
        return self.state is UploadState.importing

    @property
    def is_fetch(self) -> bool:
        return self.source == "kobo"


class RespondentKey(db.Model):
    """A keyed hash of a provider's ``respondent`` column, so that a respondent
    imported from one file is refused in another file of the cycle. The key
    itself is never stored, nor anything that ties the hash to a response; the
    import it came with is kept so that removing a mistaken import frees its keys.
    All are deleted when the results are released (the respondents are final)."""

    __tablename__ = "respondent_key"

    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), primary_key=True)
    digest: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        sa.ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)


class AnswerTally(db.Model):
    """Answers per cycle, question and answer, kept current at every import and
    submission, so that whole-cycle figures and cross-site tables read a few
    rows instead of every answer."""

    __tablename__ = "answer_tally"
    __table_args__ = NO_ROWID

    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), primary_key=True)
    question_code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    answer: Mapped[Answer] = mapped_column(enum_type(Answer, "tally_answer"),
                                           primary_key=True)
    count: Mapped[int]


#: A demographic group as stored in the kept tallies: "" is "not stated" (None),
#: since a key column cannot be NULL. No stored value is "" (respondents.ALLOWED).
NOT_STATED = ""


class GroupTally(db.Model):
    """Respondents per cycle and group of one demographic dimension, "not stated"
    included, kept when the respondents' rows are deleted (``surveys/retention.py``):
    every dimension partitions the cycle's respondents, so their sum is its count."""

    __tablename__ = "group_tally"

    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), primary_key=True)
    #: gender, age_band, contract or role (``respondents.DEMOGRAPHICS``).
    dimension: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    #: The group's value, ``NOT_STATED`` for those who did not say.
    group_value: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    respondents: Mapped[int]


class GroupAnswerTally(db.Model):
    """Answers per cycle, group of one demographic dimension, question and answer,
    kept when the respondents' rows are deleted: what the filtered results read."""

    __tablename__ = "group_answer_tally"

    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), primary_key=True)
    dimension: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    group_value: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    question_code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    answer: Mapped[Answer] = mapped_column(enum_type(Answer, "group_tally_answer"),
                                           primary_key=True)
    count: Mapped[int]


class HeldResponse(db.Model):
    """A web answer held for brand staff to review instead of counted: it came in
    a flood (``guard.holds``). Not a respondent: no figure, count or export reads
    this table. Brand staff see only how many were held on which day, and keep
    them (``operations.keep_held``, stored shuffled like an import) or discard
    them. Like ``Response``: a random key, the day only, nothing else."""

    __tablename__ = "held_response"

    id: Mapped[int] = mapped_column(KEY, primary_key=True, autoincrement=False,
                                    default=random_key)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    #: The day only.
    held_on: Mapped[date]
    language: Mapped[str | None] = mapped_column(sa.String(16))
    #: The demographic bands given (``respondents.DEMOGRAPHICS``), and the answers
    #: (question code -> yes, no or dk), as they will be stored if kept.
    demographics: Mapped[dict] = mapped_column(sa.JSON)
    answers: Mapped[dict] = mapped_column(sa.JSON)


class AccessCode(db.Model):
    """A single-use code handed to one worker, kept as a digest. Stored apart
    from the answers with nothing that links them: no key of its own, no order,
    no time of use; only whether it has been used."""

    __tablename__ = "access_code"
    __table_args__ = NO_ROWID

    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), primary_key=True)
    #: SHA-256 of the code as printed (without the dash).
    digest: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    used: Mapped[bool] = mapped_column(default=False)


class UsedFormToken(db.Model):
    """A survey form that has been sent: its one-time token's random part, so that
    three taps on Send, a reload or Back-and-send store one answer. Like access
    codes: apart from the answers, no key of its own, no time."""

    __tablename__ = "used_form_token"
    __table_args__ = NO_ROWID

    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), primary_key=True)
    nonce: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    #: The form was refused for a wrong access code: it cannot be sent again (the
    #: worker gets a fresh form), so that one form cannot try code after code.
    refused: Mapped[bool] = mapped_column(default=False, server_default=sa.false())


class _MinuteCount:
    """A per-cycle count for the current minute, in the database so that every
    server process shares it (``operations._count_in_minute``). A count only:
    earlier minutes are removed."""

    @declared_attr
    def cycle_id(cls) -> Mapped[int]:  # noqa: N805 (SQLAlchemy's declared_attr)
        return mapped_column(sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"),
                             primary_key=True)

    minute: Mapped[datetime] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(default=0)


class SurveyRate(_MinuteCount, db.Model):
    """How many times the survey of a cycle was sent in one minute: the per-cycle
    rate limit of answers."""

    __tablename__ = "survey_rate"


class WrongCodeRate(_MinuteCount, db.Model):
    """How many wrong access codes (unknown or used) a cycle's survey was sent in
    one minute: limited apart from the answers, so that wrong codes never hold
    back a worker with a valid one."""

    __tablename__ = "wrong_code_rate"


class AlertKind(enum.Enum):
    """What a ``SurveyAlert`` tells brand staff."""

    burst = "burst"  #: many answers in one minute
    limit = "limit"  #: answers refused at the per-minute limit
    codes = "codes"  #: many wrong access codes in one minute
    held = "held"  #: answers held for review (``HeldResponse``); the count held


class SurveyAlert(db.Model):
    """A sign of ballot stuffing for brand staff, per cycle, day and kind
    (``AlertKind``), with the highest count in one minute."""

    __tablename__ = "survey_alert"
    __table_args__ = (
        sa.UniqueConstraint("cycle_id", "day", "kind"),
        sa.CheckConstraint("kind IN ('burst', 'limit', 'codes', 'held')", name="alert_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    day: Mapped[date]
    #: An ``AlertKind``'s value.
    kind: Mapped[str] = mapped_column(sa.String(10))
    count: Mapped[int]

    cycle: Mapped[SurveyCycle] = relationship()

    @property
    def is_limit(self) -> bool:
        return self.kind == AlertKind.limit.value

    @property
    def is_codes(self) -> bool:
        return self.kind == AlertKind.codes.value

    @property
    def is_held(self) -> bool:
        return self.kind == AlertKind.held.value


# --- tenancy ---------------------------------------------------------------------


def co_owned_cycles(company_id: int) -> sa.Select:
    """The ids of the joint cycles the company accepted to own with their lead."""
    return sa.select(CycleOwner.cycle_id).where(CycleOwner.company_id == company_id,
                                                CycleOwner.accepted.is_(True))


@rule(SurveyCycle)
def _cycle(user: User):
    if user.role is Role.brand:
        # Its own, and the joint cycles it accepted to own with another member.
        return sa.or_(SurveyCycle.company_id == user.company_id,
                      SurveyCycle.id.in_(co_owned_cycles(user.company_id)))
    if user.role is Role.supplier:
        # The supplier sees the cycles of its own sites, and their results.
        return SurveyCycle.site_id.in_(
            sa.select(Site.id).where(Site.supplier_id == user.supplier_id))
    if user.role is Role.provider:  # the cycles assigned to it, never their figures
        return SurveyCycle.provider_id == user.provider_id
    return sa.false()


@manage_rule(SurveyCycle)
def _cycle_managed(user: User):
    # Its lead company plans, imports and releases (co-owners read); the
    # supplier's people record what they did at their own sites; a provider's
    # people upload the files of the cycles assigned to it.
    if user.role is Role.brand:
        return SurveyCycle.company_id == user.company_id
    return sa.true()


@rule(KoboLink)
def _kobo_link(user: User):
    # Whoever may import into the cycle (never a joint cycle's co-owners: its
    # lead imports); whether brand staff may, the cycle's page decides.
    if user.role not in (Role.brand, Role.provider):
        return sa.false()
    return KoboLink.cycle_id.in_(sa.select(SurveyCycle.id).where(managed(SurveyCycle, user)))


@rule(ProviderMapping)
def _provider_mapping(user: User):
    # The provider's people keep it; a company sees those of providers it registered.
    if user.role is Role.provider:
        return ProviderMapping.provider_id == user.provider_id
    if user.role is Role.brand:
        return ProviderMapping.provider_id.in_(providers_registered_by(user.company_id))
    return sa.false()


@rule(CycleOwner)
def _cycle_owner(user: User):
    # The invited company sees its invitation; the lead sees whom it invited.
    if user.role is not Role.brand:
        return sa.false()
    return sa.or_(CycleOwner.company_id == user.company_id, CycleOwner.cycle_id.in_(
        sa.select(SurveyCycle.id).where(SurveyCycle.company_id == user.company_id)))


@rule(ImportBatch)
def _import_batch(user: User):
    reached = ImportBatch.cycle_id.in_(scoped(SurveyCycle, user).with_only_columns(
        SurveyCycle.id))
    if user.role is Role.brand:
        return reached
    if user.role is Role.provider:  # its own people's files: no count it did not bring
        return sa.and_(reached, ImportBatch.imported_by_id.in_(
            sa.select(User.id).where(User.provider_id == user.provider_id)))
    return sa.false()
within(SurveyAlert, SurveyAlert.cycle_id, SurveyCycle)
within(RespondentKey, RespondentKey.cycle_id, SurveyCycle, roles=(Role.brand, Role.provider))
# Only brand staff decide about held answers, and they see counts only.
within(HeldResponse, HeldResponse.cycle_id, SurveyCycle)


@rule(PendingImport)
def _pending_import(user: User):
    # Only the person who uploaded the file can see its preview and confirm it.
    if user.role not in (Role.brand, Role.provider):
        return sa.false()
    return (PendingImport.uploaded_by_id == user.id) & PendingImport.cycle_id.in_(
        scoped(SurveyCycle, user).with_only_columns(SurveyCycle.id))


def _answers_of(model):
    """Answers belong to the cycle: the brand's; the supplier's for its own sites,
    once released (until then no supplier query can reach them, whatever the page)."""

    def visible(user: User):
        if user.role is Role.brand:
            return model.cycle_id.in_(scoped(SurveyCycle, user).with_only_columns(
                SurveyCycle.id))
        if user.role is Role.supplier:
            return model.cycle_id.in_(scoped(SurveyCycle, user).where(
                SurveyCycle.is_released).with_only_columns(SurveyCycle.id))
        return sa.false()

    rule(model)(visible)


for _model in (Response, ResponseAnswer, AnswerTally, GroupTally, GroupAnswerTally):
    _answers_of(_model)


def languages_offered(questionnaire) -> set[str]:
    """The languages the company's cycles with any version of ``questionnaire``
    offered (the current user's company: scoped)."""
    offered: set[str] = set()
    for languages in db.session.scalars(scoped(SurveyCycle).join(
            QuestionnaireVersion, QuestionnaireVersion.id == SurveyCycle.version_id)
            .where(QuestionnaireVersion.questionnaire_id == questionnaire.id)
            .with_only_columns(SurveyCycle.languages)):
        offered.update(languages or [])
    return offered


def respondent_counts(cycle_ids: Iterable[int], user: User | None = None) -> dict[int, int]:
    """Respondents per cycle, for the cycles among ``cycle_ids`` that ``user``
    (default: the current user) may reach (others count 0): the one way
    respondents are counted. Those of a cycle whose rows were deleted (retention)
    are counted from the kept group sizes of one dimension; a cycle has either
    rows or kept sizes, never both."""
    return _respondent_counts(cycle_ids, lambda model: scoped(model, user))


def released_respondent_counts(cycle_ids: Iterable[int]) -> dict[int, int]:
    """Respondents per cycle, like ``respondent_counts``, of the released cycles
    among ``cycle_ids`` whoever owns them (others count 0). Not scoped on purpose,
    for figures across members that only ever show aggregates of cells that passed
    the anonymity rule (the MSI's sector benchmark)."""
    released = sa.select(SurveyCycle.id).where(SurveyCycle.is_released)
    return _respondent_counts(cycle_ids, lambda model: sa.select(model).where(
        model.cycle_id.in_(released)))


def all_respondents(cycle: SurveyCycle) -> int:
    """The cycle's respondents, whoever asks. Not scoped on purpose: checking a
    provider's file against the headcount needs the true count, which the
    provider is never shown (``import_jobs.check_against_cycle``)."""
    return _respondent_counts([cycle.id], sa.select)[cycle.id]


def respondent_total(cycle_ids: sa.Select, user: User | None = None) -> int:
    """All respondents of the cycles ``cycle_ids`` (SQL selecting their ids) that
    ``user`` may reach, summed in SQL: a year's summary of thousands of cycles
    sends no list of them. Counted as ``respondent_counts`` counts."""
    return sum(int(db.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(
        query.subquery().c.n), 0))))
        for query in _per_cycle(lambda model: scoped(model, user),
                                lambda column: column.in_(cycle_ids)))


def _respondent_counts(cycle_ids: Iterable[int], rows) -> dict[int, int]:
    """Respondents per cycle, counted in ``rows(model)`` (a select of the model)."""
    cycle_ids = list(cycle_ids)
    if not cycle_ids:
        return {}
    found, kept = (dict(db.session.execute(query).all()) for query in
                   _per_cycle(rows, lambda column: one_of(column, cycle_ids)))
    return {cycle_id: found.get(cycle_id, 0) + int(kept.get(cycle_id, 0))
            for cycle_id in cycle_ids}


def _per_cycle(rows, among) -> tuple[sa.Select, sa.Select]:
    """SQL: (cycle id, n) of the cycles ``among`` keeps (given their id column):
    respondents stored, and respondents counted from the kept group sizes of one
    dimension once the rows were deleted."""
    return (rows(Response).with_only_columns(Response.cycle_id, sa.func.count().label("n"))
            .where(among(Response.cycle_id)).group_by(Response.cycle_id),
            rows(GroupTally).with_only_columns(
                GroupTally.cycle_id, sa.func.sum(GroupTally.respondents).label("n"))
            .where(among(GroupTally.cycle_id), GroupTally.dimension == DEMOGRAPHICS[0])
            .group_by(GroupTally.cycle_id))
