"""Staff follow-up: status, assignment, next action, consultations, notes, contact attempts, access records.

Admin actions and the intake's detail page both come here; author and time are set here.
A request the visitor withdrew (intake.services.withdrawal) takes no more follow-up: it holds
nothing personal, and a note or another name would put something personal back.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from guidance.vocabulary import ContactMethod, YesNo
from intake.conflicts import normalize_name
from intake.models import CallAttempt, Intake, IntakeAccess, Note, OtherPartyAlias, Status

UNSET = object()

# Outcomes of a phone call (the others are a text or an email sent).
CALL_OUTCOMES = frozenset(
    {
        CallAttempt.Outcome.REACHED,
        CallAttempt.Outcome.VOICEMAIL,
        CallAttempt.Outcome.NO_ANSWER,
        CallAttempt.Outcome.WRONG_NUMBER,
    }
)


class Withdrawn(ValueError):
    """The visitor withdrew this request: there is nothing more to follow up."""


class ContactRefused(ValueError):
    """What was logged goes against what the visitor asked (a voicemail when they said no voicemail).
    The message says why, for staff."""


class NeedsConfirmation(ValueError):
    """A call on a request that asked for texts only: logged only when staff confirm the person
    agreed to a call. The message says so, for staff."""


class ConsultIncomplete(ValueError):
    """The status "consult scheduled" needs the consultation's date and time and who holds it."""


def contact_check(*, intake: Intake, outcome: str, confirmed_call: bool = False) -> None:
    """Refuse a contact attempt that goes against the visitor's choices (see call_attempt_log)."""
    if outcome == CallAttempt.Outcome.VOICEMAIL and intake.voicemail_ok == YesNo.NO:
        raise ContactRefused(
            "They asked us not to leave a voicemail, so a voicemail cannot be logged. "
            "If you left one by mistake, choose “No answer” and say so in the note."
        )
    if outcome in CALL_OUTCOMES and intake.preferred_method == ContactMethod.TEXT and not confirmed_call:
        raise NeedsConfirmation(
            "They asked for text messages only. Log a call only if they agreed to one: "
            "tick “I confirm they agreed to a call”."
        )


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
    *,
    intake: Intake,
    by,
    status=UNSET,
    assigned_to=UNSET,
    next_action_on=UNSET,
    consult_at=UNSET,
    consult_with=UNSET,
) -> list[str]:
    """Change what staff track about a request. Returns the names of the fields that changed.

    The status "consult scheduled" needs the consultation's time (`consult_at`) and who holds it
    (`consult_with`): setting it, or changing either while it is set, without both raises
    ConsultIncomplete and changes nothing."""
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
        for name, value in (("consult_at", consult_at), ("consult_with", consult_with)):
            if value is not UNSET and value != getattr(intake, name):
                if not by.has_perm("intake.change_intake"):
                    raise PermissionDenied
                setattr(intake, name, value)
                changed.append(name)
        touched = {"status", "consult_at", "consult_with"} & set(changed)
        incomplete = intake.consult_at is None or intake.consult_with is None
        if touched and intake.status == Status.CONSULT_SCHEDULED and incomplete:
            raise ConsultIncomplete("A scheduled consultation needs its date and time and who holds it.")
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


def call_attempt_log(
    *, intake: Intake, author, outcome: str, note: str = "", confirmed_call: bool = False
) -> CallAttempt:
    """A call, a text or an email to the visitor, as the visitor allowed it: a voicemail when they
    said no voicemail raises ContactRefused; a call on a texts-only request raises NeedsConfirmation
    unless `confirmed_call` says they agreed to it."""
    if not author.has_perm("intake.add_callattempt"):
        raise PermissionDenied
    if outcome not in CallAttempt.Outcome.values:
        raise ValueError(f"unknown outcome {outcome!r}")
    contact_check(intake=intake, outcome=outcome, confirmed_call=confirmed_call)
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
