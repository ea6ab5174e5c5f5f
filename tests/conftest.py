import pytest
from django.core.cache import cache

from tests.journeys import Visitor


@pytest.fixture
def visitor(client):
    """A visitor's browser: answers the questions through the test client."""
    return Visitor(client)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()
