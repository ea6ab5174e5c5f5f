"""Sessions in files, rewritten in place: the engine of a single server without Redis (see settings).

Django's file engine writes every save to a new temporary file and renames it over the old one. On
ext4, a rename over an existing file makes the kernel allocate and write out the new file at once
(its auto_da_alloc safeguard), and the old one's blocks are freed: on a question page that cost
more CPU than the rest of the save. Here a session that fits in one page (4 KB, as every visitor's
does) is rewritten in place, in one write, while holding an exclusive lock on the file:

- A reader takes a shared lock, so it never sees half a write.
- The write never shrinks the file: a shorter session is padded with spaces to the old length, and
  the padding is stripped when read. A worker killed around the write leaves the old session or the
  new one, whole: a write of one page is all or nothing, and there is no second step (no truncate).
- The kernel writes the page out later, once however many saves it saw in the meantime. The price:
  after a power cut (not a crashed worker) a file caught mid-flush may be torn, and that visitor
  starts again. Django's rename does not promise more without an fsync either, which it never does.

Anything larger goes through Django's rename, which is atomic at any size. Every writer holds the
exclusive lock on the file it replaces or rewrites, and a lock is only trusted once the path still
names the file locked (it may have been replaced or deleted while waiting): a reader then reads the
file it locked, through the descriptor it locked, and a save of a session deleted meanwhile (quick
exit in another tab) fails as in Django, with UpdateError.
"""

import datetime
import fcntl
import logging
import os

from django.conf import settings
from django.contrib.sessions.backends import file
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.core.exceptions import SuspiciousOperation

from intake.session_encoding import SignedUncompressed

logger = logging.getLogger(__name__)

# One write of at most this many bytes, at offset 0, stays within one page of the page cache.
IN_PLACE_LIMIT = 4096
PADDING = b" "


class SessionStore(SignedUncompressed, file.SessionStore):
    def load(self):
        """Django's file engine's load(), reading the file through the descriptor it locked."""
        if not self.session_key:
            return {}  # nothing stored yet (Django's would make up a key only to find no file)
        try:
            fd, status = self._open_locked(os.O_RDONLY, fcntl.LOCK_SH)
        except (FileNotFoundError, SuspiciousOperation):  # none yet, deleted, a malformed key
            self._session_key = None
            return {}
        except OSError:  # no lock to be had (ENOLCK, say): read it as Django does
            return super().load()
        try:  # the lock is held until the end, expired sessions' removal included
            return self._read_locked(fd, status)
        finally:
            os.close(fd)

    def _read_locked(self, fd, status):
        chunks = [os.read(fd, max(status.st_size, 1))]
        while chunks[-1]:  # a regular file gives all of it at once; this only makes sure
            chunks.append(os.read(fd, IN_PLACE_LIMIT))
        text = b"".join(chunks).decode("ascii", "replace")  # not ASCII: fails its signature below
        if not text.strip(PADDING.decode()):
            return {}  # an empty placeholder, as Django's engine allows
        session_data = self.decode(text)  # damaged or tampered with: {} (Django's decode logs it)
        modified = datetime.datetime.fromtimestamp(
            status.st_mtime, tz=datetime.UTC if settings.USE_TZ else None
        )
        expiry = session_data.get("_session_expiry") or (
            modified + datetime.timedelta(seconds=self.get_session_cookie_age())
        )
        if self.get_expiry_age(expiry=expiry) <= 0:  # expired: removed, as in Django
            self.delete()
            self.create()
            return {}
        return session_data

    def decode(self, session_data):
        return super().decode(session_data.rstrip(PADDING.decode()))

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()
        data = self.encode(self._get_session(no_load=must_create)).encode("ascii")
        try:
            if must_create:
                fd = os.open(self._key_to_file(), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                fcntl.flock(fd, fcntl.LOCK_EX)
                size = 0
            else:
                fd, status = self._open_locked(os.O_WRONLY, fcntl.LOCK_EX)
                size = status.st_size
        except FileExistsError:
            raise CreateError from None
        except FileNotFoundError:
            if not must_create:
                raise UpdateError from None  # deleted meanwhile
            logger.warning("session not saved: no session directory")  # as Django's engine: no loop
            return
        except OSError as error:
            logger.warning("session not saved (%s)", type(error).__name__)
            return
        try:
            if max(len(data), size) > IN_PLACE_LIMIT:
                # Renamed over, still under this lock: no reader or writer trusts the old file after.
                return super().save(must_create=False)
            if os.pwrite(fd, data.ljust(size, PADDING), 0) < max(len(data), size):
                logger.warning("session not saved whole: short write")  # not expected within one page
        except OSError as error:
            logger.warning("session not saved (%s)", type(error).__name__)
        finally:
            os.close(fd)

    def _open_locked(self, flags, kind):
        """A descriptor of the session's file, locked with `kind`, and the file's status, once the path
        still names the file locked (it may have been replaced or deleted while waiting for the lock).
        Raises FileNotFoundError if there is no such file (never made, or deleted meanwhile)."""
        path = self._key_to_file()
        for _attempt in range(5):
            fd = os.open(path, flags)
            try:
                fcntl.flock(fd, kind)
                status, named = os.fstat(fd), os.stat(path)
                if (status.st_dev, status.st_ino) == (named.st_dev, named.st_ino):
                    return fd, status
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # replaced while waiting for the lock: lock the new one
        raise OSError("session file replaced too often")
