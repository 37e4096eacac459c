"""Forms for grievance channels' figures: a period's figures, the import of a
file, an effectiveness check."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import FloatField, StringField, SubmitField, ValidationError
from wtforms.validators import Optional

from .. import clock
from ..forms import (
    ChoiceField,
    DayField,
    Form,
    RadioChoiceField,
    TextBoxField,
    WholeNumberField,
    max_length,
    required,
    strip,
)
from . import rules
from .rules import Figures


class DaysField(FloatField):
    """A number of days, whole or not (a median may be 2.5)."""

    def __init__(self, label=None, **kwargs):
        kwargs.setdefault("render_kw", {}).update({"inputmode": "decimal"})
        super().__init__(label, validators=[Optional()], **kwargs)

    def process_formdata(self, valuelist):
        text = valuelist[0].strip().replace(",", ".") if valuelist else ""
        if not text:
            self.data = None
            return
        try:
            self.data = float(text)
            if not 0 <= self.data <= 10_000:
                raise ValueError
        except ValueError:
            self.data = None
            raise ValueError(_l("Please enter a number of days, like 4 or 2.5.")) from None


def channel_choices() -> list[tuple[str, str]]:
    return [(code, _l(name)) for code, name in rules.CHANNEL_NAMES.items()]


class CompanyChoice:
    """For a supplier's people: the company the figures are for (a company's staff
    enter them for their own)."""

    def offer_companies(self, companies, chosen: int | None) -> None:
        self.company.choices = [(str(c.id), c.name) for c in companies]
        if chosen and not self.is_submitted():
            self.company.data = str(chosen)

    def chosen_company(self) -> int:
        return int(self.company.data)


class SummaryForm(CompanyChoice, Form):
    company = ChoiceField(_l("For the company"), description=_l(
        "The figures belong to this company: another company you work with does not see them."))
    period = StringField(_l("Period"), validators=[required(), max_length(10)], filters=[strip],
                         description=_l("A month as 2027-03, or a quarter as 2027-Q1."))
    channel = ChoiceField(_l("Channel"))
    received = WholeNumberField(_l("Received"), required=True)
    resolved = WholeNumberField(_l("Resolved"), description=_l("Of those received."))
    still_open = WholeNumberField(_l("Still open"), description=_l("Of those received."))
    days_to_response = DaysField(_l("Median days to a first response"))
    days_to_resolution = DaysField(_l("Median days to resolution"))
    anonymous = WholeNumberField(_l("Raised anonymously"), description=_l("Leave empty if not "
                                                                           "known."))
    women = WholeNumberField(_l("Raised by women"), description=_l("Leave empty if not known."))
    submit = SubmitField(_l("Save the figures"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel.choices = channel_choices()

    def validate_period(self, field):
        try:
            rules.parse_period(field.data)
        except ValueError:
            raise ValidationError(_l("Please write a month as 2027-03, or a quarter as "
                                     "2027-Q1.")) from None

    def theme_fields(self):
        return [getattr(self, f"theme_{code}") for code in rules.THEMES]

    @property
    def figures(self) -> Figures:
        return Figures(received=self.received.data or 0, resolved=self.resolved.data or 0,
                       still_open=self.still_open.data or 0,
                       days_to_response=self.days_to_response.data,
                       days_to_resolution=self.days_to_resolution.data,
                       by_theme={code: getattr(self, f"theme_{code}").data
                                 for code in rules.THEMES
                                 if getattr(self, f"theme_{code}").data},
                       anonymous=self.anonymous.data, women=self.women.data)

    def refuse(self, found: list[tuple[str, str]]) -> None:
        """Put the figures' problems (``rules.problems``) on their fields."""
        for name, code in found:
            if name.startswith("theme:"):
                name = f"theme_{name.removeprefix('theme:')}"
            field = getattr(self, name if name in self else "received", None)
            if name == "by_theme":
                field = self.received
            field.errors = [*field.errors, _l(rules.PROBLEMS[code])]

    @classmethod
    def of(cls, summary, **kwargs) -> SummaryForm:
        data = {"period": summary.period.code, "channel": summary.channel.value,
                "received": summary.received, "resolved": summary.resolved,
                "still_open": summary.still_open, "days_to_response": summary.days_to_response,
                "days_to_resolution": summary.days_to_resolution,
                "anonymous": summary.anonymous, "women": summary.women,
                "company": str(summary.company_id),
                **{f"theme_{code}": (summary.by_theme or {}).get(code)
                   for code in rules.THEMES}}
        return cls(data=data, **kwargs)


for _code, _name in rules.THEMES.items():
    setattr(SummaryForm, f"theme_{_code}", WholeNumberField(_l(_name)))


class ImportForm(CompanyChoice, Form):
    company = ChoiceField(_l("For the company"))
    file = FileField(_l("File (CSV or XLSX)"))
    submit = SubmitField(_l("Import"))

    def validate_file(self, field):
        if not field.data or not getattr(field.data, "filename", ""):
            raise ValidationError(_l("Please choose a file."))


class CheckForm(CompanyChoice, Form):
    company = ChoiceField(_l("For the company"))
    channel = ChoiceField(_l("Mechanism"))
    checked_on = DayField(_l("Checked on"), validators=[required()])
    submit = SubmitField(_l("Save the check"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel.choices = channel_choices()
        if not self.is_submitted() and self.checked_on.data is None:
            self.checked_on.data = clock.today()

    def criterion_fields(self):
        return [(getattr(self, f"answer_{code}"), getattr(self, f"note_{code}"))
                for code in rules.CRITERIA]

    @property
    def answers(self) -> dict[str, str]:
        return {code: getattr(self, f"answer_{code}").data for code in rules.CRITERIA}

    @property
    def notes(self) -> dict[str, str]:
        return {code: getattr(self, f"note_{code}").data or "" for code in rules.CRITERIA}


for _code, _name in rules.CRITERIA.items():
    setattr(CheckForm, f"answer_{_code}", RadioChoiceField(
        _l(_name), validators=[required()],
        choices=[(value, _l(label)) for value, label in rules.CRITERION_ANSWERS.items()]))
    setattr(CheckForm, f"note_{_code}", TextBoxField(
        # Translators: a short note on one criterion of a grievance mechanism's check
        _l("Note"), validators=[Optional(), max_length(500)]))
