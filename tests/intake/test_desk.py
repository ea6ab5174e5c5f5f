"""The desk's Monday morning, without a browser: the start page, claiming work, the queue's columns,
search as staff type it (and never in a URL), conflict hits as links. The browser walk is in
tests/browser/test_desk.py."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from intake.models import ConflictRecord, Intake
from intake.services.followup import followup_update
from tests.factories import IntakeFactory
from tests.intake.conftest import requested
from tests.intake.test_admin import CHANGELIST, change_url, listed, search

pytestmark = pytest.mark.django_db


def tile_counts(page: str) -> dict[str, tuple[int, str]]:
    """{view: (count, link)} from the start page."""
    tiles = re.findall(
        r'data-view="(\w+)">\s*<a href="([^"]+)"><span class="desk-count" data-count="(\d+)"', page
    )
    return {view: (int(count), url.replace("&amp;", "&")) for view, url, count in tiles}


def test_the_start_page_counts_link_to_the_lists_they_count(client, reviewer, queue_intakes):
    urgent, high = queue_intakes["urgent"], queue_intakes["high_court"]
    followup_update(intake=high, by=reviewer, assigned_to=reviewer)
    Intake.objects.filter(pk=queue_intakes["normal_old"].pk).update(
        next_action_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    soon = IntakeFactory(
        answers_data={"court_date": timezone.localdate() + datetime.timedelta(days=3)},
        **requested(1, name="Cora Soon", status="contacted"),
    )
    gone = IntakeFactory(**requested(30, withdrawn_at=timezone.now() - datetime.timedelta(hours=20)))
    IntakeFactory(**requested(300, withdrawn_at=timezone.now() - datetime.timedelta(days=5)))
    consult = IntakeFactory(
        **requested(
            48,
            status="consult_scheduled",
            consult_at=timezone.localtime().replace(hour=23, minute=30),
            consult_with=reviewer,
        )
    )
    client.force_login(reviewer)
    page = client.get("/admin/").content.decode()
    counts = tile_counts(page)
    expected = {
        "urgent_new": [urgent.reference],
        "new": [urgent.reference, high.reference, queue_intakes["normal_old"].reference],
        "due": [queue_intakes["normal_old"].reference],
        "mine": [high.reference],
        "court_week": [soon.reference],
        "consults_today": [consult.reference],
        "withdrawn_recent": [gone.reference],
    }
    assert set(counts) == set(expected)
    for view, references in expected.items():
        count, url = counts[view]
        assert count == len(references), view
        assert sorted(listed(client.get(url))) == sorted(references), view
    assert "Consultations today" in page and consult.reference in page and "11:30 PM" in page


def test_technical_models_are_for_superusers_only_and_apart(client, manager, admin_user):
    client.force_login(manager)
    page = client.get("/admin/").content.decode()
    assert "Intakes" in page
    assert "/admin/axes/" not in page and "/admin/otp_totp/" not in page and "/admin/otp_static/" not in page
    client.force_login(admin_user)
    page = client.get("/admin/").content.decode()
    technical = page[page.index('class="technical-apps"') :]
    assert "/admin/axes/" in technical and "/admin/otp_totp/" in technical
    assert "/admin/axes/" not in page[: page.index('class="technical-apps"')]


def test_the_list_is_titled_intake_queue(admin_client, queue_intakes):
    page = admin_client.get(CHANGELIST).content.decode()
    assert "<h1>Intake queue</h1>" in page and "Select intake to change" not in page
    assert (
        "<h1>Intake queue: Urgent, not yet contacted</h1>"
        in admin_client.get(CHANGELIST + "?view=urgent_new").content.decode()
    )


def test_the_queue_shows_what_a_call_needs_in_short(admin_client, queue_intakes):
    urgent = queue_intakes["urgent"]
    page = admin_client.get(CHANGELIST).content.decode()
    row = next(r for r in re.findall(r"<tr.*?</tr>", page, re.S) if urgent.reference in r)
    assert '<abbr title="Emergency protective order">EPO</abbr>' in row
    assert "Restrained" in row
    assert "Phone" in row and "no voicemail; do not say who calls" in row
    assert "unassigned" in row and "New" in row
    assert '<td class="field-duplicate_flag">No</td>' in row


# --- claiming work ----------------------------------------------------------------------------


def test_a_reviewer_claims_and_gives_back_an_intake_but_cannot_take_a_colleagues(
    client, reviewer, manager, queue_intakes
):
    urgent, high = queue_intakes["urgent"], queue_intakes["high_court"]
    client.force_login(reviewer)
    page = client.get(change_url(urgent)).content.decode()
    assert 'value="assign"' in page and "Assign to me" in page
    client.post(change_url(urgent).replace("change/", "claim/"), {"claim": "assign"})
    urgent.refresh_from_db()
    assert urgent.assigned_to == reviewer
    assert "Unassign me" in client.get(change_url(urgent)).content.decode()
    assert listed(client.get(CHANGELIST + "?assigned=me")) == [urgent.reference]
    client.post(change_url(urgent).replace("change/", "claim/"), {"claim": "unassign"})
    urgent.refresh_from_db()
    assert urgent.assigned_to is None
    # A colleague's intake: neither the button nor the action takes it from them.
    followup_update(intake=high, by=manager, assigned_to=manager)
    assert "Assign to me" not in client.get(change_url(high)).content.decode()
    response = client.post(change_url(high).replace("change/", "claim/"), {"claim": "assign"}, follow=True)
    assert "only a manager can reassign it" in response.content.decode()
    response = client.post(
        CHANGELIST, {"action": "assign_to_me", "_selected_action": [high.pk, urgent.pk]}, follow=True
    )
    assert "Assigned 1 intake(s) to you." in response.content.decode()
    assert "1 intake(s) already assigned to someone else" in response.content.decode()
    high.refresh_from_db()
    urgent.refresh_from_db()
    assert high.assigned_to == manager and urgent.assigned_to == reviewer
    with pytest.raises(PermissionDenied):
        followup_update(intake=high, by=reviewer, assigned_to=None)  # not theirs to give back
    assert client.get(change_url(high).replace("change/", "claim/")).status_code == 405


def test_a_manager_assigns_to_others_and_unassigns_anyone(client, reviewer, manager, queue_intakes):
    urgent = queue_intakes["urgent"]
    followup_update(intake=urgent, by=manager, assigned_to=reviewer)
    followup_update(intake=urgent, by=manager, assigned_to=None)
    client.force_login(manager)
    client.post(CHANGELIST, {"action": "assign_to_me", "_selected_action": [urgent.pk]})
    urgent.refresh_from_db()
    assert urgent.assigned_to == manager
    client.post(CHANGELIST, {"action": "unassign_me", "_selected_action": [urgent.pk]})
    urgent.refresh_from_db()
    assert urgent.assigned_to is None


# --- search -----------------------------------------------------------------------------------


@pytest.mark.parametrize("term", ["lopez", "LÓPEZ", "maria lopez", "María  López"])
def test_a_name_is_found_without_its_accents_or_case(admin_client, queue_intakes, term):
    maria = IntakeFactory(**requested(1, name="María López", phone="+13105550199"))
    assert listed(search(admin_client, term)) == [maria.reference]


def test_a_person_helped_is_found_by_name(admin_client, queue_intakes):
    helper = IntakeFactory(**requested(1, name="Ana Ruiz", helped_name="José Núñez", helped_key="jose nunez"))
    assert listed(search(admin_client, "nunez")) == [helper.reference]


def test_a_reference_is_found_with_or_without_its_hyphen_in_any_case(admin_client, queue_intakes):
    reference = queue_intakes["high_court"].reference
    for typed in [reference, reference.lower(), reference.replace("-", ""), reference.replace("-", " ")]:
        assert listed(search(admin_client, typed)) == [reference], typed


@pytest.mark.parametrize(
    "typed", ["213 555 0143", "213.555.0143", "+1 (213) 555-0143", "12135550143", "0143"]
)
def test_a_phone_number_is_found_however_it_is_typed(admin_client, queue_intakes, typed):
    assert listed(search(admin_client, typed)) == [queue_intakes["urgent"].reference]


def test_the_search_term_is_in_no_link_and_survives_pages_filters_and_export(client, manager, queue_intakes):
    for n in range(55):
        IntakeFactory(**requested(10 + n, name=f"Lopez Number{n}", phone=f"+1213555{n:04d}"))
    client.force_login(manager)
    response = search(client, "Lopez", view="all")
    assert response.redirect_chain == [(CHANGELIST + "?view=all", 302)]
    page = response.content.decode()
    assert 'value="Lopez"' in page  # the box shows what is searched, and Clear search empties it
    assert "Clear search" in page
    links = re.findall(r'(?:href|action)="([^"]*)"', page)
    assert links and not [link for link in links if "lopez" in link.lower() or "q=" in link]
    assert len(listed(page)) == 50
    page_two = client.get(CHANGELIST + "?view=all&p=2").content.decode()
    assert len(listed(page_two)) == 5  # still the search: 55 Lopez, not the 60 intakes
    export = client.get(CHANGELIST + "export/?view=all").content.decode()
    assert export.count("Lopez Number") == 55 and "Sam Caller" not in export
    # Cleared, the list is whole again.
    cleared = client.post(CHANGELIST + "search/", {"q": "", "filters": "?view=all"}, follow=True)
    assert len(listed(client.get(CHANGELIST + "?view=all&p=2"))) == 10  # all 60 intakes again
    assert 'value="Lopez"' not in cleared.content.decode()


def test_a_term_in_an_old_link_is_taken_out_of_the_address(admin_client, queue_intakes):
    response = admin_client.get(CHANGELIST, {"q": "Sam Caller", "view": "all"})
    assert response.status_code == 302 and response["Location"] == CHANGELIST + "?view=all"
    assert listed(admin_client.get(response["Location"])) == [queue_intakes["urgent"].reference]


def test_the_search_cannot_send_staff_elsewhere(admin_client):
    response = admin_client.post(CHANGELIST + "search/", {"q": "x", "filters": "//evil.example/?a=1"})
    assert response["Location"].startswith(CHANGELIST)
    assert admin_client.get(CHANGELIST + "search/").status_code == 405


def test_conflict_records_are_searched_the_same_way(admin_client):
    ConflictRecord.objects.create(
        reference="ABCD-EFGH",
        requested_on=timezone.localdate(),
        visitor_name="María López",
        helped_name="",
        other_party_names=[],
        name_keys="|maria lopez|",
    )
    response = admin_client.post(
        "/admin/intake/conflictrecord/search/", {"q": "abcdefgh", "filters": ""}, follow=True
    )
    assert "ABCD-EFGH" in response.content.decode()
    response = admin_client.post(
        "/admin/intake/conflictrecord/search/", {"q": "LOPEZ", "filters": ""}, follow=True
    )
    assert "ABCD-EFGH" in response.content.decode()


# --- conflict hits ----------------------------------------------------------------------------


def test_conflict_hits_link_to_the_intake_or_record_they_match(admin_client, queue_intakes):
    record = ConflictRecord.objects.create(
        reference="WXYZ-2345",
        requested_on=timezone.localdate(),
        visitor_name="Pat Smith",
        helped_name="",
        other_party_names=[],
        name_keys="|pat smith|",
    )
    high = queue_intakes["high_court"]  # its other party is "Pat Smith"
    other = IntakeFactory(**requested(1, name="Pat Smith"))
    page = admin_client.get(change_url(high)).content.decode()
    assert (
        f'<a href="/admin/intake/conflictrecord/{record.pk}/change/">visitor on conflict record WXYZ-2345</a>'
        in page
    )
    assert f'<a href="{change_url(other)}">visitor on intake {other.reference}</a>' in page


def test_the_browser_tests_rebuild_the_staff_groups_as_the_migrations_make_them():
    """tests.conftest.staff_group_permissions() must list what the data migrations grant: the browser
    tests rebuild the groups from it after a flush."""
    from django.contrib.auth.models import Group

    from tests.conftest import staff_group_permissions

    migrated = {
        group.name: sorted((p.content_type.app_label, p.codename) for p in group.permissions.all())
        for group in Group.objects.all()
    }
    assert migrated == {name: sorted(pairs) for name, pairs in staff_group_permissions().items()}
