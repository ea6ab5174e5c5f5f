"""One form per question page of the wizard (PRODUCT.md's data contract).

Field names and values are the contract's; the words are ours. Forms that talk about the
two people take the visitor's role (`visitor_role`), so that a helper reads about the
person they help, whether the orders are mutual (`mutual`), where both are restrained, and
whether there is no order yet (`no_order`), where neither is.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guidance.vocabulary import EXCLUSIVE_CONTACT_KINDS, EXCLUSIVE_ORDER_TYPES, Initiator, Role
from intake import choices
from intake.forms.fields import CheckboxesField, FutureDateField, RadioField, VisitorForm


class QuestionForm(VisitorForm):
    """A question page. `title` is the page heading; a one-question page uses it as the legend."""

    def __init__(self, *args, visitor_role=None, mutual=False, no_order=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.visitor_role = Role(visitor_role) if visitor_role in set(Role) else Role.UNSURE
        self.mutual = bool(mutual)
        self.no_order = bool(no_order)
        self.set_words()

    def set_words(self):
        """Adjust labels to the visitor's role; most pages need nothing."""

    @property
    def single_question(self):
        return len(self.fields) == 1

    @classmethod
    def answers_from(cls, data, prefix) -> dict:
        """Answers from data saved by stored_data(), read without building and validating a form."""
        answers = {}
        for name, field in cls.base_fields.items():
            key = f"{prefix}-{name}"
            if isinstance(field.widget, forms.MultiWidget):
                month, day, year = (data.get(key + suffix) for suffix in field.widget.widgets_names)
                answers[name] = datetime.date(int(year), int(month), int(day)) if year else None
            elif isinstance(field, forms.MultipleChoiceField):
                answers[name] = data.getlist(key)
            else:
                answers[name] = data.get(key)
        return answers

    @classmethod
    def data_from(cls, answers: dict, prefix) -> dict:
        """Answers in the shape the form's widgets read back, as the wizard stores them: from a form's
        cleaned values (stored_data), or from an intake's answers (guidance.Answers.to_dict, dates as
        text) for answering the questions again from a finished journey."""
        data = {}
        for name, field in cls.base_fields.items():
            value, key = answers.get(name), f"{prefix}-{name}"
            if value in (None, "", []):
                continue
            if isinstance(field.widget, forms.MultiWidget):
                date = datetime.date.fromisoformat(value) if isinstance(value, str) else value
                for suffix, part in zip(
                    field.widget.widgets_names, field.widget.decompress(date), strict=True
                ):
                    data[key + suffix] = [str(part)]
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = [str(value)]
        return data

    def stored_data(self):
        """This form's own cleaned values, in the shape its widgets read back; nothing else the
        request carried (django-formtools would keep the whole raw POST)."""
        return self.data_from(self.cleaned_data, prefix=self.prefix)


def _for_role(role, *, self_text, other_text, helper_restrained, helper_protected=None):
    """Pick the words for the visitor's role."""
    if role == Role.HELPING_RESTRAINED:
        return helper_restrained
    if role == Role.HELPING_PROTECTED:
        return helper_protected or helper_restrained
    if role in (Role.PROTECTED, Role.RESTRAINED):
        return self_text
    return other_text


class RoleForm(QuestionForm):
    title = _("Which of these describes you?")
    hint = _("Pick the one closest to your situation.")

    role = RadioField(
        labels=choices.ROLE,
        hints=choices.ROLE_HINT,
        required_message=_("Choose which of these describes you"),
    )


class OrderForm(QuestionForm):
    title = _("What kind of order is it?")
    hint = _("Choose all that apply. The name and form number are at the top of the first page of the order.")

    order_types = CheckboxesField(
        labels=choices.ORDER_TYPE,
        hints=choices.ORDER_TYPE_HINT,
        exclusive=EXCLUSIVE_ORDER_TYPES,
        required_message=_("Choose the kind of order, or choose “I’m not sure”"),
        exclusive_message=_(
            "“There is no order yet” and “I’m not sure” must be chosen on their own. "
            "Untick them, or untick the other orders."
        ),
    )


class OrderStageForm(QuestionForm):
    title = _("Is the order temporary, or was it made after a hearing?")
    hint = _("A temporary order lasts until the court hearing. The date of the hearing is on it.")

    order_stage = RadioField(
        labels=choices.ORDER_STAGE,
        hints=choices.ORDER_STAGE_HINT,
        required_message=_("Choose whether the order is temporary or was made after a hearing"),
    )


class OrderExceptionsForm(QuestionForm):
    title = _("Does the order say that some contact is allowed?")
    hint = _(
        "For example, peaceful contact to hand over children, or contact through a lawyer. "
        "Look for boxes that are checked in the part about contact."
    )

    order_exceptions = RadioField(
        labels=choices.ORDER_EXCEPTIONS,
        required_message=_("Choose whether the order allows some contact"),
    )


class ContactForm(QuestionForm):
    title = _("What contact has there been between the two people?")
    hint = _("Choose all that apply. Count any contact since the order was made.")
    hint_without_order = _("Choose all that apply. Count any recent contact.")

    contact_kinds = CheckboxesField(
        labels=choices.CONTACT_KIND,
        exclusive=EXCLUSIVE_CONTACT_KINDS,
        required_message=_("Choose the kinds of contact, or choose “No contact”"),
        exclusive_message=_(
            "“No contact” must be chosen on its own. Untick it, or untick the kinds of contact."
        ),
    )

    def set_words(self):
        if self.no_order:
            self.hint = self.hint_without_order
        self.title = _for_role(
            self.visitor_role,
            self_text=_("What contact has there been between you and the other person?"),
            other_text=self.title,
            helper_restrained=_(
                "What contact has there been between the person you’re helping and the other person?"
            ),
        )


class ContactDetailsForm(QuestionForm):
    title = _("About the contact")

    initiated_by = RadioField(
        labels={},
        required_message=_("Choose who started the contact"),
        label=_("Who started the contact?"),
    )
    responded = RadioField(
        labels=choices.YES_NO_UNSURE,
        required_message=_("Choose whether there has been a reply or any contact back"),
        label=_("Has the restrained person replied to the protected person, or contacted them?"),
    )
    said_ok = RadioField(
        labels=choices.YES_NO_UNSURE,
        required_message=_("Choose whether anyone said it was OK to reply"),
        label=_("Did the protected person say it was OK to reply or to get in touch?"),
    )

    def set_words(self):
        role = self.visitor_role
        labels = choices.initiator_labels(role, self.mutual, self.no_order)
        self.fields["initiated_by"].choices = choices.as_choices(
            {**labels, Initiator.UNSURE: choices.NOT_SURE}
        )
        if role == Role.UNSURE and not self.mutual:
            # Someone not sure of their side is asked about both sides by name: say who is who.
            self.fields["initiated_by"].help_text = (
                _(
                    "The protected person is the one an order would protect. The restrained person is "
                    "the one it would be against. If you do not know, choose “I’m not sure”."
                )
                if self.no_order
                else _(
                    "The protected person is the one the order protects. The restrained person is the one "
                    "it is against. If you do not know, choose “I’m not sure”."
                )
            )
        helping = role in (Role.HELPING_PROTECTED, Role.HELPING_RESTRAINED)
        responded, said_ok = self.fields["responded"], self.fields["said_ok"]
        # Under mutual orders, or with no order yet, the other side is not "the protected person".
        if (self.mutual and helping) or (self.no_order and role == Role.HELPING_RESTRAINED):
            responded.label = _(
                "Has the person you’re helping replied to the other person, or contacted them?"
            )
            said_ok.label = _("Did the other person say it was OK to reply or to get in touch?")
        elif self.mutual or role == Role.RESTRAINED:
            responded.label = _("Have you replied to them, or contacted them in any way?")
            said_ok.label = _("Did they say it was OK to reply or to get in touch?")
        elif role == Role.PROTECTED:
            responded.label = _("Have they replied to you, or contacted you in any way?")
            said_ok.label = _("Did you tell them it was OK to reply or to get in touch?")
        elif role == Role.HELPING_RESTRAINED:
            responded.label = _(
                "Has the person you’re helping replied to the protected person, or contacted them?"
            )
        elif self.no_order and role == Role.HELPING_PROTECTED:
            responded.label = _(
                "Has the other person replied to the person you’re helping, or contacted them?"
            )
            said_ok.label = _("Did the person you’re helping say it was OK to reply or to get in touch?")


class SituationForm(QuestionForm):
    title = _("Court case and dates")

    criminal_case = RadioField(
        labels=choices.YES_NO_UNSURE,
        required_message=_("Choose whether there is a criminal case"),
        label=_("Is there a criminal case about this?"),
        help_text=_("For example, someone was arrested or charged, or has a date in criminal court."),
    )
    court_date = FutureDateField(
        today=timezone.localdate,
        label=_("When is the next court date? (optional)"),
        help_text=_("Month, day and year, for example 3 27 2027. Leave it empty if there is none."),
    )
