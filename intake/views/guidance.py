"""The visitor's guidance, the consultation request on it, and the confirmation."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from intake import journey
from intake.forms.consultation import CONSENT_TEXT, ConsultationForm
from intake.models import Intake
from intake.services import consultation_request


def _finished_intake(request):
    reference = journey.finished_reference(request.session)
    if reference is None:
        return None
    return Intake.objects.filter(reference=reference).first()


@never_cache
@require_http_methods(["GET", "POST"])
def guidance(request):
    intake = _finished_intake(request)
    if intake is None:
        return render(request, "guidance/missing.html", status=404)
    if intake.consultation_requested:
        form = None
    elif request.method == "POST":
        form = ConsultationForm(request.POST)
        if form.is_valid():
            consultation_request(intake=intake, details=form.details(), consent_text=str(CONSENT_TEXT))
            return redirect("consultation_sent")
    else:
        form = ConsultationForm()
    return render(
        request,
        "guidance/page.html",
        {
            "intake": intake,
            # Rendered by intake.guidance_text from our own templates when the intake was stored.
            "guidance_html": mark_safe(intake.guidance_snapshot),  # noqa: S308
            "form": form,
        },
    )


@never_cache
def consultation_sent(request):
    intake = _finished_intake(request)
    if intake is None or not intake.consultation_requested:
        return redirect("guidance")
    return render(
        request,
        "guidance/confirmation.html",
        {
            "intake": intake,
            "callback_time": settings.FIRM_CALLBACK_TIME,
            "caller_id": settings.FIRM_CALLER_ID,
        },
    )
