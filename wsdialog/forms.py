"""Form pieces shared by the blueprints, with messages in our own catalogue
(WTForms ships no Vietnamese, so we never rely on its built-in texts)."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    EmailField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    widgets,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from .i18n import languages
from .zones import is_valid_timezone, zone_choices

#: The largest whole number a URL or a form accepts: the top of a 32-bit INTEGER
#: column (PostgreSQL's primary keys). Databases refuse larger ones with an error
#: (SQLite past 2**63), and no row has such an id.
MAX_INTEGER = 2**31 - 1

MIN_PASSWORD_LENGTH = 10


class Form(FlaskForm):
    """Our forms' base. Several forms share a page (each row's buttons, a form per
    section), and ids must be unique on a page, or a label or screen reader finds
    the wrong field: the fields every form has, its hidden ones (the CSRF token)
    and its submit button, are drawn without an id (no label points at them).
    Fields that do have labels keep their ids; give a form a ``prefix`` when it
    shares its page with another that has the same fields."""

    class Meta:
        def render_field(self, field, render_kw):
            if "id" not in render_kw and (field.type == "SubmitField"
                                          or isinstance(field.widget, widgets.HiddenInput)):
                render_kw = {**render_kw, "id": False}  # False: the attribute is left out
            return super().render_field(field, render_kw)


def strip(value):
    """Filter: surrounding spaces (often pasted along) are never meaningful."""
    return value.strip() if isinstance(value, str) else value


class TextBoxField(TextAreaField):
    """A text area whose value comes back as it went out. Browsers send line
    breaks as CRLF: they are stored as LF, so that saving a form unchanged
    changes nothing. Surrounding spaces are stripped."""

    def __init__(self, label=None, validators=None, filters=(), **kwargs):
        super().__init__(label, validators, filters=(_newlines, strip, *filters), **kwargs)


def _newlines(value):
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) \
        else value


def required():
    return DataRequired(message=_l("Please fill in this field."))


def email_validators():
    return [required(), Email(message=_l("Please enter a valid e-mail address.")),
            Length(max=254, message=_l("This is too long."))]


def max_length(n: int):
    return Length(max=n, message=_l("Please use at most %(max)d characters.", max=n))


class WholeNumberField(IntegerField):
    """An optional whole number, with a translated message for other input."""

    def __init__(self, label=None, validators=None, minimum=0, maximum=None,
                 required: bool = False, **kwargs):
        # Optional() ends the checks on an empty field; a required number says so.
        first = InputRequired(message=_l("Please fill in this field.")) if required \
            else Optional()
        validators = [first, *(validators or [])]
        if maximum is None:
            validators.append(NumberRange(min=minimum, message=_l(
                "Please enter %(min)d or more.", min=minimum)))
        else:
            validators.append(NumberRange(min=minimum, max=maximum, message=_l(
                "Please enter a number from %(min)d to %(max)d.", min=minimum, max=maximum)))
        kwargs.setdefault("render_kw", {}).update(
            {"inputmode": "numeric", "min": minimum, **({"max": maximum} if maximum else {})})
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = int(valuelist[0].strip())
        except ValueError:
            self.data = None
            raise ValueError(_l("Please enter a whole number, like 120.")) from None
        if abs(self.data) > MAX_INTEGER:
            # The database cannot store it; no count or share is ever that large.
            self.data = None
            raise ValueError(_l("This number is too large."))


class DayField(DateField):
    """A date (the browser's date picker), with a translated message otherwise."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Please enter a date like 2027-03-31.")) from None


class PercentField(WholeNumberField):
    def __init__(self, label=None, **kwargs):
        super().__init__(label, minimum=0, maximum=100, **kwargs)


class OwnChoiceMessage:
    """Refuse a value that was not offered with a message from our catalogue."""

    def pre_validate(self, form):
        if not self.validate_choice:
            return
        if self.data in (None, "") and not isinstance(self.data, list):
            # Nothing chosen: fine for an optional field, refused otherwise.
            if self.flags.optional:
                return
            raise ValidationError(_l("Please choose one of the options."))
        offered = {value for value, _label in self.choices}
        chosen = self.data if isinstance(self.data, list) else [self.data]
        if not set(chosen) <= offered:
            raise ValidationError(_l("Please choose one of the options."))


class ChoiceField(OwnChoiceMessage, SelectField):
    """A select box."""


class RadioChoiceField(OwnChoiceMessage, RadioField):
    """Radio buttons; nothing chosen is allowed unless a validator says otherwise."""


class CheckboxesField(OwnChoiceMessage, SelectMultipleField):
    """Several choices, as checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class LanguageField(ChoiceField):
    """One of the languages we ship, named in that language."""

    def __init__(self, label=None, **kwargs):
        super().__init__(label, **kwargs)
        self.choices = list(languages().items())

    def pre_validate(self, form):
        self.choices = list(languages().items())
        super().pre_validate(form)


class TimezoneField(ChoiceField):
    """A time zone as a plain select (no JavaScript needed), each named by its
    place in the reader's language ("Amsterdam · Europe/Amsterdam"). ``blank``
    names the empty choice (without it a zone must be chosen); ``offer(country)``
    narrows the list to that country's zones. Any known zone is accepted."""

    def __init__(self, label=None, blank=None, **kwargs):
        super().__init__(label, **kwargs)
        self.blank = blank
        self.offer(None)

    def offer(self, country: str | None) -> None:
        zones = zone_choices(country, str(get_locale()))
        chosen = getattr(self, "data", None)  # none yet while the form is made
        if chosen and chosen not in {zone for zone, _label in zones} \
                and is_valid_timezone(chosen):
            zones = zone_choices(None, str(get_locale()))  # keep what was chosen
        self.choices = ([("", self.blank)] if self.blank else []) + zones

    def pre_validate(self, form):
        if self.data in (None, "") and self.blank:
            return
        if not is_valid_timezone(self.data or ""):
            raise ValidationError(_l("Please choose a time zone from the list."))


class InviteForm(Form):
    """Invite a person by e-mail; they choose their own password."""

    name = StringField(_l("Name"), validators=[required(), max_length(120)], filters=[strip])
    email = EmailField(_l("E-mail address"), validators=email_validators(), filters=[strip])
    locale = LanguageField(
        _l("Language of the invitation"),
        description=_l("The mail and the new account start in this language."),
    )
    submit = SubmitField(_l("Send invitation"))

    def __init__(self, *args, language: str | None = None, **kwargs):
        """``language``: the one the form starts with (a colleague invited by a
        colleague most likely reads the inviter's language); else the first."""
        super().__init__(*args, **kwargs)
        self.locale.choices = list(languages().items())
        if language in languages() and not self.is_submitted():
            self.locale.data = language


class ConfirmForm(Form):
    """An empty form: a button that posts with a CSRF token."""

    submit = SubmitField(_l("Confirm"))
