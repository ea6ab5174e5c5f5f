"""A session engine for several app servers: sessions in Redis, each save copied to the database.

- A Redis restart loses nothing: a session missing from Redis is read back from the database.
- A database outage loses nothing: the copy in Redis carries on, marked as ahead of the database,
  and the next request after the outage copies it to the database again.
- Deleting (quick exit, start again, delete my answers) never fails: each copy is removed if it can be.
Only both stores failing at once fails a request. Used when REDIS_URL is set (see settings).
"""

import contextlib
import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.db import DatabaseError, IntegrityError, InterfaceError, connections, router, transaction
from django.utils.crypto import get_random_string

from intake.session_encoding import SignedUncompressed

logger = logging.getLogger(__name__)

# Set in the Redis copy while the database copy is older; the next request saves it again.
DATABASE_BEHIND = "_database_behind"
# A deleted session's key is kept in Redis this long under DELETED_PREFIX, set before its copies go:
# a request of another tab that loaded it and saves it meanwhile must not make it again (a request
# lasts at most gunicorn's timeout).
DELETED_PREFIX = "deleted:"
DELETED_SECONDS = 300


class CacheUnanswered(Exception):
    """Redis did not answer earlier in this request, so it was not asked again."""


class _AskedOnce:
    """The session cache as one request's session sees it: once Redis has failed to answer (a
    timeout, a refused connection), it is not asked again in that request. A Redis that stops
    answering then costs a request one timeout (the sessions cache's socket_timeout), not one for
    each time the session asks it; the database copy stands in meanwhile."""

    def __init__(self, cache):
        self.cache = cache
        self.failed = False

    def _ask(self, method, *args):
        if self.failed:
            raise CacheUnanswered
        try:
            return method(*args)
        except Exception:
            self.failed = True
            raise

    def get(self, key):
        return self._ask(self.cache.get, key)

    def get_many(self, keys):
        return self._ask(self.cache.get_many, keys)

    def set(self, key, value, timeout):
        return self._ask(self.cache.set, key, value, timeout)

    def delete(self, key):
        return self._ask(self.cache.delete, key)

    def __contains__(self, key):
        return self._ask(self.cache.has_key, key)


class SessionStore(SignedUncompressed, cached_db.SessionStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _AskedOnce(self._cache)

    def load(self):
        try:
            data = self._cache.get(self.cache_key)
            cache_answered = True
        except Exception:  # noqa: BLE001 - Redis unavailable: read the database copy instead
            data, cache_answered = None, False
        if data is not None:
            if data.get(DATABASE_BEHIND):
                self.modified = True  # copy it to the database at the end of this request
            return data
        # Not in Redis (restarted), or Redis is down: the database copy. If the database is down too,
        # fail rather than start an empty session that would later overwrite the visitor's answers.
        session = self._get_session_from_db()
        if not session:
            return {}
        data = self.decode(session.session_data)
        if cache_answered:  # a clean miss (Redis restarted): put the copy back
            self._cache_set(data, self.get_expiry_age(expiry=session.expire_date))
        return data

    def _get_new_session_key(self):
        """A new random key, without first asking Redis and the database whether it is taken (32
        characters from 36: it never is); the database copy's INSERT refuses a taken key anyway."""
        return get_random_string(32, VALID_KEY_CHARS)

    def exists(self, session_key):
        try:
            if session_key and (self.cache_key_prefix + session_key) in self._cache:
                return True
        except Exception:  # noqa: BLE001 - Redis unavailable
            logger.warning("session cache unavailable")
        try:
            return DatabaseStore.exists(self, session_key)
        except DatabaseError:
            return False  # a new random key; its first save decides

    def _in_cache_and_not_deleted(self) -> bool:
        """In one round trip to Redis; False when Redis cannot say (nothing is made again unsure)."""
        deleted = DELETED_PREFIX + self.cache_key
        try:
            found = self._cache.get_many([self.cache_key, deleted])
        except Exception:  # noqa: BLE001 - Redis unavailable
            return False
        return self.cache_key in found and deleted not in found

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()  # a new key, saved through here again with must_create
        self._get_session(no_load=must_create).pop(DATABASE_BEHIND, None)
        database_saved = True
        try:
            self._save_database_copy(must_create)
        except UpdateError:
            # No row to update. If the session was deleted (quick exit, start again or delete in
            # another tab, perhaps while this request ran), stop, as Django does: the answers must
            # not come back. If Redis still has it and it was not deleted, its row was never made
            # (it began during an outage) or was lost (a database failover): insert one again.
            if not self._in_cache_and_not_deleted():
                raise
            try:
                self._save_database_copy(must_create=True)
            except (CreateError, DatabaseError):
                database_saved = False
        except DatabaseError:
            database_saved = False
        if not database_saved:
            logger.warning("session saved to the cache only: database unavailable")
            self._session[DATABASE_BEHIND] = True
        cached = self._cache_set(self._session, self.get_expiry_age())
        if not database_saved:
            self._session.pop(DATABASE_BEHIND, None)
            if not cached:
                raise DatabaseError("neither the session cache nor the database is available")

    def _save_database_copy(self, must_create):
        """What Django's database store's save() does, in one statement: no model save and no
        transaction block of its own (one round trip to the database instead of three, on every
        answer). Raises CreateError or UpdateError as that save() does."""
        alias = router.db_for_write(self.model)
        connection = connections[alias]
        # The table is the model's own (quoted); every value is a query parameter.
        table = connection.ops.quote_name(self.model._meta.db_table)
        data = self.encode(self._get_session(no_load=must_create))
        expires = connection.ops.adapt_datetimefield_value(self.get_expiry_date())
        if must_create:
            statement = f"INSERT INTO {table} (session_key, session_data, expire_date) VALUES (%s, %s, %s)"  # noqa: S608
            params = [self._session_key, data, expires]
        else:
            statement = f"UPDATE {table} SET session_data = %s, expire_date = %s WHERE session_key = %s"  # noqa: S608
            params = [data, expires, self._session_key]
        try:
            # An INSERT is not run twice: its first run may have been stored with only the reply lost.
            updated = _write(connection, alias, statement, params, run_again=not must_create)
        except IntegrityError:
            if must_create:
                raise CreateError from None
            raise
        if not must_create and updated == 0:
            raise UpdateError

    def delete(self, session_key=None):
        session_key = session_key or self.session_key
        if session_key is None:
            return
        try:  # first: a save racing this deletion then knows not to make the session again
            self._cache.set(DELETED_PREFIX + self.cache_key_prefix + session_key, True, DELETED_SECONDS)
        except Exception:  # noqa: BLE001 - Redis unavailable; its copy cannot be found either
            logger.warning("session: deletion not marked (cache unavailable)")
        try:
            DatabaseStore.delete(self, session_key)
        except DatabaseError:
            logger.warning("session: database copy not deleted (database unavailable)")
        try:
            self._cache.delete(self.cache_key_prefix + session_key)
        except Exception:  # noqa: BLE001 - Redis unavailable; the copy expires on its own
            logger.warning("session: cached copy not deleted (cache unavailable)")

    def _cache_set(self, data, expiry) -> bool:
        try:
            self._cache.set(self.cache_key, data, expiry)
        except Exception:  # noqa: BLE001 - Redis unavailable: the database copy stands
            logger.warning("session cache unavailable; kept in the database only")
            return False
        return True


def _write(connection, alias, statement, params, *, run_again) -> int:
    """Runs the database copy's one statement and returns how many rows it changed.

    On the first query of a request Django checks a reused connection with a query of its own
    (CONN_HEALTH_CHECKS): on most answers the copy is that first query, so the check was a second
    round trip to the database on each of them. With `run_again` (a statement that may run twice), the
    write itself is the check: on a connection that was lost (the database restarted, say) it fails
    at once, and runs again on a new connection. Any other failure (a lock, a timeout) is not tried
    again: it is the caller's, as it would have been.
    """
    if run_again and not connection.in_atomic_block and connection.connection is not None:
        connection.health_check_done = True  # the write below does the checking
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement, params)
                return cursor.rowcount
        except (DatabaseError, InterfaceError):
            if connection.is_usable():
                raise
            connection.close()  # lost: the statement below connects again
    # Inside a transaction (a test's, say) a failed statement must not spoil the rest of it.
    scope = transaction.atomic(using=alias) if connection.in_atomic_block else contextlib.nullcontext()
    with scope, connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount
