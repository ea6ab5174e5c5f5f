"""Attack tests count every response and fail on any server error; the totals are printed at the end."""

from collections import Counter

import pytest

TALLY = Counter()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if TALLY:
        terminalreporter.write_line(
            f"hostile requests: {TALLY['requests']} sent, {TALLY['server_errors']} server errors "
            f"({TALLY['fuzz']} of them from property-based fuzzing)"
        )


class Probe:
    """Wraps the test client: every response is counted and must not be a server error."""

    def __init__(self, client, source="case"):
        self.client = client
        self.source = source

    def _count(self, response):
        TALLY["requests"] += 1
        if self.source == "fuzz":
            TALLY["fuzz"] += 1
        if response.status_code >= 500:
            TALLY["server_errors"] += 1
        assert response.status_code < 500, (response.status_code, response.content[:500])
        return response

    def get(self, *args, **kwargs):
        return self._count(self.client.get(*args, **kwargs))

    def post(self, *args, **kwargs):
        return self._count(self.client.post(*args, **kwargs))


@pytest.fixture
def probe(client):
    client.raise_request_exception = False  # a server error must show up as a 500, not an exception
    return Probe(client)
