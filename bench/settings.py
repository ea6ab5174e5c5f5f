"""The production settings, plus the reference views and a per-request query count header."""

from config.settings.production import *  # noqa: F403
from config.settings.production import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.queries.CountQueries", *MIDDLEWARE]
