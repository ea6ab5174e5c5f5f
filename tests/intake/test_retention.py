"""Retention: anonymous intakes become counts; old consultation intakes are purged, conflict records stay."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from intake.models import ConflictRecord, Intake, IntakeAccess, Note, OtherPartyAlias, WeeklyCount
from tests.factories import IntakeFactory
from tests.intake.conftest import requested

pytestmark = pytest.mark.django_db


def purge():
    out = io.StringIO()
    call_command("purge_intakes", stdout=out)
    return out.getvalue()


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def test_anonymous_intakes_are_reduced_to_counts_after_a_day(settings):
    settings.ANONYMOUS_INTAKE_HOURS = 24
    old = [IntakeFactory(created_at=hours_ago(25)) for _ in range(2)]
    IntakeFactory(created_at=hours_ago(26), answers_data={"role": "protected"}, language="es")
    recent = IntakeFactory(created_at=hours_ago(23))
    consultation = IntakeFactory(**requested(48))
    report = purge()
    assert "reduced to counts: 3" in report
    assert set(Intake.objects.values_list("pk", flat=True)) == {recent.pk, consultation.pk}
    counts = {(c.role, c.language, c.order_types, c.priority): c.count for c in WeeklyCount.objects.all()}
    assert counts[("restrained", "en", "domestic_violence", old[0].priority)] == 2
    assert counts[("protected", "es", "domestic_violence", "normal")] == 1
    assert {f.name for f in WeeklyCount._meta.get_fields()} == {
        "id",
        "week",
        "role",
        "order_types",
        "priority",
        "language",
        "ruleset_version",
        "count",
    }


def test_purge_deletes_expired_consultations_keeps_conflict_records_and_does_nothing_twice(settings, manager):
    settings.RETENTION_DAYS = 30
    expired = IntakeFactory(**requested(24 * 31, name="Old Visitor", other_party_name="Old Other"))
    OtherPartyAlias.objects.create(intake=expired, name="Oldie")
    Note.objects.create(intake=expired, author=manager, text="called")
    IntakeAccess.objects.create(intake=expired, user=manager)
    kept = IntakeFactory(**requested(24 * 29, name="Recent Visitor"))

    first = purge()
    assert "purged (conflict records kept): 1" in first
    assert list(Intake.objects.values_list("pk", flat=True)) == [kept.pk]
    assert (
        not Note.objects.exists()
        and not IntakeAccess.objects.exists()
        and not OtherPartyAlias.objects.exists()
    )
    record = ConflictRecord.objects.get()
    assert (record.reference, record.visitor_name) == (expired.reference, "Old Visitor")
    assert record.other_party_names == ["Old Other", "Oldie"]
    assert {f.name for f in ConflictRecord._meta.get_fields()} == {
        "id",
        "reference",
        "requested_on",
        "visitor_name",
        "helped_name",
        "other_party_names",
        "name_keys",
    }

    second = purge()
    assert "reduced to counts: 0" in second and "purged (conflict records kept): 0" in second
    assert ConflictRecord.objects.count() == 1 and Intake.objects.count() == 1


def test_dry_run_changes_nothing(settings):
    IntakeFactory(created_at=hours_ago(48))
    out = io.StringIO()
    call_command("purge_intakes", "--dry-run", stdout=out)
    assert "would be reduced to counts: 1" in out.getvalue()
    assert Intake.objects.count() == 1


def test_expired_sessions_are_cleared(settings, client):
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store["x"] = 1
    store.set_expiry(-10)
    store.save()
    key = store.session_key
    purge()
    assert not import_module(settings.SESSION_ENGINE).SessionStore().exists(key)


def test_the_visitors_delete_goes_through_the_same_service_and_keeps_no_record(client, visitor, monkeypatch):
    from intake.services import intakes, withdrawal
    from tests.journeys import journey

    calls = []
    monkeypatch.setattr(
        withdrawal, "intake_delete", lambda **kw: calls.append(kw) or intakes.intake_delete(**kw)
    )
    visitor.walk(journey())
    client.post("/delete/")
    assert [call.get("keep_conflict_record", False) for call in calls] == [False]
    assert not Intake.objects.exists()
    assert not ConflictRecord.objects.exists()


def test_a_withdrawn_request_keeps_no_conflict_record_and_is_purged_after_the_retention_period(
    client, visitor, settings
):
    from tests.journeys import VALID, journey

    settings.RETENTION_DAYS = 30
    visitor.walk(journey())
    client.post("/guidance/", VALID)
    client.post("/delete/", {"confirm": "cancel-call"})
    withdrawn = Intake.objects.get()
    assert withdrawn.withdrawn and not ConflictRecord.objects.exists()
    # Kept for the retention period from the withdrawal, its last activity, as other requests are.
    report = purge()
    assert "withdrawn requests purged (nothing kept): 0" in report and Intake.objects.exists()
    Intake.objects.update(last_activity_at=timezone.now() - datetime.timedelta(days=31))
    out = io.StringIO()
    call_command("purge_intakes", "--dry-run", stdout=out)
    assert "withdrawn requests would be purged (nothing kept): 1" in out.getvalue()
    report = purge()
    assert "purged (conflict records kept): 0" in report
    assert "withdrawn requests purged (nothing kept): 1" in report
    assert not Intake.objects.exists() and not ConflictRecord.objects.exists()
    # A staff deletion keeps no conflict record of a withdrawn request either: it has no name to keep.
    from intake.services import intake_delete, intake_withdraw

    other = IntakeFactory(**requested(2, name="Wanda Withdrew"))
    intake_withdraw(intake=other)
    intake_delete(intake=Intake.objects.get(pk=other.pk), keep_conflict_record=True)
    assert not ConflictRecord.objects.exists()


def test_a_helpers_conflict_record_keeps_the_name_of_the_person_they_helped(settings):
    from intake.conflicts import conflict_matches

    settings.RETENTION_DAYS = 30
    expired = IntakeFactory(
        **requested(24 * 31, name="Maria Mother", helped_name="Kevin Son", helped_key="kevin son")
    )
    purge()
    record = ConflictRecord.objects.get(reference=expired.reference)
    assert (record.visitor_name, record.helped_name) == ("Maria Mother", "Kevin Son")
    assert "|kevin son|" in record.name_keys
    # A later request naming him as the other party finds the record.
    later = IntakeFactory(**requested(1, name="Someone", other_party_name="KEVIN  son"))
    assert [m.where for m in conflict_matches(later)] == [
        f"person helped on conflict record {expired.reference}"
    ]


def test_a_request_being_worked_on_is_kept_past_the_retention_period(settings, manager):
    from intake.services.followup import note_add

    settings.RETENTION_DAYS = 30
    intake = IntakeFactory(**requested(24 * 40))
    Intake.objects.filter(pk=intake.pk).update(last_activity_at=timezone.now() - datetime.timedelta(days=40))
    note_add(intake=intake, author=manager, text="still working on it")
    assert "purged (conflict records kept): 0" in purge()
    assert Intake.objects.filter(pk=intake.pk).exists()


def test_a_consultation_request_for_a_reduced_intake_explains(client, visitor, settings):
    from tests.journeys import VALID, journey

    visitor.walk(journey())
    Intake.objects.update(created_at=hours_ago(48))
    purge()
    response = client.post("/guidance/", VALID)
    assert response.status_code == 404
    assert "There is no guidance to show" in response.content.decode()
    assert "Your request was not sent" in response.content.decode()
