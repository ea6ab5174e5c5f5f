from django.utils.translation import gettext_lazy as _

from intake.forms.questions import QuestionForm


class CheckForm(QuestionForm):
    """The "Check your answers" page: no fields, its button finishes the questions."""

    title = _("Check your answers")
