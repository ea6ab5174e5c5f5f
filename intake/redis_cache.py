"""Django's Redis cache backend, keeping one redis-py client per connection pool.

Django's backend builds a new redis.Redis object for every cache operation, which took about as
long as the operation itself; sessions and rate limits use the cache on most requests. The
connection pools (and so the connections) are Django's, as before; a redis-py client is safe to
share between threads.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
