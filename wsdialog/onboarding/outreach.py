"""The built-in outreach message, for a company that has not written its own.
No Flask here: the caller translates each paragraph and joins them.

Placeholders: %(contact)s, %(supplier)s, %(company)s, %(sender)s.
"""

from __future__ import annotations

from ..text import N_

DEFAULT_SUBJECT = N_("Invitation: listening to your workers together")

DEFAULT_PARAGRAPHS: tuple[str, ...] = (
    N_("Dear %(contact)s,"),
    N_("%(company)s would like to invite %(supplier)s to take part in a project to listen "
       "to the workers in our supply chain."),
    N_("Why we do this: we want to understand how workers experience their work, beside "
       "audits, so that together we can see what goes well and what could improve."),
    N_("What it brings you: insight into what your workers think, which helps retention, "
       "productivity and satisfaction, and shows your customers that you care."),
    N_("What it is not: it is not an audit and not a one-off snapshot, and taking part or "
       "not has no effect on our orders."),
    N_("How it works: an independent organisation runs a short, anonymous survey among "
       "your workers. It takes little of your time. You see exactly the same results as we "
       "do, and afterwards we talk about them together."),
    N_("We would be glad to tell you more. Could you let us know whether you are "
       "interested?"),
    N_("Kind regards,\n%(sender)s\n%(company)s"),
)
