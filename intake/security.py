"""Who is asking (the client address used by login lockout and rate limits), and session and staff
timeouts. The Content-Security-Policy header is django-csp's middleware, configured in settings."""

import datetime
import functools
import ipaddress
import time

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone


def client_ip(request) -> str:
    """The client's address, which a client cannot forge.

    Without a proxy (TRUSTED_PROXY_COUNT = 0) it is the connection's address and X-Forwarded-For is
    ignored. Behind N trusted proxies, each appends the address it saw to X-Forwarded-For, so the
    client's address is the N-th entry from the right; anything further left was written by the client.
    The header is read only on a connection from one of TRUSTED_PROXY_ADDRESSES (the proxy's): a client
    that reaches the app port itself is counted by the address it connects from, whatever it sends.
    """
    remote = request.META.get("REMOTE_ADDR") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0 or not from_trusted_proxy(remote):
        return remote or UNKNOWN
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote or UNKNOWN
    return _address(hops[-proxies]) or remote or UNKNOWN


UNKNOWN = "0.0.0.0"  # noqa: S104 - a placeholder for a connection without an address, not a bind address


def from_trusted_proxy(remote: str) -> bool:
    """Whether a connection from this address (REMOTE_ADDR) is the proxy's. A connection without an
    address came over a Unix socket, which only this machine can reach: gunicorn trusts those too."""
    if not remote:
        return True
    networks, anywhere = proxy_networks(tuple(settings.TRUSTED_PROXY_ADDRESSES))
    if anywhere:
        return True
    try:
        address = ipaddress.ip_address(remote)
    except ValueError:
        return False
    if getattr(address, "ipv4_mapped", None):  # ::ffff:10.0.0.1 from a dual-stack socket is 10.0.0.1
        address = address.ipv4_mapped
    return any(address in network for network in networks)


@functools.lru_cache(maxsize=8)
def proxy_networks(entries: tuple[str, ...]) -> tuple[tuple, bool]:
    """TRUSTED_PROXY_ADDRESSES as networks ("10.0.0.5" is 10.0.0.5/32), and whether "*" (any
    address) is among them. A mistyped entry raises ValueError; the system check reports it."""
    networks = tuple(ipaddress.ip_network(entry, strict=False) for entry in entries if entry != "*")
    return networks, "*" in entries


def _address(hop: str) -> str | None:
    """An IP address from an X-Forwarded-For entry ("1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443")."""
    candidate = hop
    if hop.startswith("["):
        candidate = hop[1:].split("]", 1)[0]
    elif hop.count(":") == 1:
        candidate = hop.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


class SessionKeepAliveMiddleware:
    """Keeps a visitor's session alive while they keep reading, without a write on every request.

    Sessions are saved only when they change (SESSION_SAVE_EVERY_REQUEST is off); a visitor who is
    only reading has their session's idle clock restarted at most every KEEPALIVE_SECONDS.
    """

    KEEPALIVE_SECONDS = 300
    KEY = "_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only a session already stored, or about to be (new content), has an idle clock: set with the
        # content, it costs no write of its own on the next page. A session just cleared (quick exit,
        # start again) is empty and stays so.
        stored = session is not None and (
            session.session_key or (session.modified and not session.is_empty())
        )
        if stored and session.accessed:
            now = int(time.time())
            try:
                if now - session.get(self.KEY, 0) >= self.KEEPALIVE_SECONDS:
                    session[self.KEY] = now
            except DatabaseError:  # not loaded (the database is down): the page already says so
                pass
        return response


class StaffIdleTimeoutMiddleware:
    """Signed-in staff are signed out after STAFF_IDLE_TIMEOUT seconds without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    STAFF_PATHS = ("/admin/", "/staff/")

    def __call__(self, request):
        # Only staff pages: looking up the user on every visitor request would cost a session read.
        if request.path.startswith(self.STAFF_PATHS):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and user.is_staff:
                # A date, not a number of seconds: the server then ends the session too, not just the cookie.
                request.session.set_expiry(
                    timezone.now() + datetime.timedelta(seconds=settings.STAFF_IDLE_TIMEOUT)
                )
        return self.get_response(request)
