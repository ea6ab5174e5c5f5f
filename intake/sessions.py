"""A session engine for several app servers: sessions in Redis, each save copied to the database.

- A Redis restart loses nothing: a session missing from Redis is read back from the database.
- A database outage loses nothing: the copy in Redis carries on, and the visitor can finish once
  the database is back (the questions' outage page says so).
Only both failing at once fails a request. Used when REDIS_URL is set (see settings).
"""

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.db import DatabaseError

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except Exception:  # noqa: BLE001 - Redis unavailable: read the database copy instead
            data = None
        if data is not None:
            return data
        # Not in Redis (restarted, or down): the database copy. If the database is down too, fail
        # rather than start an empty session that would later overwrite the visitor's answers.
        session = self._get_session_from_db()
        if not session:
            return {}
        data = self.decode(session.session_data)
        self._cache_set(data, self.get_expiry_age(expiry=session.expire_date))
        return data

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

    def save(self, must_create=False):
        database_saved = True
        try:
            DatabaseStore.save(self, must_create)
        except UpdateError:
            # No database copy to update: it was made while the database was down, or the database
            # is down now. Insert one if we can.
            try:
                DatabaseStore.save(self, must_create=True)
            except (CreateError, DatabaseError):
                database_saved = False
        except DatabaseError:
            database_saved = False
        if not database_saved:
            logger.warning("session saved to the cache only: database unavailable")
        if self._session_key is None:
            self._session_key = self._get_new_session_key()
        if not self._cache_set(self._session, self.get_expiry_age()) and not database_saved:
            raise DatabaseError("neither the session cache nor the database is available")

    def _cache_set(self, data, expiry) -> bool:
        try:
            self._cache.set(self.cache_key, data, expiry)
        except Exception:  # noqa: BLE001 - Redis unavailable: the database copy stands
            logger.warning("session cache unavailable; kept in the database only")
            return False
        return True
