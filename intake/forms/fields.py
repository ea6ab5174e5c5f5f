"""The visitor's forms: their fields (radios, checkboxes with an exclusive answer, a date) and how
Django draws them, GOV.UK-style, with the templates in templates/forms/.

Each field is drawn by its template (`template_name`, or the renderer's forms/field.html for a text
box) from a context its bound field class gives: the field, plus what a template cannot work out
(which hint shows, the ids an input is described by, each choice's id, hint and state, the date's
three boxes). The markup is the one the accessibility tests check.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.choices import normalize_choices
from django.utils.translation import gettext_lazy as _

from intake.choices import as_choices


class VisitorBoundField(forms.BoundField):
    """A visitor form's field with the hint it shows and the ids its input is described by."""

    @property
    def hint(self):
        # On a one-question page the question is the page: its hint is the page's, if it has one.
        if self.form.single_question and self.form.hint:
            return self.form.hint
        return self.help_text

    def get_context(self):
        hint = self.hint
        described_by = [f"{self.auto_id}-hint"] if hint else []
        if self.errors:
            described_by.append(f"{self.auto_id}-error")
        return {"field": self, "hint": hint, "describedby": " ".join(described_by)}


class ChoicesBoundField(VisitorBoundField):
    """Radios or checkboxes: each choice with its id, its hint and whether it is chosen."""

    def get_context(self):
        value = self.value()
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value] if value else [])}
        hints = self.field.hints
        context = super().get_context()
        context["options"] = [
            {
                "id": f"{self.auto_id}_{index}",
                "value": choice,
                "label": label,
                "hint": hints.get(str(choice), ""),
                "checked": str(choice) in chosen,
            }
            for index, (choice, label) in enumerate(self.field.choices)
        ]
        return context


class DateBoundField(VisitorBoundField):
    """The date's three boxes, as its widget (DateInput) gives them: name, value, attributes."""

    def get_context(self):
        # Bound: the parts as sent. Unbound: a saved date, or the parts as typed (a draft's initial value).
        widget = self.field.widget.get_context(self.html_name, self.value(), {"id": self.auto_id})
        return {**super().get_context(), "parts": widget["widget"]["subwidgets"]}


class VisitorFormRenderer(TemplatesSetting):
    """Draws the visitor forms' fields with templates/forms/: a field's own template, else a text box."""

    field_template_name = "forms/field.html"
    bound_field_class = VisitorBoundField


class VisitorForm(forms.Form):
    """A form the visitor fills in. On a one-question page (`single_question`) the question's legend
    is the page heading (`title`), and the page's `hint` its hint."""

    default_renderer = VisitorFormRenderer()
    single_question = False
    title = ""
    hint = ""


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
    bound_field_class = ChoicesBoundField

    def __init__(self, *, labels, hints=None, required_message, **kwargs):
        super().__init__(
            choices=as_choices(labels),
            error_messages={"required": required_message, "invalid_choice": required_message},
            template_name="forms/choices.html",
            **kwargs,
        )
        self.hints = {str(k): v for k, v in (hints or {}).items()}


class CheckboxesField(SharedChoices, forms.MultipleChoiceField):
    """Several choices, shown as checkboxes; `exclusive` values must be chosen on their own."""

    widget = forms.CheckboxSelectMultiple
    bound_field_class = ChoicesBoundField

    def __init__(self, *, labels, hints=None, exclusive, required_message, exclusive_message, **kwargs):
        super().__init__(
            choices=as_choices(labels),
            error_messages={"required": required_message, "invalid_choice": required_message},
            template_name="forms/choices.html",
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
    bound_field_class = DateBoundField
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
            template_name="forms/date.html",
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
