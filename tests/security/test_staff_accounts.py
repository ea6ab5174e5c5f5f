"""Staff sign-in: lockout per account and per address, two-factor when required, idle timeout."""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def attempt(username, password, address="203.0.113.9", forwarded=None, **extra):
    headers = {"REMOTE_ADDR": address}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client()
    response = client.post(LOGIN, {"username": username, "password": password, **extra}, **headers)
    return client, response


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_an_account_is_locked_after_repeated_failures_from_anywhere(manager, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        attempt("max", "wrong", address=f"198.51.100.{n}")
    client, response = attempt("max", PASSWORD, address="192.0.2.200")
    assert response.status_code == 429
    assert "Sign-in temporarily locked" in response.content.decode()
    assert not signed_in(client)


def test_an_address_is_locked_after_failures_on_many_accounts(manager, reviewer, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for name in ("a", "b", "c"):
        attempt(name, "wrong", address="203.0.113.50")
    client, response = attempt("rita", PASSWORD, address="203.0.113.50")
    assert response.status_code == 429
    client, response = attempt("rita", PASSWORD, address="203.0.113.51")
    assert response.status_code == 302 and signed_in(client)


def test_a_forged_x_forwarded_for_cannot_get_around_the_lockout(manager, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        attempt(f"user{n}", "wrong", address="203.0.113.77", forwarded=f"10.9.9.{n}")
    _, response = attempt("max", PASSWORD, address="203.0.113.77", forwarded="192.0.2.1")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_proxys_entry_counts_not_the_clients(manager, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy (10.0.0.1) appends the real client address; a client may prepend anything it likes.
    for n in range(3):
        attempt(f"user{n}", "wrong", address="10.0.0.1", forwarded=f"1.2.3.{n}, 203.0.113.90")
    _, blocked = attempt("max", PASSWORD, address="10.0.0.1", forwarded="8.8.8.8, 203.0.113.90")
    assert blocked.status_code == 429
    client, other = attempt("max", PASSWORD, address="10.0.0.1", forwarded="203.0.113.91")
    assert other.status_code == 302


def test_two_factor_is_required_when_the_setting_says_so(manager, settings):
    settings.STAFF_2FA_REQUIRED = True
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    client, response = attempt("max", PASSWORD)
    assert response.status_code == 200 and not signed_in(client)  # the form asks for the code
    client, response = attempt("max", PASSWORD, otp_device=device.persistent_id, otp_token="000000")
    assert not signed_in(client)
    token = str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(
        device.digits
    )
    client, response = attempt("max", PASSWORD, otp_device=device.persistent_id, otp_token=token)
    assert not signed_in(client)  # right after a wrong code, the device is throttled
    device.refresh_from_db()
    device.throttle_reset()
    client, response = attempt("max", PASSWORD, otp_device=device.persistent_id, otp_token=token)
    assert response.status_code == 302 and signed_in(client)
    # A session signed in with a password alone is not enough for the admin or the rule book.
    password_only = Client()
    password_only.force_login(manager)
    assert password_only.get("/admin/").status_code == 302
    assert password_only.get("/staff/rule-book/").status_code == 302


def test_without_the_setting_a_password_is_enough(manager, settings):
    settings.STAFF_2FA_REQUIRED = False
    client, response = attempt("max", PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_staff_sessions_end_after_the_idle_timeout(manager, settings):
    settings.STAFF_IDLE_TIMEOUT = 20 * 60
    from importlib import import_module

    client, _ = attempt("max", PASSWORD)
    assert client.get("/admin/").status_code == 200
    assert 20 * 60 - 5 <= client.session.get_expiry_age() <= 20 * 60
    # The server ends it too: once the idle time has passed, the next request must sign in again.
    store = import_module(settings.SESSION_ENGINE).SessionStore(client.session.session_key)
    store.set_expiry(-1)
    store.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_an_account_that_is_not_staff_cannot_sign_in_to_the_admin(django_user_model, settings):
    settings.STAFF_2FA_REQUIRED = False
    django_user_model.objects.create_user("visitor", password=PASSWORD)
    client, response = attempt("visitor", PASSWORD)
    assert response.status_code == 200 and "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "forwarded", ["203.0.113.5:51234", "unknown", "[2001:db8::1]:443", "999.1.1.1", "a, b, c"]
)
def test_odd_forwarded_addresses_never_break_finishing(client, settings, forwarded):
    from tests.journeys import Visitor, journey, step_url

    settings.TRUSTED_PROXY_COUNT = 1
    client.raise_request_exception = False
    Visitor(client).walk(journey(), finish=False)
    response = client.post(step_url("check"), {}, HTTP_X_FORWARDED_FOR=forwarded)
    assert response.status_code == 302


def test_the_client_address_is_read_from_the_proxys_entry():
    from django.test import RequestFactory, override_settings

    from intake.security import client_ip

    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9:4433"
    )
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "203.0.113.9"
    with override_settings(TRUSTED_PROXY_COUNT=0):
        assert client_ip(request) == "10.0.0.1"


def test_production_warns_when_behind_a_proxy_without_a_proxy_count(settings):
    from intake.checks import proxy_addresses

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 0
    assert [w.id for w in proxy_addresses(None)] == ["intake.W001"]
    settings.TRUSTED_PROXY_COUNT = 1
    assert proxy_addresses(None) == []
