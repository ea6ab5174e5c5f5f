"""The visitor's "Delete my answers", and withdrawing a call request (PRODUCT.md, item 6).

Without a call request, deleting removes the intake (intake_delete). With one, staff may already
be working from it, and the firm's notification links to it: the visitor is asked first, and the
intake is then *withdrawn*, not deleted. A withdrawn intake keeps its reference, its times
(created, requested, withdrawn, last activity) and what the firm's notification email already
told staff (priority, language), so that the link and the queue can say what happened; it keeps
nothing the visitor gave. What staff did on it that holds no visitor data stays: status (closed),
who it was assigned to, call attempts without their notes, and the access records.
"""

import enum

from django.db import transaction
from django.utils import timezone

from intake.models import Intake, Notification, Status
from intake.services.intakes import intake_delete

# What the visitor gave or the guidance derived from it, emptied on withdrawal.
CLEARED = {
    # the answers and the guidance
    "answers": {},
    "role": "",
    "order_types": "",
    "criminal_case": "",
    "court_date": None,
    "rule_ids": [],
    "ruleset_version": "",
    "guidance_snapshot": "",
    # the request
    "name": "",
    "phone": "",
    "email": "",
    "preferred_method": "",
    "voicemail_ok": "",
    "say_firm_name": "",
    "best_time": "",
    "other_party_name": "",
    "helped_name": "",
    "call_whom": "",
    "message": "",
    "consent_text": "",
    "consent_at": None,
    "name_key": "",
    "other_party_key": "",
    "helped_key": "",
    # staff's plan for a call that will not happen
    "next_action_on": None,
}


class Deletion(enum.Enum):
    DELETED = "deleted"  # there was no call request: the intake is gone
    WITHDRAWN = "withdrawn"  # the call request is cancelled, and the intake holds nothing personal
    NEEDS_CONFIRMATION = "needs_confirmation"  # a call was asked for: the visitor must say so first
    GONE = "gone"  # nothing stored any more (reduced, purged, or deleted in another tab)


def visitor_delete(*, reference: str, cancel_call: bool = False) -> Deletion:
    """The visitor's "Delete my answers" for the intake with `reference`.

    An intake with a call request is withdrawn only if `cancel_call` says the visitor confirmed
    that the call is cancelled too; one without is deleted. Decided under a row lock, so a request
    sent from another tab at the same moment is never cancelled without the visitor being asked.
    """
    with transaction.atomic():
        intake = Intake.objects.select_for_update().filter(reference=reference).first()
        if intake is None:
            return Deletion.GONE
        if intake.withdrawn:
            return Deletion.WITHDRAWN
        if intake.consultation_requested:
            if not cancel_call:
                return Deletion.NEEDS_CONFIRMATION
            intake_withdraw(intake=intake)
            return Deletion.WITHDRAWN
        intake_delete(intake=intake)
        return Deletion.DELETED


def intake_withdraw(*, intake: Intake) -> None:
    """Cancel the call request of `intake` and remove everything personal from it. The caller holds
    the row lock (visitor_delete); doing it twice changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        updated = Intake.objects.filter(
            pk=intake.pk, consultation_requested_at__isnull=False, withdrawn_at__isnull=True
        ).update(**CLEARED, status=Status.CLOSED, withdrawn_at=now, last_activity_at=now)
        if not updated:
            return
        # Free text and names staff added: they may hold anything the visitor said.
        intake.notes.all().delete()
        intake.aliases.all().delete()
        # The attempts themselves (when, by whom, the outcome) are the firm's own record.
        intake.call_attempts.exclude(note="").update(note="")
        # An email not yet sent would announce a request that no longer exists.
        Notification.objects.filter(intake=intake, sent_at__isnull=True).delete()
