"""The demo story: an MSI hosting two clothing brands that listen to workers in
their supply chains. Each capability adds its chapter here, so that the first
README command shows a newcomer the whole product on realistic data.

All names, addresses and figures are invented.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

from .api.models import COMPANY_SCOPES, PROVIDER_SCOPES, ApiToken
from .api.tokens import digest
from .extensions import db
from .models import (
    Company,
    ContactPerson,
    Invitation,
    Presence,
    Role,
    Site,
    SiteChange,
    SiteLinkRequest,
    Supplier,
    SupplierRelationship,
    User,
    utcnow,
)
from .providers.models import ProcessingAgreement, Provider

#: The password of every demo account (printed by ``flask demo-data``).
DEMO_PASSWORD = "wsdialog-demo"  # noqa: S105 (demo data only)
#: The demo's API tokens' secrets (demo data only, like the password).
DEMO_TOKENS = {"company": "wsd_demo-noordwind-esg-tool", "provider": "wsd_demo-fairvoice-tool"}

Y, N, U = Presence.yes, Presence.no, Presence.unknown

# name, country, [(site, region, tz, headcount, women, migrant, temporary, union, committee)]
SUPPLIERS = {
    "saigon": ("Saigon Stitch Co.", "VN", [
        ("Thu Duc garment factory", "Ho Chi Minh City", "Asia/Ho_Chi_Minh",
         850, 72, 35, 10, Y, Y)]),
    "tiruppur": ("Tiruppur Knit Mills", "IN", [
        ("Tiruppur unit 2", "Tamil Nadu", "Asia/Kolkata", 1200, 60, 45, 30, N, Y)]),
    "lanka": ("Lanka Lace Garments", "LK", [
        ("Katunayake plant", "Western Province", "Asia/Colombo", 640, 80, 20, 15, U, Y)]),
    "pearl": ("Pearl River Apparel", "CN", [
        ("Dongguan factory", "Guangdong", "Asia/Shanghai", 1500, 55, 70, 20, Y, Y)]),
    "ningbo": ("Ningbo Outerwear Ltd.", "CN", [
        ("Ningbo main plant", "Zhejiang", "Asia/Shanghai", 900, 58, 62, 25, Y, N),
        ("Yuyao sewing workshop", "Zhejiang", "Asia/Shanghai", 180, 75, 40, 35, N, N)]),
    "dhaka": ("Dhaka Fashion Works", "BD", [
        ("Gazipur factory", "Dhaka Division", "", None, None, None, None, U, U)]),
    "anatolia": ("Anatolia Denim", "TR", [
        ("Çorlu denim plant", "Tekirdağ", "Europe/Istanbul", 420, 35, 45, 30, N, N)]),
    "porto": ("Porto Socks Lda.", "PT", [
        ("Barcelos knitting", "Braga", "Europe/Lisbon", 140, 65, 5, 12, Y, Y)]),
    "meghna": ("Meghna Knit Composite Ltd.", "BD", [
        ("Narayanganj knit composite", "Dhaka Division", "Asia/Dhaka", 2400, 58, 4, 8, Y, Y)]),
    "jiangsu": ("Jiangsu Workwear Co.", "CN", [
        ("Suzhou workwear plant", "Jiangsu", "Asia/Shanghai", 620, 52, 58, 18, N, Y)]),
    "fujian": ("Fujian Safety Garments", "CN", [
        ("Quanzhou factory", "Fujian", "Asia/Shanghai", 480, 61, 49, 22, N, N)]),
    "indus": ("Indus Valley Textiles", "PK", [
        ("Faisalabad stitching unit", "Punjab", "Asia/Karachi", 760, 22, 30, 40, N, Y)]),
}

# company -> [(supplier key, years, share %, notes, [(contact, position, email)])]
RELATIONSHIPS = {
    "Noordwind Apparel": [
        ("saigon", 6, 12, "Ambassador candidate: joined the first survey round willingly.",
         [("Tran Minh Duc", "Compliance manager", "duc@saigonstitch.example")]),
        ("tiruppur", 4, 5, "Buys through an agent in Chennai; allow extra time for replies.",
         [("Priya Raman", "HR manager", "priya@tiruppurknit.example")]),
        ("lanka", 8, 18, "", [("Dilani Perera", "Sustainability lead",
                                 "dilani@lankalace.example")]),
        ("pearl", 3, 3, "Small share of volume; the CEO approves every project.", []),
        ("ningbo", 5, 9, "Also supplies another member company.",
         [("Chen Wei", "Compliance officer", "chen@ningbo-outerwear.example")]),
        ("dhaka", 1, 2, "New supplier since this spring.", []),
        ("anatolia", 2, 4, "", []),
        ("meghna", 4, 7, "An independent union has a collective agreement here since 2022.",
         [("Farhana Akter", "Compliance manager", "farhana@meghnaknit.example")]),
        ("porto", 2, 4, "Socks for the autumn collection; Linde Outdoor buys here too.",
         [("Ana Costa", "Owner", "ana@portosocks.example")]),
        ("indus", 1, 6, "Joined this year; its workers read Urdu.",
         [("Ayesha Khan", "HR manager", "ayesha@indusvalley.example")]),
    ],
    "Linde Outdoor": [
        ("ningbo", 7, 22, "Our largest outerwear supplier.",
         [("Chen Wei", "Compliance officer", "chen@ningbo-outerwear.example")]),
        ("porto", 10, 30, "", [("Ana Costa", "Owner", "ana@portosocks.example")]),
    ],
    # The third member: workwear, sourced in China.
    "Hanze Workwear": [
        ("jiangsu", 5, 15, "", [("Li Na", "HR manager", "lina@jiangsuworkwear.example")]),
        ("fujian", 3, 11, "Prefers video calls in the morning.", []),
    ],
}


#: Whom the other members at a shared supplier may contact, per member company.
MEMBER_CONTACTS = {"Noordwind Apparel": "Eva Jansen, eva@noordwind.example",
                   "Linde Outdoor": "Pieter Smit, pieter@linde.example"}


def load() -> list[str]:
    """Create the demo story; return lines telling how to log in."""
    now = utcnow()
    users: list[User] = []

    def person(email, name, role, locale="en", **kwargs) -> User:
        user = User(email=email, name=name, role=role, locale=locale, **kwargs)
        user.set_password(DEMO_PASSWORD)
        users.append(user)
        db.session.add(user)
        return user

    sanne = person("coordinator@msi.example", "Sanne de Vries", Role.coordinator, "nl")

    suppliers: dict[str, Supplier] = {}
    for key, (name, country, sites) in SUPPLIERS.items():
        supplier = Supplier(name=name, country=country)
        for (site_name, region, tz, headcount, women, migrant, temporary,
             union, committee) in sites:
            supplier.sites.append(Site(
                name=site_name, country=country, region=region, timezone=tz,
                headcount=headcount, share_women_pct=women, share_migrant_pct=migrant,
                share_temporary_pct=temporary, trade_union=union, worker_committee=committee))
        suppliers[key] = supplier
        db.session.add(supplier)

    companies: dict[str, Company] = {}
    for company_name, relations in RELATIONSHIPS.items():
        company = companies[company_name] = Company(name=company_name)
        db.session.add(company)
        for key, years, share, notes, contacts in relations:
            relationship = SupplierRelationship(
                company=company, supplier=suppliers[key], years_of_relationship=years,
                purchase_share_pct=share, notes=notes)
            for contact_name, position, email in contacts:
                relationship.contacts.append(
                    ContactPerson(name=contact_name, position=position, email=email))
            if key == "ningbo":  # both buy there, and chose to see each other
                relationship.open_to_members(MEMBER_CONTACTS[company_name])
            db.session.add(relationship)
    # The plant is on Open Supply Hub.
    suppliers["ningbo"].sites[0].os_id = "CN2019303BQ3FZP"

    noordwind, linde = companies["Noordwind Apparel"], companies["Linde Outdoor"]
    # Each sees meeting times in her own zone, labelled with its place.
    eva = person("eva@noordwind.example", "Eva Jansen", Role.brand, "nl",
                 company=noordwind, is_admin=True, timezone="Europe/Amsterdam")
    person("ahmed@noordwind.example", "Ahmed Bakker", Role.brand, company=noordwind)
    pieter = person("pieter@linde.example", "Pieter Smit", Role.brand, company=linde,
                    is_admin=True)
    femke = person("femke@hanze.example", "Femke de Boer", Role.brand, "nl",
                   company=companies["Hanze Workwear"], is_admin=True)
    person("lan@saigonstitch.example", "Nguyễn Thị Lan", Role.supplier, "vi",
           supplier=suppliers["saigon"], timezone="Asia/Ho_Chi_Minh")
    chen = person("chen@ningbo-outerwear.example", "Chen Wei", Role.supplier, "zh_Hans",
                  supplier=suppliers["ningbo"])
    # Someone outside Noordwind checks its Vietnamese survey texts: she sees those
    # and nothing else (the draft of next year's questionnaire).
    person("mai@workercommittee.example", "Trần Thị Mai", Role.reviewer, "vi",
           company=noordwind, review_languages=["vi"],
           affiliation="Worker committee, Thu Duc factory")
    # The provider's translator checked the Urdu survey texts, for Faisalabad.
    person("bilal@surveyprovider.example", "Bilal Ahmed", Role.reviewer, "en",
           company=noordwind, review_languages=["ur"],
           affiliation="Urdu translator, Independent survey provider")
    # A neutral provider the MSI registered for every member, with its own login;
    # Noordwind and Linde signed data-processing agreements with it.
    fairvoice = Provider(
        name="FairVoice Surveys", channels=["phone", "whatsapp"], countries=["CN", "VN", "BD"],
        languages=["zh_Hans", "vi", "bn", "en"], contact="Ana Lima, ana@fairvoice.example")
    db.session.add(fairvoice)
    for company in (noordwind, linde):
        db.session.add(ProcessingAgreement(provider=fairvoice, company=company,
                                           signed_on=(now - timedelta(days=120)).date()))
    ana = person("ana@fairvoice.example", "Ana Lima", Role.provider, provider=fairvoice)
    db.session.flush()
    # Tokens for the API (their secrets printed below, so a newcomer can try it):
    # FairVoice's survey tool sends respondents; Noordwind's ESG tool reads.
    db.session.add_all([
        ApiToken(provider_id=fairvoice.id, name="FairVoice survey tool",
                 scopes=list(PROVIDER_SCOPES), digest=digest(DEMO_TOKENS["provider"]),
                 created_by_id=ana.id, created_at=now - timedelta(days=60)),
        ApiToken(company_id=noordwind.id, name="ESG report tool", scopes=list(COMPANY_SCOPES),
                 digest=digest(DEMO_TOKENS["company"]), created_by_id=eva.id,
                 created_at=now - timedelta(days=40))])

    # Hanze entered the same plant on a record of its own and asked Ningbo to
    # confirm that it is the same factory: the request waits on Chen's home page.
    hanze = companies["Hanze Workwear"]
    copy = Supplier(name="Ningbo Outerwear", country="CN", sites=[Site(
        name="Ningbo outerwear factory", country="CN", region="Ningbo",
        timezone="Asia/Shanghai", os_id="CN2019303BQ3FZP")])
    db.session.add_all([copy, SupplierRelationship(company=hanze, supplier=copy, notes=""),
                        SiteLinkRequest(company=hanze, site=copy.sites[0],
                                        target_site=suppliers["ningbo"].sites[0],
                                        asked_by=femke, asked_at=now - timedelta(days=2))])

    # Ningbo keeps its shared plant's facts itself; both brands see the history.
    db.session.add(SiteChange(
        site=suppliers["ningbo"].sites[0], field="headcount", old_value="860",
        new_value="900", changed_by=chen, changed_at=now - timedelta(days=21)))

    # One invitation still open, one expired unanswered: both show on home pages.
    db.session.add_all([
        Invitation(email="priya@tiruppurknit.example", name="Priya Raman", role=Role.supplier,
                   company=noordwind, supplier=suppliers["tiruppur"], invited_by=eva,
                   locale="en", created_at=now - timedelta(days=3),
                   expires_at=now + timedelta(days=11)),
        Invitation(email="rahim@dhakafashion.example", name="Rahim Uddin", role=Role.supplier,
                   company=noordwind, supplier=suppliers["dhaka"], invited_by=eva,
                   locale="en", created_at=now - timedelta(days=20),
                   expires_at=now - timedelta(days=6)),
        Invitation(email="marloes@linde.example", name="Marloes Visser", role=Role.brand,
                   company=linde, invited_by=pieter, locale="nl",
                   created_at=now - timedelta(days=1), expires_at=now + timedelta(days=13)),
    ])
    _chooser_chapter(noordwind, eva, suppliers, now)
    _onboarding_chapter(noordwind, eva, suppliers, now)
    db.session.flush()
    _survey_chapter(noordwind, eva, suppliers, now)
    _grievance_chapter(eva, suppliers, now)
    admins = {eva.company_id: eva, pieter.company_id: pieter, femke.company_id: femke}
    _msi_chapter(sanne, admins, suppliers, now)
    _sector_chapter(sanne, admins, suppliers, now)
    db.session.commit()
    lines = [f"Demo data loaded. Every demo account's password is: {DEMO_PASSWORD}"]
    lines += [f"  {u.email:<34} {u.role.value}{' (admin)' if u.is_admin else ''}"
              for u in users]
    lines += ["API tokens (see /api/v1/openapi.json):",
              f"  Noordwind's ESG report tool:    {DEMO_TOKENS['company']}",
              f"  FairVoice's survey tool:        {DEMO_TOKENS['provider']}"]
    return lines


def _chooser_chapter(company: Company, by: User, suppliers: dict[str, Supplier], now) -> None:
    """Method chooser: Noordwind revised its advice for Thu Duc, assessed six more
    sites (the six profiles the rule tests check, from a Bangladeshi union site to a
    low-trust site with refugee workers), and has one assessment half done."""
    from .chooser.models import Assessment
    from .chooser.profiles import PROFILES

    sites = {site.name: site for supplier in suppliers.values() for site in supplier.sites}

    def site(key: str) -> Site:
        return suppliers[key].sites[0]

    def days_ago(days: int) -> dict:
        at = now - timedelta(days=days)
        return {"created_at": at, "updated_at": at}

    earlier = Assessment(
        company=company, site=site("saigon"), created_by=by,
        answers={"union_independent": "unknown", "association": "restricted",
                 "supplier_survey": "no", "audit_planned": "yes", "goals": ["risks"]},
        completed_at=now - timedelta(days=200), **days_ago(200))
    assessments = [
        earlier,
        Assessment(
            company=company, site=site("saigon"), created_by=by, revision_of=earlier,
            answers={"union_independent": "no", "union_covers": "no",
                     "association": "restricted", "women_barriers": "no",
                     "language_gap": "yes", "ngo_space": "restricted", "literacy": "yes",
                     "phones": "most", "third_party": "yes", "trusted_ngo": "unknown",
                     "grievance": "yes", "grievance_trusted": "no", "supplier_survey": "yes",
                     "audit_planned": "yes", "goals": ["risks", "dialogue"]},
            completed_at=now - timedelta(days=30), **days_ago(30)),
    ]
    for ago, profile in zip((60, 45, 20, 12, 6, 4), PROFILES, strict=True):
        assessments.append(Assessment(
            company=company, site=sites[profile.site], created_by=by,
            answers=dict(profile.answers), completed_at=now - timedelta(days=ago),
            **days_ago(ago)))
    assessments.append(Assessment(
        company=company, site=sites["Ningbo main plant"], created_by=by,
        answers={"union_independent": "no", "association": "banned"}, **days_ago(2)))
    db.session.add_all(assessments)
    for assessment in assessments:
        if assessment.completed_at:
            assessment.conclude()


def _onboarding_chapter(company: Company, by: User, suppliers: dict[str, Supplier],
                        now) -> None:
    """Onboarding: as in the pilot, about half said no; five joined, and a sixth
    (in Pakistan) this year; one no is respected until its re-ask date; the
    timeline was revised twice."""
    from .onboarding.models import (
        Engagement,
        Milestone,
        MilestoneKind,
        MilestoneRevision,
        OutreachMessage,
        SitePriority,
        StageChange,
    )
    from .onboarding.pipeline import Stage

    path = [Stage.shortlisted, Stage.approached, Stage.in_discussion, Stage.joined]
    plan = {  # supplier: (stages, days ago it started, strategies, ambassador)
        "saigon": (path, 300, ["benefits", "long_term", "independent"], None),
        "tiruppur": (path, 280, ["independent", "little_time"], None),
        "lanka": (path[:2] + [Stage.joined], 270, ["benefits", "no_effect_on_orders"], None),
        "pearl": (path, 250, ["ambassador", "long_term"], "saigon"),
        "ningbo": (path[:2] + [Stage.joined], 240, ["benefits"], None),
        "dhaka": (path[:2] + [Stage.declined], 90, ["benefits"], None),
        "anatolia": ([Stage.shortlisted], 20, [], None),
        "indus": (path, 130, ["benefits", "independent"], None),
    }
    for key, (stages, ago, strategies, ambassador) in plan.items():
        engagement = Engagement(company=company, supplier=suppliers[key], stage=stages[-1],
                                strategies=strategies,
                                ambassador=suppliers[ambassador] if ambassador else None)
        previous = Stage.candidate
        for step, stage in enumerate(stages):
            declined = stage is Stage.declined
            engagement.changes.append(StageChange(
                from_stage=previous, to_stage=stage, by=by,
                at=now - timedelta(days=ago - 21 * step),
                reasons=["fewer_orders", "no_capacity"] if declined else [],
                note="Busy with a buyer audit this season." if declined else ""))
            previous = stage
        if stages[-1] is Stage.declined:
            engagement.reask_on = (now - timedelta(days=ago - 42)).date() + timedelta(days=182)
        if Stage.approached in stages:
            engagement.messages.append(OutreachMessage(
                recipient=f"contact@{key}.example", locale="en", mailed=False, by=by,
                subject="Invitation: listening to your workers together",
                body="Dear colleague, Noordwind Apparel would like to invite you ...",
                sent_at=now - timedelta(days=ago - 21)))
        db.session.add(engagement)

    ratings = {  # site: (country risk, labour relations, severity, irreversibility, trust,
                 #        order stability, over-asked, shortlisted)
        "saigon": (3, 3, 3, 2, 5, 4, False, True),
        "tiruppur": (4, 5, 4, 3, 3, 3, False, True),
        "pearl": (4, 4, 4, 3, 3, 2, False, True),
        "dhaka": (5, 5, 5, 4, 2, 3, True, False),
        "lanka": (2, 3, 3, 2, 4, 4, False, True),
    }
    for key, (cr, lr, sev, irr, trust, stab, over, short) in ratings.items():
        db.session.add(SitePriority(
            company=company, site=suppliers[key].sites[0], country_risk=cr,
            labour_relations_risk=lr, severity=sev, irreversibility=irr, trust=trust,
            order_stability=stab, over_asked=over, shortlisted=short))

    today = now.date()
    kickoff = Milestone(company=company, kind=MilestoneKind.kickoff, done=True,
                        title="Kick-off with the survey provider",
                        due_on=today - timedelta(days=230))
    confirmations = Milestone(company=company, kind=MilestoneKind.confirmation,
                              title="All five suppliers confirmed", done=True,
                              due_on=today - timedelta(days=150))
    confirmations.revisions.append(MilestoneRevision(
        old_due_on=today - timedelta(days=190), new_due_on=today - timedelta(days=150),
        reason="internal_approval", note="The CEO of one supplier had to approve.", by=by))
    round_two = Milestone(company=company, kind=MilestoneKind.survey,
                          site=suppliers["pearl"].sites[0],
                          title="Survey round 2, Dongguan factory",
                          due_on=date(2027, 2, 1), ends_on=date(2027, 2, 14))
    round_two.revisions.append(MilestoneRevision(
        old_due_on=date(2027, 1, 11), new_due_on=date(2027, 2, 1), reason="slow_replies",
        note="Waiting for the factory's HR manager.", by=by))
    db.session.add_all([
        kickoff, confirmations, round_two,
        Milestone(company=company, kind=MilestoneKind.survey,
                  site=suppliers["saigon"].sites[0], title="Survey round 2, Thu Duc",
                  due_on=date(2027, 2, 8), ends_on=date(2027, 2, 21)),
        Milestone(company=company, kind=MilestoneKind.dialogue,
                  site=suppliers["tiruppur"].sites[0],
                  title="Dialogue about round 1 results, Tiruppur",
                  due_on=today - timedelta(days=5)),
    ])


#: The indicators the first dialogue at Saigon Stitch agreed to improve.
AGREED_AT_SAIGON = ("WAGE_RUNS_OUT", "PAYSLIP_CLEAR")


def _dialogue_chapter(company: Company, by: User, site: Site, now) -> None:
    """The first round at Saigon Stitch was discussed: a dialogue held with the
    HR manager (in Vietnamese, with an interpreter), agreements of which one is
    done and one overdue, and the second round shows the effect. A dialogue on
    the second round is planned, for Eva in Amsterdam and Lan in Ho Chi Minh City."""
    from .dialogues import evidence
    from .dialogues.models import (
        Action,
        ActionStatus,
        ActionUpdate,
        AttentionPoint,
        Dialogue,
        DialogueStatus,
        EvidenceFile,
        Participant,
        Preparation,
    )
    from .dialogues.vocabulary import TIPS
    from .onboarding.models import Milestone, MilestoneKind
    from .surveys.models import SurveyCycle

    first, second = sorted(db.session.scalars(db.select(SurveyCycle).where(
        SurveyCycle.site_id == site.id)), key=lambda c: c.starts_on)
    lan = db.session.scalar(db.select(User).where(User.email == "lan@saigonstitch.example"))
    held = first.results_shared_on + timedelta(days=9)

    def participants(dialogue):
        dialogue.participants += [
            Participant(name=by.name, organisation="brand", company=company, department="CSR",
                        decides=True,
                        language="nl", timezone="Europe/Amsterdam", country="NL",
                        email=by.email),
            Participant(name=lan.name, organisation="supplier", department="HR",
                        decides=True, language="vi", timezone="Asia/Ho_Chi_Minh",
                        country="VN", email=lan.email),
            Participant(name="Trần Văn Minh", organisation="factory",
                        department="Production", language="vi",
                        timezone="Asia/Ho_Chi_Minh", country="VN"),
            Participant(name="Mai Anh (interpreter)", organisation="interpreter",
                        language="vi", timezone="Asia/Ho_Chi_Minh", country="VN")]

    script = "\n".join(f"- {tip}" for tip in TIPS)
    dialogue = Dialogue(
        company=company, cycle=first, starts_at=datetime.combine(held, time(3, 0)),
        minutes=90, timezone="Asia/Ho_Chi_Minh", language="vi",
        place="Meeting room, Thu Duc factory", status=DialogueStatus.held, created_by=by,
        created_at=now - timedelta(days=190), held_on=held, openness="mostly_open",
        follow_up_offered=True, follow_up_sent_at=datetime.combine(held, time(9, 0)),
        notes="A constructive talk; the HR manager recognised the late payments.",
        look_beforehand="Could you bring the payroll calendar of this year?",
        milestone=Milestone(company=company, site=site, kind=MilestoneKind.dialogue,
                            title="Dialogue with Saigon Stitch about the results",
                            due_on=held, done=True))
    db.session.add(Preparation(
        dialogue=dialogue, company_id=company.id, script=script,
        audit_note="The audit of last spring found overtime, not late pay.",
        open_questions="Why are wages paid after the 10th?"))
    participants(dialogue)
    for person in dialogue.participants:
        person.attended = True
    dialogue.points += [
        AttentionPoint(kind="priority", question_code="WAGE_RUNS_OUT", position=0,
                       company=company,
                       text="Priority: many say their wages run out before the month ends",
                       notes="Wages are paid on the 12th; rent is due on the 1st.",
                       supplier_context="Buyers pay us late in peak season."),
        AttentionPoint(kind="compliment", question_code="CLEAN_WATER", position=1,
                       company=company,
                       text="A strong result: clean drinking water for everyone"),
        AttentionPoint(kind="supplier", question_code="EXHAUSTED", position=2,
                       by_supplier=True, text="Overtime in peak season (our point)")]
    pay = Action(title="Pay wages by the 5th of each month", owner="factory",
                 owner_name="HR manager", due_on=held + timedelta(days=45),
                 codes=["WAGE_RUNS_OUT"], status=ActionStatus.done)
    payslip = Action(title="Explain the new payslip in a 10-minute team talk",
                     owner="factory", owner_name="Production manager",
                     due_on=held + timedelta(days=30), codes=["PAYSLIP_CLEAR"],
                     status=ActionStatus.done)
    overtime = Action(title="Cap overtime at two hours a day in peak season",
                      owner="factory", owner_name="Trần Văn Minh",
                      due_on=(now - timedelta(days=20)).date(), codes=["EXHAUSTED"],
                      status=ActionStatus.in_progress)
    planning = Action(title="Confirm orders eight weeks ahead", owner="brand", company=company,
                      owner_name=by.name, due_on=(now + timedelta(days=40)).date(),
                      codes=["EXHAUSTED"], purchasing=True)
    dialogue.actions += [pay, payslip, overtime, planning]
    pay.updates.append(ActionUpdate(status=ActionStatus.done, by=lan, seen_by_brand=True,
                                    at=datetime.combine(held + timedelta(days=40), time(8)),
                                    comment="Since last month wages are paid on the 5th.",
                                    evidence="Payroll calendar 2026"))
    register = ActionUpdate(
        status=ActionStatus.in_progress, by=lan, seen_by_brand=False,
        at=now - timedelta(days=2), comment="Two lines still work long hours.",
        evidence="Overtime register")
    photo = evidence.check(_register_photo(), "Overtime register, line 3.jpg", 2**20)
    register.file = EvidenceFile.attached(photo, lan, register.at)
    overtime.updates.append(register)
    db.session.add(dialogue)
    first.dialogue_held_on = held

    upcoming = Dialogue(
        company=company, cycle=second,
        starts_at=datetime.combine((now + timedelta(days=9)).date(), time(2, 30)),
        minutes=90, timezone="Asia/Ho_Chi_Minh", language="vi",
        place="Video call (link follows)", created_by=by,
        milestone=Milestone(company=company, site=site, kind=MilestoneKind.dialogue,
                            title="Second dialogue with Saigon Stitch",
                            due_on=(now + timedelta(days=9)).date()))
    participants(upcoming)
    db.session.add(upcoming)
    db.session.add(Preparation(dialogue=upcoming, company_id=company.id, script=script))


def _register_photo() -> bytes:
    """A photo of a ruled overtime register, drawn now (no image files in the
    repository), as a phone sends it: with the place it was taken in its EXIF,
    which storing it drops."""
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (1600, 1200), (236, 230, 214))
    draw = ImageDraw.Draw(page)
    draw.rectangle((120, 90, 1480, 1110), fill=(250, 248, 240), outline=(90, 90, 90), width=4)
    draw.rectangle((120, 90, 1480, 190), fill=(60, 90, 140))
    draw.text((150, 120), "OVERTIME REGISTER - LINE 3", fill="white", font_size=48)
    for row in range(250, 1110, 60):
        draw.line((120, row, 1480, row), fill=(170, 170, 170), width=2)
    for column in (420, 760, 1100):
        draw.line((column, 190, column, 1110), fill=(120, 120, 120), width=3)
    for row, hours in enumerate((2, 2, 1, 3, 2, 2, 1, 2, 2, 4, 2, 1, 2)):
        draw.rectangle((1120, 262 + row * 60, 1120 + hours * 80, 296 + row * 60),
                       fill=(200, 70, 60) if hours > 2 else (80, 140, 90))
    exif = Image.Exif()
    exif[0x010F] = "Demo phone"
    exif.get_ifd(0x8825).update({1: "N", 2: (10.0, 51.0, 3.0), 3: "E", 4: (106.0, 45.0, 9.0)})
    out = io.BytesIO()
    page.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def _survey_chapter(company: Company, by: User, suppliers: dict[str, Supplier], now) -> None:
    """Surveys: the starter questionnaire, published; two rounds at each of the
    five joined sites with the pilot's response rates (29 → 32 %, 5 → 2 %,
    8 → 16 %, 3 → 4 %, 33 → 28 %); a third round open now at Thu Duc, one
    planned at Pearl River and a first one, in Urdu, at Faisalabad. The answers
    are generated, with wages and fatigue as the weak themes, as in the pilot."""
    import random

    from .questionnaires.models import Question, Questionnaire, QuestionnaireVersion, QuestionText
    from .questionnaires.starter import ABOUT_LAST_SURVEY, REVIEWED
    from .results.models import SharingWay, WorkerSharing
    from .surveys.models import ImportBatch, SurveyCycle
    from .surveys.operations import store

    rng = random.Random(2026)  # noqa: S311 (demo data, reproducible on purpose)
    version = QuestionnaireVersion(number=1, published_at=now - timedelta(days=240))
    questionnaire = Questionnaire(company=company, name="Worker survey 2026",
                                  versions=[version])
    # Eva read the English and, with the local partners' fluent staff, the
    # Vietnamese and Chinese texts before publishing, and the provider's translator
    # the Urdu ones; the others were not reviewed, so their workers answered
    # through the provider's phone survey only.
    translator = db.session.scalar(db.select(User).where(
        User.email == "bilal@surveyprovider.example"))
    reviewed = REVIEWED | {"vi", "zh_Hans", "ur"}
    _starter_questions(version, reviewed, by, now - timedelta(days=241))
    for question in version.questions:
        for text in question.texts:
            if text.locale == "ur":
                text.reviewed_by = translator
    db.session.add(questionnaire)
    db.session.flush()

    #: Share answering negatively per question, before a site's own variation.
    weak = {"WAGE_RUNS_OUT": 0.55, "EXHAUSTED": 0.45, "OVERTIME_FORCED": 0.2,
            "AFRAID_TO_RAISE": 0.3, "PAYSLIP_CLEAR": 0.25}
    rates = {"saigon": (0.29, 0.32), "pearl": (0.05, 0.02), "tiruppur": (0.08, 0.16),
             "ningbo": (0.03, 0.04), "lanka": (0.33, 0.28)}
    languages = {"saigon": "vi", "pearl": "zh_Hans", "tiruppur": "ta", "ningbo": "zh_Hans",
                 "lanka": "si"}
    # FairVoice runs the rounds at Saigon Stitch (by phone and WhatsApp, in
    # Vietnamese) and uploads its files itself.
    ana = db.session.scalar(db.select(User).where(User.email == "ana@fairvoice.example"))
    for key, pair in rates.items():
        site = suppliers[key].sites[0]
        site_shift = rng.uniform(-0.1, 0.12)
        for round_, rate in enumerate(pair):
            starts = (now - timedelta(days=200 - 91 * round_)).date()
            # Released about ten days after closing; Ningbo's latest round is
            # closed and waits for Eva to check and release it.
            waiting = key == "ningbo" and round_ == 1
            cycle = SurveyCycle(
                company=company, site=site, version=version, starts_on=starts,
                ends_on=starts + timedelta(days=13), headcount=site.headcount,
                channels=["phone", "whatsapp"], languages=[languages[key], "en"],
                provider="" if key == "saigon" else "Independent survey provider",
                provider_id=ana.provider_id if key == "saigon" else None,
                results_shared_on=None if waiting else starts + timedelta(days=25),
                results_shared_by=None if waiting else by)
            if not waiting:
                cycle.keep_site_facts()
            db.session.add(cycle)
            db.session.flush()

            def bad_of(code, round_=round_, key=key, site_shift=site_shift):
                if round_ == 0 and code in ABOUT_LAST_SURVEY:
                    return None  # not asked in a site's first round
                bad = weak.get(code, 0.08) + site_shift - 0.05 * round_
                if key == "lanka" and code == "AFRAID_TO_RAISE":
                    bad = 0.7  # its suggestion box stays empty: see the grievance chapter
                if round_ and key == "saigon" and code in AGREED_AT_SAIGON:
                    bad -= 0.2  # what was agreed after the first round worked
                return bad

            respondents = _respondents(rng, version, round(site.headcount * rate), starts,
                                       languages[key], bad_of)
            batch = ImportBatch(cycle_id=cycle.id, imported_by=ana if key == "saigon" else by,
                                respondents=len(respondents),
                                filename=f"{key}-round-{round_ + 1}.csv",
                                fingerprint=f"demo-{key}-{round_}",
                                imported_at=now - timedelta(days=180 - 91 * round_))
            db.session.add(batch)
            db.session.flush()
            store(cycle, respondents, batch_id=batch.id)
            # How the workers heard back: Lan recorded a poster and a meeting at
            # Thu Duc; Pearl River's worker committee heard its first results. The
            # other sites recorded nothing, so Eva's home page lists them.
            shared = {("saigon", 0): [(SharingWay.poster, 3, None), (SharingWay.meeting, 9, 180)],
                      ("saigon", 1): [(SharingWay.poster, 4, None)],
                      ("pearl", 0): [(SharingWay.committee, 12, 25)]}
            lan = db.session.scalar(db.select(User).where(
                User.email == "lan@saigonstitch.example"))
            for way, after, reached in shared.get((key, round_), []):
                db.session.add(WorkerSharing(
                    cycle_id=cycle.id, way=way, workers_reached=reached,
                    shared_on=cycle.results_shared_on + timedelta(days=after),
                    recorded_by=lan if key == "saigon" else by))
    saigon = suppliers["saigon"].sites[0]
    _dialogue_chapter(company, by, saigon, now)
    current = SurveyCycle(
        company=company, site=saigon, version=version,
        starts_on=(now - timedelta(days=3)).date(), ends_on=(now + timedelta(days=10)).date(),
        headcount=saigon.headcount, channels=["web"], languages=["vi", "en"])
    db.session.add(current)
    db.session.flush()
    _flood_chapter(current, version)
    # Next year's questionnaire is being drafted: one question more, its
    # Vietnamese text drafted by machine and waiting for Mai's review.
    draft = questionnaire.start_next_version()
    draft.add_question(Question(
        code="GRIEVANCE_KNOWN", theme="voice", negative="no", standard_ref="UNGP 31",
        labels={"en": "Knows how to complain", "nl": "Weet hoe te klagen",
                "zh_Hans": "知道如何投诉", "vi": "Biết cách khiếu nại"},
        texts=[QuestionText(locale="en", text="Do you know how to raise a complaint at work?",
                            reviewed_by=by, reviewed_at=now),
               QuestionText(locale="vi", needs_review=True,
                            text="Bạn có biết cách nêu khiếu nại tại nơi làm việc không?")]))
    # The next round at Pearl River is planned, with FairVoice by phone and
    # WhatsApp: its invitation poster leaves lines for the provider's numbers, and
    # FairVoice's tool already reads the questionnaire through the API.
    pearl = suppliers["pearl"].sites[0]
    db.session.add(SurveyCycle(
        company=company, site=pearl, version=version,
        starts_on=(now + timedelta(days=20)).date(), ends_on=(now + timedelta(days=33)).date(),
        headcount=pearl.headcount, channels=["phone", "whatsapp"], languages=["zh_Hans", "en"],
        provider_id=ana.provider_id))
    # Indus Valley Textiles' first round is planned on the built-in survey, in Urdu
    # (Pakistan's language) and English: its invitation poster reads right to left.
    faisalabad = suppliers["indus"].sites[0]
    db.session.add(SurveyCycle(
        company=company, site=faisalabad, version=version,
        starts_on=(now + timedelta(days=27)).date(), ends_on=(now + timedelta(days=40)).date(),
        headcount=faisalabad.headcount, channels=["web"], languages=["ur", "en"]))


def _grievance_chapter(by: User, suppliers: dict[str, Supplier], now) -> None:
    """Grievance channels beside the surveys: a year of monthly figures at two of
    Noordwind's sites. Thu Duc's helpline is busy and its complaints are resolved
    (some from the spring are still open: the dialogue proposes them); Lanka
    Lace's suggestion box stays nearly empty while most workers say in the survey
    that they are afraid to raise a problem: silence, not peace. Each mechanism
    was checked against the UN Guiding Principles' criteria."""
    import random

    from .grievances.models import EffectivenessCheck, GrievanceSummary
    from .grievances.rules import CRITERIA, Channel, Figures, PeriodKind

    rng = random.Random(24)  # noqa: S311 (demo data, reproducible on purpose)
    thu_duc, lanka = suppliers["saigon"].sites[0], suppliers["lanka"].sites[0]
    first = now.date().replace(day=1)
    months = []
    for _ in range(12):  # the twelve months before this one
        first = (first - timedelta(days=1)).replace(day=1)
        months.append(first)
    for age, month in enumerate(reversed(months)):
        received = rng.randrange(14, 20)
        wages, hours = max(5, round(received * 0.4)), max(5, round(received * 0.25))
        supervisor = min(received - wages - hours, rng.randrange(1, 3))
        facilities = min(received - wages - hours - supervisor, rng.randrange(0, 3))
        themes = {"wages": wages, "hours": hours, "supervisor": supervisor,
                  "facilities": facilities}
        # Most are resolved; in the spring's months a few are still open.
        still_open = rng.randrange(1, 3) if age in (4, 5) else (received // 4 if age == 11 else 0)
        busy = GrievanceSummary(company_id=by.company_id, site=thu_duc,
                                period_kind=PeriodKind.month, period_start=month,
                                channel=Channel.helpline, entered_by=by)
        busy.set_figures(Figures(
            received=received, resolved=received - still_open, still_open=still_open,
            days_to_response=rng.choice((1, 2, 2, 3)), days_to_resolution=rng.randrange(7, 16),
            by_theme=themes, women=round(received * 0.6), anonymous=round(received * 0.4)))
        silent = GrievanceSummary(company_id=by.company_id, site=lanka,
                                  period_kind=PeriodKind.month, period_start=month,
                                  channel=Channel.suggestion_box, entered_by=by)
        one = 1 if age in (2, 7) else 0
        silent.set_figures(Figures(received=one, resolved=one))
        db.session.add_all([busy, silent])
    checked = (now - timedelta(days=40)).date()
    helpline = EffectivenessCheck(company_id=by.company_id, site=thu_duc,
                                  channel=Channel.helpline, checked_on=checked, checked_by=by)
    helpline.record({**dict.fromkeys(CRITERIA, "yes"), "transparent": "partly",
                     "learning": "partly"},
                    {"transparent": "Workers hear the outcome of their own complaint, not "
                                    "what the helpline resolved overall."})
    box = EffectivenessCheck(company_id=by.company_id, site=lanka,
                             channel=Channel.suggestion_box, checked_on=checked, checked_by=by)
    box.record({**dict.fromkeys(CRITERIA, "no"), "accessible": "partly",
                "rights_compatible": "partly"},
               {"legitimate": "The box hangs outside the HR office; the key is with HR.",
                "predictable": "Nobody knows what happens to a note."})
    db.session.add_all([helpline, box])


def _msi_chapter(coordinator: User, admins: dict[int, User], suppliers: dict[str, Supplier],
                 now) -> None:
    """The MSI: its core questions, the starter's, published as a template that
    all three members follow (Noordwind's survey came from its first version);
    a second version adds a question about complaints, so each member sees a
    newer version is available. Linde surveyed the Ningbo plant (after Noordwind)
    and the Yuyao workshop, Hanze its two Chinese factories for the first time.
    All three contribute to the sector benchmark: in China five sites of three
    members answered, so it shows most questions there; not whether workers
    heard of the last survey's results, which a first round does not ask (two of
    the five have no figure). Elsewhere too few sites take part."""
    import random

    from .msi.models import MemberSettings
    from .questionnaires.models import Question, Questionnaire, QuestionnaireVersion, QuestionText
    from .questionnaires.starter import ABOUT_LAST_SURVEY
    from .surveys.models import ImportBatch, SurveyCycle
    from .surveys.operations import store

    rng = random.Random(2027)  # noqa: S311 (demo data, reproducible on purpose)
    reviewed = {"en", "nl", "vi", "zh_Hans"}
    first = QuestionnaireVersion(number=1, published_at=now - timedelta(days=260),
                                 languages=sorted(reviewed))
    template = Questionnaire(company=None, name="MSI core questions", versions=[first])
    _starter_questions(first, reviewed, coordinator, now - timedelta(days=261))
    db.session.add(template)
    db.session.flush()
    second = template.start_next_version()
    second.add_question(Question(
        code="GRIEVANCE_KNOWN", theme="voice", negative="no", standard_ref="UNGP 31",
        labels={"en": "Knows how to complain", "nl": "Weet hoe te klagen",
                "zh_Hans": "知道如何投诉", "vi": "Biết cách khiếu nại"},
        texts=[QuestionText(locale=lang, text=text, reviewed_by=coordinator,
                            reviewed_at=now - timedelta(days=21))
               for lang, text in (
                   ("en", "Do you know how to raise a complaint at work?"),
                   ("nl", "Weet je hoe je op je werk een klacht kunt indienen?"),
                   ("vi", "Bạn có biết cách nêu khiếu nại tại nơi làm việc không?"),
                   ("zh_Hans", "你知道在工作中如何提出投诉吗？"))]))
    second.published_at, second.languages = now - timedelta(days=20), sorted(reviewed)

    # Noordwind's survey came from the first version (the same questions).
    noordwind = db.session.scalar(db.select(Questionnaire).where(
        Questionnaire.name == "Worker survey 2026"))
    for version in noordwind.versions:
        version.template_version = first
    sites = {site.name: site for supplier in suppliers.values() for site in supplier.sites}
    plan = {  # member: (questionnaire, [(site, days ago it started, response rate, shift)])
        "Linde Outdoor": ("Linde worker voice", [("Ningbo main plant", 130, 0.05, 0.05),
                                                 ("Yuyao sewing workshop", 125, 0.25, -0.04)]),
        "Hanze Workwear": ("Hanze worker survey", [("Suzhou workwear plant", 150, 0.07, 0.08),
                                                   ("Quanzhou factory", 140, 0.08, 0.0)]),
    }
    weak = {"WAGE_RUNS_OUT": 0.5, "EXHAUSTED": 0.4, "OVERTIME_FORCED": 0.25,
            "RECRUITMENT_FEE": 0.3, "AFRAID_TO_RAISE": 0.3}
    adopted = {}
    for by in admins.values():
        db.session.add(MemberSettings(company_id=by.company_id, contributes_to_benchmark=True,
                                      changed_at=now - timedelta(days=60), changed_by_id=by.id))
        name = by.company.name
        if name not in plan:
            continue
        title, rounds = plan[name]
        own = adopted[name] = Questionnaire.adopt(first, by.company, title)
        version = own.latest
        version.published_at, version.languages = now - timedelta(days=200), sorted(reviewed)
        db.session.add(own)
        # Hanze's are first rounds (no question about the last survey); Linde
        # surveyed before, elsewhere.
        first_round = name == "Hanze Workwear"
        for site_name, ago, rate, shift in rounds:
            site = sites[site_name]
            starts = (now - timedelta(days=ago)).date()
            cycle = SurveyCycle(
                company=by.company, site=site, version=version, starts_on=starts,
                ends_on=starts + timedelta(days=13), headcount=site.headcount,
                channels=["phone"], languages=["zh_Hans", "en"],
                provider="Independent survey provider",
                results_shared_on=starts + timedelta(days=25), results_shared_by=by)
            cycle.keep_site_facts()
            db.session.add(cycle)
            db.session.flush()

            def bad_of(code, shift=shift, first_round=first_round):
                if first_round and code in ABOUT_LAST_SURVEY:
                    return None
                return weak.get(code, 0.1) + shift

            respondents = _respondents(rng, version, round(site.headcount * rate), starts,
                                       "zh_Hans", bad_of)
            batch = ImportBatch(cycle_id=cycle.id, imported_by=by, respondents=len(respondents),
                                filename=f"{site_name.lower().replace(' ', '-')}.csv",
                                fingerprint=f"demo-msi-{site.id}",
                                imported_at=now - timedelta(days=ago - 16))
            db.session.add(batch)
            db.session.flush()
            store(cycle, respondents, batch_id=batch.id)
    _joint_cycle(admins, adopted["Linde Outdoor"].latest, sites["Ningbo main plant"], rng,
                 weak, now)


def _joint_cycle(admins: dict[int, User], version, site: Site, rng, weak: dict, now) -> None:
    """Linde's second round at the Ningbo plant, run jointly with Noordwind (both
    buy there and chose to see each other) by FairVoice, the provider both signed
    an agreement with: Noordwind accepted before it opened; the survey has closed,
    FairVoice's Ana uploaded the file, and Linde waits for Noordwind to check the
    results before it releases them."""
    from flask import current_app

    from . import crypto
    from .results.models import ProviderDoubt
    from .surveys.models import CycleOwner, ImportBatch, KoboLink, SurveyCycle
    from .surveys.operations import store

    pieter, eva = (next(u for u in admins.values() if u.company.name == name)
                   for name in ("Linde Outdoor", "Noordwind Apparel"))
    ana = db.session.scalar(db.select(User).where(User.email == "ana@fairvoice.example"))
    starts = (now - timedelta(days=30)).date()
    cycle = SurveyCycle(
        company=pieter.company, site=site, version=version, starts_on=starts,
        ends_on=starts + timedelta(days=13), headcount=site.headcount, channels=["phone"],
        languages=["zh_Hans", "en"], provider_id=ana.provider_id,
        figures_shown_on=starts + timedelta(days=16))
    cycle.owners.append(CycleOwner(
        company_id=eva.company_id, invited_on=starts - timedelta(days=21), invited_by=pieter,
        accepted=True, answered_on=starts - timedelta(days=19), answered_by=eva))
    db.session.add(cycle)
    db.session.flush()
    respondents = _respondents(rng, version, round(site.headcount * 0.06), starts, "zh_Hans",
                               lambda code: weak.get(code, 0.1))
    batch = ImportBatch(cycle_id=cycle.id, imported_by=ana, respondents=len(respondents),
                        filename="ningbo-joint-round.csv", fingerprint="demo-joint-ningbo",
                        imported_at=now - timedelta(days=15))
    db.session.add(batch)
    db.session.flush()
    store(cycle, respondents, batch_id=batch.id)
    # FairVoice runs its phone interviews on KoboToolbox: the cycle is linked to its
    # project (the token a placeholder; the respondents are final, so nothing is
    # ever fetched from the demo).
    db.session.add(KoboLink(
        cycle_id=cycle.id, server_url="https://eu.kobotoolbox.org",
        asset_uid="aFvNingboJoint2027Round", linked_by=ana,
        token_sealed=crypto.seal(crypto.key_from(current_app.config), "demo-placeholder"),
        linked_at=now - timedelta(days=31), token_set_at=now - timedelta(days=31)))
    # FairVoice ran Linde's first round there too; Chen asked it about a question.
    first = db.session.scalar(db.select(SurveyCycle).where(
        SurveyCycle.company_id == pieter.company_id, SurveyCycle.site_id == site.id,
        SurveyCycle.id != cycle.id))
    first.provider, first.provider_id = "", ana.provider_id
    chen = db.session.scalar(db.select(User).where(
        User.email == "chen@ningbo-outerwear.example"))
    db.session.add(ProviderDoubt(
        cycle_id=first.id, question_code="OVERTIME_FORCED", asked_by=chen,
        asked_at=datetime.combine(first.results_shared_on + timedelta(days=3), time(6, 0)),
        text="Did workers read 'forced overtime' as any overtime at all? In our plant "
             "overtime is voluntary and paid at 150%.",
        answer="The Chinese text says 不能拒绝的加班 (overtime you cannot refuse). In the "
               "phone interviews nobody asked what it meant; we will add an example next round.",
        answered_by=ana,
        answered_at=datetime.combine(first.results_shared_on + timedelta(days=5), time(9, 0))))


def _sector_chapter(coordinator: User, admins: dict[int, User], suppliers: dict[str, Supplier],
                    now) -> None:
    """What no member solves alone: each of the three members agreed in a dialogue
    at a Chinese site to work on wages with the other buyers, and marked it as
    needing a sector-wide solution; the MSI responded. Linde and Hanze also
    approached suppliers, so that the lessons across members show (three
    members recorded declines and joins)."""
    from .dialogues.models import Action, ActionStatus, Dialogue, DialogueStatus
    from .msi.models import SectorResponse
    from .onboarding.models import Engagement, StageChange
    from .onboarding.pipeline import Stage
    from .surveys.models import SurveyCycle

    for by in admins.values():
        cycle = db.session.scalar(db.select(SurveyCycle).join(SurveyCycle.site).where(
            SurveyCycle.company_id == by.company_id, SurveyCycle.is_released,
            Site.country == "CN").order_by(SurveyCycle.starts_on))
        held = cycle.results_shared_on + timedelta(days=20)
        dialogue = Dialogue(company=by.company, cycle=cycle, minutes=90,
                            starts_at=datetime.combine(held, time(2, 0)),
                            timezone="Asia/Shanghai", language="zh_Hans", created_by=by,
                            status=DialogueStatus.held, held_on=held, follow_up_offered=True)
        cycle.dialogue_held_on = held
        dialogue.actions.append(Action(
            title="Work towards a living wage together with the other buyers",
            owner="brand", company=by.company, due_on=held + timedelta(days=270),
            codes=["WAGE_RUNS_OUT"], status=ActionStatus.in_progress, sector_theme="wages",
            sector_country="CN"))
        db.session.add(dialogue)
    db.session.add(SectorResponse(
        theme="wages", country="CN", written_by=coordinator, updated_at=now,
        text="The MSI convenes a buyers' working group on wages in China: a first meeting "
             "in February, with a local labour-rights NGO, on pricing that covers a living "
             "wage."))
    approaches = {  # member: [(supplier, stage, strategies, decline reasons)]
        "Linde Outdoor": [("ningbo", Stage.joined, ["benefits", "independent"], []),
                          ("porto", Stage.declined, [], ["fewer_orders", "no_capacity"])],
        "Hanze Workwear": [("jiangsu", Stage.joined, ["independent", "little_time"], []),
                           ("fujian", Stage.declined, [], ["fewer_orders"])],
    }
    for by in admins.values():
        for key, stage, strategies, reasons in approaches.get(by.company.name, []):
            if key not in suppliers:
                continue
            engagement = Engagement(company=by.company, supplier=suppliers[key], stage=stage,
                                    strategies=strategies,
                                    reask_on=(now + timedelta(days=120)).date()
                                    if stage is Stage.declined else None)
            engagement.changes.append(StageChange(
                from_stage=Stage.approached, to_stage=stage, by=by,
                at=now - timedelta(days=90), reasons=reasons))
            db.session.add(engagement)


def _starter_questions(version, reviewed: set[str], by: User, at) -> None:
    """The starter's questions into ``version``, their texts in ``reviewed``
    languages reviewed by ``by`` at ``at`` (the others not), offered in those."""
    from .questionnaires.models import Question, QuestionText
    from .questionnaires.starter import STARTER, STARTER_LABELS

    for position, (code, theme, negative, standard, texts) in enumerate(STARTER):
        version.questions.append(Question(
            position=position, code=code, theme=theme, negative=negative,
            standard_ref=standard, labels=dict(STARTER_LABELS[code]),
            texts=[QuestionText(locale=lang, text=text, needs_review=lang not in reviewed,
                                reviewed_by=by if lang in reviewed else None,
                                reviewed_at=at if lang in reviewed else None)
                   for lang, text in texts.items()]))
    version.languages = sorted(reviewed)


def _respondents(rng, version, count: int, starts: date, language: str, bad_of) -> list:
    """``count`` generated respondents of a cycle starting on ``starts``: each
    skips a question one time in 25, answers "don't know" one time in 16, and
    negatively with the chance ``bad_of(code)`` (None: the question is not asked)."""
    from .questionnaires.answers import Answer
    from .surveys.respondents import Respondent

    respondents = []
    for _ in range(count):
        answers = {}
        for question in version.questions:
            if rng.random() < 0.04:
                continue  # skipped
            bad = bad_of(question.code)
            if bad is None:
                continue
            roll = rng.random()
            if roll < 0.06:
                answers[question.code] = "dk"
            elif roll < 0.06 + max(bad, 0.01):
                answers[question.code] = question.negative
            else:
                answers[question.code] = "no" if question.negative == "yes" else "yes"
        respondents.append(Respondent(
            answered_on=starts + timedelta(days=rng.randrange(14)), channel="phone",
            language=language,
            demographics={"gender": rng.choice(["woman", "woman", "man"]),
                          "age_band": rng.choice(["18_24", "25_34", "35_44"]),
                          "contract": rng.choice(["permanent", "temporary"]),
                          "role": "production"},
            answers={c: Answer(v) for c, v in answers.items()}))
    return respondents


def _flood_chapter(cycle, version) -> None:
    """The third round at Thu Duc opened with the bare link on the factory's
    poster. On its first day 14 identical answers came in one minute: held for
    Eva to review, never counted. She then switched to access codes, printed on
    slips that the worker committee hands out."""
    from .surveys.models import AlertKind, HeldResponse, SurveyAlert
    from .surveys.operations import make_codes

    first_day = cycle.starts_on
    for _ in range(14):
        db.session.add(HeldResponse(
            cycle_id=cycle.id, held_on=first_day, language="vi",
            demographics={"gender": "woman", "age_band": "25_34", "contract": "permanent",
                          "role": "production"},
            answers={q.code: "no" if q.negative == "yes" else "yes"
                     for q in version.questions}))
    for kind in (AlertKind.burst, AlertKind.held):
        db.session.add(SurveyAlert(cycle_id=cycle.id, day=first_day, kind=kind.value, count=14))
    make_codes(cycle, 250)  # commits what the story has so far, as the page would
