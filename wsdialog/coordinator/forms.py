import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField, ValidationError

from ..extensions import db
from ..forms import InviteForm, max_length, required, strip
from ..models import Company
from ..tenancy import scoped


class CompanyForm(InviteForm):
    """A new member company and the person who will be its first admin."""

    company_name = StringField(_l("Company name"), validators=[required(), max_length(120)],
                               filters=[strip])
    submit = SubmitField(_l("Add company and invite its admin"))

    def validate_company_name(self, field):
        if db.session.scalar(scoped(Company).where(
                sa.func.lower(Company.name) == field.data.lower())):
            raise ValidationError(_l("A company with this name already exists."))
