"""The consultation request on the guidance page (PRODUCT.md, "Consultation request")."""

from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField
from phonenumber_field.phonenumber import PhoneNumber

from guidance.vocabulary import ContactMethod
from intake import choices
from intake.forms.check import HoneypotField
from intake.forms.fields import RadioField

CONSENT_TEXT = _(
    "I agree that the firm may contact me in the way I chose, to talk about my situation. "
    "I understand that this does not make me the firm’s client."
)


class ConsultationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        help_text=_("The name we should ask for when we call. A first name is fine."),
        max_length=100,
        error_messages={
            "required": _("Enter the name we should ask for"),
            "max_length": _("The name must be 100 characters or fewer"),
        },
    )
    preferred_method = RadioField(
        labels=choices.CONTACT_METHOD,
        label=_("How should we contact you?"),
        required_message=_("Choose how we should contact you"),
    )
    phone = PhoneNumberField(
        label=_("Phone number"),
        # Any country's number is accepted (a visitor may have a Mexican mobile, say); US is the default.
        help_text=_(
            "Needed for a call or a text. For example 213 555 0143. For a number from outside the US, "
            "start with + and the country code."
        ),
        required=False,
        region="US",
        max_length=30,
        error_messages={"invalid": _("Enter a real phone number, for example 213 555 0143")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Needed if you chose email. Use an address only you can read."),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an email address like name@example.com")},
    )
    voicemail_ok = RadioField(
        labels=choices.YES_NO,
        label=_("If you do not answer, may we leave a voicemail?"),
        required_message=_("Choose whether we may leave a voicemail"),
    )
    say_firm_name = RadioField(
        labels=choices.YES_NO,
        label=_("May we say who is calling, to whoever answers?"),
        help_text=_("If you choose No, we will only say we are calling for you, by the name above."),
        required_message=_("Choose whether we may say who is calling"),
    )
    best_time = forms.CharField(
        label=_("When is a safe time to reach you? (optional)"),
        help_text=_("For example: weekdays after 5 p.m."),
        max_length=100,
        required=False,
        error_messages={"max_length": _("Keep this to 100 characters or fewer")},
    )
    other_party_name = forms.CharField(
        label=_("The other person’s name (optional)"),
        help_text=_("We use it only to check that we are not already working for them."),
        max_length=100,
        required=False,
        error_messages={"max_length": _("The name must be 100 characters or fewer")},
    )
    message = forms.CharField(
        label=_("Anything we should know before we call? (optional)"),
        help_text=_(
            "Do not write what happened. Anything you write could be used in a criminal case. "
            "Tell the lawyer instead. Up to 500 characters."
        ),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Keep this to 500 characters or fewer")},
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Tick the box to agree, so that we can contact you")},
    )
    website = HoneypotField()

    @property
    def caught_a_bot(self):
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("preferred_method")
        if (
            method in (ContactMethod.PHONE, ContactMethod.TEXT)
            and not _given(cleaned.get("phone"))
            and "phone" not in self.errors
        ):
            self.add_error("phone", _("Enter a phone number, so we can call or text you"))
        if method == ContactMethod.EMAIL and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter an email address, so we can email you"))
        return cleaned

    def details(self) -> dict:
        """The fields stored on the intake (consent is stored as its wording and time)."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("consent", "website")}
        if not _given(data.get("phone")):
            data["phone"] = ""
        return data


def _given(phone) -> bool:
    """Whether a phone number was given (the field's value is a PhoneNumber, or "" when left empty).
    Asked this way because the truth of a PhoneNumber formats and validates it all over again."""
    return isinstance(phone, PhoneNumber)
