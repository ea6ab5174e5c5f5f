"""Deleting answers after asking for a call: asked first, then the request is withdrawn, not deleted
(PRODUCT.md, item 6). The visitor is told the firm will not call; staff see the request as withdrawn,
with nothing personal, from the queue and from the notification email's link."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from intake.models import CallAttempt, Intake, IntakeAccess, Note, Notification, OtherPartyAlias, Status
from intake.services import Deletion, consultation_request, intake_withdraw, visitor_delete
from intake.services.followup import Withdrawn, alias_add, call_attempt_log, followup_update, note_add
from intake.services.notifications import send_pending
from tests.factories import IntakeFactory
from tests.intake.conftest import requested
from tests.intake.test_admin import search
from tests.journeys import VALID, journey

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/intake/intake/"

DETAILS = {
    "name": "Sam Secretname",
    "phone": "+12135550143",
    "email": "sam.secret@example.com",
    "preferred_method": "phone",
    "voicemail_ok": "no",
    "say_firm_name": "no",
    "best_time": "weekday evenings",
    "other_party_name": "Alex Otherparty",
    "helped_name": "Kevin Helpedson",
    "call_whom": "them",
    "message": "Please call about my hearing",
}
# Every personal word above, and the answers' words a page might show.
PERSONAL = [
    "Secretname",
    "5550143",
    "555-0143",
    "sam.secret",
    "Otherparty",
    "Helpedson",
    "weekday evenings",
    "my hearing",
    "a private note",
    "Alias Person",
    "left word with",
    "Domestic violence",
    "Restrained person",
]


def asked_for_a_call(client, visitor, **answers):
    visitor.walk(journey(**answers))
    assert client.post("/guidance/", VALID)["Location"] == "/guidance/request-sent/"
    return Intake.objects.get()


def worked_on(intake, manager):
    """A request staff have worked on: a note, another name, a call attempt, a next action."""
    note_add(intake=intake, author=manager, text="a private note")
    alias_add(intake=intake, name="Alias Person", by=manager)
    call_attempt_log(intake=intake, author=manager, outcome="reached", note="left word with the mother")
    followup_update(
        intake=intake, by=manager, status=Status.CONTACTED, next_action_on=datetime.date(2030, 1, 2)
    )


# --- the visitor ---------------------------------------------------------------------------------


def test_without_a_call_request_deleting_is_one_step(client, visitor):
    visitor.walk(journey())
    assert client.post("/delete/")["Location"] == "/deleted/"
    assert not Intake.objects.exists()


def test_after_asking_for_a_call_deleting_asks_first_and_says_the_call_is_cancelled(client, visitor):
    intake = asked_for_a_call(client, visitor)
    response = client.post("/delete/")
    assert response["Location"] == "/delete/confirm/"
    assert Intake.objects.get().name == "Sam"  # nothing deleted yet
    page = client.get("/delete/confirm/").content.decode()
    assert "your call request is cancelled too, and we will not call" in page
    assert 'name="confirm" value="cancel-call"' in page and 'action="/delete/"' in page
    # Going back keeps everything: the link leads to the confirmation, which still has the request.
    assert 'href="/guidance/request-sent/"' in page
    assert intake.reference in client.get("/guidance/request-sent/").content.decode()

    response = client.post("/delete/", {"confirm": "cancel-call"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your answers have been deleted" in page
    assert "Your call request is cancelled. We will not call." in page
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # the session is gone
    assert "/start-again/" not in page  # nothing left to start again from
    assert Intake.objects.get().withdrawn
    assert client.get("/guidance/").status_code == 404


def test_the_confirmation_page_is_only_for_a_call_request(client, visitor):
    assert client.get("/delete/confirm/")["Location"] == "/guidance/"  # nothing finished
    visitor.walk(journey())
    assert client.get("/delete/confirm/")["Location"] == "/guidance/"  # no call asked for
    assert Intake.objects.exists()
    assert client.post("/delete/confirm/").status_code == 405  # a GET page; deleting is a POST to /delete/


def test_a_request_sent_from_another_tab_is_not_cancelled_without_asking(client, visitor):
    """The guidance page was shown before the call was asked for (no warning then): deleting from it
    still asks first."""
    visitor.walk(journey())
    intake = Intake.objects.get()
    consultation_request(intake=intake, details=DETAILS, consent_text="I agree")  # the other tab
    assert client.post("/delete/")["Location"] == "/delete/confirm/"
    assert not Intake.objects.get().withdrawn


def test_a_confirmation_after_the_session_ended_says_how_to_make_sure(client, visitor):
    asked_for_a_call(client, visitor)
    client.cookies.pop(settings.SESSION_COOKIE_NAME)  # the session ended while the page was open
    response = client.post("/delete/", {"confirm": "cancel-call"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "not sure your call request was cancelled, call us at (555) 555-0100" in page
    assert "We will not call" not in page  # not promised: it was not cancelled
    assert not Intake.objects.get().withdrawn


def test_deleting_twice_is_harmless(client, visitor):
    intake = asked_for_a_call(client, visitor)
    assert visitor_delete(reference=intake.reference, cancel_call=True) is Deletion.WITHDRAWN
    assert visitor_delete(reference=intake.reference, cancel_call=True) is Deletion.WITHDRAWN
    assert visitor_delete(reference=intake.reference) is Deletion.WITHDRAWN
    assert visitor_delete(reference="NONE-LEFT") is Deletion.GONE
    assert Intake.objects.get().withdrawn


# --- what a withdrawn intake keeps ------------------------------------------------------------------


def test_a_withdrawn_intake_keeps_its_reference_and_times_and_nothing_personal(manager):
    intake = IntakeFactory(
        answers_data={"court_date": timezone.localdate() + datetime.timedelta(days=3)},
        **requested(3, **DETAILS, helped_key="kevin helpedson"),
    )
    worked_on(intake, manager)
    IntakeAccess.objects.create(intake=intake, user=manager)
    Notification.objects.create(intake=intake, kind=Notification.Kind.URGENT_REMINDER)  # not sent yet
    sent = Notification.objects.create(intake=intake, kind="new_request", sent_at=timezone.now())
    before = Intake.objects.get(pk=intake.pk)

    assert visitor_delete(reference=intake.reference) is Deletion.NEEDS_CONFIRMATION
    assert not Intake.objects.get(pk=intake.pk).withdrawn
    assert visitor_delete(reference=intake.reference, cancel_call=True) is Deletion.WITHDRAWN

    after = Intake.objects.get(pk=intake.pk)
    assert str(after) == after.reference == before.reference
    assert after.created_at == before.created_at
    assert after.consultation_requested_at == before.consultation_requested_at
    assert after.withdrawn_at is not None and after.last_activity_at == after.withdrawn_at
    assert after.status == Status.CLOSED and after.next_action_on is None
    # What the firm's notification email already said.
    assert (after.priority, after.base_priority, after.language) == (
        before.priority,
        before.base_priority,
        before.language,
    )
    # Nothing the visitor gave, nor anything worked out from their answers.
    for field in (
        "role",
        "order_types",
        "criminal_case",
        "ruleset_version",
        "guidance_snapshot",
        "name",
        "email",
        "preferred_method",
        "voicemail_ok",
        "say_firm_name",
        "best_time",
        "other_party_name",
        "helped_name",
        "call_whom",
        "message",
        "consent_text",
        "name_key",
        "other_party_key",
        "helped_key",
    ):
        assert getattr(after, field) == "", field
    assert not after.phone and after.court_date is None and after.consent_at is None
    assert after.answers == {} and after.rule_ids == []
    # Staff's free text and names go; the call attempts stay as the firm's record, without their note.
    assert not Note.objects.exists() and not OtherPartyAlias.objects.exists()
    assert list(CallAttempt.objects.values_list("outcome", "note")) == [("reached", "")]
    assert IntakeAccess.objects.filter(intake=intake).exists()
    # No email about a request that no longer stands; the one already sent stays recorded.
    assert list(Notification.objects.values_list("pk", flat=True)) == [sent.pk]
    text = " ".join(str(v) for v in Intake.objects.filter(pk=intake.pk).values().get().values())
    for word in PERSONAL:
        assert word.lower() not in text.lower(), word


def test_a_withdrawn_request_takes_no_more_follow_up(manager):
    intake = IntakeFactory(**requested(3, **DETAILS))
    intake_withdraw(intake=intake)
    assert followup_update(intake=intake, by=manager, status=Status.NEW) == []
    assert Intake.objects.get(pk=intake.pk).status == Status.CLOSED
    for add in (
        lambda: note_add(intake=intake, author=manager, text="x"),
        lambda: alias_add(intake=intake, name="x", by=manager),
        lambda: call_attempt_log(intake=intake, author=manager, outcome="reached"),
    ):
        with pytest.raises(Withdrawn):
            add()


def test_a_note_added_on_a_page_opened_before_the_withdrawal_is_not_kept_and_staff_are_told(rf, manager):
    from django.contrib import admin
    from django.contrib.messages.storage.fallback import FallbackStorage

    intake = IntakeFactory(**requested(3, **DETAILS))
    intake_withdraw(intake=intake)
    request = rf.post("/")
    request.user, request.session = manager, {}
    request._messages = FallbackStorage(request)

    class Form:
        instance = intake

    class Formset:
        @staticmethod
        def save(commit):
            return [Note(intake=intake, text="She said the address is 12 Oak St")]

    admin.site._registry[Intake].save_formset(request, Form, Formset, change=True)
    assert not Note.objects.exists()
    assert "withdrew this request" in str(list(request._messages)[0])


def test_no_personal_data_in_the_logs_when_withdrawing(client, visitor, caplog):
    caplog.set_level("DEBUG")
    asked_for_a_call(client, visitor)
    client.post("/delete/", {"confirm": "cancel-call"})
    for word in ("Sam", "5550143", "Alex Doe"):
        assert word not in caplog.text


# --- the staff desk ---------------------------------------------------------------------------------


def test_the_notification_link_of_a_withdrawn_request_says_so_and_shows_nothing_personal(
    client, reviewer, django_capture_on_commit_callbacks, settings
):
    settings.INTAKE_NOTIFY_EMAILS = ["desk@firm.example"]
    intake = IntakeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        consultation_request(intake=intake, details=DETAILS, consent_text="I agree")
    send_pending()  # the sender's work
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group()
    path = re.sub(r"^https?://[^/]+", "", link)
    intake_withdraw(intake=intake)

    client.force_login(reviewer)
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    withdrawn_at = timezone.localtime(Intake.objects.get(pk=intake.pk).withdrawn_at)
    assert "Withdrawn by the visitor on" in page
    assert f"Withdrawn by the visitor on {date_format(withdrawn_at, 'N j, Y')}" in page
    assert "do not call" in page
    assert intake.reference in page
    for word in PERSONAL:
        assert word.lower() not in page.lower(), word
    # Read-only: nothing to save, no note or other name to add.
    assert 'name="_save"' not in page and 'name="notes-0-text"' not in page
    assert 'name="aliases-0-name"' not in page and 'name="call_attempts-0-outcome"' not in page
    # Posting anyway changes nothing.
    assert client.post(path, {"status": "new"}).status_code == 403
    assert Intake.objects.get(pk=intake.pk).status == Status.CLOSED


def test_withdrawn_requests_leave_the_queue_and_have_a_filter_of_their_own(admin_client, queue_intakes):
    from intake.services.notifications import remind_urgent

    urgent = queue_intakes["urgent"]
    # Urgent, and nobody picked it up: a reminder is queued, then the visitor withdraws.
    later = timezone.now() + datetime.timedelta(hours=5)
    assert remind_urgent(now=later) == 1
    intake_withdraw(intake=urgent)
    queue = admin_client.get(CHANGELIST).content.decode()
    assert urgent.reference not in queue
    assert queue_intakes["high_court"].reference in queue
    withdrawn = admin_client.get(CHANGELIST + "?view=withdrawn").content.decode()
    assert urgent.reference in withdrawn and queue_intakes["high_court"].reference not in withdrawn
    assert "Withdrawn by the visitor on" in withdrawn
    # Among all requests it is there, and marked.
    every = admin_client.get(CHANGELIST + "?view=requests").content.decode()
    row = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{urgent.reference}.*?</tr>", every, re.S).group()
    assert "Withdrawn by the visitor on" in row
    # Not searchable by the name it no longer has; still found by its reference.
    assert urgent.reference not in search(admin_client, "Sam Caller", view="all").content.decode()
    assert urgent.reference in search(admin_client, urgent.reference, view="all").content.decode()
    # The reminder not yet sent is gone, and none is queued again.
    assert not Notification.objects.filter(intake=urgent).exists()
    assert remind_urgent(now=later + datetime.timedelta(hours=5)) == 0
    assert not Notification.objects.filter(intake=urgent).exists()


def test_a_withdrawn_request_exports_without_personal_data(client, manager):
    import csv
    import io

    intake = IntakeFactory(**requested(3, **DETAILS))
    intake_withdraw(intake=intake)
    client.force_login(manager)
    response = client.get(CHANGELIST + "export/?view=withdrawn")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["reference"] for row in rows] == [intake.reference]
    assert rows[0]["withdrawn by the visitor"] != ""
    for word in PERSONAL:
        assert word.lower() not in response.content.decode().lower(), word


def test_a_staff_deletion_of_a_withdrawn_request_keeps_no_conflict_record(client, manager):
    from intake.models import ConflictRecord

    intake = IntakeFactory(**requested(3, **DETAILS))
    intake_withdraw(intake=intake)
    client.force_login(manager)
    response = client.post(
        CHANGELIST + "?view=withdrawn",
        {"action": "delete_selected", "_selected_action": [intake.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Intake.objects.exists() and not ConflictRecord.objects.exists()
