"""Test data, built the way the app builds it. Each function adds to the session
and flushes, so ids are available at once."""

from __future__ import annotations

import io
from datetime import timedelta
from functools import cache
from itertools import count

from werkzeug.security import generate_password_hash

from wsdialog.extensions import db
from wsdialog.models import (
    Company,
    ContactPerson,
    Invitation,
    LoginSession,
    Presence,
    Role,
    Site,
    Supplier,
    SupplierRelationship,
    User,
    utcnow,
)

PASSWORD = "correct horse battery"
_seq = count(1)


@cache
def _password_hash() -> str:
    # Hashing is slow on purpose; every test user shares one hash.
    return generate_password_hash(PASSWORD)


def _add(obj):
    db.session.add(obj)
    db.session.flush()
    return obj


def company(name: str | None = None) -> Company:
    return _add(Company(name=name or f"Company {next(_seq)}"))


def supplier(*companies: Company, name: str | None = None, country: str = "VN",
             notes: str = "") -> Supplier:
    s = _add(Supplier(name=name or f"Supplier {next(_seq)}", country=country))
    for c in companies:
        relate(c, s, notes=notes)
    return s


def relate(c: Company, s: Supplier, notes: str = "", **kwargs) -> SupplierRelationship:
    return _add(SupplierRelationship(company=c, supplier=s, notes=notes,
                                     years_of_relationship=kwargs.get("years", 3),
                                     purchase_share_pct=kwargs.get("share", 5),
                                     visible_to_members=kwargs.get("visible_to_members", False),
                                     member_contact=kwargs.get("member_contact", "")))


def contact(c: Company, s: Supplier, name: str | None = None) -> ContactPerson:
    relationship = db.session.scalar(db.select(SupplierRelationship).filter_by(
        company_id=c.id, supplier_id=s.id))
    return _add(ContactPerson(supplier_relationship=relationship,
                              name=name or f"Contact {next(_seq)}"))


def site(s: Supplier, name: str | None = None, **facts) -> Site:
    values = dict(country=s.country, region="", timezone="Asia/Ho_Chi_Minh", headcount=500,
                  share_women_pct=60, share_migrant_pct=20, share_temporary_pct=10,
                  trade_union=Presence.no, worker_committee=Presence.yes)
    values.update(facts)
    return _add(Site(supplier=s, name=name or f"Site {next(_seq)}", **values))


def user(role: Role = Role.brand, *, company: Company | None = None,
         supplier: Supplier | None = None, admin: bool = False, name: str | None = None,
         email: str | None = None, active: bool = True, locale: str | None = "en",
         review_languages: list[str] | None = None, provider=None) -> User:
    n = next(_seq)
    u = User(email=email or f"user{n}@example.org", name=name or f"User {n}", role=role,
             company=company, supplier=supplier, is_admin=admin, active=active, locale=locale,
             review_languages=review_languages, provider=provider)
    u.password_hash = _password_hash()
    return _add(u)


def login_session(u: User, device: str = "Firefox on Linux", **times) -> LoginSession:
    """A session of ``u`` (``created_at``, ``last_seen_at``: now unless given)."""
    now = utcnow()
    return _add(LoginSession(user=u, device=device, created_at=times.get("created_at", now),
                             last_seen_at=times.get("last_seen_at", now)))


def invitation(c: Company, inviter: User, *, role: Role = Role.supplier,
               supplier: Supplier | None = None, email: str | None = None,
               admin: bool = False, expires_in: timedelta = timedelta(days=14)) -> Invitation:
    now = utcnow()
    return _add(Invitation(
        email=email or f"invitee{next(_seq)}@example.org", name="Invitee", role=role,
        company=c, supplier=supplier, invited_by=inviter, is_admin=admin, locale="en",
        created_at=now, expires_at=now + expires_in))


def assessment(c: Company, by: User, site_: Site | None = None, answers: dict | None = None,
               completed: bool = True, country: str | None = None):
    from wsdialog.chooser.models import Assessment

    return _add(Assessment(company=c, site=site_, created_by=by, answers=answers or {},
                           country=country if site_ is None else None,
                           completed_at=utcnow() if completed else None))


def engagement(c: Company, s: Supplier, by: User, stage: str = "approached"):
    """An engagement moved from candidate to ``stage`` by ``by``."""
    from wsdialog.onboarding.models import Engagement, StageChange
    from wsdialog.onboarding.pipeline import Stage

    e = _add(Engagement(company=c, supplier=s, stage=Stage(stage), strategies=[]))
    _add(StageChange(engagement=e, from_stage=Stage.candidate, to_stage=Stage(stage), by=by))
    return e


def milestone(c: Company, site_: Site | None, title: str, due_on=None, kind: str = "kickoff"):
    from datetime import date

    from wsdialog.onboarding.models import Milestone, MilestoneKind

    return _add(Milestone(company_id=c.id, site=site_, title=title, kind=MilestoneKind(kind),
                          due_on=due_on or date(2027, 3, 1)))


def questionnaire(c: Company, name: str, codes=("WAGE_RUNS_OUT", "CLEAN_WATER"),
                  locales=("en",)):
    """A questionnaire with a draft first version holding ``codes``, with a text
    in each of ``locales``."""
    from wsdialog.questionnaires.models import (
        Question,
        Questionnaire,
        QuestionnaireVersion,
        QuestionText,
    )

    q = Questionnaire(company=c, name=name)
    version = QuestionnaireVersion(questionnaire=q, number=1)
    for position, code in enumerate(codes):
        version.questions.append(Question(
            position=position, code=code, theme="wages", negative="yes" if position % 2 == 0
            else "no", texts=[QuestionText(locale=lang, text=f"Question {code}? ({lang})"
                                           if lang != "en" else f"Question {code}?")
                              for lang in locales]))
    _add(q)
    return q, version


def published(c: Company, name: str, codes=("WAGE_RUNS_OUT", "CLEAN_WATER"),
              locales=("en",)):
    """A published version, offered in every one of ``locales``."""
    _q, version = questionnaire(c, name, codes, locales)
    version.published_at = utcnow()
    version.languages = sorted({t.locale for q in version.questions for t in q.texts})
    db.session.flush()
    return version


def template(name: str, codes=("WAGE_RUNS_OUT", "CLEAN_WATER"), locales=("en",)):
    """An MSI template (a questionnaire of no company) with its first version
    published, offered in every one of ``locales``."""
    _q, version = questionnaire(None, name, codes, locales)
    version.published_at = utcnow()
    version.languages = sorted({t.locale for q in version.questions for t in q.texts})
    db.session.flush()
    return version


def adopted(c: Company, template_version, name: str, publish: bool = True):
    """``c``'s own questionnaire from a template version: its first version,
    published unless ``publish`` is false (the texts as the template has them)."""
    from wsdialog.questionnaires.models import Questionnaire

    q = _add(Questionnaire.adopt(template_version, c, name))
    version = q.latest
    if publish:
        version.published_at = utcnow()
        version.languages = list(template_version.languages or ["en"])
        db.session.flush()
    return version


def cycle(c: Company, site_: Site, version, starts_on=None, ends_on=None, headcount=100,
          languages=("en",), channels=("web",)):
    from datetime import date

    from wsdialog.surveys.models import SurveyCycle

    starts_on = starts_on or date(2027, 3, 1)
    # A fixed secret, so that a test's blurred figures are the same on every run.
    return _add(SurveyCycle(company=c, site=site_, version=version, starts_on=starts_on,
                            ends_on=ends_on or date(2027, 3, 14), headcount=headcount,
                            channels=list(channels), languages=list(languages),
                            figure_seed=f"{site_.name}/{starts_on}"))


def upload_results(client, cycle, data: bytes, name: str = "results.csv"):
    """Upload a provider's file (the first step: problems, or the preview)."""
    return client.post(f"/cycles/{cycle.id}/import", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def import_results(client, cycle, data: bytes, name: str = "results.csv"):
    """Upload a provider's file and, when the preview comes, confirm it: the
    response to the confirmation, or to the upload when it was refused."""
    response = upload_results(client, cycle, data, name)
    preview = response.headers.get("Location", "")
    if response.status_code != 303 or "/import/" not in preview:
        return response
    page = client.get(preview)
    if page.status_code != 200:
        return page
    return client.post(preview + "/confirm")


def shown(cycle, where: tuple, positive: int = 0, dont_know: int = 0, negative: int = 0):
    """What the pages show of a cell whose true counts are these: blurred with the
    cycle's secret, as every figure is (``results.anonymity``, rule 5). ``where`` is
    ("all", code) for the whole cycle, (dimension, group, code) for a group."""
    from wsdialog.results.anonymity import Counts, Shown, blurred_counts

    return Shown(blurred_counts(Counts(positive, dont_know, negative), cycle.figure_seed, where))


def pct(share: float, locale: str = "en", whole: bool = False) -> str:
    """A share as the pages write it (``i18n.rate``; ``whole``: ``i18n.percent``)."""
    from babel.numbers import format_percent

    return format_percent(share, "#,##0%" if whole else "#,##0.#%", locale=locale)


def photo(size=(64, 48), fmt: str = "JPEG", color=(180, 120, 60), **save) -> bytes:
    """A picture made with Pillow, as a phone would send it (``save`` passes
    ``exif=``, ``icc_profile=``, ``comment=``… to Pillow)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt, **save)
    return out.getvalue()


def evidence(action, by, data: bytes | None = None, name: str = "photo.jpg"):
    """An update of ``action`` by ``by`` with a file attached, stored the way the
    app stores it (a photo re-encoded by ``evidence.check``)."""
    from wsdialog.dialogues.evidence import check
    from wsdialog.dialogues.models import ActionUpdate, EvidenceFile

    checked = check(photo() if data is None else data, name, 2**20)
    update = ActionUpdate(status=action.status, comment="with a file", by=by,
                          seen_by_brand=True)
    update.file = EvidenceFile.attached(checked, by, utcnow())
    action.updates.append(update)
    db.session.flush()
    return update.file


def provider(c: Company | None, name: str, agreed: tuple = ()):
    """A survey provider registered by ``c`` (None: the coordinator), with a
    data-processing agreement signed with each company in ``agreed``."""
    from datetime import date

    from wsdialog.providers.models import ProcessingAgreement, Provider

    p = _add(Provider(company=c, name=name, channels=["phone"], countries=["CN"],
                      languages=["zh_Hans"], contact=f"{name} contact"))
    for company in agreed:
        _add(ProcessingAgreement(provider=p, company=company, signed_on=date(2027, 1, 5)))
    return p
