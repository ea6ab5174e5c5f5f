"""Creating, completing and deleting intakes."""

import dataclasses
import secrets
import uuid
from contextlib import nullcontext

from django.db import IntegrityError, transaction
from django.utils import timezone

from guidance import Answers, evaluate
from intake.conflicts import normalize_name
from intake.guidance_text import render_guidance
from intake.models import ConflictRecord, Intake
from intake.services import notifications

# No 0/O, 1/I/L: references are read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    """A short random reference such as "K7Q4-MZPA" (not sequential, so it reveals nothing)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def intake_create(*, answers: Answers, language: str, journey_id: str | uuid.UUID, today=None) -> Intake:
    """Store the intake of one finished journey; a second call for the same journey returns the first."""
    journey_id = uuid.UUID(str(journey_id))
    today = today or timezone.localdate()
    evaluation = evaluate(answers, today)
    # The same answers without a court date: the part of the priority that never changes.
    base = evaluate(dataclasses.replace(answers, court_date=None), today)
    fields = {
        "journey_id": journey_id,
        "language": language,
        "answers": answers.to_dict(),
        "role": answers.role,
        "order_types": " ".join(sorted(answers.order_types)),
        "criminal_case": answers.criminal_case,
        "court_date": answers.court_date,
        "rule_ids": list(evaluation.rule_ids),
        "ruleset_version": evaluation.version,
        "guidance_snapshot": render_guidance(answers, evaluation, language),
        "priority": evaluation.priority,
        "base_priority": base.priority,
    }
    for _attempt in range(5):
        intake = Intake(reference=new_reference(), **fields)
        # INSERT ... ON CONFLICT DO NOTHING (INSERT OR IGNORE on SQLite): when a second press of
        # "finish" for this journey (two tabs, a double click) got there first, or the reference is
        # taken, nothing is inserted and nothing fails. A failing INSERT would put the visitor's
        # answers in PostgreSQL's log, which records the statement of every error.
        # Inside a caller's transaction, a savepoint keeps a failure (the database going away) from
        # spoiling the rest of it.
        with transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext():
            Intake.objects.bulk_create([intake], ignore_conflicts=True)
            stored = Intake.objects.filter(journey_id=journey_id).values_list("pk", "reference").first()
        if stored is None:
            continue  # the reference was taken: another one
        if stored[1] != intake.reference:  # another press of this journey stored it
            return Intake.objects.get(pk=stored[0])
        intake.pk = stored[0]
        intake._state.adding, intake._state.db = False, Intake.objects.db
        return intake
    raise IntegrityError("could not find a free intake reference")


class IntakeGone(Exception):
    """The intake was deleted or reduced to anonymous counts before the request reached it."""


def consultation_request(*, intake: Intake, details: dict, consent_text: str) -> Intake:
    """Attach contact details and consent to an intake, and notify the firm once it is committed.

    Asking twice keeps the first request. `intake` needs its reference, language, court date and base
    priority loaded for the notification (any it lacks are read when the email is written).
    """
    now = timezone.now()
    fields = {
        **details,
        "consent_text": consent_text,
        "consent_at": now,
        "consultation_requested_at": now,
        "last_activity_at": now,
        "name_key": normalize_name(details.get("name", "")),
        "other_party_key": normalize_name(details.get("other_party_name", "")),
        "helped_key": normalize_name(details.get("helped_name", "")),
    }
    with transaction.atomic():
        # One statement, which only a first request can match: two sent at once (a double press, two
        # tabs) wait for each other's row lock, and the second then finds the request already there.
        if not Intake.objects.filter(pk=intake.pk, consultation_requested_at__isnull=True).update(**fields):
            current = Intake.objects.filter(pk=intake.pk).first()
            if current is None:
                raise IntakeGone
            return current
        for field, value in fields.items():
            setattr(intake, field, value)
        notifications.queue(intake=intake, kind=notifications.Notification.Kind.NEW_REQUEST)
    return intake


def intake_delete(*, intake: Intake, keep_conflict_record: bool = False) -> None:
    """Remove an intake and everything attached to it: contact details, notes, call attempts,
    other names, access records and notifications.

    The one way intakes are deleted: the visitor's "Delete my answers" (or answering again, which
    replaces the intake), the reduction of anonymous intakes, a manager's deletion and the
    retention purge. Staff deletions and the purge keep the minimal conflict record PRODUCT.md
    describes; the visitor's own deletion keeps nothing, and neither does an intake the visitor
    withdrew (intake.services.withdrawal): no name was kept on it to record.
    """
    with transaction.atomic():
        if keep_conflict_record and intake.consultation_requested and not intake.withdrawn:
            aliases = intake.aliases.values_list("name", flat=True)
            other_names = [n for n in [intake.other_party_name, *aliases] if n]
            names = [intake.name, intake.helped_name, *other_names]
            keys = [k for k in map(normalize_name, names) if k]
            ConflictRecord.objects.get_or_create(
                reference=intake.reference,
                defaults={
                    "requested_on": timezone.localdate(intake.consultation_requested_at),
                    "visitor_name": intake.name,
                    "helped_name": intake.helped_name,
                    "other_party_names": other_names,
                    "name_keys": "|" + "|".join(keys) + "|" if keys else "",
                },
            )
        Intake.objects.filter(pk=intake.pk).delete()


def intake_replace(*, reference: str, by: Intake) -> Intake:
    """The intake a visitor's journey stands for once they have answered again
    (intake.views.wizard.reopen): `by`, the new one, in place of the one with `reference`; or that
    one, if a call was asked for on it meanwhile (staff work from it, and the visitor must still
    reach it to delete it), and then the new one is deleted instead."""
    with transaction.atomic():
        # Locked, so that a consultation request sent at the same moment from another tab either
        # lands first (and that intake stays) or finds it gone.
        replaced = Intake.objects.select_for_update().filter(reference=reference).first()
        if replaced is None:
            return by
        if replaced.consultation_requested:
            intake_delete(intake=by)
            return replaced
        intake_delete(intake=replaced)
        return by
