"""Deployment checks (`manage.py check --deploy`) for settings that only make sense together."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def proxy_addresses(app_configs, **kwargs):
    """Behind a TLS proxy, every request comes from the proxy's address unless the app knows how many
    proxies append to X-Forwarded-For, and from which addresses the proxy connects: all visitors would
    then share one rate limit and one lockout."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and settings.TRUSTED_PROXY_COUNT <= 0:
        return [
            checks.Warning(
                "Behind a TLS proxy (DJANGO_BEHIND_TLS_PROXY) but TRUSTED_PROXY_COUNT is 0.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For.",
                id="web.W001",
            )
        ]
    if settings.TRUSTED_PROXY_COUNT > 0 and not settings.TRUSTED_PROXY_ADDRESSES:
        return [
            checks.Warning(
                "TRUSTED_PROXY_COUNT is set but TRUSTED_PROXY_ADDRESSES is empty: X-Forwarded-For is unread.",
                hint="Set TRUSTED_PROXY_ADDRESSES to the proxy's address or network.",
                id="web.W002",
            )
        ]
    if (
        settings.TRUSTED_PROXY_COUNT > 0
        and list(settings.TRUSTED_PROXY_ADDRESSES) == settings.PRIVATE_NETWORKS
    ):
        return [
            checks.Warning(
                "TRUSTED_PROXY_ADDRESSES is left at every private network: any host there can set "
                "X-Forwarded-For and pass for another address.",
                hint="Set TRUSTED_PROXY_ADDRESSES to the proxy's address or subnet.",
                id="web.W003",
            )
        ]
    return []
