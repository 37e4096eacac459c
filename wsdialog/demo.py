"""The demo story: an MSI hosting two clothing brands that listen to workers in
their supply chains. Each capability adds its chapter here, so that the first
README command shows a newcomer the whole product on realistic data.

All names, addresses and figures are invented.
"""

from __future__ import annotations

from datetime import timedelta

from .extensions import db
from .models import (
    Company,
    ContactPerson,
    Invitation,
    Presence,
    Role,
    Site,
    Supplier,
    SupplierRelationship,
    User,
    utcnow,
)

#: The password of every demo account (printed by ``flask demo-data``).
DEMO_PASSWORD = "wsdialog-demo"  # noqa: S105 (demo data only)

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
        ("Dongguan factory", "Guangdong", "Asia/Shanghai", 1500, 55, 70, 20, Y, N)]),
    "ningbo": ("Ningbo Outerwear Ltd.", "CN", [
        ("Ningbo main plant", "Zhejiang", "Asia/Shanghai", 900, 58, 62, 25, Y, N),
        ("Yuyao sewing workshop", "Zhejiang", "Asia/Shanghai", 180, 75, 40, 35, N, N)]),
    "dhaka": ("Dhaka Fashion Works", "BD", [
        ("Gazipur factory", "Dhaka Division", "", None, None, None, None, U, U)]),
    "anatolia": ("Anatolia Denim", "TR", []),
    "porto": ("Porto Socks Lda.", "PT", [
        ("Barcelos knitting", "Braga", "Europe/Lisbon", 140, 65, 5, 12, Y, Y)]),
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
    ],
    "Linde Outdoor": [
        ("ningbo", 7, 22, "Our largest outerwear supplier.",
         [("Chen Wei", "Compliance officer", "chen@ningbo-outerwear.example")]),
        ("porto", 10, 30, "", [("Ana Costa", "Owner", "ana@portosocks.example")]),
    ],
}


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

    person("coordinator@msi.example", "Sanne de Vries", Role.coordinator, "nl")

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
            db.session.add(relationship)

    noordwind, linde = companies["Noordwind Apparel"], companies["Linde Outdoor"]
    eva = person("eva@noordwind.example", "Eva Jansen", Role.brand, "nl",
                 company=noordwind, is_admin=True)
    person("ahmed@noordwind.example", "Ahmed Bakker", Role.brand, company=noordwind)
    pieter = person("pieter@linde.example", "Pieter Smit", Role.brand, company=linde,
                    is_admin=True)
    person("lan@saigonstitch.example", "Nguyễn Thị Lan", Role.supplier, "vi",
           supplier=suppliers["saigon"])
    person("chen@ningbo-outerwear.example", "Chen Wei", Role.supplier, "zh_Hans",
           supplier=suppliers["ningbo"])
    db.session.flush()

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
    db.session.commit()
    lines = [f"Demo data loaded. Every demo account's password is: {DEMO_PASSWORD}"]
    lines += [f"  {u.email:<34} {u.role.value}{' (admin)' if u.is_admin else ''}"
              for u in users]
    return lines


def _chooser_chapter(company: Company, by: User, suppliers: dict[str, Supplier], now) -> None:
    """Method chooser: Noordwind has assessed three sites; one was revised."""
    from .chooser.models import Assessment

    def site(key: str) -> Site:
        return suppliers[key].sites[0]

    earlier = Assessment(
        company=company, site=site("saigon"), created_by=by,
        answers={"union_independent": "unknown", "association": "restricted",
                 "supplier_survey": "no", "audit_planned": "yes", "goals": ["risks"]},
        created_at=now - timedelta(days=200), updated_at=now - timedelta(days=200),
        completed_at=now - timedelta(days=200))
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
            created_at=now - timedelta(days=30), updated_at=now - timedelta(days=30),
            completed_at=now - timedelta(days=30)),
        Assessment(
            company=company, site=site("tiruppur"), created_by=by,
            answers={"association": "free", "women_barriers": "yes", "language_gap": "yes",
                     "ngo_space": "free", "literacy": "no", "phones": "some",
                     "third_party": "yes", "trusted_ngo": "yes", "grievance": "no",
                     "supplier_survey": "unknown", "audit_planned": "no",
                     "goals": ["dialogue", "remedy"]},
            created_at=now - timedelta(days=12), updated_at=now - timedelta(days=12),
            completed_at=now - timedelta(days=12)),
        Assessment(
            company=company, site=site("pearl"), created_by=by,
            answers={"union_independent": "no", "association": "banned"},
            created_at=now - timedelta(days=2), updated_at=now - timedelta(days=2)),
    ]
    db.session.add_all(assessments)
    for assessment in assessments:
        if assessment.completed_at:
            assessment.conclude()
