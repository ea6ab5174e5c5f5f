"""Every page of the staff desk, as a Reviewer and as a Manager, at 1280 and 390 px: no axe-core
violation, and nothing the Content-Security-Policy had to block."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from intake.models import ConflictRecord, Intake, Status
from intake.services.followup import call_attempt_log, note_add
from intake.services.withdrawal import intake_withdraw
from tests.browser.conftest import CSP_LISTENER
from tests.browser.helpers import CHECKED_PAGES, click_and_wait, csp_violations
from tests.conftest import PASSWORD
from tests.factories import IntakeFactory
from tests.intake.conftest import requested

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Axe()
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 844}


@pytest.fixture
def desk(reviewer, manager):
    """A queue with what makes every column and every part of the intake page render: a texts-only
    request with notes, contact attempts and a consultation today, its duplicate, a conflict with an
    old record, a Spanish helper's request, a withdrawn one and an anonymous intake."""
    today = timezone.localdate()
    consult = IntakeFactory(
        answers_data={"order_types": ["criminal_protective", "domestic_violence"], "court_date": today},
        **requested(
            30,
            name="María López",
            phone="+12135550143",
            email="maria@example.com",
            preferred_method="text",
            voicemail_ok="no",
            say_firm_name="no",
            best_time="after 9 pm",
            message="Please text first.",
            other_party_name="Pat Smith",
            status=Status.CONSULT_SCHEDULED,
            consult_at=timezone.now() + datetime.timedelta(hours=1),
            consult_with=manager,
            assigned_to=reviewer,
            next_action_on=today - datetime.timedelta(days=1),
        ),
    )
    note_add(intake=consult, author=reviewer, text="Asked for texts only; said evenings are safe.")
    call_attempt_log(intake=consult, author=reviewer, outcome="text_sent", note="First text")
    call_attempt_log(intake=consult, author=reviewer, outcome="no_answer", confirmed_call=True)
    IntakeFactory(**requested(50, name="M. Lopez", phone="+12135550143"))  # the same phone: a duplicate
    ConflictRecord.objects.create(
        reference="WXYZ-2345",
        requested_on=today - datetime.timedelta(days=90),
        visitor_name="Pat Smith",
        other_party_names=["Maria Lopez"],
        name_keys="|pat smith|maria lopez|",
    )
    helper = IntakeFactory(
        answers_data={"role": "helping_protected"},
        language="es",
        **requested(
            3,
            name="Ana Ruiz",
            helped_name="José Núñez",
            call_whom="them",
            phone="+13105550199",
            preferred_method="email",
            email="ana@example.com",
        ),
    )
    withdrawn = IntakeFactory(**requested(20, name="Wes Drawn", phone="+14155550100"))
    call_attempt_log(intake=withdrawn, author=reviewer, outcome="no_answer")
    intake_withdraw(intake=withdrawn)
    IntakeFactory(answers_data={"role": "protected", "order_types": ["civil_harassment"]})
    return {"consult": consult, "helper": helper, "withdrawn": Intake.objects.get(pk=withdrawn.pk)}


def check(page, label, problems, widths=(WIDE, NARROW)):
    """Axe at each width and the CSP reports of the page as loaded; what is wrong goes to `problems`."""
    blocked = csp_violations(page)
    if blocked:
        problems.append(f"{label}: CSP blocked {blocked}")
    for viewport in widths:
        page.set_viewport_size(viewport)
        results = AXE.run(page)
        if results.violations_count:
            problems.append(f"{label} at {viewport['width']} px:\n{results.generate_report()}")
        else:
            CHECKED_PAGES.append((label, viewport["width"]))
    page.set_viewport_size(WIDE)


def visit(page, url, label, problems, **kwargs):
    page.goto(url)
    assert page.locator("#content").count() == 1, label
    check(page, label, problems, **kwargs)


def sign_in(page, site, username, problems):
    page.goto(site + "/admin/login/")
    check(page, "sign-in", problems)
    page.fill("#id_username", username)
    page.fill("#id_password", "not the password")
    click_and_wait(page, page.locator("input[type=submit]"))
    check(page, "sign-in with an error", problems, widths=(NARROW,))
    page.fill("#id_password", PASSWORD)
    click_and_wait(page, page.locator("input[type=submit]"))
    assert page.url == site + "/admin/"


def desk_pages(desk):
    def change(intake):
        return f"/admin/intake/intake/{intake.pk}/change/"

    return [
        ("/admin/", "start page"),
        ("/admin/intake/intake/", "intake queue"),
        (change(desk["consult"]), "intake page (consultation scheduled)"),
        (change(desk["helper"]), "intake page (a helper's request)"),
        (change(desk["withdrawn"]), "intake page (withdrawn)"),
        ("/admin/intake/intake/insight/", "intakes per week"),
        ("/admin/intake/conflictrecord/", "conflict records"),
    ]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=WIDE)
    context.add_init_script(CSP_LISTENER)
    yield context.new_page()
    context.close()


def test_a_reviewer_meets_no_accessibility_or_csp_violation(page, site, desk, settings):
    problems = []
    settings.STAFF_2FA_REQUIRED = True  # production's sign-in page, with the two-factor code
    page.goto(site + "/admin/login/")
    assert page.locator("#id_otp_token").count() == 1
    check(page, "two-factor sign-in", problems)
    settings.STAFF_2FA_REQUIRED = False
    sign_in(page, site, "rita", problems)
    for path, label in desk_pages(desk):
        visit(page, site + path, f"{label}, reviewer", problems)
    # A voicemail on a request that said "no voicemail" is refused on its row.
    page.goto(site + f"/admin/intake/intake/{desk['consult'].pk}/change/")
    page.select_option("#id_call_attempts-2-outcome", "voicemail")
    click_and_wait(page, page.locator("input[name=_continue]"))
    assert page.locator(".errornote").count() == 1
    check(page, "intake page refusing a voicemail, reviewer", problems)
    assert problems == [], "\n\n".join(problems)


def test_a_manager_meets_no_accessibility_or_csp_violation(page, site, desk):
    problems = []
    sign_in(page, site, "max", problems)
    for path, label in desk_pages(desk):
        visit(page, site + path, f"{label}, manager", problems)
    visit(page, site + "/admin/intake/intakeaccess/", "access records, manager", problems)
    visit(page, site + "/staff/rule-book/", "rule book, manager", problems)
    # A device set to dark colours gets the same light, readable pages.
    page.emulate_media(color_scheme="dark")
    for path, label in desk_pages(desk)[:3]:
        page.goto(site + path)
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
        check(page, f"{label} on a dark-mode device, manager", problems, widths=(WIDE,))
    assert problems == [], "\n\n".join(problems)
