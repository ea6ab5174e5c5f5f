"""Staff sign-in: lockout of an account at an address, every refusal alike and counted, two-factor when
required, idle timeout."""

import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
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


def failures(username, address="203.0.113.9"):
    """Failed sign-ins django-axes holds against this account from this address."""
    return sum(
        a.failures_since_start for a in AccessAttempt.objects.filter(username=username, ip_address=address)
    )


def without_csrf_token(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def code(device):
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(
        device.digits
    )


def test_failures_lock_an_account_at_the_address_they_came_from_not_elsewhere(manager, settings):
    settings.AXES_FAILURE_LIMIT = 5
    # Five wrong passwords from one address: the account is locked there, again and again ...
    for _ in range(5):
        attempt("max", "wrong", address="198.51.100.7")
    client, response = attempt("max", PASSWORD, address="198.51.100.7")
    assert response.status_code == 429
    assert "Sign-in temporarily locked" in response.content.decode()
    assert not signed_in(client)
    # ... while its owner signs in from another address, which does not lift the lockout where it began.
    client, response = attempt("max", PASSWORD, address="192.0.2.200")
    assert response.status_code == 302 and signed_in(client)
    _, response = attempt("max", PASSWORD, address="198.51.100.7")
    assert response.status_code == 429


def test_failures_spread_over_many_addresses_lock_nothing(manager, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(6):
        attempt("max", "wrong", address=f"198.51.100.{n}")
    client, response = attempt("max", PASSWORD, address="198.51.100.0")
    assert response.status_code == 302 and signed_in(client)


def test_failures_at_one_address_leave_other_accounts_there_alone(manager, reviewer, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        attempt("max", "wrong", address="203.0.113.50")
    _, response = attempt("max", PASSWORD, address="203.0.113.50")
    assert response.status_code == 429
    client, response = attempt("rita", PASSWORD, address="203.0.113.50")
    assert response.status_code == 302 and signed_in(client)


def test_a_forged_x_forwarded_for_cannot_get_around_the_lockout(manager, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        attempt("max", "wrong", address="203.0.113.77", forwarded=f"10.9.9.{n}")
    _, response = attempt("max", PASSWORD, address="203.0.113.77", forwarded="192.0.2.1")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_proxys_entry_counts_not_the_clients(manager, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy (10.0.0.1) appends the real client address; a client may prepend anything it likes.
    for n in range(3):
        attempt("max", "wrong", address="10.0.0.1", forwarded=f"1.2.3.{n}, 203.0.113.90")
    _, blocked = attempt("max", PASSWORD, address="10.0.0.1", forwarded="8.8.8.8, 203.0.113.90")
    assert blocked.status_code == 429
    client, other = attempt("max", PASSWORD, address="10.0.0.1", forwarded="203.0.113.91")
    assert other.status_code == 302


def test_a_right_password_without_its_code_is_answered_like_a_wrong_one(manager, settings):
    settings.STAFF_2FA_REQUIRED = True
    settings.AXES_FAILURE_LIMIT = 100
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    StaticDevice.objects.create(user=manager, name="backup", confirmed=True).token_set.create(
        token="abcd2345"
    )
    cases = {
        "no code": {},
        "wrong code": {"otp_token": "000000"},
        "wrong backup code": {"otp_token": "zzzz9999"},
        "wrong code for a chosen device": {"otp_device": device.persistent_id, "otp_token": "1"},
        "device slowed down by the failures above": {"otp_token": code(device)},
    }
    for case, fields in cases.items():
        _, right_password = attempt("max", PASSWORD, **fields)
        _, wrong_password = attempt("max", "wrong", **fields)
        assert right_password.status_code == wrong_password.status_code == 200, case
        assert without_csrf_token(right_password) == without_csrf_token(wrong_password), case
        assert PASSWORD not in right_password.content.decode(), case
    assert "Please enter the correct username, password and OTP token" in wrong_password.content.decode()


def test_every_failed_two_factor_sign_in_counts_towards_the_lockout(manager, settings):
    settings.STAFF_2FA_REQUIRED = True
    settings.AXES_FAILURE_LIMIT = 3
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    attempt("max", PASSWORD)
    attempt("max", PASSWORD, otp_token="000000")
    assert failures("max") == 2
    _, response = attempt("max", PASSWORD, otp_token="000001")
    assert response.status_code == 429
    device.refresh_from_db()
    device.throttle_reset()
    _, response = attempt("max", PASSWORD, otp_token=code(device))
    assert response.status_code == 429
    client, response = attempt("max", PASSWORD, address="192.0.2.200", otp_token=code(device))
    assert response.status_code == 302 and signed_in(client)


def test_a_backup_code_signs_in_and_an_authenticator_code_does_not_wear_the_backup_codes_down(
    manager, settings
):
    settings.STAFF_2FA_REQUIRED = True
    phone = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    backup = StaticDevice.objects.create(user=manager, name="backup", confirmed=True)
    backup.token_set.create(token="abcd2345")
    client, response = attempt("max", PASSWORD, otp_token=code(phone))
    assert response.status_code == 302 and signed_in(client)
    backup.refresh_from_db()
    phone.refresh_from_db()
    assert backup.throttling_failure_count == 0
    client, response = attempt("max", PASSWORD, otp_token="abcd2345")
    assert response.status_code == 302 and signed_in(client)
    phone.refresh_from_db()
    assert phone.throttling_failure_count == 0
    assert not backup.token_set.exists()  # a backup code is used once


def test_two_factor_is_required_when_the_setting_says_so(manager, settings):
    settings.STAFF_2FA_REQUIRED = True
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    client, response = attempt("max", PASSWORD)
    assert response.status_code == 200 and not signed_in(client)  # the form asks for the code
    client, response = attempt("max", PASSWORD, otp_token="000000")
    assert not signed_in(client)
    client, response = attempt("max", PASSWORD, otp_token=code(device))
    assert not signed_in(client)  # right after a wrong code, the device is throttled
    device.refresh_from_db()
    device.throttle_reset()
    client, response = attempt("max", PASSWORD, otp_token=code(device))
    assert response.status_code == 302 and signed_in(client)
    assert failures("max") == 0  # a sign-in clears the failures before it
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
    assert failures("visitor") == 1
    _, wrong_password = attempt("visitor", "wrong")
    assert without_csrf_token(response) == without_csrf_token(wrong_password)


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

    from web.client_address import client_ip

    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9:4433"
    )
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "203.0.113.9"
    with override_settings(TRUSTED_PROXY_COUNT=0):
        assert client_ip(request) == "10.0.0.1"


def test_production_warns_when_behind_a_proxy_without_a_proxy_count(settings):
    from web.checks import proxy_addresses

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 0
    assert [w.id for w in proxy_addresses(None)] == ["web.W001"]
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.5"]  # the proxy's
    assert proxy_addresses(None) == []


def test_a_failed_sign_in_leaves_no_name_address_or_browser_in_the_log(manager, caplog):
    # A user name field sometimes holds a mistyped password; address and browser identify a person.
    caplog.set_level("DEBUG")
    Client().post(
        LOGIN,
        {"username": "canary-name-5b1", "password": "wrong"},
        REMOTE_ADDR="198.51.100.77",
        HTTP_USER_AGENT="canary-agent-5b1",
    )
    assert "AXES" in caplog.text  # the failure is logged ...
    for value in ["canary-name-5b1", "198.51.100.77", "canary-agent-5b1"]:
        assert value not in caplog.text  # ... without who, where from or with what
    assert failures("canary-name-5b1", address="198.51.100.77") == 1  # still counted against them
