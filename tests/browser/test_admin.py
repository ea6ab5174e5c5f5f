"""The staff desk works in a real browser under the enforced Content-Security-Policy."""

import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from tests.browser.helpers import click_and_wait, csp_violations
from tests.conftest import PASSWORD
from tests.factories import IntakeFactory


def test_admin_pages_work_under_the_csp(context, site):
    User.objects.create_superuser("boss", password=PASSWORD)
    moment = timezone.now() - datetime.timedelta(hours=2)
    intake = IntakeFactory(
        consultation_requested_at=moment, created_at=moment, name="Sam", phone="+12135550143"
    )
    page = context.new_page()
    page.goto(site + "/admin/login/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", PASSWORD)
    click_and_wait(page, page.locator("input[type=submit]"))
    visited = []
    for path in [
        "/admin/",
        "/admin/intake/intake/",
        f"/admin/intake/intake/{intake.pk}/change/",
        "/admin/intake/intake/insight/",
        "/staff/rule-book/",
        "/admin/otp_totp/totpdevice/add/",
    ]:
        page.goto(site + path)
        assert page.locator("#content").count() == 1, path
        assert csp_violations(page) == [], path
        visited.append(path)
    # Interactive parts that need the admin's scripts: the action menu and the date shortcuts.
    page.goto(site + "/admin/intake/intake/")
    page.check("input.action-select")
    assert page.locator(".actions .action-counter").inner_text().startswith("1 of")
    page.goto(site + f"/admin/intake/intake/{intake.pk}/change/")
    page.get_by_role("link", name="Today").first.click()
    assert page.locator("#id_next_action_on").input_value() == timezone.localdate().strftime("%Y-%m-%d")
    assert csp_violations(page) == []
    assert len(visited) == 6
