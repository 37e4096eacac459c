from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, StringField, SubmitField
from wtforms.validators import Optional, ValidationError

from ..forms import (
    CheckboxesField,
    ChoiceField,
    DayField,
    Form,
    LanguageField,
    TextBoxField,
    WholeNumberField,
    email_validators,
    max_length,
    required,
    strip,
)
from .pipeline import DECLINE_REASONS, STAGE_NAMES, STRATEGIES, Stage


class MoveForm(Form):
    """Move a supplier to another stage of the pipeline."""

    stage = ChoiceField(_l("New stage"))
    reasons = CheckboxesField(_l("Why did the supplier decline?"), validators=[Optional()])
    reask_on = DayField(
        _l("Ask again from"), validators=[Optional()],
        description=_l("Six months after the decline unless you choose otherwise. Until "
                       "then the supplier is not suggested for approaching."))
    note = TextBoxField(_l("Note"), validators=[max_length(2000)])
    submit = SubmitField(_l("Save the move"))

    def __init__(self, current: Stage, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .pipeline import MOVES

        self.stage.choices = [(s.value, _l(STAGE_NAMES[s])) for s in MOVES[current]]
        self.reasons.choices = [(code, _l(text)) for code, text in DECLINE_REASONS.items()]

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Checked here: the field's Optional() would skip an inline validator.
        if self.stage.data == Stage.declined.value and not self.reasons.data:
            self.reasons.errors = [*self.reasons.errors,
                                   _l("Choose at least one reason for the decline.")]
            return False
        return valid


class StrategiesForm(Form):
    strategies = CheckboxesField(_l("What did you use to engage this supplier?"),
                                 validators=[Optional()])
    ambassador = ChoiceField(_l("Ambassador supplier"), validators=[Optional()],
                             description=_l("A supplier that already takes part and told "
                                            "them about it."))
    submit = SubmitField(_l("Save"))

    def __init__(self, ambassadors, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.strategies.choices = [(code, _l(text)) for code, text in STRATEGIES.items()]
        self.ambassador.choices = [("", _l("None"))] + [
            (str(s.id), s.name) for s in ambassadors]


class AnswerForm(Form):
    """A supplier's own answer to the invitation to take part."""

    reasons = CheckboxesField(_l("If you decline, may we ask why?"), validators=[Optional()],
                              description=_l("Optional. It helps the company do better."))
    note = TextBoxField(_l("Anything you want to add"), validators=[max_length(2000)])
    join = SubmitField(_l("Yes, we take part"))
    decline = SubmitField(_l("No, not now"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reasons.choices = [(code, _l(text)) for code, text in DECLINE_REASONS.items()]


def _ratings():
    return [("", _l("Not known")), ("1", _l("1 – very low")), ("2", _l("2 – low")),
            ("3", _l("3 – medium")), ("4", _l("4 – high")), ("5", _l("5 – very high"))]


class CriteriaForm(Form):
    """A company's selection criteria for one site."""

    country_risk = ChoiceField(_l("Risk in the country and region"), validators=[Optional()],
                               description=_l("For example from a country risk index."))
    labour_relations_risk = ChoiceField(
        _l("Risk from prevalent labour relations"), validators=[Optional()],
        description=_l("For example many temporary or migrant workers, or no freedom of "
                       "association."))
    severity = ChoiceField(_l("How severe could harm to workers be?"), validators=[Optional()])
    irreversibility = ChoiceField(_l("How hard would harm be to undo?"),
                                  validators=[Optional()])
    trust = ChoiceField(_l("Mutual trust with the supplier"), validators=[Optional()])
    order_stability = ChoiceField(_l("How stable are your orders?"), validators=[Optional()])
    over_asked = ChoiceField(_l("Is the supplier already busy with similar projects?"),
                             validators=[Optional()],
                             description=_l("Asking too much at once leads to a no."))
    # Translators: a site chosen on the priorities page to approach; not the
    # onboarding pipeline's stage "Shortlisted".
    shortlisted = BooleanField(_l("Selected for outreach"))
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("country_risk", "labour_relations_risk", "severity", "irreversibility",
                     "trust", "order_stability"):
            getattr(self, name).choices = _ratings()
        self.over_asked.choices = [("", _l("Not known")), ("yes", _l("Yes")),
                                   ("no", _l("No"))]


class WeightsForm(Form):
    submit = SubmitField(_l("Save the weights"))

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        from .scoring import CRITERIA

        if not any(getattr(self, code).data for code in CRITERIA):
            self.form_errors.append(_l("At least one criterion needs a weight above 0: "
                                       "with every weight at 0 no site could be ranked."))
            return False
        return True


def weights_form_class():
    from .scoring import CRITERIA

    class Form(WeightsForm):
        pass

    for code, label in CRITERIA.items():
        setattr(Form, code, WholeNumberField(_l(label), maximum=100))
    return Form


class OutreachForm(Form):
    recipient = EmailField(_l("To"), validators=email_validators(), filters=[strip])
    locale = LanguageField(_l("Language"))
    subject = StringField(_l("Subject"), validators=[required(), max_length(200)],
                          filters=[strip])
    body = TextBoxField(_l("Message"), validators=[required(), max_length(10000)],
                         render_kw={"rows": 18})
    submit = SubmitField(_l("Send and mark as approached"))


class TemplateForm(Form):
    subject = StringField(_l("Subject"), validators=[required(), max_length(200)],
                          filters=[strip])
    body = TextBoxField(
        _l("Message"), validators=[required(), max_length(10000)], render_kw={"rows": 18},
        description=_l("You may use %(contact)s, %(supplier)s, %(company)s and "
                       "%(sender)s; they are filled in for each supplier."))
    submit = SubmitField(_l("Save the template"))


class MilestoneForm(Form):
    title = StringField(_l("What"), validators=[required(), max_length(160)], filters=[strip])
    kind = ChoiceField(_l("Kind"))
    site = ChoiceField(_l("Site"), validators=[Optional()],
                       description=_l("Its country decides which holidays we warn about."))
    due_on = DayField(_l("Date"), validators=[required()])
    ends_on = DayField(_l("Until"), validators=[Optional()],
                       description=_l("For a window, such as a survey open for two weeks."))
    submit = SubmitField(_l("Add to the timeline"))

    def __init__(self, sites, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .timeline import KIND_NAMES

        self.kind.choices = [(code, _l(name)) for code, name in KIND_NAMES.items()]
        self.site.choices = [("", _l("No particular site"))] + [
            (str(s.id), f"{s.name} · {s.supplier.name}") for s in sites]

    def validate_ends_on(self, field):
        if field.data and self.due_on.data and field.data < self.due_on.data:
            raise ValidationError(_l("The end cannot be before the start."))


class RevisionForm(Form):
    new_due_on = DayField(_l("New date"), validators=[required()])
    reason = ChoiceField(_l("Why does it move?"))
    note = TextBoxField(_l("Note"), validators=[max_length(2000)])
    submit = SubmitField(_l("Move the date"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .timeline import DELAY_REASONS

        self.reason.choices = [(code, _l(name)) for code, name in DELAY_REASONS.items()]
