"""Deployment checks (`manage.py check --deploy`) for settings that only make sense together."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def proxy_addresses(app_configs, **kwargs):
    """Behind a TLS proxy, every request comes from the proxy's address unless the app knows how many
    proxies append to X-Forwarded-For: all visitors would then share one rate limit and one lockout."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and settings.TRUSTED_PROXY_COUNT <= 0:
        return [
            checks.Warning(
                "Behind a TLS proxy (DJANGO_BEHIND_TLS_PROXY) but TRUSTED_PROXY_COUNT is 0.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For.",
                id="intake.W001",
            )
        ]
    return []
