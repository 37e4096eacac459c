"""Who a request through a token is, for ``wsdialog.tenancy`` and the reads.

The tenancy rules and the results reads ask a user for ``role`` and
``company_id`` (and Flask-Login for ``is_authenticated`` / ``is_active``); the
results reads also ask ``is_brand``. A request with a company's token acts as
brand staff of that company — never as an admin, never as a person — so every
rule the pages follow holds for the API unchanged: what its staff could reach,
and nothing else. The token's scopes narrow it further (``TokenClient.allows``).
"""

from __future__ import annotations

from ..models import Role
from .models import ApiToken


class TokenClient:
    """A company's tool, acting through one of its tokens."""

    role = Role.brand
    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_brand = True
    is_admin = is_brand_admin = False
    is_coordinator = is_supplier = is_reviewer = is_provider = False
    supplier_id = provider_id = None
    #: No person: nothing is written in a person's name, no login session is touched,
    #: and the language is the request's.
    id = locale = login_session = None

    def __init__(self, token: ApiToken):
        self.token = token
        self.company_id = token.company_id

    def allows(self, scope: str) -> bool:
        return self.token.allows(scope)

    def get_id(self) -> None:  # Flask-Login: nothing to keep in a session
        return None
