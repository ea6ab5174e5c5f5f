"""Staff follow-up: status, assignment, next action, notes, call attempts, access records.

Admin actions and the intake's detail page both come here; author and time are set here.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from intake.models import CallAttempt, Intake, IntakeAccess, Note, Status

UNSET = object()


def followup_update(
    *, intake: Intake, by, status=UNSET, assigned_to=UNSET, next_action_on=UNSET
) -> list[str]:
    """Change what staff track about a request. Returns the names of the fields that changed."""
    changed = []
    with transaction.atomic():
        intake = Intake.objects.select_for_update().get(pk=intake.pk)
        if status is not UNSET and status != intake.status:
            if status not in Status.values:
                raise ValueError(f"unknown status {status!r}")
            if not by.has_perm("intake.change_intake"):
                raise PermissionDenied
            intake.status = status
            changed.append("status")
        if assigned_to is not UNSET and assigned_to != intake.assigned_to:
            if not by.has_perm("intake.assign_intake"):
                raise PermissionDenied
            intake.assigned_to = assigned_to
            changed.append("assigned_to")
        if next_action_on is not UNSET and next_action_on != intake.next_action_on:
            if not by.has_perm("intake.change_intake"):
                raise PermissionDenied
            intake.next_action_on = next_action_on
            changed.append("next_action_on")
        if changed:
            intake.save(update_fields=changed)
    return changed


def note_add(*, intake: Intake, author, text: str) -> Note:
    if not author.has_perm("intake.add_note"):
        raise PermissionDenied
    return Note.objects.create(intake=intake, author=author, text=text.strip(), created_at=timezone.now())


def call_attempt_log(*, intake: Intake, author, outcome: str, note: str = "") -> CallAttempt:
    if not author.has_perm("intake.add_callattempt"):
        raise PermissionDenied
    if outcome not in CallAttempt.Outcome.values:
        raise ValueError(f"unknown outcome {outcome!r}")
    return CallAttempt.objects.create(
        intake=intake, author=author, outcome=outcome, note=note.strip(), created_at=timezone.now()
    )


def access_record(*, intake: Intake, user) -> IntakeAccess:
    return IntakeAccess.objects.create(intake=intake, user=user)
