from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField

from ..forms import InviteForm, max_length, required, strip


class CompanyForm(InviteForm):
    """A new member company and the person who will be its first admin."""

    company_name = StringField(_l("Company name"), validators=[required(), max_length(120)],
                               filters=[strip])
    submit = SubmitField(_l("Add company and invite its admin"))
