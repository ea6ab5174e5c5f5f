"""Monday morning at the desk, in a real browser: a Reviewer, and then a Manager, sign in and work the
weekend's requests. Every admin page they visit is checked with axe at 390 and 1280 px and under the CSP."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from intake.models import CallAttempt, ConflictRecord, Intake, Status
from tests.browser.conftest import CSP_LISTENER, DESKTOP
from tests.browser.helpers import assert_accessible, click_and_wait
from tests.conftest import PASSWORD
from tests.factories import IntakeFactory
from tests.intake.conftest import requested

pytestmark = pytest.mark.django_db(transaction=True)

STAFF = {"Reviewers": "rita", "Managers": "max"}


@pytest.fixture
def weekend(staff_user):
    """Saturday's and Sunday's requests: an urgent, discreet, texts-only one from a restrained person
    with a court date this week, María López's, and an old conflict record naming the other party.
    A colleague holds consultations too."""
    staff_user("carla", "Managers")
    urgent = IntakeFactory(
        answers_data={
            "role": "restrained",
            "order_types": ["criminal_protective"],
            "court_date": timezone.localdate() + datetime.timedelta(days=3),
        },
        **requested(
            40,
            name="Sam Caller",
            phone="+12135550143",
            preferred_method="text",
            voicemail_ok="no",
            say_firm_name="no",
            best_time="after 9 pm",
            other_party_name="Pat Smith",
        ),
    )
    maria = IntakeFactory(
        **requested(30, name="María López", phone="+13105550199", email="maria@example.com")
    )
    record = ConflictRecord.objects.create(
        reference="WXYZ-2345",
        requested_on=timezone.localdate() - datetime.timedelta(days=90),
        visitor_name="Pat Smith",
        other_party_names=[],
        name_keys="|pat smith|",
    )
    return {"urgent": urgent, "maria": maria, "record": record}


@pytest.fixture
def desk_page(browser):
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    context.add_init_script(CSP_LISTENER)
    yield context.new_page()
    context.close()


def checked(page, label):
    """axe and the CSP at both widths, then back to the desk's width."""
    assert_accessible(page, label)
    page.set_viewport_size(DESKTOP)


def save_and_continue(page):
    click_and_wait(page, page.locator("input[name=_continue]"))


def log_contact(page, outcome):
    """In the new row of the contact attempts (after the saved ones; not the hidden template)."""
    new_row = page.locator("select[name^='call_attempts-'][name$='-outcome']:not([name*='__prefix__'])").last
    new_row.select_option(outcome)
    save_and_continue(page)


@pytest.mark.parametrize("group", STAFF)
def test_the_monday_morning_at_the_desk(desk_page, site, staff_user, weekend, group):
    username = STAFF[group]
    staff_user(username, group)
    page, urgent = desk_page, weekend["urgent"]

    page.goto(site + "/admin/login/")
    checked(page, "admin sign-in")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    click_and_wait(page, page.locator("input[type=submit]"))

    # The start page: follow "urgent, not yet contacted".
    assert page.locator("h1").inner_text() == "Today at the intake desk"
    checked(page, "desk start page")
    tile = page.locator('[data-view="urgent_new"] a')
    assert tile.locator(".desk-count").inner_text() == "1"
    click_and_wait(page, tile)
    assert page.locator("h1").inner_text() == "Intake queue: Urgent, not yet contacted"
    assert page.locator("#result_list tbody tr").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]  # no sideways scroll
    checked(page, "intake queue")

    # Claim it; the safe time is shown beside the phone number.
    click_and_wait(page, page.get_by_role("link", name=urgent.reference))
    click_and_wait(page, page.get_by_role("button", name="Assign to me"))
    assert page.get_by_role("button", name="Unassign me").is_visible()
    assert Intake.objects.get(pk=urgent.pk).assigned_to.username == username
    assert "after 9 pm" in page.locator("#content").inner_text()
    checked(page, "intake page")

    # A text sent is logged; a voicemail is refused with the reason, and nothing is logged.
    log_contact(page, "text_sent")
    assert list(CallAttempt.objects.values_list("outcome", flat=True)) == ["text_sent"]
    log_contact(page, "voicemail")
    assert "so a voicemail cannot be logged" in page.locator("#content").inner_text()
    assert CallAttempt.objects.count() == 1
    checked(page, "intake page, voicemail refused")
    # The refused row is still there; "No answer" is what the reason suggests instead.
    log_contact(page, "no_answer")
    refusal = "They asked for text messages only. Log a call only if they agreed to one"
    assert refusal in page.locator("#content").inner_text()  # texts only: a call needs the tick
    assert CallAttempt.objects.count() == 1

    # A consultation tomorrow at 2:30 pm, Pacific, held by a colleague; then downloaded for a calendar.
    page.goto(page.url)  # leaves the refused row behind
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.select_option("select[name=status]", Status.CONSULT_SCHEDULED)
    page.fill("input[name=consult_at_0]", tomorrow.isoformat())
    page.fill("input[name=consult_at_1]", "14:30")
    page.select_option("select[name=consult_with]", label="carla")
    save_and_continue(page)
    urgent.refresh_from_db()
    assert urgent.status == Status.CONSULT_SCHEDULED and urgent.consult_with.username == "carla"
    assert timezone.localtime(urgent.consult_at) == timezone.make_aware(
        datetime.datetime.combine(tomorrow, datetime.time(14, 30))
    )
    checked(page, "intake page, consultation scheduled")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the consultation").click()
    calendar = Path(download.value.path()).read_text(encoding="utf-8")
    assert urgent.reference in calendar and "Sam" not in calendar and "Pat Smith" not in calendar

    # The conflict hit is a link to the record it matches.
    click_and_wait(page, page.get_by_role("link", name="visitor on conflict record WXYZ-2345"))
    assert "WXYZ-2345" in page.locator("#content").inner_text()
    checked(page, "conflict record")

    # María López found by typing "lopez"; the term stays out of the address.
    page.goto(site + "/admin/intake/intake/")
    page.fill("#searchbar", "lopez")
    click_and_wait(page, page.get_by_role("button", name="Search", exact=True))
    assert "lopez" not in page.url.lower()
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1 and weekend["maria"].reference in rows.first.inner_text()
    checked(page, "search results")
