"""The visitor's guidance, the consultation request on it, and the confirmation."""

import functools
import logging

from django.conf import settings
from django.db import DatabaseError, connections, router
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import get_usage, is_ratelimited

from guidance import RULESET_VERSION
from guidance.vocabulary import Step
from intake import drafts, journey
from intake.forms.consultation import ConsultationForm, is_helper
from intake.guidance_text import render_stored_guidance
from intake.models import Intake
from intake.services import IntakeGone, consultation_request
from intake.summary import answer_rows
from intake.views.wizard import ANSWERS_LOCKED, reopen
from web import errors, page_memory
from web.logging import database_error
from web.notices import notice_once

logger = logging.getLogger(__name__)

ALREADY_SENT = gettext_lazy(
    "We already had your request, so this one was not sent again. If your details have changed, call "
    "us and give the reference below."
)

NOT_SENT = gettext_lazy(
    "We could not send your request just now. Nothing you typed is lost: please wait a minute and "
    "press “Send my request” again."
)

# What the confirmation says depends on these choices (and the language), and on nothing else stored.
CONTACT_CHOICES = ("preferred_method", "say_firm_name", "voicemail_ok", "call_whom")


def _finished_intake(request, *fields):
    """The intake this visitor's journey stored, with only the columns the page needs (`fields`)."""
    reference = journey.finished_reference(request.session)
    if reference is None:
        return None
    return next(iter(Intake.objects.raw(_select_by_reference(fields), [reference])), None)


@functools.cache
def _select_by_reference(fields: tuple[str, ...]) -> str:
    """The query of Intake.objects.only(...).get(reference=...), put together once per process from
    the model: the ORM putting it together on every request took several times as long as running it,
    and most of these pages' time."""
    meta, quote = Intake._meta, connections[router.db_for_read(Intake)].ops.quote_name
    names = ("reference", "consultation_requested_at", *fields)
    columns = ", ".join(quote(meta.get_field(name).column) for name in names)
    reference = quote(meta.get_field("reference").column)
    table = quote(meta.db_table)
    # Every name comes from the model, quoted by the database's own rules; the reference is a parameter.
    return f"SELECT {quote(meta.pk.column)}, {columns} FROM {table} WHERE {reference} = %s"  # noqa: S608


def unavailable(request, error, sent=None):
    """The database cannot be reached: a page that says so, rendered without it (503). A consultation
    form `sent` meanwhile is shown again as typed, in a form that sends it again. The session is in
    the database too, so no draft of it can be kept meanwhile: the page itself holds what was typed."""
    logger.error("could not read an intake (%s)", database_error(error))
    context = {}
    if sent is not None:
        if sent.get("website"):  # the honeypot: a bot
            return errors.form_refused(request)
        # The role is on the intake, out of reach: a helper's form is the one with the name of the
        # person helped (a text box, sent even when left empty).
        form = ConsultationForm(sent, helper="helped_name" in sent)
        context = {
            "form": form,
            "consultation_problem": NOT_SENT,
            "summary_in_form": True,
            "switch_form": "consultation-form",
            "switch_action": reverse("guidance_language"),
        }
    return render(request, "guidance/unavailable.html", context, status=503)


def _missing(request, status):
    """No guidance to show; after a consultation form was sent, also that the request was not."""
    return render(request, "guidance/missing.html", {"not_sent": request.method == "POST"}, status=status)


def _attempts_used_up(request):
    """Counts this sending of the form, mistakes included, and says whether the address is over its limit."""
    return is_ratelimited(
        request,
        group="consultation-attempt",
        key="ip",
        rate=settings.RATELIMIT_CONSULTATION_ATTEMPTS,
        increment=True,
    )


def _requests_used_up(request):
    """Whether the address has already sent as many requests as RATELIMIT_CONSULTATION allows."""
    usage = get_usage(request, group="consultation", key="ip", rate=settings.RATELIMIT_CONSULTATION)
    # Not yet counted, so at the limit is already too many (None: rate limiting is off, or fails open).
    return usage is not None and usage["count"] >= usage["limit"]


def _count_request(request):
    """Counts a request once it is stored (one the database refused is not counted)."""
    get_usage(request, group="consultation", key="ip", rate=settings.RATELIMIT_CONSULTATION, increment=True)


@never_cache
@require_POST
def change_answers(request):
    """Back to "Check your answers" with the finished journey's answers, to change any of them and
    get new guidance (finishing replaces the intake). Not once a call was asked for: staff are
    working from those answers, and the confirmation says to call with any change."""
    try:
        intake = _finished_intake(request, "answers")
    except DatabaseError as error:
        return unavailable(request, error)
    if intake is None:
        return redirect("questions")
    if intake.consultation_requested:  # asked for in another tab since this page was shown
        notice_once(request, ANSWERS_LOCKED)
        return redirect("consultation_sent")
    reopen(request.session, intake)
    return redirect("questions_step", step=Step.CHECK)


@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def guidance(request):
    try:
        # The page's columns, and those the firm's notification of a request needs.
        intake = _finished_intake(
            request,
            "role",
            "language",
            "guidance_snapshot",
            "answers",
            "rule_ids",
            "ruleset_version",
            "court_date",
            "base_priority",
        )
    except DatabaseError as error:
        return unavailable(request, error, sent=request.POST if request.method == "POST" else None)
    if intake is None:
        return _missing(request, status=404)
    form, status, problem = None, 200, None
    if intake.consultation_requested:
        if request.method == "POST":  # sent again (a second press, Back then resend): already done
            # Said plainly, so that details changed in an old tab are not thought to have arrived.
            notice_once(request, ALREADY_SENT)
            return redirect("consultation_sent")
    elif request.method == "POST":
        # Two limits per address: on sending the form at all (generous), and on requests stored. A form
        # with a mistake, or one the database refused, counts only towards the first, so that people
        # sharing an address (a shelter, a library) are not refused because some of them mistyped.
        if _attempts_used_up(request):
            return errors.rate_limited(request)
        form = ConsultationForm.for_role(intake.role, request.POST)
        if form.caught_a_bot:
            return errors.form_refused(request)
        # What is sent replaces anything kept of the form across a language switch (intake.drafts);
        # a form refused above leaves the draft as it was.
        drafts.forget_consultation_draft(request.session)
        if form.is_valid() and _requests_used_up(request):
            # Shown again with everything they typed still in the form.
            status, problem = (
                429,
                _(
                    "Many requests have been sent from your internet connection in the last hour, so "
                    "we could not send this one. Nothing you typed is lost: please try again later, "
                    "or call us."
                ),
            )
        elif form.is_valid():
            try:
                consultation_request(intake=intake, details=form.details(), consent_text=form.consent_text)
            except IntakeGone:
                return _missing(request, status=410)
            except DatabaseError as error:
                logger.error("could not store a consultation request (%s)", database_error(error))
                # Shown again with everything they typed still in the form.
                status, problem = 503, NOT_SENT
            else:
                _count_request(request)
                return redirect("consultation_sent")
    elif (draft := drafts.kept_consultation_draft(request.session)) is not None:
        # Typed but not sent before switching language: shown again as typed, not checked.
        form = ConsultationForm.for_role(intake.role, initial=draft)
    if get_language() == intake.language and intake.ruleset_version == RULESET_VERSION:
        # Exactly as stored: rendered by intake.guidance_text from our own templates at the time.
        guidance_html = mark_safe(intake.guidance_snapshot)  # noqa: S308
    else:
        # The visitor switched language since, or the page around the guidance changed with the
        # rule set (a snapshot from before it may lack what the page now leaves to the guidance,
        # such as the short answer): the same rules, rendered as they are now.
        guidance_html = mark_safe(render_stored_guidance(intake.answers, intake.rule_ids, get_language()))  # noqa: S308
    requested = intake.consultation_requested
    # Helpers are also asked whom they help and whom to call: their empty form is another one.
    helper_form = not requested and is_helper(intake.role)
    # The form's error summary, and why a form without mistakes was not sent, are at the top of the
    # form (includes/error_summary.html), not at the top of this long page.
    context = {"consultation_problem": problem, "summary_in_form": True}
    if not requested:
        # The language switch sends the form, so that what is typed in it is kept (intake.drafts).
        context.update(switch_form="consultation-form", switch_action=reverse("guidance_language"))

    def render_page(**extra):
        # An empty form is built only when the page is rendered, not when it comes from memory.
        shown = form if form is not None or requested else ConsultationForm(helper=helper_form)
        return render(request, "guidance/page.html", {**context, "form": shown, **extra}, status=status)

    # The page around the guidance is the same for everyone who sees the same empty form, or none
    # (the request is sent). A form sent back with mistakes, or holding a draft, is this visitor's own.
    facts = None if form is not None else [requested, helper_form]
    # A printout of the page also lists the answers the guidance rests on, and the reference once a
    # call was asked for (intake.views.takeaway has the same on a page of its own).
    fills = {
        "guidance_html": guidance_html,
        "printout_answers": render_to_string(
            "guidance/printout_answers.html", {"answer_rows": answer_rows(intake.answers)}
        ),
        "reference": intake.reference,
    }
    context.update(today=timezone.localdate(), show_reference=requested)
    return page_memory.respond(request, facts, render_page, fills=fills)


@never_cache
def consultation_sent(request):
    try:
        intake = _finished_intake(request, *CONTACT_CHOICES)
    except DatabaseError as error:
        return unavailable(request, error)
    if intake is None or not intake.consultation_requested:
        return redirect("guidance")
    contact_choices = {name: getattr(intake, name) for name in CONTACT_CHOICES}
    context = {
        **contact_choices,
        "callback_days": settings.FIRM_CALLBACK_DAYS,
        "caller_id": settings.FIRM_CALLER_ID,
        "text_from": settings.FIRM_TEXT_FROM,
    }
    return page_memory.respond(
        request,
        sorted(contact_choices.items()),
        lambda **extra: render(request, "guidance/confirmation.html", {**context, **extra}),
        fills={"reference": intake.reference},
    )
