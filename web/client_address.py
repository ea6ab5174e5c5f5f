"""Who is asking: the client address used by the staff sign-in lockout and the rate limits."""

import functools
import ipaddress

from django.conf import settings


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
    address) is among them. A mistyped entry raises ValueError (the settings refuse to load)."""
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
