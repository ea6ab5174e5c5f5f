"""The first messages staff copy to send a visitor: a text and an email, in English and in Spanish.

The wording is written once, in templates/desk/first_messages/<kind>.<language>.txt (an email's
first line is its subject), and is reviewed and approved in the rule book (intake.rule_book) like
the guidance. Two things choose the wording:

- discreet: the visitor said not to say who is calling (`say_firm_name` "no"). The message then
  names neither the firm nor anything about the law, an order, a court or why we write: it only
  returns "your request" and gives the staff member's first name and the firm's number.
- for the person helped: a helper asked us to contact the person they help (`call_whom` "them"),
  who did not write to us themselves; the message is addressed to that person.

Belongs here: choosing and rendering the wording. Not here: the intake page (intake.admin.intake),
the review (intake.rule_book). Nothing is sent from here: staff copy the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string

from guidance.vocabulary import ContactMethod, YesNo
from intake.choices import CallWhom
from intake.forms.consultation import is_helper

TEXT, EMAIL = "text", "email"
KINDS = (TEXT, EMAIL)
KIND_NAMES = {TEXT: "First text message", EMAIL: "First email"}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}

# What the rule book shows where the intake page puts the real values.
PLACEHOLDERS = {
    "en": {"name": "[their name]", "staff": "[your first name]", "reference": "[reference]"},
    "es": {"name": "[su nombre]", "staff": "[nombre de quien escribe]", "reference": "[referencia]"},
}


@dataclass(frozen=True)
class Variant:
    discreet: bool  # do not say who is calling
    for_person_helped: bool  # a helper asked us to contact the person they help

    @property
    def audience(self) -> str:
        """Plain words for when staff use this wording (the rule book's "Who reads it")."""
        who = "Discreet: do not say who is calling" if self.discreet else "May say who is calling"
        whom = "to the person a helper asked us to contact" if self.for_person_helped else "to the visitor"
        return f"{who} · {whom}"


VARIANTS = tuple(Variant(discreet, helped) for discreet in (False, True) for helped in (False, True))


@dataclass(frozen=True)
class Message:
    kind: str
    language: str
    subject: str  # an email's; empty for a text
    body: str

    @property
    def label(self) -> str:
        return f"{KIND_NAMES[self.kind]} ({LANGUAGE_NAMES.get(self.language, self.language)})"


def render_message(
    kind: str, language: str, variant: Variant, *, name: str, staff: str, reference: str
) -> Message:
    """One message, with the firm's name and phone number from settings."""
    context = {
        "discreet": variant.discreet,
        "for_person_helped": variant.for_person_helped,
        "name": name,
        "staff": staff,
        "reference": reference,
        "firm": settings.FIRM_NAME,
        "phone": settings.FIRM_PHONE,
    }
    text = render_to_string(f"desk/first_messages/{kind}.{language}.txt", context).strip()
    if kind == TEXT:
        return Message(kind, language, "", " ".join(text.split()))
    lines = [line.strip() for line in text.splitlines()]
    subject = lines[0]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines[1:])).strip()
    return Message(kind, language, subject, body)


def wording(kind: str, language: str, variant: Variant) -> Message:
    """The message as the rule book shows it, with placeholders for what each intake fills in."""
    return render_message(kind, language, variant, **PLACEHOLDERS[language])


def variant_of(intake) -> Variant:
    return Variant(
        discreet=intake.say_firm_name == YesNo.NO,
        for_person_helped=is_helper(intake.role) and intake.call_whom == CallWhom.THEM,
    )


def addressee(intake) -> str:
    """The name to write to: the person a helper asked us to contact, or else the name given."""
    if variant_of(intake).for_person_helped and intake.helped_name:
        return intake.helped_name
    return intake.name


def staff_first_name(user) -> str:
    return (user.first_name or user.get_username()).split()[0]


def kinds_for(intake) -> tuple[str, ...]:
    """The message of the channel the visitor chose, if they gave its details: no text or email
    to anyone who asked for a call (PRODUCT.md: no message unless they chose that channel)."""
    if intake.preferred_method == ContactMethod.TEXT and intake.phone:
        return (TEXT,)
    if intake.preferred_method == ContactMethod.EMAIL and intake.email:
        return (EMAIL,)
    return ()


def first_messages(intake, staff) -> list[Message]:
    """The messages for this intake, from this staff member: in the visitor's language first, then
    in the other language."""
    languages = sorted(LANGUAGE_NAMES, key=lambda code: code != intake.language)
    variant = variant_of(intake)
    return [
        render_message(
            kind,
            language,
            variant,
            name=addressee(intake),
            staff=staff_first_name(staff),
            reference=intake.reference,
        )
        for kind in kinds_for(intake)
        for language in languages
    ]
