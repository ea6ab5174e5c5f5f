"""The session engine used with Redis (intake.sessions): it survives a Redis restart and a database outage."""

import pytest
from django.core.cache import caches

from intake.models import Intake
from tests.journeys import Visitor, journey, step_data, step_url
from tests.security.test_faults import database_down

pytestmark = pytest.mark.django_db


def use_redis_sessions(settings, location):
    settings.CACHES = {
        **settings.CACHES,
        "sessions": {
            "BACKEND": "intake.redis_cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "session",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    settings.SESSION_ENGINE = "intake.sessions"
    settings.SESSION_CACHE_ALIAS = "sessions"


def test_a_database_outage_at_the_last_step_loses_nothing(settings, redis_url, client):
    use_redis_sessions(settings, redis_url)
    client.raise_request_exception = False
    Visitor(client).walk(journey(), finish=False)
    with database_down():
        response = client.post(step_url("check"), {})
        assert response.status_code == 503 and "Your answers are still here" in response.content.decode()
        assert client.get(step_url("check")).status_code == 200  # answers read from Redis
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert Intake.objects.count() == 1


def test_a_redis_restart_mid_journey_loses_nothing(settings, redis_url, client):
    use_redis_sessions(settings, redis_url)
    Visitor(client).walk(journey(), finish=False)
    caches["sessions"].clear()
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert Intake.objects.count() == 1


def test_with_redis_down_sessions_carry_on_in_the_database(settings, client):
    use_redis_sessions(settings, "redis://127.0.0.1:1/0")  # nothing listens there
    Visitor(client).walk(journey())
    assert client.get("/guidance/").status_code == 200
    assert Intake.objects.count() == 1


def test_a_session_first_saved_during_an_outage_is_copied_to_the_database_later(settings, redis_url, client):
    from django.contrib.sessions.models import Session

    from intake.sessions import SessionStore

    use_redis_sessions(settings, redis_url)
    client.raise_request_exception = False
    with database_down():
        # The first answer begins the session: in Redis only.
        assert client.post(step_url("role"), step_data("role", journey())).status_code == 302
    assert not Session.objects.exists()
    assert "role" in SessionStore(client.cookies["sessionid"].value).load()["wizard_questions"]["step_data"]
    Visitor(client).walk(journey())
    assert Session.objects.count() == 1
    assert Intake.objects.count() == 1


@pytest.mark.parametrize("outage", ["database", "redis"])
def test_quick_exit_works_even_when_a_store_is_down(settings, redis_url, client, outage, monkeypatch):
    from unittest import mock

    from intake.redis_cache import RedisCache

    use_redis_sessions(settings, redis_url)
    client.raise_request_exception = False
    Visitor(client).walk(journey(), finish=False)
    down = (
        database_down()
        if outage == "database"
        else mock.patch.object(RedisCache, "delete", side_effect=ConnectionError("redis is down"))
    )
    with down:
        response = client.get("/exit/")
    assert response.status_code == 302 and response["Location"] == settings.QUICK_EXIT_URL
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    # The browser has forgotten the session: nothing of the answers comes back.
    assert client.get(step_url("check"))["Location"] == step_url("role")


def test_a_save_during_an_outage_reaches_the_database_once_it_is_back(settings, redis_url, client):
    from django.contrib.sessions.models import Session

    use_redis_sessions(settings, redis_url)
    client.raise_request_exception = False
    Visitor(client).walk(journey(), finish=False)
    with database_down():
        client.post(step_url("situation"), {"situation-criminal_case": "yes"})
    key = client.cookies["sessionid"].value
    stale = Session.objects.get(session_key=key).get_decoded()
    assert stale["wizard_questions"]["step_data"]["situation"]["situation-criminal_case"] == ["no"]
    client.get(step_url("check"))  # the first request after the outage copies the session again
    fresh = Session.objects.get(session_key=key).get_decoded()
    assert fresh["wizard_questions"]["step_data"]["situation"]["situation-criminal_case"] == ["yes"]
    assert "_database_behind" not in fresh


def test_a_redis_error_falls_back_to_the_database_without_overwriting_redis(settings, redis_url, client):
    from unittest import mock

    from intake.redis_cache import RedisCache
    from intake.sessions import SessionStore

    use_redis_sessions(settings, redis_url)
    Visitor(client).walk(journey(), finish=False)
    with (
        mock.patch.object(RedisCache, "set") as cache_set,
        mock.patch.object(RedisCache, "get", side_effect=ConnectionError("timeout")),
    ):
        data = SessionStore(client.cookies["sessionid"].value).load()
        assert "situation" in data["wizard_questions"]["step_data"]  # read from the database copy
        assert not cache_set.called  # and not written back over what Redis may hold


def test_a_session_deleted_elsewhere_is_not_brought_back(settings, redis_url, client):
    from django.contrib.sessions.backends.base import UpdateError

    from intake.sessions import SessionStore

    use_redis_sessions(settings, redis_url)
    Visitor(client).walk(journey(), finish=False)
    key = client.cookies["sessionid"].value
    tab = SessionStore(key)
    assert "wizard_questions" in tab  # this tab has the session loaded
    SessionStore(key).delete()  # quick exit in another tab
    tab["x"] = 1
    with pytest.raises(UpdateError):
        tab.save()
    assert not SessionStore().exists(key)


def test_the_redis_cache_reuses_one_client_per_connection_pool(redis_url):
    from intake.redis_cache import RedisCache

    cache = RedisCache(redis_url, {"KEY_PREFIX": "reuse-test"})
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    cache.set("answer", {"role": "protected"}, 30)
    assert cache.get("answer") == {"role": "protected"}
    assert cache.add("answer-count", 1)
    assert cache.incr("answer-count") == 2
    cache.clear()


def test_the_redis_cache_increments_only_a_present_key_and_keeps_its_expiry(redis_url):
    """One step on the server: a count that expired is not made again without an expiry (Django's
    client asks first, then increments, and a key expiring in between would never expire again)."""
    from intake.redis_cache import RedisCache

    cache = RedisCache(redis_url, {"KEY_PREFIX": "incr-test"})
    with pytest.raises(ValueError, match="not found"):
        cache.incr("gone")
    assert not cache.has_key("gone")  # not made by the attempt
    assert cache.add("count", 1, timeout=60)
    assert cache.incr("count") == 2 and cache.incr("count", 5) == 7 and cache.decr("count") == 6
    client = cache._cache.get_client()
    assert 0 < client.ttl(cache.make_key("count")) <= 60  # the expiry kept
    client.script_flush()  # a Redis restart forgets loaded scripts: loaded again when needed
    assert cache.incr("count") == 7
    cache.clear()


def test_the_fail_open_cache_still_counts_when_redis_is_up(settings, redis_url):
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "intake.redis_cache.FailOpenRedisCache", "LOCATION": redis_url},
    }
    cache = caches["default"]
    cache.delete("count")
    assert cache.add("count", 1, 60) and not cache.add("count", 1, 60)
    assert cache.incr("count") == 2 and cache.get("count") == 2
    with pytest.raises(ValueError):
        cache.incr("absent")


def test_the_database_copy_refuses_a_taken_key_and_a_missing_row(settings, redis_url):
    from django.contrib.sessions.backends.base import CreateError, UpdateError
    from django.contrib.sessions.models import Session

    from intake.sessions import SessionStore

    use_redis_sessions(settings, redis_url)
    first = SessionStore()
    first["answer"] = 1
    first.save()
    taken = SessionStore(first.session_key)
    taken._session_cache = {"answer": 2}
    with pytest.raises(CreateError):
        taken._save_database_copy(must_create=True)
    gone = SessionStore("x" * 32)
    gone._session_cache = {"answer": 3}
    with pytest.raises(UpdateError):
        gone._save_database_copy(must_create=False)
    # The database carries on (on PostgreSQL, a failed statement in a transaction would stop it).
    assert Session.objects.get(session_key=first.session_key).get_decoded() == {"answer": 1}


@pytest.mark.django_db(transaction=True)  # outside a transaction, as a request runs
def test_saving_an_answer_asks_the_database_once(settings, redis_url):
    """The database copy's write checks the connection: Django's own check would be a query first."""
    from unittest import mock

    from django.contrib.sessions.models import Session
    from django.db import connections

    from intake.sessions import SessionStore

    use_redis_sessions(settings, redis_url)
    connection = connections["default"]
    store = SessionStore()
    store["answer"] = 1
    store.save()
    connection.health_check_done = False  # as at the start of the next request
    with mock.patch.object(type(connection), "is_usable", autospec=True, return_value=True) as checked:
        store["answer"] = 2
        store.save()
    assert not checked.called
    assert Session.objects.get(session_key=store.session_key).get_decoded()["answer"] == 2


@pytest.mark.django_db(transaction=True)
def test_an_answer_is_saved_over_a_lost_database_connection(settings, redis_url):
    """A connection lost meanwhile (the database server restarted) is replaced, and the answer saved."""
    import psycopg
    from django.contrib.sessions.models import Session
    from django.db import connections

    from intake.sessions import DATABASE_BEHIND, SessionStore

    connection = connections["default"]
    if connection.vendor != "postgresql":
        pytest.skip("only a database server has a connection to lose; CI runs this on PostgreSQL")
    use_redis_sessions(settings, redis_url)
    store = SessionStore()
    store["answer"] = 1
    store.save()
    with connections["default"].cursor() as cursor:
        backend = cursor.connection.info.backend_pid
    with psycopg.connect(connection.connection.info.dsn, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [backend])  # as a server restart would
    connection.health_check_done = False  # the next request
    store["answer"] = 2
    store.save()
    assert Session.objects.get(session_key=store.session_key).get_decoded()["answer"] == 2
    assert DATABASE_BEHIND not in SessionStore(store.session_key).load()


@pytest.mark.django_db(transaction=True)
def test_a_failure_that_is_not_a_lost_connection_is_not_run_again(settings, redis_url):
    """A busy database (a lock, a timeout) is not asked twice: the visitor would wait twice as long,
    past the server's timeout. The answer is kept in Redis, marked for the database."""
    from unittest import mock

    from django.core.cache import caches
    from django.db import OperationalError, connections
    from django.db.backends.utils import CursorWrapper

    from intake.sessions import DATABASE_BEHIND, SessionStore

    use_redis_sessions(settings, redis_url)
    store = SessionStore()
    store["answer"] = 1
    store.save()
    connections["default"].health_check_done = False  # as at the start of the next request
    statements = []

    def busy(cursor, sql, params=None):
        statements.append(sql)
        raise OperationalError("database is locked")

    store["answer"] = 2
    with mock.patch.object(CursorWrapper, "execute", busy):
        store.save()
    assert len(statements) == 1
    cached = caches["sessions"].get(store.cache_key)
    assert cached["answer"] == 2 and cached[DATABASE_BEHIND]


@pytest.mark.django_db(transaction=True)
def test_a_first_save_whose_reply_is_lost_is_not_stored_twice(settings, redis_url):
    """The INSERT of a new session may have been stored with only its reply lost: it is not run again
    (a second key would keep a copy of the answers that "Delete my answers" cannot reach)."""
    from unittest import mock

    from django.contrib.sessions.models import Session
    from django.db import OperationalError, connections
    from django.db.backends.utils import CursorWrapper

    from intake.sessions import SessionStore

    use_redis_sessions(settings, redis_url)
    connections["default"].ensure_connection()  # a persistent connection, as on a running server
    real_execute, inserts = CursorWrapper.execute, []

    def reply_lost(cursor, sql, params=None):
        result = real_execute(cursor, sql, params)
        if sql.startswith("INSERT"):
            inserts.append(sql)
            if len(inserts) == 1:  # stored, but the reply never came back
                raise OperationalError("server closed the connection unexpectedly")
        return result

    store = SessionStore()
    store["answer"] = 1
    with mock.patch.object(CursorWrapper, "execute", reply_lost):
        store.save()
    assert len(inserts) == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [store.session_key]
    assert SessionStore(store.session_key).load()["answer"] == 1


def test_a_new_session_saved_during_a_database_outage_stays_marked_for_the_database(settings, redis_url):
    from django.core.cache import caches

    from intake.sessions import DATABASE_BEHIND, SessionStore

    use_redis_sessions(settings, redis_url)
    store = SessionStore()
    store["answer"] = 1
    with database_down():
        store.save()
    cached = caches["sessions"].get(store.cache_key)
    assert cached["answer"] == 1 and cached[DATABASE_BEHIND]  # the next request copies it


def test_a_quick_exit_racing_a_save_in_another_tab_does_not_bring_the_answers_back(
    settings, redis_url, client
):
    from unittest import mock

    from django.contrib.sessions.backends.base import UpdateError
    from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
    from django.contrib.sessions.models import Session

    from intake.sessions import SessionStore

    use_redis_sessions(settings, redis_url)
    Visitor(client).walk(journey(), finish=False)
    key = client.cookies["sessionid"].value
    other_tab = SessionStore(key)
    assert "wizard_questions" in other_tab  # loaded from Redis, as another tab's request would
    other_tab["x"] = 1
    refused = []
    delete_row = DatabaseStore.delete

    def other_tab_saves_between_the_two_deletes(store, session_key=None):
        delete_row(store, session_key)  # the database copy is gone, the Redis copy not yet
        try:
            other_tab.save()
        except UpdateError:
            refused.append(True)

    with mock.patch.object(DatabaseStore, "delete", other_tab_saves_between_the_two_deletes):
        assert client.get("/exit/").status_code == 302
    assert refused == [True]  # as Django's own engine: the other tab's request is told the session ended
    assert not Session.objects.filter(session_key=key).exists()
    assert SessionStore(key).load() == {}


def test_a_database_copy_lost_without_a_deletion_is_made_again(settings, redis_url, client):
    """A failover that loses the latest writes drops rows nobody deleted: answers carry on."""
    from django.contrib.sessions.models import Session

    use_redis_sessions(settings, redis_url)
    Visitor(client).walk(journey(), finish=False)
    key = client.cookies["sessionid"].value
    Session.objects.filter(session_key=key).delete()  # lost, not deleted through the session engine
    response = client.post(step_url("situation"), step_data("situation", journey(criminal_case="yes")))
    assert response.status_code == 302
    row = Session.objects.get(session_key=key).get_decoded()
    assert row["wizard_questions"]["step_data"]["situation"]["situation-criminal_case"] == ["yes"]
