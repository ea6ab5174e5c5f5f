"""Every error page, in Chromium, with axe-core: a visitor meets them at the worst moments (the
database out of reach, a form refused), and they must read as clearly as any other page."""

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory

from tests.browser.helpers import assert_accessible
from web import errors


def database_out_of_reach():
    try:
        raise OperationalError("database is down")
    except OperationalError as error:
        # As after a session save the database refused, for a visitor with answers stored.
        request = RequestFactory().get("/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=stored")
        return errors.bad_request(request, error)


def desk_database_out_of_reach():
    try:
        raise OperationalError("database is down")
    except OperationalError as error:
        return errors.bad_request(RequestFactory().get("/admin/"), error)


PAGES = {
    "400": lambda: errors.bad_request(None),
    "403": lambda: errors.permission_denied(None),
    "404": lambda: errors.page_not_found(None),
    "429": lambda: errors.rate_limited(None),
    "500": lambda: errors.server_error(None),
    "503": database_out_of_reach,
    "503-desk": desk_database_out_of_reach,
    "csrf": lambda: errors.csrf_failure(None),
    "refused": lambda: errors.form_refused(None),
}


@pytest.mark.parametrize("name", PAGES)
def test_the_error_page_is_accessible(context, site, name):
    response = PAGES[name]()
    page = context.new_page()
    # Served from the site's own address, so that its stylesheet loads as it would.
    page.route(
        f"{site}/error-page/",
        lambda route: route.fulfill(
            status=200, content_type="text/html; charset=utf-8", body=response.content
        ),
    )
    page.goto(f"{site}/error-page/")
    assert page.locator("h1").count() == 1
    if name != "503-desk":  # the desk's pages have no quick exit
        assert page.locator("a[href='/exit/']").count() == 1  # quick exit on every visitor page
    if name == "503":
        assert response.status_code == 503 and "Your answers are still here" in page.content()
    assert_accessible(page, f"error page {name}")


def test_a_missing_page_as_served_is_accessible_and_breaks_no_policy(context, site):
    page = context.new_page()
    response = page.goto(f"{site}/no-such-page/")
    assert response.status == 404
    assert_accessible(page, "404 as served")
