import pytest

from tests.journeys import Visitor


@pytest.fixture
def visitor(client):
    """A visitor's browser: answers the questions through the test client."""
    return Visitor(client)
