from django import forms
from django.utils.translation import gettext_lazy as _

from intake.forms.questions import QuestionForm


class HoneypotField(forms.CharField):
    """A field people never see (hidden by CSS) and bots tend to fill in."""

    def __init__(self):
        super().__init__(
            required=False, max_length=200, label=_("Leave this empty"), template_name="forms/honeypot.html"
        )


class CheckForm(QuestionForm):
    """The "Check your answers" page: its button finishes the questions."""

    title = _("Check your answers")
    website = HoneypotField()

    def stored_data(self):
        return {}

    @property
    def caught_a_bot(self):
        return bool(self.data.get(self.add_prefix("website")))
