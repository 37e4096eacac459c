"""The form for a new API token (a company's admins, a provider's people)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired

from ..forms import CheckboxesField, Form, max_length, required, strip
from .models import scopes_for


class TokenForm(Form):
    name = StringField(_l("Name"), validators=[required(), max_length(120)], filters=[strip],
                       description=_l('What it is for, e.g. "ESG report tool" or '
                                      '"survey tool".'))
    # Translators: what an API token allows a program to do (read, or send answers).
    scopes = CheckboxesField(_l("What it may do"), validators=[
        InputRequired(_l("Please choose at least one."))])
    # Translators: API token: the secret a program sends to read the company's data.
    submit = SubmitField(_l("Create the token"))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scopes.choices = [(name, _l(text)) for name, text in scopes_for(user).items()]
