"""Settings shared by every environment. Values come from the environment (see .env.example).

Nothing here is unsafe to run in production: debug is off, there is no default secret key
and no wildcard host. local.py and test.py add the conveniences of their own environments.
"""

import ipaddress
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if env.bool("DJANGO_READ_DOT_ENV_FILE", default=False):
    env.read_env(str(BASE_DIR / ".env"))

DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "formtools",
    "phonenumber_field",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "intake",
    "web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "web.request_bodies.BoundedRequestBodyMiddleware",  # before anything reads a body
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "web.middleware.StaffIdleTimeoutMiddleware",
    "web.middleware.SessionKeepAliveMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out accounts and addresses
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.context_processors.firm",
                "intake.context_processors.start_again",
            ],
        },
    },
]

# Redis (REDIS_URL) is the shared cache for rate limits across app servers (django-redis). Without
# it each process counts on its own, which is fine on one machine. When Redis does not answer, a
# count reads as absent and the request goes through (IGNORE_EXCEPTIONS, with RATELIMIT_FAIL_OPEN),
# after a tenth of a second per ask (Redis on the same network answers in a millisecond): the
# consultation form, which asks six times, then waits 0.6 s at most on a Redis that hangs.
REDIS_URL = env("REDIS_URL", default="")
REDIS_CACHE = {  # all but its LOCATION (the tests use it with their own Redis)
    "BACKEND": "django_redis.cache.RedisCache",
    "KEY_PREFIX": "cache",
    "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.1, "SOCKET_TIMEOUT": 0.1, "IGNORE_EXCEPTIONS": True},
}
if REDIS_URL:
    CACHES = {"default": {**REDIS_CACHE, "LOCATION": REDIS_URL}}
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # a warning in the log, without the request's details
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003"]  # a per-process cache: see above
# The unchanging parts of every page ({% cache %} in base.html), kept in each process's memory.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
}
# Rendered visitor pages (web.page_memory), in each process's memory: about 5 to 20 KB each.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
# What a remembered page's look depends on beyond its own facts: the context processors whose
# output differs between visitors (the footer's "Start again"). Each is part of the page's key.
PAGE_MEMORY_KEY_CONTEXT = ["intake.context_processors.start_again"]

# Widgets may use the project's templates (the date input does).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite by default; DATABASE_URL (e.g. postgres://user@host:5432/name) switches to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections, checked before reuse (a restarted database is reconnected, not an error).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so concurrent writers wait instead of failing.
    # Write-ahead logging: readers never wait for a writer, and a commit appends to the log instead
    # of rewriting a journal. synchronous=FULL syncs the log on every commit, so a stored intake
    # survives a power cut too.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL logs the text of every statement that fails. Values go as parameters ($1, $2, ...),
    # never in that text (psycopg's server-side binding; Django's default puts them in the text), and
    # a failing statement's parameters are not logged (log_parameter_max_length_on_error = 0 for
    # this app's sessions, whatever the server's default): no visitor's details in the server's log.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["server_side_binding"] = True
    # A server that does not answer fails the connection in 3 s (the 503 page), not at gunicorn's 30.
    _options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=3))
    _options["options"] = " ".join(
        filter(None, [_options.get("options"), "-c log_parameter_max_length_on_error=0"])
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The visitor's pages in English and Spanish; the browser's preference decides until they choose.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Sessions hold a visitor's answers while they answer, and end when the browser closes or after
# SESSION_COOKIE_AGE of inactivity. They are rows in the database (Django's own engine), the one
# copy every app server reads: a Redis restart or flush cannot lose or roll back an answer, and
# deleting the row (quick exit) ends the session in every tab.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=60 * 60)
SESSION_SAVE_EVERY_REQUEST = False  # saved when changed; SessionKeepAliveMiddleware restarts the idle clock
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Every cookie ends when the browser closes (Django keeps its CSRF cookie for a year): on a shared
# device, a cookie from this site left for months would tell someone else about the visit.
CSRF_COOKIE_AGE = None
X_FRAME_OPTIONS = "DENY"

LOGIN_URL = "admin:login"

# --- Security ---------------------------------------------------------------------------------
# Headers for every response (production.py adds HSTS and secure cookies). Pages have no inline
# script or style, so the policy needs neither 'unsafe-inline' nor 'unsafe-eval'.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
        "browsing-topics", "interest-cohort",
    ]
}  # fmt: skip
SECURE_CONTENT_TYPE_NOSNIFF = True
# No Referer leaves any page. (HTML pages relax this to same-origin with a <meta> tag: with
# no-referrer, browsers send "Origin: null" on form posts, which Django's CSRF check refuses.)
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Client addresses: how many proxies in front of the app append to X-Forwarded-For (0 = none;
# the header is then ignored, so a forged one changes nothing). See web.client_address.client_ip.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# The header is read only on connections from these addresses or networks (the proxy's; "*" for
# any, where nothing but the proxy can reach the app port). From anywhere else, a client that
# reaches the app port itself is counted by the address it connects from. By default: loopback and
# the private networks, where a proxy in front of the image usually is. Narrow it to the proxy's.
PRIVATE_NETWORKS = ["127.0.0.0/8", "::1", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"]
TRUSTED_PROXY_ADDRESSES = env.list("TRUSTED_PROXY_ADDRESSES", default=PRIVATE_NETWORKS)
for _entry in TRUSTED_PROXY_ADDRESSES:  # a mistyped address stops the server here, not on a request
    try:
        if _entry != "*":
            ipaddress.ip_network(_entry, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXY_ADDRESSES: {error}") from None

# Admin login: after repeated failures, lock an account at the address they came from (the pair), so
# that failures elsewhere cannot keep its owner out. Every refused sign-in counts (intake.admin.sign_in).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "web.client_address.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Masked in django-axes' log lines and stored form data: who tried, from where and with what browser
# stays in its AccessAttempt records (the desk's security pages), not in the application log.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "user_agent", "password", "otp_token"]

# Two-factor authentication (TOTP) for staff: when required, the admin asks for a code at sign-in.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=False)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Intake desk")
# Staff are signed out after this many seconds without a request.
STAFF_IDLE_TIMEOUT = env.int("STAFF_IDLE_TIMEOUT", default=30 * 60)

# Rate limits on the public forms, per client address, shared through the cache (Redis when
# configured). Raise them for load tests.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True  # if the cache is unreachable, serve the visitor rather than refuse them
RATELIMIT_IP_META_KEY = "web.client_address.client_ip"
RATELIMIT_FINISH = env("RATELIMIT_FINISH", default="30/h")
RATELIMIT_CONSULTATION = env("RATELIMIT_CONSULTATION", default="10/h")  # requests sent
RATELIMIT_CONSULTATION_ATTEMPTS = env("RATELIMIT_CONSULTATION_ATTEMPTS", default="60/h")  # mistakes too

# Bounded request bodies: the largest legitimate form is well under these. A body larger than
# DATA_UPLOAD_MAX_MEMORY_SIZE, whatever its type, is refused from its Content-Length before it is
# read (web.request_bodies); the TLS proxy in front refuses it too (README, "Deploying").
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400
# Nothing on the site takes files: a multipart form with a file in it is refused (400) when its file
# part begins, before its content is read, and no file is ever kept, in memory or on disk.
DATA_UPLOAD_MAX_NUMBER_FILES = 0
FILE_UPLOAD_HANDLERS = []
CSRF_FAILURE_VIEW = "web.errors.csrf_failure"

# The firm, as shown to visitors. Production requires the real values (see production.py).
FIRM_NAME = env("FIRM_NAME", default="The Nieves Law Firm")
FIRM_PHONE = env("FIRM_PHONE", default="(555) 555-0100")
FIRM_HOURS = env("FIRM_HOURS", default="Monday to Friday, 8 a.m. to 6 p.m. Pacific time")
FIRM_HOURS_ES = env("FIRM_HOURS_ES", default="de lunes a viernes, de 8 a. m. a 6 p. m., hora del Pacífico")
FIRM_ADDRESS = env("FIRM_ADDRESS", default="")
# What the visitor's phone shows when the firm calls back, and how soon to expect the call.
# What the visitor's phone shows when the firm calls (empty: no caller ID, a private number),
# and within how many business days the firm calls back.
FIRM_CALLER_ID = env("FIRM_CALLER_ID", default="")
FIRM_TEXT_FROM = env("FIRM_TEXT_FROM", default="")  # the number the firm texts from, if it is fixed
FIRM_CALLBACK_DAYS = env.int("FIRM_CALLBACK_DAYS", default=1)
# Where quick exit sends the visitor after their session is cleared.
QUICK_EXIT_URL = env("QUICK_EXIT_URL", default="https://www.google.com/search?q=weather")

# The staff desk.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")  # for links in notification emails
INTAKE_NOTIFY_EMAILS = env.list("INTAKE_NOTIFY_EMAILS", default=["intake@example.com"])
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="intake-desk@example.com")
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=10)  # how long a stalled mail server holds the sender
URGENT_REMINDER_MINUTES = env.int("URGENT_REMINDER_MINUTES", default=60)
# The firm's hours of FIRM_HOURS as numbers: the hour it opens and the hour it closes, Monday to
# Friday, Pacific time (24-hour clock). The intake page says when a visitor's safe time is outside them.
FIRM_OPEN_HOURS = tuple(env.list("FIRM_OPEN_HOURS", cast=int, default=[8, 18]))
CONSULT_MINUTES = env.int("CONSULT_MINUTES", default=60)  # a consultation's length, in calendar files
DUPLICATE_WINDOW_DAYS = env.int("DUPLICATE_WINDOW_DAYS", default=3)
# Retention: intakes without a consultation request become anonymous counts after this many hours;
# consultation intakes are deleted after this many days, keeping a minimal conflict record.
ANONYMOUS_INTAKE_HOURS = env.int("ANONYMOUS_INTAKE_HOURS", default=24)
RETENTION_DAYS = env.int("RETENTION_DAYS", default=365)

DEFAULT_EXCEPTION_REPORTER_FILTER = "web.logging.NoPostDataReporterFilter"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "web.logging.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Lockouts and repeated failures are warnings; routine successes are not worth a line each.
        "axes": {"level": "WARNING"},
    },
}

# Messages ("Please answer this question first.") are fixed sentences with nothing personal in them,
# carried to the next page in a signed cookie that ends with the browser: Django keeps it under
# 2 KB, dropping the oldest (so a client that never follows the redirects cannot grow anything),
# and it is read without the database (an outage page still renders).
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
