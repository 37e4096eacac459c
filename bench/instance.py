"""A large instance for the benchmarks: member companies, sites, closed and
released cycles full of answers, users of every role, and one open survey.

Used by ``bench/generate`` (for ``bench/load``) and ``scripts/bench-results``.
Everything is made with the test factories and stored with the importer's own
bulk ``store``, so the tables, tallies and indexes are the ones production has.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

#: Accounts the load bench logs in as (it signs their session cookies itself).
COORDINATOR = "coordinator@bench.example"
BRAND = "brand{}@bench.example"
SUPPLIER = "supplier{}@bench.example"
#: The open survey that takes the submissions: large, so that its per-minute
#: limit (a tenth of the headcount) never refuses the load bench's answers.
OPEN_HEADCOUNT = 2_000_000


@dataclass(frozen=True)
class Shape:
    companies: int = 20
    sites: int = 200
    cycles: int = 4
    people: int = 300
    questions: int = 20

    def sites_of(self) -> list[int]:
        """Sites per company: the others share half of the sites (20 companies,
        200 sites: 5 each), the first, a big brand, has the rest (105): the
        all-sites table's worst case."""
        others = self.companies - 1
        each = max(1, self.sites // (2 * others)) if others else 0
        return [self.sites - each * others] + [each] * others


def respondents(rng: random.Random, cycle, codes, n: int) -> list:
    """``n`` made-up respondents of ``cycle``, answering ``codes`` at random."""
    from wsdialog.questionnaires.answers import Answer
    from wsdialog.surveys.respondents import Respondent

    choices = (Answer.yes, Answer.no, Answer.dont_know)
    return [Respondent(
        answered_on=cycle.starts_on, channel="phone", language="en",
        demographics={"gender": rng.choice(("woman", "man")),
                      "age_band": rng.choice(("18_24", "25_34", "35_44")),
                      "contract": "permanent", "role": "production"},
        answers={code: rng.choice(choices) for code in codes}) for _ in range(n)]


def held_dialogue(company, admin, cycle, codes):
    """A dialogue held ten days after the cycle's release, with two agreements:
    the factory's (overdue) and the brand's on its purchasing."""
    from datetime import datetime

    from wsdialog.dialogues.models import Action, ActionStatus, Dialogue, DialogueStatus
    from wsdialog.extensions import db

    held = cycle.results_shared_on + timedelta(days=10)
    dialogue = Dialogue(company=company, cycle=cycle, minutes=60,
                        starts_at=datetime.combine(held, datetime.min.time()),
                        timezone="Asia/Ho_Chi_Minh", language="en", created_by=admin,
                        status=DialogueStatus.held, held_on=held)
    cycle.dialogue_held_on = held
    dialogue.actions += [
        Action(title="Pay wages by the 5th", owner="factory", owner_name="HR",
               due_on=held + timedelta(days=10), codes=[codes[0]],
               status=ActionStatus.in_progress),
        Action(title="Confirm orders eight weeks ahead", owner="brand", company=company,
               owner_name=admin.name, due_on=held + timedelta(days=300), codes=[codes[1]],
               purchasing=True)]
    db.session.add(dialogue)
    return dialogue


def generate(shape: Shape, log: Callable[[str], None] = print, seed: int = 7) -> dict:
    """Fill the app's (empty, created) database; call inside an app context.
    Returns what the benches need to find again: ids and the open survey's token."""
    from tests import factories as f
    from wsdialog.extensions import db
    from wsdialog.models import Role
    from wsdialog.surveys.operations import store

    rng = random.Random(seed)
    today = date.today()
    codes = tuple(f"Q{i:02d}" for i in range(shape.questions))
    f.user(Role.coordinator, email=COORDINATOR, name="Bench coordinator")
    started = time.perf_counter()
    info: dict = {"companies": [], "open_cycle": None}
    stored = 0
    for ci, n_sites in enumerate(shape.sites_of()):
        company = f.company(f"Bench company {ci:02d}")
        admin = f.user(company=company, admin=True, email=BRAND.format(ci),
                       name=f"Brand admin {ci}")
        version = f.published(company, f"Bench survey {ci}", codes)
        last_cycle = None
        for s in range(n_sites):
            supplier = f.supplier(company, name=f"Supplier {ci:02d}-{s:03d}")
            site = f.site(supplier, name=f"Site {ci:02d}-{s:03d}", headcount=1000)
            if s == 0:
                f.user(Role.supplier, supplier=supplier, email=SUPPLIER.format(ci),
                       name=f"Supplier user {ci}")
            for c in range(shape.cycles):
                ends = today - timedelta(days=30 + 90 * (shape.cycles - 1 - c))
                cycle = f.cycle(company, site, version, starts_on=ends - timedelta(days=13),
                                ends_on=ends, headcount=1000)
                cycle.results_shared_on = ends + timedelta(days=7)
                cycle.results_shared_by = admin
                stored += store(cycle, respondents(rng, cycle, codes, shape.people))
                last_cycle = cycle
            if last_cycle is not None:
                held_dialogue(company, admin, last_cycle, codes)
            if ci == 0 and s == 0:
                open_cycle = f.cycle(company, site, version,
                                     starts_on=today - timedelta(days=3),
                                     ends_on=today + timedelta(days=30),
                                     headcount=OPEN_HEADCOUNT)
                info["open_cycle"] = {"id": open_cycle.id, "token": open_cycle.public_token}
            db.session.commit()
        info["companies"].append({"id": company.id, "sites": n_sites,
                                  "last_cycle": last_cycle.id if last_cycle else None})
        log(f"  company {ci + 1}/{shape.companies}: {n_sites} sites, "
            f"{stored:,} respondents so far ({time.perf_counter() - started:.0f} s)")
    info["codes"] = list(codes)
    info["year"] = (today - timedelta(days=30)).year  # the latest cycles' year
    return info


def create(url: str, shape: Shape, log: Callable[[str], None] = print) -> dict:
    """A new database at ``url`` (emptied first) holding the instance."""
    from wsdialog import create_app
    from wsdialog.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.drop_all()
        db.create_all()
        info = generate(shape, log)
        db.session.remove()
        db.engine.dispose()
    return info


def main() -> None:
    import json
    import os
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    data = root / "bench" / "data"
    data.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("WSDIALOG_INSTANCE_PATH", str(data / "instance"))
    os.environ.setdefault("WSDIALOG_SECRET_KEY", "bench-generate")
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{data / 'bench.sqlite'}"
    shape = Shape(**{name: int(os.environ[name.upper()]) for name in
                     ("companies", "sites", "cycles", "people", "questions")
                     if name.upper() in os.environ})
    print(f"{url.split(':')[0]}: {shape.companies} companies, {shape.sites} sites x "
          f"{shape.cycles} cycles x {shape.people} respondents x {shape.questions} questions")
    started = time.perf_counter()
    info = create(url, shape)
    if info["companies"][0]["last_cycle"] is None:
        raise SystemExit("the first company needs at least one site and one cycle")
    info["supplier_cycle"] = _first_site_cycle(url, info)
    (data / "instance.json").write_text(json.dumps({"url": url, "info": info}, indent=1))
    print(f"done in {time.perf_counter() - started:.0f} s; described in "
          f"{(data / 'instance.json').relative_to(root)}")


def _first_site_cycle(url: str, info: dict) -> int:
    """The latest released cycle of the first company's first site: the one its
    supplier user sees."""
    import sqlalchemy as sa

    from wsdialog import create_app
    from wsdialog.extensions import db
    from wsdialog.surveys.models import SurveyCycle

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        site_id = db.session.get(SurveyCycle, info["open_cycle"]["id"]).site_id
        found = db.session.scalar(sa.select(SurveyCycle.id).where(
            SurveyCycle.site_id == site_id, SurveyCycle.results_shared_on.is_not(None))
            .order_by(SurveyCycle.ends_on.desc()).limit(1))
        db.session.remove()
        db.engine.dispose()
    return found


if __name__ == "__main__":
    main()
