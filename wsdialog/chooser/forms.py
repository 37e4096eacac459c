from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField
from wtforms.validators import Optional

from ..forms import CheckboxesField, ChoiceField, Form, RadioChoiceField, max_length, strip
from ..i18n import country_choices
from .questions import Question


class StartForm(Form):
    """What to assess: one of the company's sites, or a country in general."""

    site = ChoiceField(_l("Site"), validators=[Optional()], coerce=str)
    country = ChoiceField(_l("Country"), validators=[Optional()],
                          description=_l("For a general assessment without a site."))
    sector = StringField(_l("Sector"), validators=[max_length(80)], filters=[strip],
                         description=_l("For example: apparel, electronics, agriculture."))
    submit = SubmitField(_l("Start"))

    def __init__(self, sites, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.site.choices = [("", _l("No site: a general assessment"))] + [
            (str(site.id), f"{site.name} · {site.supplier.name}") for site in sites]
        self.country.choices = [("", _l("Choose a country"))] + country_choices()

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        if not self.site.data and not self.country.data:
            self.site.errors.append(_l("Choose a site, or a country for a general "
                                       "assessment."))
            return False
        return True


def step_form_class(questions: list[Question]) -> type[Form]:
    """A form with one field per question, named by the question's code."""

    class StepForm(Form):
        submit = SubmitField(_l("Next"))

    for q in questions:
        field_class = CheckboxesField if q.multiple else RadioChoiceField
        setattr(StepForm, q.code, field_class(
            _l(q.text), validators=[Optional()],
            # A callable: WTForms 3.3 deprecates passing (value, label) tuples directly.
            choices=lambda q=q: [(o.value, _l(o.label)) for o in q.options],
            description=_l(q.help) if q.help else ""))
    return StepForm
