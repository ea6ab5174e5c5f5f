"""Sessions in files, rewritten in place (intake.file_sessions): the single-server session engine."""

import errno
import fcntl
import os
import threading
from pathlib import Path

import pytest
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.core import signing

from intake import file_sessions
from intake.file_sessions import IN_PLACE_LIMIT, SessionStore


@pytest.fixture(autouse=True)
def session_dir(monkeypatch, tmp_path):
    # Django's file engine keeps the directory on the class once it has read the setting.
    monkeypatch.setattr(SessionStore, "_storage_path", str(tmp_path), raising=False)
    return tmp_path


def stored(data: dict) -> str:
    store = SessionStore()
    store.update(data)
    store.save()
    return store.session_key


def path_of(key: str) -> str:
    return SessionStore(key)._key_to_file()


def test_a_session_saved_is_loaded_whole():
    key = stored({"answers": {"role": "restrained"}, "n": 1})
    assert SessionStore(key).load() == {"answers": {"role": "restrained"}, "n": 1}


def test_a_shorter_session_is_padded_in_the_same_file_and_read_without_the_padding():
    key = stored({"long": "x" * 500})
    inode, size = os.stat(path_of(key)).st_ino, os.path.getsize(path_of(key))
    store = SessionStore(key)
    store["long"] = "short"
    store.save()
    assert os.stat(path_of(key)).st_ino == inode  # rewritten in place, not replaced
    assert os.path.getsize(path_of(key)) == size  # never shrunk, so no second step that could be cut off
    assert Path(path_of(key)).read_text().endswith(" ")
    assert SessionStore(key).load() == {"long": "short"}


def test_a_session_larger_than_a_page_is_replaced_whole_and_back_in_place_once_small():
    key = stored({"n": 1})
    store = SessionStore(key)
    store["big"] = os.urandom(IN_PLACE_LIMIT).hex()  # larger than a page
    store.save()
    assert SessionStore(key).load()["big"] == store["big"]
    del store["big"]
    store.save()  # the file is larger than a page: replaced (padding it would write more than a page)
    assert os.path.getsize(path_of(key)) < IN_PLACE_LIMIT
    assert SessionStore(key).load() == {"n": 1}


def test_creating_a_taken_key_and_saving_a_deleted_session_fail_as_in_django():
    key = stored({"n": 1})
    store = SessionStore(key)
    with pytest.raises(CreateError):
        store.save(must_create=True)
    store.delete()
    with pytest.raises(UpdateError):  # the middleware then answers "session interrupted", not a 500
        store.save()


def test_a_session_deleted_while_its_save_waited_for_the_lock_fails_as_in_django(monkeypatch):
    key = stored({"n": 1})
    real_flock = file_sessions.fcntl.flock

    def deleted_first(fd, kind):
        os.unlink(path_of(key))  # quick exit in another tab, just before this save takes the lock
        return real_flock(fd, kind)

    store = SessionStore(key)
    store["n"] = 2
    monkeypatch.setattr(file_sessions.fcntl, "flock", deleted_first)
    with pytest.raises(UpdateError):
        store.save()
    assert not os.path.exists(path_of(key))  # not brought back


def test_a_missing_session_directory_does_not_make_creating_a_session_loop(monkeypatch, tmp_path):
    monkeypatch.setattr(SessionStore, "_storage_path", str(tmp_path / "gone"), raising=False)
    store = SessionStore()
    store["n"] = 1
    thread = threading.Thread(target=store.save, daemon=True)
    thread.start()
    thread.join(timeout=5)
    assert not thread.is_alive()  # gave up, as Django's engine does, instead of trying new keys forever


def test_a_load_waits_for_a_write_in_progress():
    key = stored({"n": 1})
    fd = os.open(path_of(key), os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a writer holds the file
    loaded = []
    thread = threading.Thread(target=lambda: loaded.append(SessionStore(key).load()), daemon=True)
    thread.start()
    thread.join(timeout=0.3)
    assert thread.is_alive() and loaded == []  # waiting, not reading
    os.close(fd)  # the write is done
    thread.join(timeout=5)
    assert loaded == [{"n": 1}]


def test_a_missing_or_malformed_key_loads_as_no_session():
    assert SessionStore("a" * 32).load() == {}
    assert SessionStore("../../etc/passwd").load() == {}
    store = SessionStore()
    assert store.load() == {} and store.session_key is None


def test_the_file_is_readable_only_by_the_server():
    assert os.stat(path_of(stored({"n": 1}))).st_mode & 0o077 == 0


def test_loads_racing_with_saves_find_a_whole_session():
    """Saves of a long and a short session race with loads: every load finds one or the other whole
    (a file seen emptied, or half rewritten, would load as an empty session)."""
    long_data, short_data = {"v": "L" * 1500}, {"v": "S"}
    key = stored(long_data)
    done = threading.Event()

    def writer():
        store = SessionStore(key)
        for n in range(1500):
            store.clear()
            store.update(long_data if n % 2 else short_data)
            store.save()
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    loads = []
    while not done.is_set():
        loads.append(SessionStore(key).load())
    thread.join()
    assert loads and all(data in (long_data, short_data) for data in loads)


def test_a_session_changed_on_disk_loads_as_no_session():
    key = stored({"role": "restrained"})
    path = Path(path_of(key))
    text = path.read_text()
    path.write_text(text[:4] + ("A" if text[4] != "A" else "B") + text[5:])  # its signature no longer matches
    assert SessionStore(key).load() == {}


def test_a_session_written_compressed_still_loads():
    """Sessions are written uncompressed; one written compressed (Django's own encoding) still reads."""
    key = stored({"n": 1})
    store = SessionStore(key)
    data = {"v": "x" * 200}
    compressed = signing.dumps(data, salt=store.key_salt, serializer=store.serializer, compress=True)
    assert compressed.startswith(".")  # Django's mark of a compressed value
    Path(path_of(key)).write_text(compressed)
    assert SessionStore(key).load() == data


def test_an_expired_session_loads_as_none_and_its_file_is_removed(settings):
    key = stored({"n": 1})
    long_ago = os.path.getmtime(path_of(key)) - settings.SESSION_COOKIE_AGE - 60
    os.utime(path_of(key), (long_ago, long_ago))  # untouched for longer than a session lasts
    store = SessionStore(key)
    assert store.load() == {}
    assert not os.path.exists(path_of(key))
    assert store.session_key != key  # as in Django: a new, empty session in its place


def test_a_save_that_waited_while_the_file_was_replaced_writes_the_new_file(monkeypatch, tmp_path):
    """Even if the old file keeps another name (a hard-link snapshot of the directory, NFS), a save
    that waited for its lock while a larger save replaced the file writes to the file the path names."""
    key = stored({"n": 1})
    os.link(path_of(key), tmp_path / "snapshot")
    real_flock, replaced = file_sessions.fcntl.flock, []

    def replaced_first(fd, kind):
        if not replaced:
            replaced.append(True)
            other = SessionStore(key)
            other["big"] = "x" * (IN_PLACE_LIMIT + 100)  # larger than a page: renamed over
            other.save()
        return real_flock(fd, kind)

    store = SessionStore(key)
    store["n"] = 2
    monkeypatch.setattr(file_sessions.fcntl, "flock", replaced_first)
    store.save()
    monkeypatch.setattr(file_sessions.fcntl, "flock", real_flock)
    assert SessionStore(key).load() == {"n": 2}  # the later save, whole (it read before the big one)


def test_without_locks_a_session_is_read_as_django_reads_it(monkeypatch):
    key = stored({"answers": {"role": "restrained"}})
    real_flock = file_sessions.fcntl.flock

    def no_locks(fd, kind):
        if kind == fcntl.LOCK_SH:
            raise OSError(errno.ENOLCK, "No locks available")
        return real_flock(fd, kind)

    monkeypatch.setattr(file_sessions.fcntl, "flock", no_locks)
    store = SessionStore(key)
    assert store.load() == {"answers": {"role": "restrained"}} and store.session_key == key
