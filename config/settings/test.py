"""Settings for the test suite (pytest-django uses these; see pyproject.toml)."""

import os
import tempfile

from config.settings.base import *  # noqa: F403
from config.settings.base import env

SECRET_KEY = "test-only-not-secret-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared memory: concurrent tests then see SQLite's real locking, as production would.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"intake-test-{os.getpid()}.sqlite3")
    }  # noqa: F405
QUICK_EXIT_URL = env("QUICK_EXIT_URL", default="http://127.0.0.1:9/neutral")
# Tests do not need compressed, hashed static files.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come from the finders; nothing is collected for tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
