"""The language switch on a page with a form: it sends that form here, not to Django's set_language.

What the visitor ticked or typed there but did not send is kept as a draft (intake.drafts), the
language is set as Django's set_language sets it, and the visitor goes back to the same page, which
shows the draft in the other language. Works without JavaScript: the switch is a submit button of
the page's form (`form=` and `formaction=`), so the form's CSRF token comes along. The page to go
back to is named by the URL (a known step) or fixed (the guidance page), never taken from the request.
"""

from django.conf import settings
from django.db import DatabaseError
from django.shortcuts import redirect
from django.utils.datastructures import MultiValueDict
from django.utils.translation import check_for_language
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from intake import drafts, journey
from intake.models import Intake
from intake.steps import QUESTION_STEPS
from intake.views.guidance import unavailable
from intake.wizard_storage import QuestionStorage

# The wizard's storage prefix (QuestionWizard.get_prefix); its storage adds "wizard_".
WIZARD_PREFIX = "questions"


def _switched(request, response):
    """`response`, setting the chosen language as django.views.i18n.set_language does."""
    language = request.POST.get("language")
    if language in dict(settings.LANGUAGES) and check_for_language(language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


@never_cache
@sensitive_post_parameters()
@require_POST
def question_language(request, step):
    """A question's unsent ticks and dates kept as its draft; then the same question."""
    if step not in QUESTION_STEPS:  # "check" has nothing unsent; anything else is not a question
        return _switched(request, redirect("questions"))
    storage = QuestionStorage(WIZARD_PREFIX, request)
    draft = drafts.question_draft(step, request.POST)
    saved = drafts.question_draft(step, storage.get_step_data(step) or MultiValueDict())
    # The same as the saved answer (or nothing at all): nothing to keep, and the page stays shared.
    storage.set_draft(step, None if draft == saved else draft)
    return _switched(request, redirect("questions_step", step=step))


@never_cache
@sensitive_post_parameters()
@require_POST
def guidance_language(request):
    """The consultation form's unsent text kept as a draft; then the guidance page."""
    try:
        reference = journey.finished_reference(request.session)
        if reference is None:
            return _switched(request, redirect("guidance"))
        # Only while the form is offered: once a call was asked for, there is no form to show it in.
        offered = Intake.objects.filter(reference=reference, consultation_requested_at__isnull=True).exists()
    except DatabaseError as error:  # out of reach, and the session with it: the form as typed
        return _switched(request, unavailable(request, error, sent=request.POST))
    if offered:
        drafts.keep_consultation_draft(request.session, drafts.consultation_draft(request.POST))
    return _switched(request, redirect("guidance"))
