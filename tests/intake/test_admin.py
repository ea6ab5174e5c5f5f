"""The staff desk: the queue, the intake page, workflow, permissions, export, insight (the rule book has
tests/intake/test_rule_book.py)."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone

from intake.admin import IntakeAdmin
from intake.models import CallAttempt, Intake, IntakeAccess, Note
from tests.conftest import PASSWORD
from tests.factories import IntakeFactory
from tests.intake.conftest import requested

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/intake/intake/"
REFERENCE = re.compile(r"\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b")


def listed(response):
    """References in the order the list's table shows them (a response or its text)."""
    html = response if isinstance(response, str) else response.content.decode()
    table = re.search(r'<table id="result_list".*?</table>', html, re.S)
    seen = []
    for ref in REFERENCE.findall(table.group() if table else ""):
        if ref not in seen:
            seen.append(ref)
    return seen


def search(client, term, **filters):
    """The search box: it posts the term, which the list then reads from the session."""
    query = "?" + "&".join(f"{k}={v}" for k, v in filters.items()) if filters else ""
    return client.post(CHANGELIST + "search/", {"q": term, "filters": query}, follow=True)


def change_url(intake):
    return f"{CHANGELIST}{intake.pk}/change/"


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def change_post(intake, **fields):
    """POST data for the intake page: the follow-up fields plus every inline's management form."""
    data = {"status": intake.status, "next_action_on": "", "assigned_to": ""}
    for prefix in ("aliases", "notes", "call_attempts", "accesses"):
        data.update(inline_management(prefix))
    data.update(fields)
    return data


def test_the_queue_shows_open_requests_urgent_first_then_court_date_then_age(admin_client, queue_intakes):
    order = listed(admin_client.get(CHANGELIST))
    q = queue_intakes
    assert order == [q["urgent"].reference, q["high_court"].reference, q["normal_old"].reference]


def test_other_views_of_the_list(admin_client, queue_intakes):
    every = set(listed(admin_client.get(CHANGELIST + "?view=all")))
    assert every == {i.reference for i in queue_intakes.values()}
    assert listed(admin_client.get(CHANGELIST + "?view=anonymous")) == [queue_intakes["anonymous"].reference]
    assert queue_intakes["closed"].reference in listed(admin_client.get(CHANGELIST + "?view=requests"))


def test_priority_is_recomputed_from_the_court_date_every_day(queue_intakes):
    from intake.queue import current_priority, with_current_priority

    intake = queue_intakes["high_court"]
    today = timezone.localdate()
    assert current_priority(intake, today) == "high"
    assert current_priority(intake, today + datetime.timedelta(days=14)) == "urgent"
    assert current_priority(intake, today + datetime.timedelta(days=21)) == "normal"  # the date has passed
    ranks = with_current_priority(Intake.objects.all(), today + datetime.timedelta(days=14))
    assert ranks.get(pk=intake.pk).priority_rank == 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("priority=urgent", {"urgent"}),
        ("priority=high", {"high_court"}),
        ("status=closed&view=all", {"closed"}),
        ("role=protected&view=all", {"anonymous"}),
        ("order_type=emergency_protective", {"urgent"}),
        ("order_type=violence", {"urgent", "high_court", "normal_old"}),  # not a value: no filtering
        ("language=en", {"urgent", "high_court", "normal_old"}),
    ],
)
def test_filters(admin_client, queue_intakes, query, expected):
    response = admin_client.get(f"{CHANGELIST}?{query}")
    assert response.status_code == 200
    assert set(listed(response)) == {queue_intakes[name].reference for name in expected}


def test_date_filters(admin_client, queue_intakes):
    year = timezone.localdate().year
    assert len(listed(admin_client.get(f"{CHANGELIST}?view=all&created_at__year={year}"))) >= 3
    assert listed(admin_client.get(f"{CHANGELIST}?view=all&created_at__year=2001")) == []


@pytest.mark.parametrize(
    "term", ["reference", "Sam Caller", "sam@example.com", "+12135550143", "(213) 555-0143"]
)
def test_search_by_reference_name_phone_and_email(admin_client, queue_intakes, term):
    query = queue_intakes["urgent"].reference if term == "reference" else term
    assert listed(search(admin_client, query)) == [queue_intakes["urgent"].reference]


def test_the_intake_page_puts_safe_contact_first_then_answers_guidance_notes_and_calls(
    admin_client, queue_intakes
):
    intake = queue_intakes["urgent"]
    page = admin_client.get(change_url(intake)).content.decode()
    positions = [
        page.index("How to contact them safely"),
        page.index("May we say who is calling (in a text: name the firm)?"),
        page.index("Best time to call"),
        page.index("+12135550143"),
        page.index("Answers"),
        page.index("Guidance as the visitor saw it"),
        page.index("Notes"),
        page.index("Contact attempts (calls, texts, emails)"),
    ]
    assert positions == sorted(positions)
    for rule_id in intake.rule_ids:
        assert f'data-rule="{rule_id}"' in page


def test_a_reviewer_works_an_urgent_request(client, reviewer, queue_intakes):
    """Sign in, see the urgent request first, filter, search, open, change status, log a call, add a note."""
    response = client.post("/admin/login/?next=/admin/", {"username": "rita", "password": PASSWORD})
    assert response.status_code == 302
    urgent = queue_intakes["urgent"]
    assert listed(client.get(CHANGELIST))[0] == urgent.reference
    assert listed(client.get(CHANGELIST + "?priority=urgent")) == [urgent.reference]
    assert listed(search(client, "sam@example.com")) == [urgent.reference]
    assert client.get(change_url(urgent)).status_code == 200
    data = change_post(
        urgent,
        status="contacted",
        **inline_management("notes", total=1),
        **{"notes-0-text": "Left no message, as asked."},
        **inline_management("call_attempts", total=1),
        **{"call_attempts-0-outcome": "no_answer", "call_attempts-0-note": "rang 6 times"},
    )
    response = client.post(change_url(urgent), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    urgent.refresh_from_db()
    assert urgent.status == "contacted"
    note, call = Note.objects.get(), CallAttempt.objects.get()
    assert (note.intake, note.author.username, note.text) == (urgent, "rita", "Left no message, as asked.")
    assert (call.outcome, call.author, call.note) == ("no_answer", reviewer, "rang 6 times")
    assert timezone.now() - call.created_at < datetime.timedelta(minutes=1)
    assert IntakeAccess.objects.filter(intake=urgent, user=reviewer).exists()
    # Notes and calls, once written, show on the page and cannot be edited.
    page = client.get(change_url(urgent)).content.decode()
    assert "Left no message, as asked." in page
    assert 'name="notes-0-text"' not in page


def test_a_reviewer_cannot_delete_export_assign_others_or_manage_users(
    client, reviewer, manager, queue_intakes
):
    from django.core.exceptions import PermissionDenied

    from intake.services.followup import followup_update

    client.force_login(reviewer)
    urgent = queue_intakes["urgent"]
    changelist = client.get(CHANGELIST).content.decode()
    assert "Export these as CSV" not in changelist
    assert 'value="delete_selected"' not in changelist
    assert 'value="assign_to_me"' in changelist  # claiming work is theirs; giving it to others is not
    assert 'value="set_status_contacted"' in changelist
    assert client.get(CHANGELIST + "export/").status_code == 403
    assert client.get(change_url(urgent)).status_code == 200
    assert client.get(f"{CHANGELIST}{urgent.pk}/delete/").status_code == 403
    response = client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [urgent.pk], "post": "yes"}
    )
    assert response.status_code == 302  # an action the user does not have is refused: back to the list
    assert Intake.objects.filter(pk=urgent.pk).exists()
    # The assignment field is not even on the reviewer's page; a forged one is ignored, the status saved.
    response = client.post(
        change_url(urgent), change_post(urgent, status="contacted", assigned_to=str(manager.pk))
    )
    assert response.status_code == 302
    urgent.refresh_from_db()
    assert urgent.status == "contacted" and urgent.assigned_to is None
    with pytest.raises(PermissionDenied):
        followup_update(intake=urgent, by=reviewer, assigned_to=manager)
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
    assert client.get("/admin/intake/intakeaccess/").status_code == 403


def test_a_manager_can_assign_export_and_delete(client, manager, queue_intakes):
    from intake.models import ConflictRecord

    client.force_login(manager)
    urgent = queue_intakes["urgent"]
    assert client.get(change_url(urgent)).status_code == 200  # opening it leaves an access record
    Note.objects.create(intake=urgent, author=manager, text="a note")
    client.post(
        change_url(urgent), change_post(urgent, assigned_to=str(manager.pk), next_action_on="2030-01-02")
    )
    urgent.refresh_from_db()
    assert urgent.assigned_to == manager and urgent.next_action_on == datetime.date(2030, 1, 2)

    assert "Export these as CSV" in client.get(CHANGELIST).content.decode()
    response = client.get(CHANGELIST + "export/?priority=urgent")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "reference" and [r[0] for r in rows[1:]] == [urgent.reference]
    assert "Sam Caller" in rows[1] and "+12135550143" in rows[1]
    assert IntakeAccess.objects.filter(intake=urgent, user=manager, kind="export").count() == 1

    assert client.get(f"{CHANGELIST}{urgent.pk}/delete/").status_code == 200
    response = client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [urgent.pk], "post": "yes"}
    )
    assert response.status_code == 302
    assert not Intake.objects.filter(pk=urgent.pk).exists()
    assert not Note.objects.exists() and not IntakeAccess.objects.filter(intake_id=urgent.pk).exists()
    assert ConflictRecord.objects.get().visitor_name == "Sam Caller"


def test_export_with_a_bad_query_string_goes_back_to_the_list(client, manager, queue_intakes):
    client.force_login(manager)
    for query in ["created_at__year=abc", "bogus=1", "created_at__in=x", "o=99"]:
        response = client.get(f"{CHANGELIST}export/?{query}")
        assert response.status_code in (200, 302), query
        assert response.status_code == 302 or response["Content-Type"].startswith("text/csv")
    assert client.get(f"{CHANGELIST}export/?bogus=1")["Location"] == CHANGELIST + "?e=1"


def test_phone_search_keeps_the_filters(admin_client, queue_intakes):
    assert listed(search(admin_client, "(213) 555-0143", priority="normal")) == []
    closed = queue_intakes["closed"]
    closed.phone = "+12135550166"
    closed.save()
    assert listed(search(admin_client, "213-555-0166")) == []  # closed: not in the open queue
    assert listed(search(admin_client, "213-555-0166", view="all")) == [closed.reference]


def test_saving_a_stale_page_does_not_undo_a_colleagues_change(client, reviewer, manager, queue_intakes):
    urgent = queue_intakes["urgent"]
    client.force_login(reviewer)
    # The reviewer's page was opened while the status was "new"; since then a manager scheduled a consult.
    stale = change_post(urgent, status="new", **{"initial-status": "new", "initial-next_action_on": ""})
    from intake.services.followup import followup_update

    followup_update(
        intake=urgent,
        by=manager,
        status="consult_scheduled",
        next_action_on=datetime.date(2030, 5, 1),
        consult_at=timezone.now() + datetime.timedelta(days=2),
        consult_with=manager,
    )
    stale.update(inline_management("notes", total=1), **{"notes-0-text": "tried again"})
    assert client.post(change_url(urgent), stale).status_code == 302
    urgent.refresh_from_db()
    assert urgent.status == "consult_scheduled" and urgent.next_action_on == datetime.date(2030, 5, 1)
    assert Note.objects.get().text == "tried again"


def test_export_neutralises_spreadsheet_formulas(client, manager):
    IntakeFactory(**requested(1, name='=HYPERLINK("http://evil")', phone="+12135550199"))
    client.force_login(manager)
    rows = list(csv.reader(io.StringIO(client.get(CHANGELIST + "export/").content.decode("utf-8-sig"))))
    assert rows[1][rows[0].index("name")].startswith("'=")


def test_status_actions_and_assign_to_me_go_through_the_services(client, manager, queue_intakes):
    client.force_login(manager)
    ids = [queue_intakes["urgent"].pk, queue_intakes["high_court"].pk]
    client.post(CHANGELIST, {"action": "set_status_contacted", "_selected_action": ids})
    client.post(CHANGELIST, {"action": "assign_to_me", "_selected_action": ids})
    for intake in Intake.objects.filter(pk__in=ids):
        assert intake.status == "contacted" and intake.assigned_to == manager


def test_conflict_warning_when_the_other_partys_name_matches_another_intake(admin_client, queue_intakes):
    other = IntakeFactory(**requested(1, name="Pat  SMITH", phone="+12135550177"))
    page = admin_client.get(change_url(queue_intakes["high_court"])).content.decode()
    assert "Possible conflict" in page
    assert f"visitor on intake {other.reference}" in page
    assert (
        "Possible conflict" not in admin_client.get(change_url(queue_intakes["normal_old"])).content.decode()
    )


def test_aliases_are_part_of_the_conflict_check(admin_client, queue_intakes):
    from intake.models import ConflictRecord

    ConflictRecord.objects.create(
        reference="OLD1-OLD1",
        requested_on=datetime.date(2025, 1, 1),
        visitor_name="Jo Bloggs",
        name_keys="|jo bloggs|",
    )
    intake = queue_intakes["normal_old"]
    data = change_post(intake, **inline_management("aliases", total=1), **{"aliases-0-name": "Jo Bloggs"})
    admin_client.post(change_url(intake), data)
    page = admin_client.get(change_url(intake)).content.decode()
    assert "visitor on conflict record OLD1-OLD1" in page


def duplicate_column(response):
    """{reference: flagged?} from the list's duplicate column."""
    flags = {}
    for row in re.findall(r"<tr.*?</tr>", response.content.decode(), re.S):
        reference = REFERENCE.search(row)
        cell = re.search(r'<td class="field-duplicate_flag">(.*?)</td>', row, re.S)
        if reference and cell:
            assert cell.group(1) in ("Yes", "No")  # never the unknown icon
            flags[reference.group()] = cell.group(1) == "Yes"
    return flags


def test_likely_duplicates_are_flagged(admin_client, queue_intakes):
    twin = IntakeFactory(**requested(1, name="Sam again", phone="+12135550143"))
    long_ago = IntakeFactory(**requested(24 * 10, name="Sam long ago", email="sam@example.com"))
    page = admin_client.get(change_url(twin)).content.decode()
    assert f">{queue_intakes['urgent'].reference}</a>" in page
    assert "Same phone or email" in page
    flags = duplicate_column(admin_client.get(CHANGELIST))
    assert flags[twin.reference] and flags[queue_intakes["urgent"].reference]
    assert not flags[long_ago.reference] and not flags[queue_intakes["high_court"].reference]


def test_insight_page_charts_weekly_counts_without_scripts(admin_client, queue_intakes):
    from intake.models import WeeklyCount
    from intake.services.retention import week_start

    WeeklyCount.objects.create(
        week=week_start(timezone.now()),
        role="unsure",
        order_types="unsure",
        priority="normal",
        language="en",
        ruleset_version="x",
        count=7,
    )
    response = admin_client.get(CHANGELIST + "insight/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<svg class="chart"') == 3
    assert "<rect" in page
    assert "<td>7</td>" in page  # the anonymous count is included
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", page)
    assert " style=" not in page and not re.search(r'(?:src|href)="(?:https?:)?//', page)


def test_access_records_hold_no_personal_data():
    field_names = {f.name for f in IntakeAccess._meta.get_fields()}
    assert field_names == {"id", "intake", "user", "accessed_at", "kind"}


def test_every_field_the_visitor_gave_is_read_only():
    editable = {f.name for f in Intake._meta.get_fields() if getattr(f, "editable", False) and f.concrete}
    assert editable == {"id", "status", "assigned_to", "next_action_on", "consult_at", "consult_with"}
    readonly = set(IntakeAdmin.readonly_fields)
    for name in [
        "name",
        "phone_to_dial",
        "email",
        "message",
        "other_party_name",
        "voicemail_ok",
        "consent_text",
    ]:
        assert name in readonly
