"""The MSI's response to an issue members raised."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SubmitField

from ..forms import Form, TextBoxField, max_length, required


class ResponseForm(Form):
    theme = HiddenField(validators=[required(), max_length(30)])
    country = HiddenField(validators=[required(), max_length(2)])
    text = TextBoxField(_l("The MSI's response"), validators=[required(), max_length(5000)],
                        description=_l("What the MSI does about it: a working group, a sector "
                                       "dialogue, a position. Every member sees it."))
    submit = SubmitField(_l("Save the response"))
