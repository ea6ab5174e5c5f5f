"""Form fields shared by the question pages: radios, checkboxes with an exclusive answer, a date."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.choices import normalize_choices
from django.utils.translation import gettext_lazy as _

from intake.choices import as_choices


class SharedChoices:
    """Each form gets its own copy of its fields, and Django's ChoiceField also deep-copies every
    (value, label) pair: the largest single cost of answering a question. Here the choices are a
    tuple, which cannot be changed in place, only replaced (as set_words does), so copies can share
    it; the widget is still copied, with a list of its own."""

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)

    @property
    def choices(self):
        return self._choices

    @choices.setter
    def choices(self, value):
        self._choices = tuple(normalize_choices(value))
        self.widget.choices = self._choices


class RadioField(SharedChoices, forms.ChoiceField):
    """A required single choice, shown as radios, with an optional hint under each choice."""

    widget = forms.RadioSelect

    def __init__(self, *, labels, hints=None, required_message, **kwargs):
        super().__init__(
            choices=as_choices(labels),
            error_messages={"required": required_message, "invalid_choice": required_message},
            **kwargs,
        )
        self.hints = {str(k): v for k, v in (hints or {}).items()}


class CheckboxesField(SharedChoices, forms.MultipleChoiceField):
    """Several choices, shown as checkboxes; `exclusive` values must be chosen on their own."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, labels, hints=None, exclusive, required_message, exclusive_message, **kwargs):
        super().__init__(
            choices=as_choices(labels),
            error_messages={"required": required_message, "invalid_choice": required_message},
            **kwargs,
        )
        self.hints = {str(k): v for k, v in (hints or {}).items()}
        self.exclusive = frozenset(str(v) for v in exclusive)
        self.exclusive_message = exclusive_message

    def validate(self, value):
        super().validate(value)
        chosen = set(value)
        if len(chosen) > 1 and chosen & self.exclusive:
            raise ValidationError(self.exclusive_message, code="exclusive")


class DateInput(forms.MultiWidget):
    """Month, day and year as three short text boxes (US order), as the GOV.UK date pattern."""

    def __init__(self):
        box = {"inputmode": "numeric", "autocomplete": "off"}
        super().__init__(
            widgets={
                "month": forms.TextInput(attrs={**box, "class": "date-part", "maxlength": 2}),
                "day": forms.TextInput(attrs={**box, "class": "date-part", "maxlength": 2}),
                "year": forms.TextInput(attrs={**box, "class": "date-part date-year", "maxlength": 4}),
            }
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.month, value.day, value.year]
        return [None, None, None]


class FutureDateField(forms.MultiValueField):
    """An optional date that is today or later, within `max_years` years."""

    widget = DateInput
    default_error_messages = {
        "incomplete": _("Enter the month, the day and the year of the date"),
        "invalid": _("Enter a real date, for example 3 27 2027"),
        "month": _("Enter the month as a number from 1 to 12"),
        "year": _("Enter the year with 4 digits, for example 2027"),
        "past": _("The date must be today or later. Leave it empty if there is no date yet."),
        "far": _("Enter a date in the next two years"),
    }

    def __init__(self, *, today, max_years=2, **kwargs):
        part = forms.RegexField
        super().__init__(
            fields=(
                part(regex=r"^\s*\d{1,2}\s*$"),
                part(regex=r"^\s*\d{1,2}\s*$"),
                part(regex=r"^\s*\d{4}\s*$"),
            ),
            require_all_fields=False,
            required=False,
            **kwargs,
        )
        self.today = today
        self.max_years = max_years

    def clean(self, value):
        # Report every problem with the date as one message, in the visitor's words.
        if not value or not any(str(v or "").strip() for v in value):
            return None
        if not all(str(v or "").strip() for v in value):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        month, year = str(value[0]).strip(), str(value[2]).strip()
        # The two slips people make most, each told how to put it right ("27" for the year, "March").
        if year.isdigit() and len(year) != 4:
            raise ValidationError(self.error_messages["year"], code="year")
        if not month.isdigit():
            raise ValidationError(self.error_messages["month"], code="month")
        try:
            self.fields[0].clean(value[0]), self.fields[1].clean(value[1]), self.fields[2].clean(value[2])
            date = datetime.date(int(value[2]), int(value[0]), int(value[1]))
        except (ValidationError, ValueError, TypeError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if date < self.today():
            raise ValidationError(self.error_messages["past"], code="past")
        if date.year > self.today().year + self.max_years:
            raise ValidationError(self.error_messages["far"], code="far")
        return date

    def compress(self, data_list):  # clean() does the work; required by MultiValueField
        return None
