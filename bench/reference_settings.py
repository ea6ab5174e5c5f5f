"""Django's defaults, as `startproject` writes them, for the reference wizard "on default settings"."""

import environ

env = environ.Env()
SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("BENCH_REFERENCE_DEBUG", default=True)  # as startproject writes it
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "formtools",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "bench.reference_urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {"default": env.db("DATABASE_URL")}
STATIC_URL = "static/"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# With BENCH_INSTRUMENTED=1, the benchmark's own measuring, as in bench.settings: a query count and CPU
# times in response headers, and Django's default session engine (the database), timed.
if env.bool("BENCH_INSTRUMENTED", default=False):
    MIDDLEWARE = ["bench.queries.CountQueries", *MIDDLEWARE]
    BENCH_SESSION_ENGINE = "django.contrib.sessions.backends.db"
    SESSION_ENGINE = "bench.timed_sessions"
