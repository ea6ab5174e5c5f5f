"""The consultation request on the guidance page (PRODUCT.md, "Consultation request").

A visitor helping someone (role helping_*) is also asked, optionally, the name of the person they
help and whom we should call; the contact details and safe-contact choices that follow are then
asked about "the person we call". Everyone else gets the form without those two fields.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField
from phonenumber_field.phonenumber import PhoneNumber

from guidance.terms import HELPER_ROLES
from guidance.vocabulary import ContactMethod
from intake import choices
from intake.choices import CallWhom
from intake.forms.check import HoneypotField
from intake.forms.fields import RadioField, VisitorForm

CONSENT_TEXT = _(
    "I agree that the firm may contact me in the way I chose, to talk about my situation. "
    "I understand that this does not make me the firm’s client."
)
HELPER_CONSENT_TEXT = _(
    "I agree that the firm may contact me, or the person I am helping if I chose that, in the way I "
    "chose, to talk about their situation. I understand that this does not make either of us the "
    "firm’s client."
)


class ConsultationForm(VisitorForm):
    name = forms.CharField(
        label=_("Your name"),
        help_text=_("The name we should ask for when we call. A first name is fine."),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter the name we should ask for"),
            "max_length": _("The name must be 100 characters or fewer"),
        },
    )
    # Helpers only (see HELPER_FIELDS).
    helped_name = forms.CharField(
        label=_("Name of the person you are helping"),
        help_text=_(
            "Needed if you want us to call them: we will ask for them by this name. We also use it to "
            "check that we are not already working for the other side."
        ),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": _("The name must be 100 characters or fewer")},
    )
    call_whom = RadioField(
        labels=choices.CALL_WHOM,
        label=_("Who should we call? (optional)"),
        help_text=_(
            "Give the phone number or email of the person we should call. "
            "If you do not choose, we will call you."
        ),
        required=False,
        required_message=_("Choose who we should call"),
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
        widget=forms.TelInput(attrs={"autocomplete": "tel"}),
        error_messages={"invalid": _("Enter a real phone number, for example 213 555 0143")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Needed if you chose email. Use an address only you can read."),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
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
        template_name="forms/checkbox.html",
        error_messages={"required": _("Tick the box to agree, so that we can contact you")},
    )
    website = HoneypotField()

    def __init__(self, *args, helper: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper
        if not helper:
            for name in HELPER_FIELDS:
                del self.fields[name]
            return
        # The details asked next are those of the person we call, who may not be the visitor.
        for name, words in HELPER_WORDS.items():
            field = self.fields[name]
            for attribute, text in words.items():
                if attribute == "error_messages":
                    field.error_messages = {**field.error_messages, **text}
                else:
                    setattr(field, attribute, text)

    @property
    def consent_text(self) -> str:
        """The consent as this visitor read it (stored with the request)."""
        return str(self.fields["consent"].label)

    @classmethod
    def for_role(cls, role: str | None, *args, **kwargs) -> "ConsultationForm":
        return cls(*args, helper=is_helper(role), **kwargs)

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
        if (
            self.helper
            and cleaned.get("call_whom") == CallWhom.THEM
            and not cleaned.get("helped_name", "").strip()
            and "helped_name" not in self.errors
        ):
            self.add_error("helped_name", _("Enter the name of the person we should call"))
        return cleaned

    def details(self) -> dict:
        """The fields stored on the intake (consent is stored as its wording and time)."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("consent", "website")}
        if not _given(data.get("phone")):
            data["phone"] = ""
        return data


HELPER_FIELDS = ("helped_name", "call_whom")

# For helpers, the questions that say "you" ask about the person we call instead.
HELPER_WORDS = {
    "name": {
        "help_text": _("A first name is fine."),
        "error_messages": {"required": _("Enter your name")},
    },
    "preferred_method": {"label": _("How should we contact the person we call?")},
    "email": {"help_text": _("Needed if you chose email. Use an address only the person we call can read.")},
    "voicemail_ok": {"label": _("If the person we call does not answer, may we leave a voicemail?")},
    "say_firm_name": {
        "help_text": _("If you choose No, we will only ask for the person we are calling, by name.")
    },
    "best_time": {"label": _("When is a safe time to reach the person we call? (optional)")},
    # "Other" could be read as other than the person helped.
    "other_party_name": {"label": _("Name of the other person named in the order (optional)")},
    "consent": {"label": HELPER_CONSENT_TEXT},
}


def is_helper(role: str | None) -> bool:
    """Whether a visitor of this role is asked whom they help and whom to call."""
    return role in HELPER_ROLES


def _given(phone) -> bool:
    """Whether a phone number was given (the field's value is a PhoneNumber, or "" when left empty).
    Asked this way because the truth of a PhoneNumber formats and validates it all over again."""
    return isinstance(phone, PhoneNumber)
