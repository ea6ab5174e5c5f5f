"""A client that reaches gunicorn without going through the proxy, sending an X-Forwarded-For of
its choosing: the per-address limits count the address it connects from."""

from tests.http import Session, walk
from tests.journeys import journey
from tests.servers import AppServer, prepare, production_env


class ForgingSession(Session):
    """A browser that claims another address in X-Forwarded-For on every request."""

    def __init__(self, base_url, forwarded):
        super().__init__(base_url)
        self.forwarded = forwarded

    def request(self, method, path, data=None, headers=None, base=None):
        headers = {"X-Forwarded-For": self.forwarded, **(headers or {})}
        return super().request(method, path, data=data, headers=headers, base=base)


def test_a_forged_x_forwarded_for_from_outside_the_proxys_addresses_is_ignored(tmp_path):
    # The proxy is elsewhere (192.0.2.10); this test connects from 127.0.0.1, as a client that can
    # reach the app port would.
    env = production_env(
        tmp_path, TRUSTED_PROXY_COUNT=1, TRUSTED_PROXY_ADDRESSES="192.0.2.10", RATELIMIT_FINISH="2/h"
    )
    prepare(env)
    with AppServer(env) as server:
        outcomes = [walk(ForgingSession(server.url, f"198.51.100.{n}"), journey()).status for n in range(3)]
    print(f"journeys finished past the limit of 2 with a new X-Forwarded-For each: {outcomes[2:].count(302)}")
    assert outcomes == [302, 302, 429]
