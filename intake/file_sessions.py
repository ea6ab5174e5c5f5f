"""Sessions in files, rewritten in place: the engine of a single server without Redis (see settings).

Django's file engine writes every save to a new temporary file and renames it over the old one. On
ext4, a rename over an existing file makes the kernel allocate and write out the new file at once
(its auto_da_alloc safeguard), and the old one's blocks are freed: on a question page that cost
more CPU than the rest of the save. Here a session that fits in one page (4 KB, as every visitor's
does) is rewritten in place, in one write, while holding an exclusive lock on the file:

- A reader takes a shared lock, so it never sees half a write.
- The write never shrinks the file: a shorter session is padded with spaces to the old length, and
  the padding is stripped when read. A worker killed after writing leaves the new session whole; one
  killed before, the old one. Nothing in between exists, as there is no second step (no truncate).
- The kernel writes the page out later, once however many saves it saw in the meantime.

Anything larger goes through Django's rename, which is atomic at any size.
"""

import fcntl
import logging
import os
from contextlib import contextmanager

from django.contrib.sessions.backends import file
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.core.exceptions import SuspiciousOperation

logger = logging.getLogger(__name__)

# One write of at most this many bytes, at offset 0, stays within one page of the page cache.
IN_PLACE_LIMIT = 4096
PADDING = b" "


class SessionStore(file.SessionStore):
    def load(self):
        with self._lock(fcntl.LOCK_SH):
            return super().load()

    def decode(self, session_data):
        return super().decode(session_data.rstrip(PADDING.decode()))

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()
        data = self.encode(self._get_session(no_load=must_create)).encode("ascii")
        flags = os.O_WRONLY | (os.O_CREAT | os.O_EXCL if must_create else 0)
        try:
            fd = os.open(self._key_to_file(), flags, 0o600)
        except FileNotFoundError:
            raise (CreateError if must_create else UpdateError) from None  # deleted meanwhile
        except FileExistsError:
            raise CreateError from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            size = os.fstat(fd).st_size
            if max(len(data), size) > IN_PLACE_LIMIT:
                os.close(fd)
                fd = None
                return super().save(must_create=False)  # the file exists now: an update
            written = os.pwrite(fd, data.ljust(size, PADDING), 0)
            if written < max(len(data), size):  # a full disk: as Django's engine, keep the old session
                logger.warning("session not saved: short write")
        except OSError as error:
            logger.warning("session not saved (%s)", type(error).__name__)
        finally:
            if fd is not None:
                os.close(fd)

    @contextmanager
    def _lock(self, kind):
        """Hold a lock of `kind` on the session's file, if it has one (none yet is not an error: the
        load that follows finds no session)."""
        try:
            fd = os.open(self._key_to_file(), os.O_RDONLY) if self.session_key else None
        except (OSError, SuspiciousOperation):  # missing, or a malformed key: load() says so
            fd = None
        if fd is None:
            yield
            return
        try:
            fcntl.flock(fd, kind)
            yield
        finally:
            os.close(fd)
