"""Who a request through a token is, for ``wsdialog.tenancy`` and the reads.

The tenancy rules and the results reads ask a user for ``role`` and
``company_id`` or ``provider_id`` (and Flask-Login for ``is_authenticated`` /
``is_active``); the results reads also ask ``is_brand``. A request with a
company's token acts as brand staff of that company, one with a provider's token
as one of the provider's people — never as an admin, never as a person — so
every rule the pages follow holds for the API unchanged: what they could reach,
and nothing else. The token's scopes narrow it further (``TokenClient.allows``).
"""

from __future__ import annotations

from ..models import Role
from .models import ApiToken


class TokenClient:
    """An organisation's tool, acting through one of its tokens."""

    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_admin = is_brand_admin = False
    is_coordinator = is_supplier = is_reviewer = False
    supplier_id = None
    #: No person: nothing is written in a person's name, no login session is touched,
    #: and the language is the request's.
    id = locale = login_session = None

    def __init__(self, token: ApiToken):
        self.token = token
        self.company_id = token.company_id
        self.provider_id = token.provider_id
        self.is_provider = token.provider_id is not None
        self.is_brand = not self.is_provider
        self.role = Role.provider if self.is_provider else Role.brand

    def allows(self, scope: str) -> bool:
        return self.token.allows(scope)

    def get_id(self) -> None:  # Flask-Login: nothing to keep in a session
        return None
