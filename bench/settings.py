"""The production settings with the benchmark's reference views (bench.urls).

With BENCH_INSTRUMENTED=1, also the benchmark's own measuring: a query count and CPU times in each
response's headers (bench.queries) and the same session engine, timed (bench.timed_sessions). That
measuring costs CPU of its own, so the servers whose CPU is compared run without it.

With BENCH_SESSION_ENGINE_INSTEAD (`python -m bench.run --session-engine ENGINE`), another of Django's
session engines, to compare what each costs.
"""

import os

from config.settings.production import *  # noqa: F403
from config.settings.production import MIDDLEWARE, SESSION_ENGINE

ROOT_URLCONF = "bench.urls"
SESSION_ENGINE = os.environ.get("BENCH_SESSION_ENGINE_INSTEAD") or SESSION_ENGINE

if os.environ.get("BENCH_INSTRUMENTED") == "1":
    MIDDLEWARE = ["bench.queries.CountQueries", *MIDDLEWARE]
    BENCH_SESSION_ENGINE = SESSION_ENGINE
    SESSION_ENGINE = "bench.timed_sessions"
