from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import EqualTo, Length, ValidationError

from ..forms import (
    MIN_PASSWORD_LENGTH,
    Form,
    LanguageField,
    TimezoneField,
    email_validators,
    max_length,
    required,
    strip,
)
from ..passwords import is_common


def not_common(_form, field) -> None:
    if field.data and is_common(field.data):
        raise ValidationError(_l(
            "This password is one that attackers try first: it appears in lists of "
            "common and leaked passwords. Please choose another one; a short sentence "
            "of your own is easy to remember and hard to guess."))


def new_password_fields():
    password = PasswordField(
        _l("Password"),
        validators=[required(), Length(min=MIN_PASSWORD_LENGTH, max=200, message=_l(
            "Please use at least %(min)d characters.", min=MIN_PASSWORD_LENGTH)),
            not_common],
        description=_l("At least %(min)d characters. A short sentence is easy to remember.",
                       min=MIN_PASSWORD_LENGTH),
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[required(), EqualTo("password", message=_l("The passwords differ."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


class LoginForm(Form):
    email = EmailField(_l("E-mail address"), validators=email_validators(), filters=[strip],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[required()],
                             render_kw={"autocomplete": "current-password"})
    submit = SubmitField(_l("Log in"))


class AcceptInvitationForm(Form):
    name = StringField(_l("Your name"), validators=[required(), max_length(120)],
                       filters=[strip])
    password, confirm = new_password_fields()
    submit = SubmitField(_l("Create my account"))


class AccountForm(Form):
    name = StringField(_l("Your name"), validators=[required(), max_length(120)],
                       filters=[strip])
    locale = LanguageField(_l("Language"))
    timezone = TimezoneField(
        _l("Your time zone"), blank=_l("Not set: each meeting's own zone"),
        description=_l("Meeting times are shown to you in this zone."))
    submit = SubmitField(_l("Save"))


class PasswordChangeForm(Form):
    current = PasswordField(_l("Current password"), validators=[required()],
                            render_kw={"autocomplete": "current-password"})
    password, confirm = new_password_fields()
    submit = SubmitField(_l("Change password"))

    def validate_current(self, field):
        if not current_user.check_password(field.data):
            raise ValidationError(_l("This is not your current password."))
