"""The production settings, plus the reference views and a per-request query count header."""

from config.settings.production import *  # noqa: F403
from config.settings.production import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.queries.CountQueries", *MIDDLEWARE]

# The same session engine, timed (bench.timed_sessions).
BENCH_SESSION_ENGINE = SESSION_ENGINE  # noqa: F405
SESSION_ENGINE = "bench.timed_sessions"
