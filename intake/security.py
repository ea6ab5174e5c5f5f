"""Who is asking: the client address used by login lockout and rate limits, and the staff idle timeout."""

from django.conf import settings


def client_ip(request) -> str:
    """The client's address, which a client cannot forge.

    Without a proxy (TRUSTED_PROXY_COUNT = 0) it is the connection's address and X-Forwarded-For is
    ignored. Behind N trusted proxies, each appends the address it saw to X-Forwarded-For, so the
    client's address is the N-th entry from the right; anything further left was written by the client.
    """
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - a placeholder, not a bind address
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    return hops[-proxies] if len(hops) >= proxies else remote


class StaffIdleTimeoutMiddleware:
    """Signed-in staff are signed out after STAFF_IDLE_TIMEOUT seconds without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            request.session.set_expiry(settings.STAFF_IDLE_TIMEOUT)
        return self.get_response(request)
