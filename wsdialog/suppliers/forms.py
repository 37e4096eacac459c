import re

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, StringField, SubmitField
from wtforms.validators import Email, Optional, ValidationError

from ..forms import (
    ChoiceField,
    Form,
    PercentField,
    TextBoxField,
    WholeNumberField,
    max_length,
    required,
    strip,
)
from ..i18n import country_choices
from ..models import Presence
from ..zones import is_valid_timezone, timezones_for
from .queries import supplier_with_code

#: An Open Supply Hub ID: country, year and day of entry, six letters or digits.
OS_ID = re.compile(r"[A-Z]{2}\d{7}[A-Z0-9]{6}")


class CountryField(ChoiceField):
    """A country by ISO code, named in the user's language. None is chosen until
    the user chooses: a first country chosen in advance would be saved unnoticed."""

    def __init__(self, label=None, **kwargs):
        super().__init__(label, validators=[required()], **kwargs)

    @staticmethod
    def options() -> list[tuple[str, str]]:
        return [("", _l("Choose a country")), *country_choices()]

    def pre_validate(self, form):
        self.choices = self.options()
        super().pre_validate(form)


def _presence_choices():
    return [
        (Presence.unknown.value, _l("Not known")),
        (Presence.yes.value, _l("Yes")),
        (Presence.no.value, _l("No")),
    ]


class SupplierForm(Form):
    name = StringField(_l("Supplier name"), validators=[required(), max_length(160)],
                       filters=[strip])
    country = CountryField(_l("Country"))
    years_of_relationship = WholeNumberField(
        _l("Years of relationship"), maximum=200,
        description=_l("How many years your company has bought from this supplier."))
    purchase_share_pct = PercentField(
        _l("Purchase share (%)"),
        description=_l("Your share of the supplier's production volume. "
                       "Often 1–5 %, rarely more than 30 %."))
    notes = TextBoxField(_l("Notes"), validators=[max_length(5000)],
                          description=_l("Only your company sees these notes."))
    submit = SubmitField(_l("Save supplier"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = self.country.options()


class ContactForm(Form):
    name = StringField(_l("Name"), validators=[required(), max_length(120)], filters=[strip])
    position = StringField(_l("Position"), validators=[max_length(120)],
                           description=_l("For example: compliance manager, HR manager."))
    email = EmailField(_l("E-mail address"), validators=[
        Optional(), Email(message=_l("Please enter a valid e-mail address.")),
        max_length(254)], filters=[strip])
    phone = StringField(_l("Phone"), validators=[max_length(40)], filters=[strip])
    submit = SubmitField(_l("Add contact person"))


def _presence_value(value):
    return value.value if isinstance(value, Presence) else value


class SiteForm(Form):
    name = StringField(_l("Site name"), validators=[required(), max_length(160)], filters=[strip])
    country = CountryField(_l("Country"))
    region = StringField(_l("Region"), validators=[max_length(120)],
                         description=_l("Province, state or city."))
    os_id = StringField(
        _l("Open Supply Hub ID"), validators=[Optional(), max_length(15)],
        filters=[lambda v: v.strip().upper() or None if isinstance(v, str) else v],
        description=_l("If the factory is on opensupplyhub.org, its OS ID, e.g. "
                       "CN2019303BQ3FZP. Optional."))
    timezone = ChoiceField(
        _l("Time zone"), validators=[Optional()], validate_choice=False,
        description=_l("Used to plan dialogues at a good hour for the site."))
    headcount = WholeNumberField(
        _l("Number of workers"), maximum=500_000,
        description=_l("Survey response rates are counted against this number."))
    share_women_pct = PercentField(_l("Women (%)"))
    share_migrant_pct = PercentField(_l("Migrant workers (%)"))
    share_temporary_pct = PercentField(_l("Temporary or agency workers (%)"))
    # The stored Presence comes back as its value, so that the saved answer is the
    # one selected (saving unchanged then changes nothing).
    trade_union = ChoiceField(_l("Is there a trade union at the site?"), coerce=_presence_value)
    worker_committee = ChoiceField(
        _l("Is there a worker committee or works council?"), coerce=_presence_value,
        description=_l("Elected by workers, or required by law in some countries."))
    submit = SubmitField(_l("Save site"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = self.country.options()
        self.trade_union.choices = _presence_choices()
        self.worker_committee.choices = _presence_choices()
        self.set_timezone_choices(self.country.data)

    def set_timezone_choices(self, country: str | None) -> None:
        self.timezone.choices = [("", _l("Choose a time zone"))] + [
            (zone, zone.replace("_", " ")) for zone in timezones_for(country)]

    def validate_timezone(self, field):
        if field.data and not is_valid_timezone(field.data):
            raise ValidationError(_l("Please choose a time zone from the list."))

    def validate_os_id(self, field):
        if field.data and not OS_ID.fullmatch(field.data):
            raise ValidationError(_l("An OS ID is two letters, seven digits and six letters or "
                                     "digits, like CN2019303BQ3FZP."))

    def populate_site(self, site) -> None:
        for name in ("name", "country", "region", "os_id", "timezone", "headcount",
                     "share_women_pct", "share_migrant_pct", "share_temporary_pct"):
            value = getattr(self, name).data
            setattr(site, name, value.strip() if isinstance(value, str) else value)
        site.trade_union = Presence(self.trade_union.data)
        site.worker_committee = Presence(self.worker_committee.data)


class ConnectForm(Form):
    """Connect to a supplier that another company already registered."""

    code = StringField(_l("Supplier code"), validators=[required(), max_length(20)],
                       filters=[lambda v: v.strip().upper().replace(" ", "").replace("-", "")
                                if isinstance(v, str) else v],
                       description=_l("Ten letters and digits. The supplier finds it on its "
                                      "own home page in wsdialog."))
    submit = SubmitField(_l("Connect"))

    #: The supplier the code belongs to, once the form validated.
    supplier = None

    def validate_code(self, field):
        self.supplier = supplier_with_code(field.data)
        if self.supplier is None:
            raise ValidationError(_l("No supplier has this code. Please check it with the "
                                     "supplier."))


class MembersForm(Form):
    """Whether the other members working with this supplier may see the company
    (where they chose so too), and whom they may contact."""

    visible = BooleanField(_l("Other members working with this supplier may see that we do"))
    contact = StringField(
        _l("Whom they may contact"), validators=[max_length(200)], filters=[strip],
        description=_l("A name and an e-mail address or phone number. Needed to be visible."))
    submit = SubmitField(_l("Save"))

    def validate_contact(self, field):
        if self.visible.data and not field.data:
            raise ValidationError(_l("Please name whom the other members may contact."))
