"""Staff follow-up: status, assignment, next action, notes, call attempts, access records.

Admin actions and the intake's detail page both come here; author and time are set here.
A request the visitor withdrew (intake.services.withdrawal) takes no more follow-up: it holds
nothing personal, and a note or another name would put something personal back.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from intake.conflicts import normalize_name
from intake.models import CallAttempt, Intake, IntakeAccess, Note, OtherPartyAlias, Status

UNSET = object()


class Withdrawn(ValueError):
    """The visitor withdrew this request: there is nothing more to follow up."""


def _lock_unless_withdrawn(intake: Intake) -> None:
    """Lock the intake's row for the caller's transaction, so that a withdrawal at the same moment
    (which takes the same lock) comes wholly before or wholly after what is added."""
    if Intake.objects.select_for_update().filter(pk=intake.pk, withdrawn_at__isnull=False).exists():
        raise Withdrawn(f"intake {intake.reference} was withdrawn by the visitor")


def _may_assign(by, intake: Intake, assigned_to) -> bool:
    """Anyone who follows requests up may take one (assign it to themselves) or give back their own;
    only those with the right to assign (Managers) give one to someone else or take one from them."""
    if by.has_perm("intake.assign_intake"):
        return True
    if not by.has_perm("intake.change_intake"):
        return False
    taking = assigned_to is not None and assigned_to.pk == by.pk and intake.assigned_to_id is None
    giving_back = assigned_to is None and intake.assigned_to_id == by.pk
    return taking or giving_back


def followup_update(
    *, intake: Intake, by, status=UNSET, assigned_to=UNSET, next_action_on=UNSET
) -> list[str]:
    """Change what staff track about a request. Returns the names of the fields that changed."""
    changed = []
    with transaction.atomic():
        intake = Intake.objects.select_for_update().get(pk=intake.pk)
        if intake.withdrawn:
            return changed
        if status is not UNSET and status != intake.status:
            if status not in Status.values:
                raise ValueError(f"unknown status {status!r}")
            if not by.has_perm("intake.change_intake"):
                raise PermissionDenied
            intake.status = status
            changed.append("status")
        if assigned_to is not UNSET and assigned_to != intake.assigned_to:
            if not _may_assign(by, intake, assigned_to):
                raise PermissionDenied
            intake.assigned_to = assigned_to
            changed.append("assigned_to")
        if next_action_on is not UNSET and next_action_on != intake.next_action_on:
            if not by.has_perm("intake.change_intake"):
                raise PermissionDenied
            intake.next_action_on = next_action_on
            changed.append("next_action_on")
        if changed:
            intake.last_activity_at = timezone.now()
            intake.save(update_fields=[*changed, "last_activity_at"])
    return changed


def _touch(intake: Intake) -> None:
    Intake.objects.filter(pk=intake.pk).update(last_activity_at=timezone.now())


def note_add(*, intake: Intake, author, text: str) -> Note:
    if not author.has_perm("intake.add_note"):
        raise PermissionDenied
    with transaction.atomic():
        _lock_unless_withdrawn(intake)
        _touch(intake)
        return Note.objects.create(intake=intake, author=author, text=text.strip(), created_at=timezone.now())


def call_attempt_log(*, intake: Intake, author, outcome: str, note: str = "") -> CallAttempt:
    if not author.has_perm("intake.add_callattempt"):
        raise PermissionDenied
    if outcome not in CallAttempt.Outcome.values:
        raise ValueError(f"unknown outcome {outcome!r}")
    with transaction.atomic():
        _lock_unless_withdrawn(intake)
        _touch(intake)
        return CallAttempt.objects.create(
            intake=intake, author=author, outcome=outcome, note=note.strip(), created_at=timezone.now()
        )


def alias_add(*, intake: Intake, name: str, by) -> OtherPartyAlias:
    """Another name the other party is known by, for the conflict check."""
    if not by.has_perm("intake.add_otherpartyalias"):
        raise PermissionDenied
    name = name.strip()
    with transaction.atomic():
        _lock_unless_withdrawn(intake)
        return OtherPartyAlias.objects.create(intake=intake, name=name, name_key=normalize_name(name))


def access_record(*, intake: Intake, user, kind: str = IntakeAccess.Kind.VIEW) -> IntakeAccess:
    return IntakeAccess.objects.create(intake=intake, user=user, kind=kind)


def export_record(*, intakes, user) -> None:
    IntakeAccess.objects.bulk_create(
        [IntakeAccess(intake=intake, user=user, kind=IntakeAccess.Kind.EXPORT) for intake in intakes]
    )
