"""Pages around the questions: start, information pages, quick exit, start again, delete my answers."""

import logging
from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from intake import journey
from intake.models import Intake
from intake.services import Deletion, visitor_delete

logger = logging.getLogger(__name__)


def start(request):
    # A visitor who finished in this browser can get back to their guidance from the home page.
    return render(request, "start.html", {"guidance_kept": journey.has_finished(request.session)})


def online_safety(request):
    return render(request, "pages/online_safety.html")


def privacy(request):
    return render(
        request,
        "pages/privacy.html",
        {"session_minutes": settings.SESSION_COOKIE_AGE // 60},
    )


def forget_session(request, response):
    """End the visitor's session whatever happens: this must work even when a store is down."""
    try:
        request.session.flush()
    except Exception:  # noqa: BLE001 - the browser must forget the session even if a store did not
        logger.warning("session not deleted from its store; the browser forgets it anyway")
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()  # empty: nothing to save
    response.delete_cookie(settings.SESSION_COOKIE_NAME, samesite=settings.SESSION_COOKIE_SAMESITE)
    return response


@never_cache
def quick_exit(request):
    """Forget everything about this visitor, then leave for a neutral site."""
    response = forget_session(request, HttpResponseRedirect(settings.QUICK_EXIT_URL))
    messages.get_messages(request).used = True  # notices waiting go unread: Django drops their cookie
    response.delete_cookie(settings.LANGUAGE_COOKIE_NAME, samesite=settings.LANGUAGE_COOKIE_SAMESITE)
    response.delete_cookie(settings.CSRF_COOKIE_NAME, samesite=settings.CSRF_COOKIE_SAMESITE)
    # Ask the browser to drop this site's cached pages and cookies too (honoured over HTTPS and on localhost).
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def start_again(request):
    """Asks first (a tap on the footer link must not lose anyone's answers), then clears the answers in
    this browser and goes back to the first question. Stored intakes are kept."""
    if request.method != "POST":
        context = {
            "finished": journey.has_finished(request.session),
            "answering": journey.answers_under_way(request.session),
            "offers_start_again": False,  # not in the footer of the page that asks
        }
        return render(request, "pages/start_again.html", context)
    return forget_session(request, redirect("questions"))


# Sent by the confirmation page's button: the visitor knows the call is cancelled too.
CANCEL_CALL = "cancel-call"


@require_POST
@never_cache
def delete_answers(request):
    """Delete the stored intake of this journey (and any contact details), then forget the session.

    After a call was asked for, the visitor is asked first (delete_confirm), and the request is then
    withdrawn (intake.services.withdrawal): the page says the firm will not call. It is shown in
    answer to this POST, not after a redirect: the session that could carry that is gone, and the
    address stays /delete/, the same as for everyone.
    """
    reference = journey.finished_reference(request.session)
    confirmed = request.POST.get("confirm") == CANCEL_CALL
    if reference is None and confirmed:
        # Confirmed after the session ended (or pressed twice): whether the call was cancelled
        # cannot be told from here, so the page says how to make sure.
        return _forget_then_render(request, "pages/delete_unsure.html")
    if reference is None:
        return forget_session(request, redirect("answers_deleted"))
    outcome = visitor_delete(reference=reference, cancel_call=confirmed)
    if outcome is Deletion.NEEDS_CONFIRMATION:
        return redirect("delete_confirm")
    if outcome is Deletion.WITHDRAWN:
        return _forget_then_render(request, "pages/deleted.html", {"call_cancelled": True})
    return forget_session(request, redirect("answers_deleted"))


@never_cache
@require_http_methods(["GET", "HEAD"])
def delete_confirm(request):
    """Before deleting answers that a call request rests on: the call is cancelled too. Without a
    request there is nothing to confirm, and the visitor goes back to their guidance."""
    reference = journey.finished_reference(request.session)
    intake = (
        Intake.objects.filter(reference=reference).only("consultation_requested_at", "withdrawn_at").first()
    )
    if intake is None or not intake.consultation_requested or intake.withdrawn:
        return redirect("guidance")
    return render(request, "pages/delete_confirm.html", {"confirm": CANCEL_CALL})


def _forget_then_render(request, template, context=None):
    """A page shown in answer to the POST, rendered once the session is gone (so that, like a page
    after a redirect, it offers nothing from it, such as "Start again")."""
    response = forget_session(request, HttpResponse())
    response.content = render(request, template, context).content
    return response


@never_cache
def answers_deleted(request):
    return render(request, "pages/deleted.html")
