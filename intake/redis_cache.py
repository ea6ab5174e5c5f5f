"""Django's Redis cache backend, keeping one redis-py client per connection pool, with an atomic incr.

Django's backend builds a new redis.Redis object for every cache operation, which took about as
long as the operation itself; sessions and rate limits use the cache on most requests. The
connection pools (and so the connections) are Django's, as before; a redis-py client is safe to
share between threads.

Django's incr() asks Redis whether the key exists, then increments it: two round trips, and a key
that expires in between is made again by the increment, with no expiry at all (a rate-limit count
that would never reset). Here one script does both, in one step.

Rate limits count in a cache of their own kind (FailOpenRedisCache): with Redis unreachable, a count
reads as absent and the request goes through, as RATELIMIT_FAIL_OPEN intends (django-ratelimit
itself only catches a failed address lookup, so a refused connection became a server error).
"""

import logging
import time

from django.core.cache.backends import redis as django_redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# INCRBY, only if the key exists (nil otherwise), as one atomic step on the server.
INCREMENT_IF_PRESENT = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._increments = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        increment = self._increments.get(client)
        if increment is None:  # sent by its digest (EVALSHA), loaded into Redis the first time
            increment = self._increments[client] = client.register_script(INCREMENT_IF_PRESENT)
        value = increment(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")  # as Django's client says it
        return value


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient


class FailOpenRedisCache(RedisCache):
    """The cache for rate-limit counts: when Redis cannot answer, add() did not add, get() finds
    nothing and incr() finds no key (django-ratelimit then lets the request through).

    Once Redis has failed to answer, this process does not ask it again for PAUSE seconds: a Redis
    that hangs then costs one timeout (socket_timeout) every PAUSE seconds, not one per count asked
    on every request. Counts are not kept meanwhile, which the limits' failing open allows anyway."""

    PAUSE = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._asking_again_at = 0.0

    def _paused(self) -> bool:
        return time.monotonic() < self._asking_again_at

    def _failed(self):
        if not self._paused():
            logger.warning("rate-limit cache unavailable; requests are let through")
        self._asking_again_at = time.monotonic() + self.PAUSE

    def add(self, *args, **kwargs):
        if self._paused():
            return False
        try:
            return super().add(*args, **kwargs)
        except (RedisError, OSError):
            self._failed()
            return False

    def get(self, key, default=None, version=None):
        if self._paused():
            return default
        try:
            return super().get(key, default, version)
        except (RedisError, OSError):
            self._failed()
            return default

    def incr(self, key, delta=1, version=None):
        if self._paused():
            raise ValueError("rate-limit cache unavailable")
        try:
            return super().incr(key, delta, version)
        except (RedisError, OSError):
            self._failed()
            raise ValueError("rate-limit cache unavailable") from None
