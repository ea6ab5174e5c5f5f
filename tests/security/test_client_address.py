"""Whose address the per-address limits count: X-Forwarded-For is read only on connections from the
proxy's addresses (TRUSTED_PROXY_ADDRESSES); a client that reaches the app port itself is counted
by the address it connects from, whatever the header says (web.client_address.client_ip)."""

import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory

from tests.conftest import PASSWORD
from tests.journeys import Visitor, journey, step_url
from web.client_address import client_ip

pytestmark = pytest.mark.django_db

DIRECT = "203.0.113.5"  # a client on the internet that reaches the app port without the proxy


def finish_from(address, forwarded):
    client = Client(REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forwarded)
    Visitor(client).walk(journey(), finish=False)
    return client.post(step_url("check"), {}).status_code


def test_a_client_reaching_the_app_directly_cannot_rotate_its_address_past_the_rate_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.RATELIMIT_FINISH = "2/h"
    outcomes = [finish_from(DIRECT, f"198.51.100.{n}") for n in range(5)]
    past_the_limit = outcomes[2:].count(302)
    print(f"finished past the per-address limit with a new X-Forwarded-For each time: {past_the_limit} of 3")
    assert outcomes == [302, 302, 429, 429, 429]


def test_behind_the_proxy_each_visitor_keeps_a_limit_of_their_own(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.RATELIMIT_FINISH = "1/h"
    proxy = "10.1.2.3"  # a private address: trusted by default
    assert [finish_from(proxy, f"198.51.100.{n}") for n in range(3)] == [302, 302, 302]
    assert finish_from(proxy, "198.51.100.1") == 429


def test_sign_in_failures_are_recorded_against_the_address_that_connected(manager, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(3):
        Client(REMOTE_ADDR=DIRECT, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").post(
            "/admin/login/?next=/admin/", {"username": "max", "password": "wrong"}
        )
    recorded = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    print(f"addresses recorded for 3 failures from {DIRECT}: {sorted(recorded)}")
    assert recorded == {DIRECT}


def test_a_client_reaching_the_app_directly_cannot_rotate_its_address_past_the_sign_in_lockout(
    manager, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3

    def sign_in(password, n):
        client = Client(REMOTE_ADDR=DIRECT, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        return client.post(
            "/admin/login/?next=/admin/", {"username": "max", "password": password}
        ).status_code

    for n in range(3):
        sign_in("wrong", n)
    assert sign_in(PASSWORD, 3) == 429


def address(remote, forwarded="6.6.6.6, 203.0.113.9"):
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded))


def test_by_default_loopback_and_private_networks_are_the_proxys(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for proxy in ("127.0.0.1", "::1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "fd00::1", "::ffff:10.0.0.1"):
        assert address(proxy) == "203.0.113.9", proxy
    for direct in ("203.0.113.5", "2001:db8::5", "::ffff:203.0.113.5", "100.64.0.1", "169.254.1.1"):
        assert address(direct) == direct, direct


def test_the_proxys_addresses_can_be_narrowed_to_the_proxy_itself(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["192.0.2.10", "2001:db8:1::/64"]
    assert address("192.0.2.10") == "203.0.113.9"
    assert address("2001:db8:1::7") == "203.0.113.9"
    assert address("10.0.0.1") == "10.0.0.1"  # no longer trusted
    settings.TRUSTED_PROXY_ADDRESSES = []
    assert address("127.0.0.1") == "127.0.0.1"
    settings.TRUSTED_PROXY_ADDRESSES = ["*"]  # any connection: only where nothing but the proxy can connect
    assert address("203.0.113.5") == "203.0.113.9"


def test_a_connection_over_a_unix_socket_is_the_proxys(settings):
    """gunicorn gives no address for a Unix socket, which only this machine can reach."""
    settings.TRUSTED_PROXY_COUNT = 1
    assert address("") == "203.0.113.9"


def test_without_a_proxy_count_the_header_is_never_read(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert address("127.0.0.1") == "127.0.0.1"


def test_a_mistyped_proxy_address_stops_the_server_from_starting():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    env["TRUSTED_PROXY_ADDRESSES"] = "10.0.0.0/8,10.0.0.300"
    started = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True
    )
    assert started.returncode != 0
    assert "ImproperlyConfigured: TRUSTED_PROXY_ADDRESSES: '10.0.0.300'" in started.stderr


def test_a_proxy_count_without_proxy_addresses_is_reported(settings):
    from web.checks import proxy_addresses

    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = []
    assert [w.id for w in proxy_addresses(None)] == ["web.W002"]
    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.5"]
    assert proxy_addresses(None) == []


def test_proxy_addresses_left_at_every_private_network_are_reported(settings):
    from web.checks import proxy_addresses

    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = list(settings.PRIVATE_NETWORKS)
    assert [w.id for w in proxy_addresses(None)] == ["web.W003"]
    settings.TRUSTED_PROXY_COUNT = 0  # no proxy: the header is not read at all
    assert proxy_addresses(None) == []
